"""Cost that stays in proportion to the text, and one size limit checked before the work.

Speed itself is measured by benchmarks/cost.py; these tests pin down the mechanisms
that keep it linear and show that they change nothing on ordinary text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventwire
from eventwire import nlp
from eventwire.actors.coref import Antecedent, ArticleMemory
from eventwire.coder import ArticleTooLarge
from eventwire.events.patterns import MAX_STEM, MIN_STEM, Region
from eventwire.ingest import ReadError, read_inputs
from eventwire.limits import MAX_ARTICLE_CHARS, MAX_PAGE_BYTES, MAX_SENTENCE_TOKENS

NEWS = ("Israel accused Hamas of violating the truce in Gaza on Monday. "
        "Egypt praised Qatar for its mediation, officials said.\n\n"
        "Lt. Gen. Avril met President Bush in Washington. They signed an accord.")


def test_sentence_docs_match_span_as_doc() -> None:
    docs = list(nlp.split([NEWS, "Russia criticized Ukraine. It denied the claim."]))
    sentences = [sent for doc in docs for sent in doc.sents]
    built = list(nlp.sentence_docs(sentences))
    assert [d.to_json() for d in built] == [s.as_doc().to_json() for s in sentences]


def test_a_sentence_over_the_cap_is_coded_in_pieces_with_a_note() -> None:
    # 'and' after 'and', no full stop: one sentence of about 1,200 tokens
    text = " and ".join(f"Israel accused Hamas of attack {n}" for n in range(200))
    (doc,) = nlp.split([text])
    lengths = [len(sent) for sent in doc.sents]
    assert max(lengths) == MAX_SENTENCE_TOKENS and sum(lengths) == len(doc)
    events = eventwire.code_text(text)
    assert len(events.notes) == 1
    assert events.notes[0].startswith(f"{len(lengths) - 1} cut(s): sentences over "
                                      f"{MAX_SENTENCE_TOKENS} tokens were coded in pieces")
    assert {e.sentence_index for e in events} >= {0, len(lengths) - 1}  # every piece coded


def test_ordinary_text_has_no_cut_and_no_note() -> None:
    (doc,) = nlp.split([NEWS])
    assert nlp.CUTS not in doc.user_data
    assert eventwire.code_text(NEWS).notes == []


def naive_latest(seen: list[Antecedent], wanted) -> Antecedent | None:
    """The rule as it was first written: scan every mention."""
    fitting = [a for a in seen if wanted(a)]
    return ([a for a in fitting if a.subject] or fitting or [None])[-1]


ANTECEDENTS = st.builds(Antecedent, code=st.sampled_from(["ISR", "ISRGOV", "---GOV", "IGOUNO"]),
                        kind=st.sampled_from(["person", "country", "organization", "agent"]),
                        rule=st.just("r"), text=st.just("t"), subject=st.booleans())


@settings(max_examples=200, deadline=None)
@given(article=st.lists(ANTECEDENTS, max_size=12), sentence=st.lists(ANTECEDENTS, max_size=4))
def test_memory_answers_as_a_scan_of_every_mention_would(article, sentence) -> None:
    memory = ArticleMemory()
    for antecedent in article:
        memory.observe(antecedent)
    view = memory.with_sentence(sentence)
    from eventwire.actors.coref import WANTED
    for sort, wanted in WANTED.items():
        assert view._latest(sort) == naive_latest(article + sentence, wanted)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text("abc", min_size=1, max_size=60), min_size=1, max_size=5),
       probe=st.text("abc", min_size=MIN_STEM, max_size=60))
def test_bounded_stems_find_what_every_stem_would(words, probe) -> None:
    region = Region([(word, word) for word in words])
    every_stem = any(word.startswith(probe) and len(word) > len(probe) for word in words)
    assert region._has((probe, False)) == (every_stem or probe in region.present)
    assert all(len(stem) <= MAX_STEM for stem in region.stems)


def test_the_size_limit_is_the_pipelines_limit() -> None:
    assert nlp.load_pipeline().max_length >= MAX_ARTICLE_CHARS
    text = "Talks went on. " * (1_050_000 // 15)  # over spaCy's default of 1,000,000
    (doc,) = nlp.split([text])
    assert len(doc) > 200_000


def test_the_coder_refuses_an_article_over_the_limit_before_any_work() -> None:
    with pytest.raises(ArticleTooLarge, match=f"big: article is {MAX_ARTICLE_CHARS + 1:,} "
                                              f"characters; the limit is {MAX_ARTICLE_CHARS:,}"):
        eventwire.code_text("x" * (MAX_ARTICLE_CHARS + 1), doc_id="big")


def test_readers_refuse_over_the_limit_with_file_and_line(tmp_path: Path) -> None:
    source = tmp_path / "big.jsonl"
    source.write_text(json.dumps({"id": "ok", "text": "Egypt praised Qatar."}) + "\n"
                      + json.dumps({"id": "big", "text": "a" * (MAX_ARTICLE_CHARS + 1)}) + "\n")
    ok, big = read_inputs([str(source)])
    assert ok.id == "ok"
    assert (big.path, big.line) == (str(source), 2)
    assert big.message == (f"article is {MAX_ARTICLE_CHARS + 1:,} characters; "
                           f"the limit is {MAX_ARTICLE_CHARS:,}")


def test_html_page_over_the_markup_limit_is_refused_unparsed(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    with page.open("w") as out:
        out.write("<html><body><p>")
        out.write("Israel accused Hamas. " * (MAX_PAGE_BYTES // 22 + 1))
        out.write("</p></body></html>")
    (error,) = read_inputs([str(page)])
    assert isinstance(error, ReadError)
    assert error.message == (f"page is {page.stat().st_size:,} bytes of markup; "
                             f"the limit is {MAX_PAGE_BYTES:,}")


def test_a_long_run_without_spaces_is_cut_into_tokens_and_keeps_the_text() -> None:
    from eventwire.limits import MAX_RUN_CHARS

    text = "Talks began. " + "[" * 3000 + "]" * 3000 + " Israel accused Hamas of it."
    (doc,) = nlp.split([text])
    assert doc.text == text
    assert max(len(token) for token in doc) == MAX_RUN_CHARS
    assert [t.text for t in doc[:3]] == ["Talks", "began", "."]
    assert [t.text for t in doc[-6:]] == ["Israel", "accused", "Hamas", "of", "it", "."]
    (plain,) = nlp.split([NEWS])  # ordinary text is tokenized as the model does
    assert [t.text for t in plain] == [t.text for t in nlp.load_pipeline().tokenizer(NEWS)]
