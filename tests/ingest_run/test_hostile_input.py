"""Inputs that used to stop a whole ingest run: each is now one article's problem."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import news_page
from rich.console import Console
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import ReadError, read_inputs
from eventwire.ingest_run import IngestRun, run_ingest
from eventwire.store import EventStore

GOOD = '{"id": "after", "text": "Russia criticized Ukraine for the attack on Monday."}'
STORIES = ["Israel accused Hamas of violating the truce in Gaza on Sunday.",
           "China praised Pakistan for its support at the Security Council in New York.",
           "Turkey condemned Syria after the shelling of border villages near Idlib."]


def ingest(sources: list[Path], db: Path):
    run = IngestRun(sources=[str(s) for s in sources], db=db)
    return run_ingest(run, Console(stderr=True, soft_wrap=True), show_progress=False)


def stored(db: Path) -> tuple[dict[str, str], list[tuple]]:
    with EventStore(db) as store:
        con = store.connection
        texts = dict(con.execute("SELECT doc_id, text FROM articles").fetchall())
        errors = con.execute("SELECT path, line, message FROM errors ORDER BY line").fetchall()
    return texts, errors


def test_lone_surrogates_are_repaired_and_the_run_goes_on(tmp_path: Path) -> None:
    # A producer that cuts an emoji in half writes one half as a \\u escape.
    lines = [r'{"id": "cut\ud83d", "title": "Gaza \ude00", '
             r'"text": "Israel attacked Hamas in Gaza. \ud83d Talks resumed."}',
             r'{"id": "whole", "text": "Egypt praised Qatar. \ud83d\ude00 A whole emoji."}',
             GOOD]
    source = tmp_path / "cut.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    summary = ingest([source], db)
    assert (summary.coded, summary.errors) == (3, 0)
    texts, errors = stored(db)
    assert errors == []
    assert texts["cut\ufffd"] == "Israel attacked Hamas in Gaza. \ufffd Talks resumed."
    assert texts["whole"] == "Egypt praised Qatar. \U0001F600 A whole emoji."
    assert "after" in texts
    assert ingest([source], db).already_coded == 3  # a re-run finishes too


def test_ids_that_differ_only_by_a_lone_surrogate_are_duplicates(tmp_path: Path) -> None:
    source = tmp_path / "ids.jsonl"
    source.write_text(r'{"id": "a\ud83d", "text": "Egypt praised Qatar."}' + "\n"
                      + r'{"id": "a\ud83e", "text": "Qatar praised Egypt."}' + "\n")
    items = list(read_inputs([str(source)]))
    assert isinstance(items[1], ReadError)
    assert (items[1].line, items[1].message) == (
        2, 'duplicate id "a\ufffd", first read at ' + f"{source}:1")


def write_warc(path: Path, uris: list[str | None]) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for number, uri in enumerate(uris):
            body = news_page(f"Story {number}", STORIES[number]).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(uri or "https://placeholder.example/",
                                               "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            if uri is None:
                record.rec_headers.remove_header("WARC-Target-URI")
            writer.write_record(record)


def test_warc_response_without_target_uri_is_read_by_its_text(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    write_warc(archive, ["https://wire.example/1", None, "https://wire.example/3"])
    later = tmp_path / "later.jsonl"
    later.write_text(GOOD + "\n")
    db = tmp_path / "events.duckdb"
    summary = ingest([archive, later], db)
    assert (summary.coded, summary.errors) == (4, 0)
    texts, _ = stored(db)
    ids = sorted(texts)
    assert ids[:1] == ["after"] and ids[1].startswith("html:")
    assert ids[2:] == ["https://wire.example/1", "https://wire.example/3"]


def test_garbage_warc_message_is_short_and_printable(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"garbage\x00\x01\xff\x1b[31m" * 40)
    (error,) = list(read_inputs([str(garbage)]))
    assert isinstance(error, ReadError)
    assert error.message.startswith("not a WARC archive: it starts with b'garbage\\x00")
    assert len(error.message) < 160
    assert "\x1b" not in error.message and "\x00" not in error.message


def test_an_unforeseen_exception_in_a_stage_is_one_articles_error(
        tmp_path: Path, monkeypatch) -> None:
    """Whatever a stage raises for one article, the run records it and goes on."""
    import eventwire.ingest_run as ingest_run

    real = ingest_run.fingerprint

    def flaky(article, num_perm):
        if article.id == "two":
            raise ZeroDivisionError("injected")
        return real(article, num_perm)

    monkeypatch.setattr(ingest_run, "fingerprint", flaky)
    source = tmp_path / "three.jsonl"
    source.write_text('{"id": "one", "text": "Egypt praised Qatar for the talks."}\n'
                      '{"id": "two", "text": "Russia criticized Ukraine for the attack."}\n'
                      + GOOD + "\n")
    db = tmp_path / "events.duckdb"
    summary = ingest([source], db)
    assert (summary.coded, summary.errors) == (2, 1)
    texts, errors = stored(db)
    assert sorted(texts) == ["after", "one"]
    assert errors == [("two", None, "cannot ingest: ZeroDivisionError: injected")]


def test_an_unforeseen_exception_in_a_reader_is_one_lines_error(
        tmp_path: Path, monkeypatch) -> None:
    import eventwire.ingest.readers as readers

    real = readers.normalize_date

    def flaky(value):
        if value == "2024-02-30":
            raise KeyError("injected")
        return real(value)

    monkeypatch.setattr(readers, "normalize_date", flaky)
    source = tmp_path / "dates.jsonl"
    source.write_text('{"id": "one", "text": "Egypt praised Qatar.", "date": "2024-02-30"}\n'
                      + GOOD + "\n")
    items = list(read_inputs([str(source)]))
    assert isinstance(items[0], ReadError)
    assert (items[0].line, items[0].message) == (1, "cannot read: KeyError: 'injected'")
    assert items[1].id == "after"


def test_a_sentence_cut_by_the_cap_is_a_note_not_an_error(tmp_path: Path) -> None:
    long = " and ".join(f"Israel accused Hamas of attack {n}" for n in range(100))
    source = tmp_path / "long.jsonl"
    source.write_text(f'{{"id": "long", "text": "{long}"}}\n' + GOOD + "\n")
    db = tmp_path / "events.duckdb"
    summary = ingest([source], db)
    assert (summary.coded, summary.errors, summary.notes) == (2, 0, 1)
    assert "1 notes" in str(summary)
    _, errors = stored(db)
    assert len(errors) == 1 and errors[0][:2] == ("long", None)
    assert errors[0][2].startswith("note: 2 cut(s): sentences over 250 tokens")
    assert ingest([source], db).already_coded == 2
    assert len(stored(db)[1]) == 1  # not recorded twice
