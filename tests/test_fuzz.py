"""Property-based fuzzing of the readers and the coder with hostile input (tests/hostile.py).

The properties: no exception escapes; every line or file read is an article or an
error naming it; every article read is coded, a duplicate, or recorded as an error;
every event's spans are the text they claim. The long run (~100,000 inputs) is
benchmarks/fuzz.py; this suite keeps to a few minutes for CI.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from hostile import hostile_text, raw_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import eventwire
from eventwire.ingest import ReadError, read_inputs
from eventwire.ingest_run import IngestRun, run_ingest
from eventwire.schema import Article, without_lone_surrogates
from eventwire.store import EventStore


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


def spans_hold(text: str, events: list) -> None:
    """Every event's trigger and actors are the article text at their offsets."""
    for event in events:
        for span in (event.trigger, event.source, event.target):
            if span is not None:
                assert text[span.start:span.end] == span.text


@fuzz(150)
@given(text=hostile_text)
def test_code_text_codes_any_text(text: str) -> None:
    events = eventwire.code_text(text, date="2024-03-01")
    spans_hold(without_lone_surrogates(text), events)


def expected_items(data: bytes) -> int | None:
    """How many items a JSONL file must give: one per non-blank line, or one error for
    a file that is empty or binary from its first line. None: do not count (BOM cases)."""
    lines = data.split(b"\n")
    if lines[0].startswith((b"\xff\xfe", b"\xfe\xff")) or b"\0" in lines[0]:
        return 1
    if lines[0].startswith(b"\xef\xbb\xbf"):
        return None
    filled = [line for line in lines if line.strip()]
    return len(filled) or 1


def read_file(data: bytes, name: str) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_inputs([str(path)]))
    for item in items:
        assert isinstance(item, Article | ReadError)
        if isinstance(item, ReadError):
            assert item.path == str(path)
            assert item.message.isprintable() and len(item.message) <= 503
        else:
            assert without_lone_surrogates(item.text) == item.text
    return items


@fuzz(300)
@given(lines=st.lists(raw_lines, max_size=8))
def test_jsonl_reader_gives_one_item_per_line(lines: list[bytes]) -> None:
    data = b"\n".join(lines)
    items = read_file(data, "fuzz.jsonl")
    expected = expected_items(data)
    if expected is not None:
        assert len(items) == expected
    ids = [item.id for item in items if isinstance(item, Article)]
    assert len(ids) == len(set(ids))


@fuzz(150)
@given(data=st.binary(max_size=3000), name=st.sampled_from(
    ["f.txt", "f.html", "f.rss", "f.warc", "f.warc.gz", "f.jsonl.gz"]))
def test_any_bytes_in_any_kind_of_file_are_articles_or_errors(data: bytes, name: str) -> None:
    items = read_file(data, name)
    assert items  # an empty or unreadable file is an error, never nothing


def valid_warc(pages: int) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for number in range(pages):
        body = (f"<html><body><article><p>Israel accused Hamas of violating the truce, "
                f"story {number}, officials said on Monday.</p></article></body></html>")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(f"https://wire.example/{number}", "response",
                                           payload=io.BytesIO(body.encode()),
                                           http_headers=headers)
        writer.write_record(record)
    return out.getvalue()


WARC = valid_warc(4)


@fuzz(150)
@given(edits=st.lists(st.tuples(st.integers(0, len(WARC) - 1), st.integers(0, 255)),
                      max_size=6),
       cut=st.integers(1, len(WARC)))
def test_damaged_warc_archives_are_articles_or_errors(edits, cut: int) -> None:
    data = bytearray(WARC)
    for at, value in edits:
        data[at] = value
    read_file(bytes(data[:cut]), "crawl.warc")


@fuzz(6)
@given(lines=st.lists(raw_lines, min_size=1, max_size=12))
def test_ingest_codes_or_records_every_article(lines: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "fuzz.jsonl"
        source.write_bytes(b"\n".join(lines))
        items = list(read_inputs([str(source)]))
        db = Path(folder) / "events.duckdb"
        summary = run_ingest(IngestRun(sources=[str(source)], db=db),
                             Console(file=io.StringIO()), show_progress=False)
        assert summary.coded + summary.duplicates + summary.errors == len(items)
        with EventStore(db) as store:
            assert store.count("articles") == summary.coded
            for event in store.events():
                article = store.article(event.doc_id)
                assert article is not None
                spans_hold(article.text, [event])


@pytest.mark.parametrize("text", ["", " ", "\ud83d", "\x00" * 10, "\u202e" * 500])
def test_degenerate_text_codes_to_no_events(text: str) -> None:
    assert eventwire.code_text(text) == []
