"""The embedded DuckDB store: coded articles, their event mentions and read errors."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

import duckdb

from eventwire.schema import ActorRef, Article, Context, Event, Location, Size, TextSpan
from eventwire.store.migrations import MIGRATIONS, SCHEMA_VERSION

TABLES = ("articles", "mentions", "events", "actors", "errors", "schema_version")
ARTICLE_COLUMNS = ("doc_id", "title", "url", "source", "date", "text", "text_hash", "coded_at")
# Migration 6 (issue 15): size, context and auxiliary mode.
SIZE_CONTEXT_TYPES = {
    "dead": "INTEGER", "injured": "INTEGER", "arrested": "INTEGER", "size_json": "VARCHAR",
    "context": "VARCHAR[]", "context_article": "VARCHAR[]", "context_json": "VARCHAR",
    "aux_mode": "VARCHAR",
}
_LOCATION_TYPES = {
    "name": "VARCHAR", "lat": "DOUBLE", "lon": "DOUBLE", "country": "VARCHAR",
    "admin1": "VARCHAR", "geonameid": "BIGINT", "feature": "VARCHAR", "basis": "VARCHAR",
    "text": "VARCHAR", "start": "INTEGER", "end": "INTEGER",
}
_MENTION_TYPES = {
    "event_id": "VARCHAR", "doc_id": "VARCHAR", "sentence_index": "INTEGER",
    "sentence": "VARCHAR", "date": "VARCHAR",
    **{f"{role}_{name}": sql_type for role in ("source", "target") for name, sql_type in (
        ("code", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("rule", "VARCHAR"), ("antecedent_text", "VARCHAR"), ("antecedent_start", "INTEGER"),
        ("antecedent_end", "INTEGER"))},
    "cameo": "VARCHAR", "cameo_root": "VARCHAR", "cameo_name": "VARCHAR",
    "goldstein": "DOUBLE", "quad_class": "INTEGER", "plover": "VARCHAR",
    "plover_mode": "VARCHAR", "trigger_text": "VARCHAR", "trigger_start": "INTEGER",
    "trigger_end": "INTEGER", "is_root": "BOOLEAN", "rule": "VARCHAR", "modality": "VARCHAR",
    "coder_version": "VARCHAR", "dictionaries": "VARCHAR", "event_date": "VARCHAR",
    **SIZE_CONTEXT_TYPES,
    **{f"location_{name}": sql_type for name, sql_type in _LOCATION_TYPES.items()},
}
MENTION_COLUMNS = tuple(_MENTION_TYPES)
_ACTOR_FIELDS = ("code", "text", "start", "end", "rule")
_SPAN_FIELDS = ("text", "start", "end")


class StoreError(Exception):
    """The event store cannot be opened, upgraded or written; the message names the file."""


class StoreNeedsUpgrade(StoreError):
    """A read-only open found an older schema; opening once for writing upgrades it."""


class ErrorRecord(Protocol):
    """Anything located by path and line with a message, such as ingest's ReadError."""

    path: str
    line: int | None
    message: str


