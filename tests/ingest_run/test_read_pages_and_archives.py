"""HTML pages, feed files and WARC archives through read_inputs."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import news_page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import ReadError, read_inputs
from eventwire.ingest.dates import date_from_text

STORY = ("Israel accused Hamas of violating the truce in Gaza.\n\n"
         "China praised Pakistan for its support at the Security Council.")


def read(*paths: Path, **options) -> tuple[list, list[ReadError]]:
    items = list(read_inputs([str(p) for p in paths], **options))
    return ([i for i in items if not isinstance(i, ReadError)],
            [i for i in items if isinstance(i, ReadError)])


def write_warc(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        pages = [("https://wire.example/a", "text/html", news_page("A", STORY).encode()),
                 ("https://wire.example/logo.png", "image/png", b"\x89PNG"),
                 ("https://wire.example/empty", "text/html", b"<html><body></body></html>")]
        for url, kind, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)


def test_html_page_without_metadata_takes_the_default_date(tmp_path: Path) -> None:
    page = tmp_path / "story.htm"
    page.write_text(news_page("Truce", STORY))
    (article,), errors = read(page, default_date="2024-05-01")
    assert errors == []
    assert (article.title, article.date, article.source) == ("Truce", "2024-05-01",
                                                             "Example News")
    assert article.text == STORY
    assert article.id.startswith("html:")


def test_warc_archive_reads_html_responses_only(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive)
    articles, errors = read(archive)
    assert [a.id for a in articles] == ["https://wire.example/a"]
    assert articles[0].date is not None  # the WARC-Date, as the page gives none
    assert [(Path(e.path).name, e.line) for e in errors] == [("crawl.warc.gz", 3)]
    assert "no story text" in errors[0].message


def test_damaged_inputs_are_errors_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "bad.warc").write_bytes(b"this is not a WARC archive at all")
    (tmp_path / "bad.rss").write_text("just some words, not a feed")
    (tmp_path / "empty.html").write_text("<html></html>")
    articles, errors = read(tmp_path)
    assert articles == []
    assert sorted(Path(e.path).name for e in errors) == ["bad.rss", "bad.warc", "empty.html"]


def test_date_from_a_dateline() -> None:
    assert date_from_text("CAIRO, March 26, 2024 (Wire) - Egypt ...") == "2024-03-26"
    assert date_from_text("LONDON, 3 Sept 2023 - ...") == "2023-09-03"
    assert date_from_text("No date here, only 2024 the year.") is None
