"""News pages: the story text without boilerplate, and its title, date, URL and outlet.

trafilatura drops menus, footers and comment threads and reads the page's
metadata (Open Graph, JSON-LD, <meta> tags); where the page names no date it
looks for one in the text.
"""

from __future__ import annotations

import hashlib

import trafilatura

from eventwire.ingest.dates import normalize_date

MIN_CHARS = 40


class PageError(ValueError):
    """A page holds no story text that can be coded; the message says why."""


def page_article_fields(html: str | bytes, url: str | None = None,
                        fallback_date: str | None = None) -> dict[str, str | None]:
    """The Article fields (except id) of one HTML page, or raise PageError.

    `url` is where the page was found: the page's own canonical URL wins.
    `fallback_date` (a feed entry's or a WARC record's date) is used when the page has none.
    """
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except Exception as exc:  # trafilatura raises many types on odd markup
        raise PageError(f"cannot parse the page: {type(exc).__name__}: {exc}") from exc
    if found is None or not (found.text or "").strip():
        raise PageError("no story text found in the page")
    text = _paragraphs(found.text, found.title)
    if len(text) < MIN_CHARS:
        raise PageError(f"story text is only {len(text)} characters")
    return {"text": text, "title": found.title or None, "url": found.url or url,
            "source": found.sitename or found.hostname or None,
            "date": _date(found.date) or fallback_date}


def page_id(url: str | None, text: str) -> str:
    """An article id from the page's URL, else from its text: the same page, the same id."""
    if url:
        return url
    return "html:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _paragraphs(text: str, title: str | None) -> str:
    """One paragraph a line becomes a blank line between paragraphs, minus a leading headline.

    The coder starts a sentence at a blank line, and the headline is kept as the title
    so it is not coded twice.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if title and len(lines) > 1 and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return normalize_date(value)
    except ValueError:
        return None
