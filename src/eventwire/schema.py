"""The typed records passed between stages: the contract of the pipeline.

Field names follow PLOVER where they can. Codes are always strings ("042").
Offsets are character offsets into the article text, end exclusive.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from pydantic import BaseModel, Field, field_validator

# Half of a surrogate pair, which a producer writes (as "\\ud83d") when it cuts an
# emoji in half. It cannot be encoded as UTF-8, so hashing or storing the text fails.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def without_lone_surrogates(text: str) -> str:
    """The text with each lone surrogate replaced by U+FFFD, as a UTF-8 decoder does with
    a broken byte sequence; a whole pair was already joined into one character by JSON."""
    return _LONE_SURROGATE.sub(REPLACEMENT, text)


class TextSpan(BaseModel):
    """A piece of the article text, located by character offsets."""

    text: str
    start: int
    end: int


class ActorRef(TextSpan):
    """An actor as it appears in the text, with the code it resolved to."""

    code: str
    rule: str | None = Field(
        default=None, description="Dictionary entry (file:line) or rule that gave the code."
    )
    antecedent: TextSpan | None = Field(
        default=None, description="For a pronoun or description ('it', 'the ally'), the "
        "earlier mention it was resolved to, with its offsets in the article.")


class Location(BaseModel):
    """Where an event happened: a place from the gazetteer and the mention that named it."""

    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO 3166 alpha-3; null for a "
                                "region of several states (the Sahel).")
    admin1: str | None = Field(default=None, description="First-level region: ISO 3166-2 "
                               "('US-TX') where known, else GeoNames' 'CC.code'.")
    geonameid: int | None = None
    feature: str = Field(description="city, admin1, territory, region, country or continent.")
    basis: str = Field(description="Where the place was found: the event's clause, its "
                       "sentence, the article's dateline or the article's dominant place.")
    text: str
    start: int
    end: int


class Article(BaseModel):
    """One news story: the unit that is read, coded and stored."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @field_validator("id", "text", "date", "title", "url", "source")
    @classmethod
    def _encodable(cls, value: str | None) -> str | None:
        """Every article text can be hashed, stored and coded, wherever it came from."""
        return None if value is None else without_lone_surrogates(value)


class ArticleEvents(list):
    """One article's events (a list of `Event`), with `notes` on where the coder did
    less than usual, e.g. a sentence over the length cap coded in pieces (limits.py)."""

    def __init__(self, events: Iterable[Event] = (), notes: Iterable[str] = ()) -> None:
        super().__init__(events)
        self.notes: list[str] = list(notes)


class CountSpan(TextSpan):
    """One count as the text gives it: '12', 'at least 30', 'dozens'."""

    field: str = Field(description="dead, injured or arrested")
    value: int
    qualifier: str | None = Field(default=None, description="'at least', 'nearly', ...")
    approximate: bool = Field(
        default=False, description="A vague amount ('dozens') read as its lower bound.")
    rule: str = Field(description="The form that gave the count ('verb object', 'measure').")


class Size(BaseModel):
    """PLOVER's size object: counts the text gives, null where it gives none."""

    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    approximate: list[str] = Field(
        default_factory=list, description="Fields read from a vague amount's lower bound.")
    counts: list[CountSpan] = Field(default_factory=list)


class Context(BaseModel):
    """One PLOVER context of an event, where it was found and on what evidence."""

    name: str
    source: str = Field(description="'sentence' or 'article'")
    evidence: str = Field(description="code, sector:XXX, keyword:word, model:p or article:...")


class Event(BaseModel):
    """One coded event mention, traceable to its article, sentence and rule."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    date: str | None = None
    event_date: str | None = Field(
        default=None, description="The date the sentence gives its event ('on Tuesday'), "
        "resolved against the article date; null when it names none.")
    source: ActorRef | None = None
    target: ActorRef | None = None
    cameo: str
    cameo_root: str
    cameo_name: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    plover: str | None = None
    plover_mode: str | None = None
    trigger: TextSpan
    is_root: bool = False
    rule: str
    modality: str | None = Field(
        default=None, description="Why the event is not plain fact, e.g. 'negated', 'future'."
    )
    coder_version: str | None = Field(default=None, description="eventwire version that coded it.")
    dictionaries: str | None = Field(
        default=None, description="Hash of the dictionaries and tables in force when coded."
    )
    # Issue 15: PLOVER's size, context and auxiliary mode (docs/CODING.md).
    size: Size | None = Field(
        default=None, description="How many the event killed, injured or arrested, as the "
        "text gives them; null when it gives no count.")
    context: list[Context] = Field(
        default_factory=list, description="PLOVER contexts, each from the sentence or the "
        "article; empty when none applies.")
    aux_mode: str | None = Field(
        default=None, description="PLOVER auxiliary mode: historical, future, hypothetical "
        "or negated; null for a plain fact.")
    location: Location | None = None


def event_id(doc_id: str, sentence_index: int, trigger_start: int, source: str | None,
             target: str | None, cameo: str) -> str:
    """A deterministic id, so re-coding an article gives the same ids."""
    key = "|".join([doc_id, str(sentence_index), str(trigger_start), source or "",
                    target or "", cameo])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
