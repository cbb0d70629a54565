"""The typed records passed between stages: the contract of the pipeline.

Field names follow PLOVER where they can. Codes are always strings ("042").
Offsets are character offsets into the article text, end exclusive.
"""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, Field


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
    location: Location | None = None


def event_id(doc_id: str, sentence_index: int, trigger_start: int, source: str | None,
             target: str | None, cameo: str) -> str:
    """A deterministic id, so re-coding an article gives the same ids."""
    key = "|".join([doc_id, str(sentence_index), str(trigger_start), source or "",
                    target or "", cameo])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
