"""WARC archives of news crawls: every HTML response record read as a page.

Records that are not successful HTML responses (requests, metadata, images,
redirects) are passed over silently: a crawl is mostly made of them. A response
without a WARC-Target-URI is still read; its article id then comes from its text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

from eventwire.failures import contained, describe
from eventwire.ingest.html import PageError, page_article_fields
from eventwire.limits import MAX_PAGE_BYTES, page_too_large

# How much of a non-WARC file's start a message shows: enough to recognise it.
_SHOWN_BYTES = 24


@dataclass(frozen=True)
class WarcPage:
    """One HTML response: its record number (1-based), URL and fields or error."""

    number: int
    url: str | None
    fields: dict[str, str | None] | None = None
    error: str | None = None


class _Loader(ArcWarcRecordLoader):
    """warcio's loader, for records without a WARC-Target-URI: warcio calls
    ``uri.startswith`` on it and raises AttributeError, ending the archive."""

    def load_http_headers(self, rec_type, uri, stream, length):
        return super().load_http_headers(rec_type, "http:" if uri is None else uri,
                                         stream, length)


def warc_pages(stream: BinaryIO, max_bytes: int = MAX_PAGE_BYTES) -> Iterator[WarcPage]:
    """Read each HTML response of a (possibly gzipped) WARC stream.

    A record over `max_bytes` is reported, not parsed. Raises ValueError if the
    stream is not a WARC archive, is damaged (after yielding what came before the
    damage) or holds no HTML response.
    """
    number = pages = 0
    head = _head(stream)
    records = ArchiveIterator(stream)
    records.loader = _Loader()
    try:
        for record in records:
            number += 1
            if not _is_html_response(record):
                continue
            pages += 1
            yield _contained_page(record, number, max_bytes)
    except ArchiveLoadFailed as exc:
        raise ValueError(_not_warc(head, number)) from exc
    except Exception as exc:  # warcio raises many types on a damaged archive
        raise ValueError(f"cannot read the archive after record {number}: "
                         f"{describe(exc)}") from exc
    if pages == 0:
        raise ValueError(f"no HTML responses among {number} records; is it a WARC archive?")


def _contained_page(record, number: int, max_bytes: int) -> WarcPage:
    """The record's page, or its error, whatever reading it raised."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    return contained(lambda: _page(record, url, number, max_bytes),
                     lambda message: WarcPage(number, url, error=message))


def _page(record, url: str | None, number: int, max_bytes: int) -> WarcPage:
    date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return WarcPage(number, url, error=page_too_large(record.length or len(body),
                                                           max_bytes))
    try:
        fields = page_article_fields(body, url=url, fallback_date=date)
    except PageError as exc:
        return WarcPage(number, url, error=str(exc))
    return WarcPage(number, url, fields)


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of the stream, put back, to say what a file that is not WARC holds."""
    if not stream.seekable():
        return b""
    at = stream.tell()
    head = stream.read(_SHOWN_BYTES)
    stream.seek(at)
    return head


def _not_warc(head: bytes, number: int) -> str:
    """What is wrong, without dumping the file's bytes to the terminal."""
    if number:
        return f"cannot read the archive after record {number}: a damaged record"
    if not head:
        return "not a WARC archive: no WARC record header at the start"
    return f"not a WARC archive: it starts with {head!r}, not a WARC record header"



def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    kind = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and ("html" in kind or not kind)