class EventStore:
    """A DuckDB file holding coded articles and their event mentions.

        with EventStore("events.duckdb") as store:
            store.save(article, events)
            store.events(article.id)

    Opening creates the file if needed and brings its schema up to date.
    `read_only=True` lets several processes (say, the web app) read one file.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self._con: duckdb.DuckDBPyConnection | None = _connect(self.path, read_only)
        try:
            self._migrate(read_only)
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file; closing twice is harmless."""
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open DuckDB connection, for read queries shared by the CLI and the web app."""
        if self._con is None:
            raise StoreError(f"event store {self.path} is closed")
        return self._con

    @property
    def schema_version(self) -> int:
        row = self.connection.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def save(self, article: Article, events: Sequence[Event]) -> None:
        """Store `article` and replace all its mentions with `events`, in one transaction.

        Saving an article again replaces what was stored, so re-coding never duplicates.
        The merged `events` the article touched, before or after, are recomputed
        in the same transaction.
        """
        _check_mentions(article.id, events)
        columns = [list(column) for column in zip(*map(_mention_row, events), strict=True)]
        con = self.connection
        con.begin()
        try:
            old_keys = self._touched(article.id)
            con.execute(_UPSERT_ARTICLE, _article_row(article))
            con.execute("DELETE FROM mentions WHERE doc_id = ?", [article.id])
            if columns:
                con.execute(_INSERT_MENTIONS, columns)
            self._refresh(old_keys | {merge_key(event) for event in events})
            con.commit()
        except BaseException as exc:
            con.rollback()
            if isinstance(exc, duckdb.Error):
                message = f"cannot save article {article.id!r} to {self.path}: {exc}"
                raise StoreError(message) from exc
            raise

    def refresh_merged(self) -> None:
        """Rebuild `events` from all mentions, e.g. after a bulk load by SQL."""
        con = self.connection
        con.begin()
        try:
            con.execute("DELETE FROM events")
            con.execute(_INSERT_EVENTS.replace("{where}", ""))
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"cannot rebuild merged events in {self.path}: {exc}") from exc

    def _touched(self, doc_id: str) -> set[str]:
        """The event keys of an article's stored mentions."""
        rows = self.connection.execute(
            "SELECT DISTINCT event_key FROM mentions WHERE doc_id = ?", [doc_id]).fetchall()
        return {key for (key,) in rows}

    def _refresh(self, keys: set[str]) -> None:
        # Delete then re-aggregate only the touched keys: an upsert by hand, since a
        # key can vanish (its last mention re-coded away) as well as change.
        con = self.connection
        if keys:
            key_list = sorted(keys)
            con.execute("DELETE FROM events WHERE event_key IN (SELECT unnest(?::VARCHAR[]))",
                        [key_list])
            rows = con.execute(_MENTIONS_FOR_KEYS, [key_list]).fetchall()
            merged = [_merge(group) for group in _by_key(rows)]
            if merged:
                con.execute(_INSERT_MERGED, [list(column) for column in zip(*merged, strict=True)])

    def record_error(self, error: ErrorRecord) -> None:
        """Keep a read or coding error, so a batch can be checked after it ran."""
        self._write(
            "INSERT INTO errors (path, line, message, recorded_at) VALUES (?, ?, ?, ?)",
            [str(error.path), error.line, error.message, _utc_now()],
        )

    def events(self, doc_id: str | None = None) -> list[Event]:
        """The stored mentions, of one article or of all, in text order."""
        sql = f"SELECT {', '.join(MENTION_COLUMNS)} FROM mentions"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        sql += " ORDER BY doc_id, sentence_index, trigger_start, event_id"
        rows = self.connection.execute(sql, params).fetchall()
        return [_event(dict(zip(MENTION_COLUMNS, row, strict=True))) for row in rows]

    def article(self, doc_id: str) -> Article | None:
        """The stored article with this id, or None."""
        row = self.connection.execute(
            "SELECT doc_id, text, date, title, url, source FROM articles WHERE doc_id = ?",
            [doc_id],
        ).fetchone()
        if row is None:
            return None
        fields = ("id", "text", "date", "title", "url", "source")
        return Article(**dict(zip(fields, row, strict=True)))

    def is_coded(self, article: Article) -> bool:
        """True if this article is stored with exactly this text, so coding it can be skipped."""
        row = self.connection.execute(
            "SELECT text_hash FROM articles WHERE doc_id = ?", [article.id]
        ).fetchone()
        return row is not None and row[0] == text_hash(article.text)

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}; the tables are: {', '.join(TABLES)}")
        row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def _write(self, sql: str, params: list[Any]) -> None:
        try:
            self.connection.execute(sql, params)
        except duckdb.Error as exc:
            raise StoreError(f"cannot write to event store {self.path}: {exc}") from exc

    def _migrate(self, read_only: bool) -> None:
        con = self.connection
        if read_only:
            tables = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
            if "schema_version" not in tables:
                raise StoreError(f"{self.path} is not an eventwire store (no schema_version)")
        else:
            self._write(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)",
                [],
            )
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"event store {self.path} has schema version {current}, but this eventwire "
                f"knows versions up to {SCHEMA_VERSION}; upgrade eventwire to open it"
            )
        pending = [step for step in MIGRATIONS if step.version > current]
        if pending and read_only:
            raise StoreNeedsUpgrade(
                f"event store {self.path} has schema version {current} and needs "
                f"{SCHEMA_VERSION}; open it once without read_only to upgrade it"
            )
        for step in pending:
            con.begin()
            try:
                con.execute(step.sql)
                con.execute(
                    "INSERT INTO schema_version (version, description, applied_at) "
                    "VALUES (?, ?, ?)",
                    [step.version, step.description, _utc_now()],
                )
                con.commit()
            except duckdb.Error as exc:
                con.rollback()
                raise StoreError(
                    f"cannot bring event store {self.path} to schema version "
                    f"{step.version}: {exc}"
                ) from exc
        if any(step.version == MERGED_SINCE for step in pending):
            self.refresh_merged()


def merge_key(event: Event) -> str:
    """The key that merges mentions into one event: md5 of date|source|target|cameo.

    Migration 3 computes the same value in SQL for mentions stored before it.
    """
    parts = [event.date or "", event.source.code if event.source else "",
             event.target.code if event.target else "", event.cameo]
    return hashlib.md5("|".join(parts).encode("utf-8")).hexdigest()


