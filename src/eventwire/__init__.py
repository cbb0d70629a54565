"""eventwire: political event data from news text.

    >>> import eventwire
    >>> events = eventwire.code_text("Israel attacked Hamas in Gaza.", date="2024-03-26")
    >>> [(e.source.code, e.target.code, e.cameo, e.plover) for e in events]
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.schema import ActorRef, Article, Event, TextSpan

__version__ = "0.1.0"
__all__ = ["ActorRef", "Article", "Event", "TextSpan", "code_text", "default_coder"]


@lru_cache(maxsize=4)
def default_coder(model: str | None = None):
    """The coder with the bundled dictionaries, loaded once per model."""
    from eventwire.coder import Coder
    from eventwire.nlp import DEFAULT_MODEL

    return Coder.load(model or DEFAULT_MODEL)


def code_text(text: str, date: str | None = None, doc_id: str = "text",
              model: str | None = None, conventions: str = "eventwire",
              keep_negated: bool = False, keep_auxiliary: bool = False) -> list[Event]:
    """Code one article's text into events; ``conventions="petrarch2"`` codes announced
    acts as the acts, as the Phoenix data sets do (docs/CODING.md); ``keep_negated``
    keeps negated events, marked with the auxiliary mode "negated", and ``keep_auxiliary``
    hypothetical and historical ones, marked likewise."""
    from eventwire.ingest import normalize_date

    article = Article(id=doc_id, text=text, date=normalize_date(date) if date else None)
    coder = default_coder(model)
    if conventions != "eventwire":
        coder = coder.with_conventions(conventions)
    if keep_negated or keep_auxiliary:
        import dataclasses

        coder = coder.with_rules(dataclasses.replace(
            coder.rules, keep_negated=keep_negated, keep_auxiliary=keep_auxiliary))
    return coder.code_article(article)
