"""Hostile text and files for the fuzz suite (tests/test_fuzz.py) and the long fuzz run
(benchmarks/fuzz.py): what a broken producer, a crawler or a hostile user may send.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

LONE_SURROGATES = [chr(code) for code in (0xD800, 0xD83D, 0xDBFF, 0xDC00, 0xDE00, 0xDFFF)]
CONTROLS = [chr(code) for code in (*range(0, 32), 0x7F, 0x85)]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066",
        "\u2067", "\u2068", "\u2069", "\u200b", "\u200d", "\ufeff", "\u061c"]
EMOJI = ["\U0001F600", "\U0001F525", "\U0001F1FA\U0001F1F8", "\u2764\ufe0f",
         "\U0001F469\u200d\U0001F4BB", "\U0001F44D\U0001F3FD", "\U0001F4A5", "\u26a0"]
WORDS = ["Israel", "Hamas", "Russia", "Ukraine", "China", "the", "government", "police",
         "rebels", "attacked", "accused", "met", "said", "they", "it", "he", "and", "of",
         "in", "Gaza", "President", "Putin", "troops", "on", "Monday", "not", "will",
         "United", "Nations", "Security", "Council", "-", "--", "'s", "$5", "500"]
SENTENCES = ["Israel accused Hamas of violating the truce in Gaza.",
             "They said it would not happen again.",
             "Police met the rebels and the rebels met the police",
             "President Putin praised China for its support, officials said."]

_JUNK = st.sampled_from(LONE_SURROGATES + CONTROLS + BIDI + EMOJI)
_PIECE = st.one_of(st.sampled_from(WORDS), _JUNK, st.sampled_from([" ", ".", ",", "\n\n"]))

words_and_junk = st.lists(_PIECE, max_size=120).map(" ".join)
no_punctuation = st.lists(st.sampled_from([w for w in WORDS if w.isalpha()]),
                          max_size=400).map(" ".join)
repeated = st.builds(lambda s, n, glue: glue.join([s] * n), st.sampled_from(SENTENCES),
                     st.integers(1, 150), st.sampled_from([" ", "", "\n\n", " \U0001F600 "]))
huge_token = st.builds(lambda head, n, tail: f"{head} {'x' * n}{tail}",
                       st.sampled_from(SENTENCES), st.integers(100, 20_000),
                       st.sampled_from(["", " in Gaza.", "\ud83d"]))
affix_run = st.builds(lambda opener, closer, n: opener * n + closer * n,
                      st.sampled_from(["[", "(", "\"", "'", "-", "$"]),
                      st.sampled_from(["]", ")", "\"", ".", "!", "%"]), st.integers(1, 3000))
any_unicode = st.lists(st.one_of(st.characters(), _JUNK), max_size=300).map("".join)

hostile_text = st.one_of(words_and_junk, no_punctuation, repeated, huge_token, affix_run,
                         any_unicode)


def _record_value():
    return st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                     hostile_text, st.lists(st.integers(), max_size=3),
                     st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


# Mostly well-formed records with hostile text; some with wrong types, missing keys or
# hostile ids and dates.
records = st.fixed_dictionaries(
    {"text": st.one_of(hostile_text, hostile_text, _record_value())},
    optional={"id": st.one_of(st.text(max_size=20), st.integers(), _record_value()),
              "date": st.one_of(st.sampled_from(["2024-03-01", "2024-02-30", "yesterday",
                                                 "2024-03-01T10:00:00Z"]), _record_value()),
              "title": _record_value(), "url": _record_value(), "source": _record_value()})


def jsonl_line(record: dict, ensure_ascii: bool) -> bytes:
    """A record as a producer writes it: \\u escapes (lone surrogates included) or raw UTF-8.
    Raw UTF-8 cannot carry a lone surrogate, so such a writer emits it as an escape."""
    text = json.dumps(record, ensure_ascii=ensure_ascii)
    return text.encode("utf-8", "surrogatepass" if ensure_ascii else "backslashreplace")


raw_lines = st.one_of(
    st.builds(jsonl_line, records, st.booleans()),
    st.binary(max_size=200),
    st.builds(lambda n: b"[" * n + b"]" * n, st.integers(1, 50_000)),
    st.just(b""), st.just(b"{not json"), st.just(b"\xef\xbb\xbf{\"text\": \"BOM\"}"),
)