def _by_key(rows: list[tuple[Any, ...]]) -> list[list[tuple[Any, ...]]]:
    groups: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row)
    return list(groups.values())


def _smallest(values: Any) -> Any:
    # SQL min(): NULLs are ignored, and all-NULL gives NULL.
    present = [value for value in values if value is not None]
    return min(present) if present else None


def _merge(group: list[tuple[Any, ...]]) -> list[Any]:
    """One `events` row from its mentions' rows, as _INSERT_EVENTS computes it."""
    key = group[0][0]
    width = len(_MERGE_FIELDS)
    fields = dict(zip(_MERGE_FIELDS, (_smallest(row[1 + i] for row in group)
                                      for i in range(width)), strict=True))
    docs = [row[1 + width:] for row in group]  # (doc_id, source, url, coded_at)
    first = min(docs, key=lambda doc: (doc[3], doc[0]))
    return [
        key, int(key[:15], 16), *(fields[name] for name in _MERGE_FIELDS[:4]),
        fields["cameo"][:3], *(fields[name] for name in _MERGE_FIELDS[4:]),
        len(group), len({doc[1] for doc in docs if doc[1] is not None}),
        len({doc[0] for doc in docs}), first[0], first[2], min(doc[3] for doc in docs),
    ]


def text_hash(text: str) -> str:
    """The content key of an article text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_UPSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}) ON CONFLICT (doc_id) DO UPDATE SET "
    + ", ".join(f"{column} = excluded.{column}" for column in ARTICLE_COLUMNS[1:])
)
# One statement per article, the rows passed as one typed list per column: about
# five times faster than executemany, which runs the insert once per row.
_INSERT_MENTIONS = (
    f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}, event_key) SELECT "
    + ", ".join(f"unnest(?::{sql_type}[])" for sql_type in _MENTION_TYPES.values())
    + ", unnest(?::VARCHAR[])"
)
# The schema version that added `events` and `actors`; opening an older file fills them.
MERGED_SINCE = 3
# One merged event per key, counted the way GDELT does: every mention, the distinct
# outlets (articles.source) and the distinct articles. The first article (earliest
# coded, then lowest id) gives SOURCEURL; GlobalEventID is the key's first 60 bits.
_INSERT_EVENTS = """
INSERT INTO events
SELECT event_key, ('0x' || substr(event_key, 1, 15))::BIGINT, date, source_code,
       target_code, cameo, substr(cameo, 1, 3), cameo_root, cameo_name, goldstein,
       quad_class, plover, plover_mode, num_mentions, num_sources, num_articles,
       first.doc, first.url, added_at
