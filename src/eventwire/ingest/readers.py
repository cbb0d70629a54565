"""Reading articles from files, directories, feeds and stdin.

Files: .txt, .jsonl and .jsonl.gz; HTML pages (.html, .htm); RSS and Atom feeds
(.xml, .rss, .atom, or an http(s) URL), whose linked pages are fetched; WARC
archives (.warc, .warc.gz).

Bad input never raises and never stops the batch: each problem is yielded as a
`ReadError` naming the file and line, and reading goes on with the next document.
Each source is read through `contained_all` and each JSONL line through
`contained`, so even an unforeseen exception is one file's or one line's error.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from eventwire.failures import contained, contained_all, shown
from eventwire.ingest.dates import normalize_date
from eventwire.ingest.feeds import FeedError, Fetcher, FetchPolicy, parse_feed
from eventwire.ingest.html import PageError, page_article_fields, page_id
from eventwire.ingest.warc import warc_pages
from eventwire.limits import MAX_ARTICLE_CHARS, MAX_PAGE_BYTES, page_too_large, too_large
from eventwire.schema import Article

DEFAULT_MAX_CHARS = MAX_ARTICLE_CHARS
STDIN = "-"
STDIN_PATH = "<stdin>"
SUFFIXES = (".jsonl.gz", ".jsonl", ".txt", ".html", ".htm", ".xml", ".rss", ".atom",
            ".warc.gz", ".warc")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
WARC_SUFFIXES = (".warc.gz", ".warc")
URL_SCHEMES = ("http://", "https://")
_KINDS = ".txt, .jsonl or .jsonl.gz files, HTML pages, feeds or WARC archives"

_CHUNK_BYTES = 1 << 16
# json.dumps escapes every non-ASCII character as \uXXXX by default, so a JSONL
# line may take six bytes for each character of the article it carries.
_LINE_BYTES_PER_CHAR = 6
_LINE_OVERHEAD_BYTES = 1 << 20
_UTF16 = "UTF-16 text, not UTF-8; convert it first, e.g. iconv -f UTF-16 -t UTF-8"
_BINARY = "binary file, not text"


@dataclass(frozen=True)
class ReadError:
    """One input that could not be read, located by file and (where known) line."""

    path: str
    line: int | None
    message: str

    def __post_init__(self) -> None:
        # A message may quote the input (a bad date, an id): keep it one printable line.
        object.__setattr__(self, "message", shown(self.message))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    default_date: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    fetch: FetchPolicy | None = None,
) -> Iterator[Article | ReadError]:
    """Yield an `Article` for every readable document and a `ReadError` for every problem.

    `paths` holds files, directories (walked for .txt, .jsonl and .jsonl.gz) and
    "-" for stdin; an http(s) URL is read as a feed. `default_date` is given
    to articles that carry no date. `fetch` sets how politely a feed's linked
    pages are fetched.
    Articles longer than `max_chars` characters are reported, not returned.
    Raises ValueError at once if `default_date` or `max_chars` is invalid: that
    is a mistake in the call, not in the input.
    """
    if default_date is not None:
        default_date = normalize_date(default_date)
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    return _Reader(default_date, max_chars, fetch or FetchPolicy()).read(paths)


@dataclass
class _Reader:
    default_date: str | None
    max_chars: int
    fetch: FetchPolicy
    first_seen: dict[str, str] = field(default_factory=dict)
    _fetcher: Fetcher | None = None

    @property
    def line_cap(self) -> int:
        """Bytes beyond which a JSONL line cannot hold an article within the limit."""
        return self.max_chars * _LINE_BYTES_PER_CHAR + _LINE_OVERHEAD_BYTES

    def read(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article | ReadError]:
        try:
            yield from self._read_all(paths)
        finally:
            if self._fetcher is not None:
                self._fetcher.close()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.fetch)
        return self._fetcher

    def _read_all(self, paths: Iterable[str | os.PathLike[str]]
                  ) -> Iterator[Article | ReadError]:
        for item in paths:
            item = os.fspath(item)
            if item.lower().startswith(URL_SCHEMES):
                yield from self._contained(item, self._read_feed_url(item))
            elif item == STDIN:
                yield from self._contained(STDIN_PATH, self._read_stdin())
            elif os.path.isdir(item):
                yield from self._read_dir(item)
            elif not os.path.exists(item):
                yield ReadError(item, None, "no such file or directory")
            else:
                yield from self._read_file(item)

    def _contained(self, path: str, items: Iterator[Article | ReadError]
                   ) -> Iterator[Article | ReadError]:
        """One source's items; an exception ends that source, with its message, only."""
        return contained_all(items, lambda message: ReadError(path, None,
                                                              f"cannot read: {message}"))

    def _read_dir(self, root: str) -> Iterator[Article | ReadError]:
        walk_errors: list[OSError] = []
        found = False
        for folder, dirs, files in os.walk(root, onerror=walk_errors.append):
            dirs[:] = sorted(name for name in dirs if not name.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and _suffix(name) is not None:
                    found = True
                    yield from self._read_file(os.path.join(folder, name))
        for exc in walk_errors:
            yield ReadError(exc.filename or root, None, _os_message(exc))
        if not found and not walk_errors:
            yield ReadError(root, None, f"no {_KINDS} in this directory")

    def _read_file(self, path: str) -> Iterator[Article | ReadError]:
        return self._contained(path, self._read_one_file(path))

    def _read_one_file(self, path: str) -> Iterator[Article | ReadError]:
        suffix = _suffix(os.path.basename(path))
        if suffix is None:
            yield ReadError(path, None, f"unsupported file type; expected {_KINDS}")
            return
        stem = os.path.basename(path)[: -len(suffix)]
        if suffix in HTML_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES:
            yield from self._read_markup(path, suffix)
            return
        try:
            raw = open(path, "rb")
        except OSError as exc:
            yield ReadError(path, None, _os_message(exc))
            return
        with raw:
            if suffix == ".txt":
                yield self._read_text(raw, path, stem)
            elif suffix == ".jsonl":
                yield from self._read_jsonl(raw, path, stem)
            else:
                with gzip.GzipFile(fileobj=raw) as unzipped:
                    yield from self._read_jsonl(unzipped, path, stem)

    def _read_markup(self, path: str, suffix: str) -> Iterator[Article | ReadError]:
        if suffix in WARC_SUFFIXES:
            yield from self._read_warc(path)
            return
        try:
            with open(path, "rb") as raw:
                data = raw.read(MAX_PAGE_BYTES + 1)  # a larger page is refused unparsed
                size = os.fstat(raw.fileno()).st_size
        except OSError as exc:
            yield ReadError(path, None, _os_message(exc))
            return
        if len(data) > MAX_PAGE_BYTES:
            yield ReadError(path, None, page_too_large(size))
            return
        if suffix in FEED_SUFFIXES:
            yield from self._read_feed(path, data)
            return
        try:
            fields = page_article_fields(data, fallback_date=self.default_date)
        except PageError as exc:
            yield ReadError(path, None, str(exc))
            return
        yield self._page(path, None, fields)

    def _read_feed_url(self, url: str) -> Iterator[Article | ReadError]:
        try:
            data = self.fetcher.get(url)
        except FeedError as exc:
            yield ReadError(url, None, f"cannot fetch the feed: {exc}")
            return
        yield from self._read_feed(url, data)

    def _read_feed(self, where: str, data: bytes) -> Iterator[Article | ReadError]:
        """Each entry's linked page; a link already read (say, from another feed) is skipped."""
        try:
            outlet, entries = parse_feed(data)
        except FeedError as exc:
            yield ReadError(where, None, str(exc))
            return
        numbers: dict[str, int] = {}
        for number, entry in enumerate(entries, 1):
            numbers.setdefault(entry.link, number)
        fresh = [entry for number, entry in enumerate(entries, 1)
                 if numbers[entry.link] == number and entry.link not in self.first_seen]
        for page in self.fetcher.pages(fresh):
            number = numbers[page.entry.link]
            if page.fields is None:
                yield ReadError(where, number, f"{page.entry.link}: {page.error}")
                continue
            page.fields["source"] = page.fields["source"] or outlet
            yield self._page(where, number, page.fields, page.entry.link)

    def _read_warc(self, path: str) -> Iterator[Article | ReadError]:
        try:
            with open(path, "rb") as raw:
                for page in warc_pages(raw):
                    if page.fields is None:
                        yield ReadError(path, page.number, f"{page.url}: {page.error}")
                    elif page.url is None or page.url not in self.first_seen:
                        yield self._page(path, page.number, page.fields, page.url)
        except OSError as exc:
            yield ReadError(path, None, _os_message(exc))
        except ValueError as exc:
            yield ReadError(path, None, str(exc))

    def _page(self, path: str, line: int | None, fields: dict[str, str | None],
              link: str | None = None) -> Article | ReadError:
        """An article from a page: its id is the page's URL (or `link`, where it was found)."""
        text = fields["text"]
        assert text is not None
        if len(text) > self.max_chars:
            return ReadError(path, line, too_large(len(text), self.max_chars))
        doc_id = page_id(fields["url"] or link, text)
        fields = {**fields, "date": fields["date"] or self.default_date}
        if link is not None and link != doc_id:
            self.first_seen.setdefault(link, path if line is None else f"{path}:{line}")
        return self._article(path, line, id=doc_id, **fields)

    def _read_stdin(self) -> Iterator[Article | ReadError]:
        if sys.stdin is None:
            yield ReadError(STDIN_PATH, None, "there is no stdin to read")
            return
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text-only stream such as io.StringIO
            # A lone surrogate is kept as bytes, to be reported as not UTF-8 like a file's.
            stream = io.BytesIO(sys.stdin.read().encode("utf-8", "surrogatepass"))
        head: list[bytes] = []
        try:
            line = stream.readline(self.line_cap + 1)
            while line and not line.strip():
                head.append(line)
                line = stream.readline(self.line_cap + 1)
        except OSError as exc:
            yield ReadError(STDIN_PATH, None, _os_message(exc))
            return
        head.append(line)
        if _is_jsonl_record(line):
            yield from self._read_jsonl(stream, STDIN_PATH, "stdin", head)
        else:
            yield self._read_text(stream, STDIN_PATH, "stdin", b"".join(head))

    def _read_text(
        self, stream: BinaryIO, path: str, doc_id: str, head: bytes = b""
    ) -> Article | ReadError:
        """Decode a whole stream as one article, holding at most `max_chars` of it."""
        decoder = codecs.getincrementaldecoder("utf-8")()
        parts: list[str] = []
        chars = fed = newlines = 0
        chunk = head
        try:
            if not chunk:
                chunk = stream.read(_CHUNK_BYTES)
            if chunk.startswith(codecs.BOM_UTF8):
                chunk, fed = chunk[len(codecs.BOM_UTF8):], len(codecs.BOM_UTF8)
            elif chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return ReadError(path, None, _UTF16)
            while chunk:
                if b"\0" in chunk:
                    return ReadError(path, None, _BINARY)
                pending = decoder.getstate()[0]
                try:
                    piece = decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    data = pending + chunk
                    line = newlines + data.count(b"\n", 0, exc.start) + 1
                    return _utf8_error(path, line, data[exc.start], fed - len(pending) + exc.start)
                fed += len(chunk)
                newlines += chunk.count(b"\n")
                chars += len(piece)
                if chars <= self.max_chars:
                    parts.append(piece)
                else:
                    parts.clear()  # from here on only count, to say how large it is
                chunk = stream.read(_CHUNK_BYTES)
        except OSError as exc:
            return ReadError(path, None, f"cannot read: {_os_message(exc)}")
        pending = decoder.getstate()[0]
        if pending:
            return _utf8_error(path, newlines + 1, pending[0], fed - len(pending))
        if chars > self.max_chars:
            return ReadError(path, None, too_large(chars, self.max_chars))
        text = "".join(parts)
        if not text:
            return ReadError(path, None, "empty file")
        if not text.strip():
            return ReadError(path, None, "no text, only whitespace")
        return self._article(path, None, id=doc_id, text=text, date=self.default_date)

    def _read_jsonl(
        self, stream: BinaryIO, path: str, stem: str, head: list[bytes] | None = None
    ) -> Iterator[Article | ReadError]:
        lines = _lines(stream, self.line_cap, head or [])
        lineno = 0
        any_content = False
        while True:
            try:
                item = next(lines, None)
            except (OSError, EOFError, zlib.error) as exc:
                yield ReadError(path, lineno + 1 if lineno else None, _stream_message(exc))
                return
            if item is None:
                break
            lineno, offset, data, size = item
            if data is None:
                any_content = True
                message = (f"line is {size:,} bytes, too long to hold an article within "
                           f"the limit of {self.max_chars:,} characters")
                yield ReadError(path, lineno, message)
                continue
            if lineno == 1:
                if data.startswith(codecs.BOM_UTF8):
                    data, offset = data[len(codecs.BOM_UTF8):], offset + len(codecs.BOM_UTF8)
                elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    yield ReadError(path, None, _UTF16)
                    return
                elif b"\0" in data:
                    yield ReadError(path, None, _BINARY)
                    return
            if not data.strip():
                continue
            any_content = True
            yield self._jsonl_line(path, stem, lineno, offset, data)
        if not any_content:
            yield ReadError(path, None, "empty file")

    def _jsonl_line(
        self, path: str, stem: str, lineno: int, offset: int, data: bytes
    ) -> Article | ReadError:
        return contained(lambda: self._parse_jsonl_line(path, stem, lineno, offset, data),
                         lambda message: ReadError(path, lineno, f"cannot read: {message}"))

    def _parse_jsonl_line(
        self, path: str, stem: str, lineno: int, offset: int, data: bytes
    ) -> Article | ReadError:
        if b"\0" in data:
            return ReadError(path, lineno, "line contains NUL bytes; binary data, not text")
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return _utf8_error(path, lineno, data[exc.start], offset + exc.start)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            return ReadError(path, lineno, f"not valid JSON ({exc.msg})")
        except RecursionError:
            return ReadError(path, lineno, "not valid JSON (nested too deeply)")
        if not isinstance(record, dict):
            return ReadError(path, lineno, f"expected a JSON object, got {_json_type(record)}")
        fields = self._record_fields(record, f"{stem}:{lineno}")
        if isinstance(fields, str):
            return ReadError(path, lineno, fields)
        return self._article(path, lineno, **fields)

    def _record_fields(self, record: dict, fallback_id: str) -> dict[str, str | None] | str:
        """The Article fields of one JSON record, or a message saying what is wrong."""
        if "text" not in record:
            return 'missing "text"'
        text = record["text"]
        if not isinstance(text, str):
            return f'"text" must be a string, not {_json_type(text)}'
        if not text.strip():
            return '"text" is empty'
        if len(text) > self.max_chars:
            return too_large(len(text), self.max_chars)
        doc_id = _as_text(record.get("id"))
        if doc_id is None and record.get("id") is not None:
            return f'"id" must be a string or an integer, not {_json_type(record["id"])}'
        date = _as_text(record.get("date"))
        if date is None and record.get("date") is not None:
            return f'"date" must be a string, not {_json_type(record["date"])}'
        if date:
            try:
                date = normalize_date(date)
            except ValueError as exc:
                return str(exc)
        fields: dict[str, str | None] = {
            "id": doc_id or fallback_id, "text": text, "date": date or self.default_date,
        }
        for key in ("title", "url", "source"):
            value = record.get(key)
            if value is not None and not isinstance(value, str):
                return f'"{key}" must be a string, not {_json_type(value)}'
            fields[key] = value
        return fields

    def _article(self, path: str, line: int | None, **fields: str | None) -> Article | ReadError:
        """Build the article, refusing an id already read: the store would overwrite it."""
        where = path if line is None else f"{path}:{line}"
        article = Article(**fields)  # repairs lone surrogates, so compare the repaired id
        if article.id in self.first_seen:
            return ReadError(path, line, f'duplicate id "{article.id}", first read at '
                                         f"{self.first_seen[article.id]}")
        self.first_seen[article.id] = where
        return article


def _lines(
    stream: BinaryIO, cap: int, head: list[bytes]
) -> Iterator[tuple[int, int, bytes | None, int]]:
    """Yield (line number, byte offset, bytes, length without the newline) for each line.

    A line over `cap` bytes is skipped in chunks, so it is never held in memory;
    its bytes are then None.
    """
    offset = 0
    lineno = 0
    pending = iter(head)
    while True:
        data = next(pending, None)
        if data is None:
            data = stream.readline(cap + 1)
        if not data:
            return
        lineno += 1
        size = len(data)
        last = data
        if size > cap and not data.endswith(b"\n"):
            data = None
            while last and not last.endswith(b"\n"):
                last = stream.readline(_CHUNK_BYTES)
                size += len(last)
        length = size - 1 if last.endswith(b"\n") else size
        yield lineno, offset, data, length
        offset += size


def _is_jsonl_record(line: bytes) -> bool:
    """True if a line of stdin is a JSON object with "text": then stdin is JSONL."""
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        record = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(record, dict) and "text" in record


def _suffix(name: str) -> str | None:
    lowered = name.lower()
    return next((suffix for suffix in SUFFIXES if lowered.endswith(suffix)), None)


def _as_text(value: object) -> str | None:
    """A JSON string or integer as text; None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _utf8_error(path: str, line: int, byte: int, offset: int) -> ReadError:
    return ReadError(path, line, f"not valid UTF-8: byte 0x{byte:02x} at offset {offset:,}; "
                                 "save the file as UTF-8")


def _os_message(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def _stream_message(exc: Exception) -> str:
    if isinstance(exc, gzip.BadGzipFile):
        return "cannot read: not a gzip file"
    if isinstance(exc, EOFError):
        return "cannot read: compressed data ends early; the file is truncated"
    if isinstance(exc, zlib.error):
        return f"cannot read: corrupt compressed data ({exc})"
    return f"cannot read: {_os_message(exc)}" if isinstance(exc, OSError) else str(exc)
