"""read_inputs: every kind of bad input becomes a ReadError and the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tracemalloc
from pathlib import Path

import pytest

from eventwire.ingest import ReadError, read_inputs
from eventwire.schema import Article

FIVE_MB = 5 * 1024 * 1024


def read(*paths: str | Path, **options) -> tuple[list[Article], list[ReadError]]:
    articles: list[Article] = []
    errors: list[ReadError] = []
    for item in read_inputs([str(path) for path in paths], **options):
        (articles if isinstance(item, Article) else errors).append(item)
    return articles, errors


def jsonl(*records: object) -> str:
    return "".join(
        (record if isinstance(record, str) else json.dumps(record)) + "\n" for record in records
    )


def only_error(errors: list[ReadError]) -> ReadError:
    assert len(errors) == 1, errors
    return errors[0]


# --- .txt ---------------------------------------------------------------------------------

def test_txt_file_is_one_article_named_by_its_stem(tmp_path: Path) -> None:
    path = tmp_path / "story-1.txt"
    path.write_text("Rebels attacked.\nTroops answered.\n", encoding="utf-8")
    articles, errors = read(path, default_date="2024-03-05")
    assert errors == []
    assert articles == [
        Article(id="story-1", text="Rebels attacked.\nTroops answered.\n", date="2024-03-05")
    ]


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello")
    articles, _ = read(path)
    assert articles[0].text == "Hello"


def test_missing_file(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("fine")
    articles, errors = read(tmp_path / "nope.txt", good)
    assert [a.id for a in articles] == ["good"]
    assert str(only_error(errors)) == f"{tmp_path / 'nope.txt'}: no such file or directory"


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"  \n\t\n", "no text, only whitespace"),
    (b"PK\x03\x04\x00\x00binary", "binary file, not text"),
    (b"\xff\xfeH\x00i\x00",
     "UTF-16 text, not UTF-8; convert it first, e.g. iconv -f UTF-16 -t UTF-8"),
])
def test_unreadable_txt(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("fine")
    articles, errors = read(bad, good)
    assert [a.id for a in articles] == ["good"]
    assert only_error(errors) == ReadError(str(bad), None, message)


def test_non_utf8_txt_names_line_and_byte_offset(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("café ok\n".encode() + "second line café\n".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("fine")
    articles, errors = read(bad, good)
    assert [a.id for a in articles] == ["good"]
    error = only_error(errors)
    assert (error.path, error.line) == (str(bad), 2)
    offset = len("café ok\n".encode()) + len("second line caf")
    assert error.message.startswith(f"not valid UTF-8: byte 0xe9 at offset {offset}")


def test_non_utf8_byte_after_the_first_chunk_is_located(tmp_path: Path) -> None:
    # The multi-byte "é" straddles the 64 KiB chunk boundary, then a bad byte follows.
    head = b"a" * (65536 - 1) + "é".encode() + b"\nxy\n\xffz"
    path = tmp_path / "late.txt"
    path.write_bytes(head)
    bad_at = head.index(b"\xff")
    error = only_error(read(path)[1])
    assert error.line == 3
    assert f"byte 0xff at offset {bad_at:,}" in error.message


def test_truncated_utf8_at_end_of_file(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(b"ok\ncaf\xc3")
    error = only_error(read(path)[1])
    assert error.line == 2 and "byte 0xc3 at offset 6" in error.message


def test_five_megabyte_single_line_txt_is_too_large(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"x" * FIVE_MB)
    good = tmp_path / "good.txt"
    good.write_text("fine")
    tracemalloc.start()
    try:
        articles, errors = read(huge, good)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.id for a in articles] == ["good"]
    assert str(only_error(errors)) == (
        f"{huge}: article is 5,242,880 characters; the limit is 2,000,000"
    )
    assert peak < FIVE_MB  # only up to the limit is ever held


def test_max_chars_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("x" * 11)
    assert only_error(read(path, max_chars=10)[1]).message == (
        "article is 11 characters; the limit is 10"
    )
    assert read(path, max_chars=11)[0][0].text == "x" * 11


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("a,b")
    assert "unsupported file type" in only_error(read(path)[1]).message


# --- .jsonl -------------------------------------------------------------------------------

def test_jsonl_good_bad_good(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(jsonl({"id": "a", "text": "One."}, '{"id": "b" "text": "Two."}',
                          {"id": "c", "text": "Three."}))
    articles, errors = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert str(only_error(errors)) == f"{path}:2: not valid JSON (Expecting ',' delimiter)"


def test_jsonl_fields_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(jsonl(
        {"id": "a", "text": "One.", "date": "2024-01-02", "title": "T", "url": "http://x",
         "source": "AFP", "extra": [1]},
        "",
        {"text": "No id, no date."},
        {"id": 17, "text": "Numeric id.", "date": "20240309"},
        {"id": "d", "text": "Datetime.", "date": "2024-03-09T23:30:00-05:00"},
        {"id": "", "text": "Empty id.", "date": None},
    ))
    articles, errors = read(path, default_date="20240101")
    assert errors == []
    assert articles[0] == Article(id="a", text="One.", date="2024-01-02", title="T",
                                  url="http://x", source="AFP")
    assert [(a.id, a.date) for a in articles[1:]] == [
        ("feed:3", "2024-01-01"), ("17", "2024-03-09"), ("d", "2024-03-09"),
        ("feed:6", "2024-01-01"),
    ]


@pytest.mark.parametrize("line, message", [
    ("[1, 2]", "expected a JSON object, got an array"),
    ('"text"', "expected a JSON object, got a string"),
    ('{"id": "x"}', 'missing "text"'),
    ('{"text": ""}', '"text" is empty'),
    ('{"text": "   "}', '"text" is empty'),
    ('{"text": 42}', '"text" must be a string, not a number'),
    ('{"text": null}', '"text" must be a string, not null'),
    ('{"text": "t", "date": "2024-13-01"}',
     'bad date "2024-13-01": expected YYYY-MM-DD, YYYYMMDD or an ISO datetime'),
    ('{"text": "t", "date": "yesterday"}',
     'bad date "yesterday": expected YYYY-MM-DD, YYYYMMDD or an ISO datetime'),
    ('{"text": "t", "date": [2024]}', '"date" must be a string, not an array'),
    ('{"text": "t", "id": {"a": 1}}', '"id" must be a string or an integer, not an object'),
    ('{"text": "t", "title": 5}', '"title" must be a string, not a number'),
    ('{"text": "t"', "not valid JSON (Expecting ',' delimiter)"),
])
def test_malformed_jsonl_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(jsonl({"id": "first", "text": "ok"}, line, {"id": "third", "text": "ok"}))
    articles, errors = read(path)
    assert [a.id for a in articles] == ["first", "third"]
    assert only_error(errors) == ReadError(str(path), 2, message)


def test_non_utf8_jsonl_line_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    first = b'{"id": "a", "text": "ok"}\n'
    path.write_bytes(first + b'{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "ok"}\n')
    articles, errors = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    error = only_error(errors)
    assert error.line == 2
    assert f"byte 0xe9 at offset {len(first) + 24}" in error.message


def test_binary_jsonl_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b"\x00\x01\x02\n\x00\x00\n")
    assert only_error(read(path)[1]) == ReadError(str(path), None, "binary file, not text")


def test_nul_bytes_on_a_later_line(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "a\x00b"}\n')
    articles, errors = read(path)
    assert len(articles) == 1 and only_error(errors).line == 2


def test_empty_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n")
    assert only_error(read(path)[1]) == ReadError(str(path), None, "empty file")


def test_five_megabyte_jsonl_line_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(jsonl({"id": "a", "text": "ok"}, {"id": "big", "text": "x" * FIVE_MB},
                          {"id": "c", "text": "ok"}))
    articles, errors = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert str(only_error(errors)) == (
        f"{path}:2: article is 5,242,880 characters; the limit is 2,000,000"
    )


def test_line_too_long_to_hold_an_article_is_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(jsonl({"text": "y" * 2_000_000}, {"id": "next", "text": "ok"}))
    articles, errors = read(path, max_chars=10)
    assert [a.id for a in articles] == ["next"]
    error = only_error(errors)
    assert error.line == 1
    assert error.message == (
        "line is 2,000,012 bytes, too long to hold an article within the limit of 10 characters"
    )


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(jsonl({"id": "a", "text": "one"}, {"id": "a", "text": "two"}))
    articles, errors = read(path)
    assert [a.text for a in articles] == ["one"]
    assert only_error(errors).message == f'duplicate id "a", first read at {path}:1'


# --- .jsonl.gz and directories --------------------------------------------------------------

def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(jsonl({"text": "one"}, "{oops", {"text": "three"}))
    articles, errors = read(path)
    assert [a.id for a in articles] == ["feed:1", "feed:3"]
    assert only_error(errors).line == 2


def test_not_really_gzip(tmp_path: Path) -> None:
    path = tmp_path / "fake.jsonl.gz"
    path.write_text(jsonl({"text": "plain"}))
    assert only_error(read(path)[1]) == ReadError(str(path), None, "cannot read: not a gzip file")


def test_truncated_gzip_keeps_the_lines_before(tmp_path: Path) -> None:
    data = gzip.compress(jsonl(*({"text": f"article {n}"} for n in range(2000))).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, errors = read(path)
    error = only_error(errors)
    assert articles and error.line == len(articles) + 1
    assert "truncated" in error.message or "corrupt" in error.message


def test_directory_is_walked_recursively(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "one.txt").write_text("one")
    (tmp_path / "a" / "two.jsonl").write_text(jsonl({"id": "two", "text": "two"}))
    with gzip.open(tmp_path / "a" / "deep" / "three.JSONL.GZ", "wt") as out:
        out.write(jsonl({"id": "three", "text": "three"}))
    (tmp_path / "a" / "empty.txt").write_text("")
    (tmp_path / "notes.csv").write_text("ignored")
    (tmp_path / ".hidden" / "secret.txt").write_text("ignored")
    articles, errors = read(tmp_path)
    assert sorted(a.id for a in articles) == ["one", "three", "two"]
    assert only_error(errors) == ReadError(str(tmp_path / "a" / "empty.txt"), None, "empty file")


def test_directory_without_inputs(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a")
    assert "no .txt, .jsonl or .jsonl.gz files" in only_error(read(tmp_path)[1]).message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret")
    path.chmod(0)
    assert only_error(read(path)[1]).message == "permission denied"


# --- stdin ----------------------------------------------------------------------------------

def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, "\nPolice détained protesters.\n{not json}\n".encode())
    articles, errors = read("-", default_date="2024-05-01")
    assert errors == []
    assert articles == [Article(id="stdin", text="\nPolice détained protesters.\n{not json}\n",
                                date="2024-05-01")]


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, jsonl({"id": "a", "text": "one"}, "{bad", {"text": "three"}).encode())
    articles, errors = read("-")
    assert [a.id for a in articles] == ["a", "stdin:3"]
    assert str(only_error(errors)).startswith("<stdin>:2: not valid JSON")


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"caf\xe9", "not valid UTF-8: byte 0xe9 at offset 3; save the file as UTF-8"),
    (b"\x00\x01", "binary file, not text"),
])
def test_bad_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, message: str) -> None:
    fake_stdin(monkeypatch, data)
    assert only_error(read("-")[1]).message == message


def test_text_only_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Plain text."))
    assert read("-")[0] == [Article(id="stdin", text="Plain text.")]


# --- the call itself ------------------------------------------------------------------------

def test_bad_default_date_is_a_call_error() -> None:
    with pytest.raises(ValueError, match="bad date"):
        read_inputs([], default_date="May 1")
    with pytest.raises(ValueError, match="max_chars"):
        read_inputs([], max_chars=0)


def test_read_error_str_without_line() -> None:
    assert str(ReadError("a/b.txt", None, "empty file")) == "a/b.txt: empty file"
    assert str(ReadError("a/b.jsonl", 3, "x")) == "a/b.jsonl:3: x"
