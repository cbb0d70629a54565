"""Ingest of a small mixed corpus: text, JSONL.gz, HTML and an RSS feed served on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Site, news_page, rss, wire_article, write_jsonl_gz
from rich.console import Console

from eventwire.coder import Coder
from eventwire.ingest.feeds import FetchPolicy
from eventwire.ingest_run import IngestRun, run_ingest
from eventwire.store import EventStore

STORY = ("Israel accused Hamas of violating the truce in Gaza on Monday.\n\n"
         "Prime Minister Benjamin Netanyahu criticized Egypt for closing the Rafah crossing.\n\n"
         "Iran threatened Israel with retaliation after the strike on its consulate.\n\n"
         "China praised Pakistan for its support at the Security Council in New York.\n\n"
         "Turkey condemned Syria after the shelling of border villages near Idlib.")
FEED_STORY = ("Russia criticized Ukraine for the drone attack on the Belgorod region.\n\n"
              "Germany met France in Berlin to discuss trade and the war in Ukraine.")
CANONICAL = "https://news.example.com/2024/03/26/truce"
FAST = FetchPolicy(concurrency=2, min_interval=0.0, timeout=5.0, retries=1, backoff=0.05)


@pytest.fixture
def corpus(tmp_path: Path, site: Site) -> tuple[list[str], Site]:
    folder = tmp_path / "corpus"
    (folder / "web").mkdir(parents=True)
    (folder / "ankara.txt").write_text(
        "ANKARA, March 12, 2024 (Wire) - Turkey condemned Syria after the shelling "
        "of border villages.\n\nRussia criticized Ukraine for the attack.\n")
    wire = [wire_article(n) for n in range(3)]
    copy = {**wire[1], "id": "copy-of-wire-0001"}
    write_jsonl_gz(folder / "wire.jsonl.gz", [*wire, copy], bad_lines=("{not json",))
    (folder / "web" / "truce.html").write_text(
        news_page("Israel accuses Hamas", STORY, date="2024-03-26", url=CANONICAL))
    site.add("/story/1", news_page("Russia criticizes Ukraine", FEED_STORY, site="Feed Daily"))
    syndicated = "GAZA CITY (Wire) -\n\n" + STORY + "\n\nReporting by the wire desk."
    site.add("/story/2", news_page("Truce under strain", syndicated, site="Other Daily"))
    site.add("/feed.rss", rss("World news", [
        ("Russia criticizes Ukraine", site.base + "/story/1", "Tue, 19 Mar 2024 08:00:00 GMT"),
        ("Truce under strain", site.base + "/story/2", "Wed, 27 Mar 2024 08:00:00 GMT"),
        ("Gone", site.base + "/story/missing", "Wed, 27 Mar 2024 09:00:00 GMT"),
    ]), kind="application/rss+xml")
    return [str(folder), site.base + "/feed.rss"], site


def ingest(sources: list[str], db: Path, **options) -> object:
    run = IngestRun(sources=sources, db=db, fetch=FAST, **options)
    return run_ingest(run, Console(stderr=True, soft_wrap=True), show_progress=False)


def test_mixed_corpus_gives_expected_articles_and_events(tmp_path: Path, corpus) -> None:
    sources, site = corpus
    db = tmp_path / "events.duckdb"
    summary = ingest(sources, db)
    feed_story = site.base + "/story/1"
    with EventStore(db) as store:
        ids = {row[0] for row in store.connection.execute("SELECT doc_id FROM articles").fetchall()}
        assert ids == {"ankara", "wire-0000", "wire-0001", "wire-0002", CANONICAL, feed_story}
        page = store.article(CANONICAL)
        assert (page.title, page.date, page.source) == ("Israel accuses Hamas", "2024-03-26",
                                                        "Example News")
        assert page.text.startswith("Israel accused Hamas") and "Subscribe" not in page.text
        assert "Home" not in page.text
        assert store.article("ankara").date == "2024-03-12"  # from the dateline
        from_feed = store.article(feed_story)
        assert (from_feed.date, from_feed.source) == ("2024-03-19", "Feed Daily")
        duplicates = store.connection.execute(
            "SELECT doc_id, duplicate_of, kind FROM article_duplicates ORDER BY doc_id").fetchall()
        assert duplicates == [("copy-of-wire-0001", "wire-0001", "exact"),
                              (site.base + "/story/2", CANONICAL, "near")]
        errors = store.connection.execute(
            "SELECT path, line, message FROM errors ORDER BY path").fetchall()
        found = sorted((Path(path).name, line, message) for path, line, message in errors)
        assert [(name, line) for name, line, _ in found] == [("feed.rss", 3),
                                                             ("wire.jsonl.gz", 5)]
        assert "story/missing: HTTP 404" in found[0][2] and "not valid JSON" in found[1][2]
        coder = Coder.load()
        for doc_id in ids:
            expected = coder.code_article(store.article(doc_id))
            assert sorted(e.event_id for e in store.events(doc_id)) == sorted(
                e.event_id for e in expected)
        codes = {(e.source.code, e.target.code, e.cameo) for e in store.events(CANONICAL)
                 if e.source and e.target}
        assert ("ISR", "PSEREBHMS", "112") in codes
        assert summary.events == store.count("mentions") > 0
    assert (summary.coded, summary.duplicates, summary.errors) == (6, 2, 2)


def test_a_flaky_page_is_retried_and_requests_are_spaced(tmp_path: Path, site: Site) -> None:
    site.add("/a", news_page("A", FEED_STORY))
    site.failures["/a"] = 1
    site.add("/b", news_page("B", STORY))
    site.add("/feed.xml", rss("F", [("A", site.base + "/a", "Tue, 19 Mar 2024 08:00:00 GMT"),
                                    ("B", site.base + "/b", "Tue, 19 Mar 2024 08:00:00 GMT")]))
    polite = FetchPolicy(concurrency=2, min_interval=0.2, timeout=5.0, retries=2, backoff=0.05)
    run = IngestRun(sources=[site.base + "/feed.xml"], db=tmp_path / "e.duckdb", fetch=polite)
    summary = run_ingest(run, Console(stderr=True), show_progress=False)
    assert (summary.coded, summary.errors) == (2, 0)
    times = sorted(stamp for _, stamp in site.hits)
    assert len(times) == 4  # the feed, /a twice (503 then 200), /b
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.18
