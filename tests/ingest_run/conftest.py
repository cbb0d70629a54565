"""Shared fixtures: a generated wire corpus and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

COUNTRIES = ["Israel", "Russia", "China", "Iran", "Turkey", "Germany", "France", "Pakistan",
             "Ukraine", "Syria", "Egypt", "Japan", "India", "Brazil", "Mexico", "Canada"]
VERBS = ["accused {b} of violating the truce", "criticized {b} for the attack",
         "praised {b} for its support", "threatened {b} with retaliation",
         "condemned {b} after the shelling", "met {b} in Geneva to discuss trade"]
PLACES = ["Geneva", "Cairo", "Ankara", "Doha", "Vienna", "Oslo", "Nairobi", "Lima"]


def wire_article(number: int, sentences: int = 6) -> dict:
    """A distinct, codable wire story: seeded random sentences between known countries."""
    pick = random.Random(number)
    lines = []
    for _ in range(sentences):
        a, b = pick.sample(COUNTRIES, 2)
        verb = pick.choice(VERBS).format(b=b)
        lines.append(f"{a} {verb} on day {pick.randint(1, 999)} in {pick.choice(PLACES)}.")
    day = 1 + number % 28
    return {"id": f"wire-{number:04d}", "date": f"2024-03-{day:02d}", "text": " ".join(lines)}


def write_jsonl_gz(path: Path, records: list[dict | str],
                   bad_lines: tuple[str, ...] = ()) -> Path:
    """Records as JSON lines; a string record is written as it is (a bad line)."""
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for record in records:
            out.write((record if isinstance(record, str) else json.dumps(record)) + "\n")
        for line in bad_lines:
            out.write(line + "\n")
    return path


def news_page(title: str, body: str, *, date: str | None = None, url: str | None = None,
              site: str = "Example News") -> str:
    """A news page with navigation and footer boilerplate around the story."""
    meta = f'<meta property="og:site_name" content="{site}">'
    if date:
        meta += f'<meta property="article:published_time" content="{date}T09:30:00Z">'
    if url:
        meta += f'<link rel="canonical" href="{url}">'
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a> | Sport | Weather</nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>Copyright Example News. All rights reserved. Subscribe now.</footer>"
            f"</body></html>")


@dataclass
class Site:
    """Pages served by a real HTTP server; `failures[path]` 503s before the page is served."""

    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    hits: list[tuple[str, float]] = field(default_factory=list)
    base: str = ""

    def add(self, path: str, body: str, kind: str = "text/html; charset=utf-8") -> str:
        self.pages[path] = (kind, body)
        return self.base + path


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            served.hits.append((self.path, time.monotonic()))
            if served.failures.get(self.path, 0) > 0:
                served.failures[self.path] -= 1
                self.send_response(503)
                self.end_headers()
                return
            if self.path not in served.pages:
                self.send_response(404)
                self.end_headers()
                return
            kind, body = served.pages[self.path]
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (title, link, RFC 822 date) items."""
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate></item>"
                      for t, link, d in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>news</description>{entries}"
            f"</channel></rss>")
