"""How much input eventwire takes on, stated once; every check reads its limit from here.

An article over `MAX_ARTICLE_CHARS` characters is refused by the reader, with its
file and line, before anything is parsed; a page's markup over `MAX_PAGE_BYTES`
is refused before it is parsed, since extracting its text costs time and memory
in proportion to the markup. Within the limits, the coding cost grows with the
length of the text, not faster: a sentence longer than `MAX_SENTENCE_TOKENS`
(a list of names, a text without full stops) is coded in pieces of that length,
and the article records a note saying so; a run of characters without a space
longer than `MAX_RUN_CHARS` is one token a piece of that length.
"""

from __future__ import annotations

MAX_ARTICLE_CHARS = 2_000_000
# News pages run from 50 KB to 2 MB of markup; ten bytes of markup for each character
# of story text covers them, and bounds what a hostile page costs to parse.
MAX_PAGE_BYTES = 10_000_000
# Ordinary news sentences are under 100 tokens; the longest in the development sets
# is under 200. Above this, pattern matching would grow with the square of the length.
MAX_SENTENCE_TOKENS = 250
# spaCy's tokenizer strips prefixes and suffixes one at a time, searching the rest of
# the run each time: a run of 16,000 "[" then "]" took 97 s. A run without spaces
# longer than this (no name, word or URL of news text is) is split into pieces of
# this length without being searched.
MAX_RUN_CHARS = 256


def too_large(chars: int, limit: int = MAX_ARTICLE_CHARS) -> str:
    """The message for an article over the limit."""
    return f"article is {chars:,} characters; the limit is {limit:,}"


def page_too_large(size: int, limit: int = MAX_PAGE_BYTES) -> str:
    """The message for a page whose markup is over the limit."""
    return f"page is {size:,} bytes of markup; the limit is {limit:,}"
