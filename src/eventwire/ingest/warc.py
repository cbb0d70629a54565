"""WARC archives of news crawls: every HTML response record read as a page.

Records that are not successful HTML responses (requests, metadata, images,
redirects) are passed over silently: a crawl is mostly made of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.ingest.html import PageError, page_article_fields


@dataclass(frozen=True)
class WarcPage:
    """One HTML response: its record number (1-based), URL and fields or error."""

    number: int
    url: str | None
    fields: dict[str, str | None] | None = None
    error: str | None = None


def warc_pages(stream: BinaryIO) -> Iterator[WarcPage]:
    """Read each HTML response of a (possibly gzipped) WARC stream.

    Raises ValueError if the stream is not a WARC archive, is damaged (after
    yielding what came before the damage) or holds no HTML response.
    """
    number = pages = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if not _is_html_response(record):
                continue
            pages += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            body = record.content_stream().read()
            try:
                fields = page_article_fields(body, url=url, fallback_date=date)
            except PageError as exc:
                yield WarcPage(number, url, error=str(exc))
                continue
            yield WarcPage(number, url, fields)
    except ArchiveLoadFailed as exc:
        raise ValueError(f"not a readable WARC archive ({exc})") from exc
    except (OSError, EOFError) as exc:
        raise ValueError(f"cannot read the archive after record {number}: {exc}") from exc
    if pages == 0:
        raise ValueError(f"no HTML responses among {number} records; is it a WARC archive?")


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    kind = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and ("html" in kind or not kind)
