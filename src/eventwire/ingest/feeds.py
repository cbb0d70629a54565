"""RSS and Atom feeds: each entry's linked page is fetched politely and read as an article.

Politeness: at most `concurrency` requests at once, at least `min_interval`
seconds between two requests to the same host, a timeout on each request, and
retries with growing back-off on connection errors, 429 and 5xx (honouring
Retry-After). A page that cannot be fetched is reported and the feed goes on.
"""

from __future__ import annotations

import calendar
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import feedparser
import httpx

from eventwire import __version__
from eventwire.failures import contained
from eventwire.ingest.html import PageError, page_article_fields
from eventwire.limits import MAX_PAGE_BYTES, page_too_large

USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire; research crawler)"
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchPolicy:
    """How politely pages are fetched."""

    concurrency: int = 4
    min_interval: float = 0.5
    timeout: float = 15.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = MAX_PAGE_BYTES


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None
    date: str | None


@dataclass(frozen=True)
class FetchedPage:
    """One entry's page: the Article fields, or the reason there are none."""

    entry: FeedEntry
    fields: dict[str, str | None] | None = None
    error: str | None = None


class FeedError(ValueError):
    """The feed itself cannot be fetched or parsed."""


@dataclass
class _HostClock:
    """Spaces requests to each host at least `interval` seconds apart, across threads."""

    interval: float
    next_slot: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        with self.lock:
            now = time.monotonic()
            slot = max(now, self.next_slot.get(host, now))
            self.next_slot[host] = slot + self.interval
        if slot > now:
            time.sleep(slot - now)


class Fetcher:
    """A shared HTTP client with the politeness of one `FetchPolicy`."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._clock = _HostClock(self.policy.min_interval)
        self._client = httpx.Client(
            timeout=self.policy.timeout, follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
            limits=httpx.Limits(max_connections=self.policy.concurrency))

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> bytes:
        """The body of `url`, retried on transient failures; raises FeedError saying why."""
        last = "no attempt made"
        for attempt in range(self.policy.retries + 1):
            if attempt:
                time.sleep(self.policy.backoff * 2 ** (attempt - 1))
            self._clock.wait(url)
            try:
                response = self._client.get(url)
            except httpx.TimeoutException:
                last = f"timed out after {self.policy.timeout:g} s"
                continue
            except httpx.HTTPError as exc:
                last = f"{type(exc).__name__}: {exc}"
                continue
            if response.status_code in RETRY_STATUS:
                last = f"HTTP {response.status_code}"
                _honour_retry_after(response)
                continue
            if response.status_code >= 400:
                raise FeedError(f"HTTP {response.status_code}")
            if len(response.content) > self.policy.max_bytes:
                raise FeedError(page_too_large(len(response.content), self.policy.max_bytes))
            return response.content
        raise FeedError(f"failed after {self.policy.retries + 1} attempts: {last}")

    def pages(self, entries: list[FeedEntry]) -> Iterator[FetchedPage]:
        """Fetch and read each entry's page, `concurrency` at a time, in feed order."""
        with ThreadPoolExecutor(self.policy.concurrency) as pool:
            yield from pool.map(self._page, entries)

    def _page(self, entry: FeedEntry) -> FetchedPage:
        return contained(lambda: self._read_page(entry),
                         lambda message: FetchedPage(entry, error=message))

    def _read_page(self, entry: FeedEntry) -> FetchedPage:
        try:
            body = self.get(entry.link)
            fields = page_article_fields(body, url=entry.link, fallback_date=entry.date)
        except (FeedError, PageError) as exc:
            return FetchedPage(entry, error=str(exc))
        if fields["title"] is None:
            fields["title"] = entry.title
        return FetchedPage(entry, fields)


def parse_feed(data: bytes) -> tuple[str | None, list[FeedEntry]]:
    """The feed's title and its entries that link to a page; raises FeedError if not a feed."""
    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FeedError("not an RSS or Atom feed" + (f" ({reason})" if reason else ""))
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = None
        if stamp:
            date = time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(stamp)))
        entries.append(FeedEntry(link, entry.get("title") or None, date))
    return parsed.feed.get("title") or None, entries


def _honour_retry_after(response: httpx.Response, cap: float = 60.0) -> None:
    value = response.headers.get("Retry-After", "")
    if value.isdigit():
        time.sleep(min(float(value), cap))