FROM (
    SELECT m.event_key, min(m.date) AS date, min(m.source_code) AS source_code,
           min(m.target_code) AS target_code, min(m.cameo) AS cameo,
           min(m.cameo_root) AS cameo_root, min(m.cameo_name) AS cameo_name,
           min(m.goldstein) AS goldstein, min(m.quad_class) AS quad_class,
           min(m.plover) AS plover, min(m.plover_mode) AS plover_mode,
           count(*) AS num_mentions, count(DISTINCT a.source) AS num_sources,
           count(DISTINCT m.doc_id) AS num_articles,
           arg_min({'doc': m.doc_id, 'url': a.url}, {'at': a.coded_at, 'doc': m.doc_id})
               AS first,
           min(a.coded_at) AS added_at
    FROM mentions m JOIN articles a ON a.doc_id = m.doc_id
    {where}
    GROUP BY m.event_key
)
"""
# save() merges the few touched keys in Python: for a handful of rows that is about
# twice as fast as DuckDB's grouped DISTINCT counts. It must agree with
# _INSERT_EVENTS; test_incremental_refresh_equals_a_full_rebuild holds them together.
_MERGE_FIELDS = ("date", "source_code", "target_code", "cameo", "cameo_root", "cameo_name",
                 "goldstein", "quad_class", "plover", "plover_mode")
_MENTIONS_FOR_KEYS = (
    f"SELECT m.event_key, {', '.join('m.' + name for name in _MERGE_FIELDS)}, "
    "m.doc_id, a.source, a.url, a.coded_at "
    "FROM mentions m JOIN articles a ON a.doc_id = m.doc_id "
    "WHERE m.event_key IN (SELECT unnest(?::VARCHAR[])) ORDER BY m.event_key"
)
_EVENT_TYPES = ("VARCHAR", "BIGINT", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR",
                "VARCHAR", "VARCHAR", "DOUBLE", "INTEGER", "VARCHAR", "VARCHAR", "INTEGER",
                "INTEGER", "INTEGER", "VARCHAR", "VARCHAR", "TIMESTAMP")
_INSERT_MERGED = "INSERT INTO events SELECT " + ", ".join(
    f"unnest(?::{sql_type}[])" for sql_type in _EVENT_TYPES)



def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if path != ":memory:":
        folder = Path(path).resolve().parent
        if not folder.is_dir():
            raise StoreError(f"cannot open event store {path}: folder {folder} does not exist")
        if read_only and not Path(path).exists():
            raise StoreError(f"cannot open event store {path}: no such file")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(_open_message(path, exc)) from exc


def _open_message(path: str, exc: duckdb.Error) -> str:
    detail = str(exc)
    if "lock" in detail.lower():
        return (f"event store {path} is in use by another process; close that process "
                f"or use another file ({detail})")
    if "not a valid DuckDB database" in detail:
        return (f"{path} is not a DuckDB database or is corrupt; move it aside "
                f"or choose another file ({detail})")
    return f"cannot open event store {path}: {detail}"


def _check_mentions(doc_id: str, events: Sequence[Event]) -> None:
    seen: set[str] = set()
    for event in events:
        if event.doc_id != doc_id:
            raise StoreError(f"event {event.event_id} belongs to article {event.doc_id!r}, "
                             f"not {doc_id!r}")
        if event.event_id in seen:
            raise StoreError(f"event id {event.event_id} appears twice in article {doc_id!r}")
        seen.add(event.event_id)


def _utc_now() -> dt.datetime:
    # TIMESTAMP columns hold no zone, so every stored time is UTC.
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _article_row(article: Article) -> list[Any]:
    return [article.id, article.title, article.url, article.source, article.date,
            article.text, text_hash(article.text), _utc_now()]


def _actor_row(actor: ActorRef | None) -> list[Any]:
    if actor is None:
        return [None] * (len(_ACTOR_FIELDS) + len(_SPAN_FIELDS))
    antecedent = actor.antecedent
    return [actor.code, actor.text, actor.start, actor.end, actor.rule,
            *((antecedent.text, antecedent.start, antecedent.end) if antecedent
              else [None] * len(_SPAN_FIELDS))]


def _mention_row(event: Event) -> list[Any]:
    return [
        event.event_id, event.doc_id, event.sentence_index, event.sentence, event.date,
        *_actor_row(event.source), *_actor_row(event.target),
        event.cameo, event.cameo_root, event.cameo_name, event.goldstein, event.quad_class,
        event.plover, event.plover_mode,
        event.trigger.text, event.trigger.start, event.trigger.end,
        event.is_root, event.rule, event.modality, event.coder_version, event.dictionaries,
        event.event_date,
        *_size_context_row(event),
        *_location_row(event.location),
        merge_key(event),
    ]


def _size_context_row(event: Event) -> list[Any]:
    size = event.size
    return [
        size.dead if size else None, size.injured if size else None,
        size.arrested if size else None, size.model_dump_json() if size else None,
        [c.name for c in event.context if c.source == "sentence"],
        [c.name for c in event.context if c.source == "article"],
        json.dumps([c.model_dump() for c in event.context]), event.aux_mode,
    ]


def _location_row(location: Location | None) -> list[Any]:
    if location is None:
        return [None] * len(_LOCATION_TYPES)
    return [getattr(location, name) for name in _LOCATION_TYPES]


def _location(row: dict[str, Any]) -> Location | None:
    if row["location_name"] is None:
        return None
    return Location(**{name: row[f"location_{name}"] for name in _LOCATION_TYPES})


def _actor(row: dict[str, Any], role: str) -> ActorRef | None:
    values = {name: row[f"{role}_{name}"] for name in _ACTOR_FIELDS}
    if values["code"] is None:
        return None
    antecedent = {name: row[f"{role}_antecedent_{name}"] for name in _SPAN_FIELDS}
    if antecedent["text"] is not None:
        values["antecedent"] = TextSpan(**antecedent)
    return ActorRef(**values)


def _event(row: dict[str, Any]) -> Event:
    plain = {name: value for name, value in row.items()
             if not name.startswith(("source_", "target_", "trigger_", "location_"))
             and (name not in SIZE_CONTEXT_TYPES or name == "aux_mode")}
    trigger = TextSpan(text=row["trigger_text"], start=row["trigger_start"],
                       end=row["trigger_end"])
    size = Size.model_validate_json(row["size_json"]) if row["size_json"] else None
    context = [Context(**c) for c in json.loads(row["context_json"] or "[]")]
    return Event(**plain, source=_actor(row, "source"), target=_actor(row, "target"),
                 trigger=trigger, size=size, context=context, location=_location(row))
