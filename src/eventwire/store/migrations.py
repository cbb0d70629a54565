"""The store's schema as a list of numbered steps.

A later version appends a `Migration` (e.g. `ALTER TABLE mentions ADD COLUMN ...`);
never edit a step that has shipped, since existing files have already run it.
"""

from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    description: str
    sql: str


# Dates are VARCHAR 'YYYY-MM-DD' rather than DATE: they sort and compare the same,
# and a stage that writes an odd date cannot make a whole article fail to save.
# Codes are VARCHAR so "042" never becomes 42. The error time is `recorded_at`,
# not `at`: AT is a reserved word in DuckDB and would need quoting in every query.
_V1 = """
CREATE TABLE articles (
    doc_id     VARCHAR PRIMARY KEY,
    title      VARCHAR,
    url        VARCHAR,
    source     VARCHAR,
    date       VARCHAR,
    text       VARCHAR NOT NULL,
    text_hash  VARCHAR NOT NULL,
    coded_at   TIMESTAMP NOT NULL
);
CREATE TABLE mentions (
    event_id       VARCHAR PRIMARY KEY,
    doc_id         VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence       VARCHAR NOT NULL,
    date           VARCHAR,
    source_code    VARCHAR,
    source_text    VARCHAR,
    source_start   INTEGER,
    source_end     INTEGER,
    source_rule    VARCHAR,
    target_code    VARCHAR,
    target_text    VARCHAR,
    target_start   INTEGER,
    target_end     INTEGER,
    target_rule    VARCHAR,
    cameo          VARCHAR NOT NULL,
    cameo_root     VARCHAR NOT NULL,
    cameo_name     VARCHAR,
    goldstein      DOUBLE,
    quad_class     INTEGER,
    plover         VARCHAR,
    plover_mode    VARCHAR,
    trigger_text   VARCHAR NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    is_root        BOOLEAN NOT NULL,
    rule           VARCHAR NOT NULL,
    modality       VARCHAR
);
CREATE TABLE errors (
    path         VARCHAR NOT NULL,
    line         INTEGER,
    message      VARCHAR NOT NULL,
    recorded_at  TIMESTAMP NOT NULL
);
"""

# Which coder and which dictionaries made each mention, so a dataset says how it was made.
_V2 = """
ALTER TABLE mentions ADD COLUMN coder_version VARCHAR;
ALTER TABLE mentions ADD COLUMN dictionaries VARCHAR;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, mentions and errors", _V1),
    Migration(2, "coder version and dictionary hash on mentions", _V2),
)
SCHEMA_VERSION = MIGRATIONS[-1].version
