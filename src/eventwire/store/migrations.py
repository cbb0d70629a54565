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

# Merged events and actors, both derived from mentions.
# `events` is a table kept current by save(), like GDELT's event table: exports
# and the web app read the counts without re-grouping every mention. The
# `event_key` on mentions (md5 of date|source|target|cameo, NULL read as '') lets
# save() refresh only the events an article touches. The backfill below computes
# the same key as duck.merge_key(); a test holds the two together.
# `actors` is a view: a common code (USA) is touched by most articles, so keeping
# a table current would re-read all its mentions on nearly every save, while one
# GROUP BY over all mentions when someone asks is quick in DuckDB.
_V3 = """
ALTER TABLE mentions ADD COLUMN event_key VARCHAR;
UPDATE mentions SET event_key = md5(concat_ws('|', coalesce(date, ''),
    coalesce(source_code, ''), coalesce(target_code, ''), cameo));
CREATE TABLE events (
    event_key        VARCHAR PRIMARY KEY,
    global_event_id  BIGINT NOT NULL,
    date             VARCHAR,
    source_code      VARCHAR,
    target_code      VARCHAR,
    cameo            VARCHAR NOT NULL,
    cameo_base       VARCHAR NOT NULL,
    cameo_root       VARCHAR NOT NULL,
    cameo_name       VARCHAR,
    goldstein        DOUBLE,
    quad_class       INTEGER,
    plover           VARCHAR,
    plover_mode      VARCHAR,
    num_mentions     INTEGER NOT NULL,
    num_sources      INTEGER NOT NULL,
    num_articles     INTEGER NOT NULL,
    first_doc_id     VARCHAR NOT NULL,
    source_url       VARCHAR,
    added_at         TIMESTAMP NOT NULL
);
CREATE VIEW actors AS
WITH roles AS (
    SELECT event_id, source_code AS code, source_text AS text, date FROM mentions
    WHERE source_code IS NOT NULL
    UNION ALL
    SELECT event_id, target_code, target_text, date FROM mentions
    WHERE target_code IS NOT NULL
), examples AS (
    SELECT code, text FROM (SELECT code, text, count(*) AS n FROM roles GROUP BY code, text)
    QUALIFY row_number() OVER (PARTITION BY code ORDER BY n DESC, text) = 1
)
SELECT r.code, min(r.date) AS first_seen, max(r.date) AS last_seen,
       count(DISTINCT r.event_id) AS mention_count, e.text AS example_text
FROM roles r LEFT JOIN examples e ON e.code = r.code
GROUP BY r.code, e.text;
"""

# "on Tuesday" resolved against the article date; null when the sentence names none.
_V4 = """
ALTER TABLE mentions ADD COLUMN event_date VARCHAR;
"""

# For a pronoun or description ("it", "the ally"), the mention it was resolved to.
_V5 = "".join(f"ALTER TABLE mentions ADD COLUMN {role}_antecedent_{name} {sql_type};\n"
              for role in ("source", "target")
              for name, sql_type in (("text", "VARCHAR"), ("start", "INTEGER"),
                                     ("end", "INTEGER")))

# Issue 15: PLOVER size (counts as columns, spans in size_json), contexts (names found
# in the sentence as a list, those only of the article apart, evidence in context_json)
# and the auxiliary mode. Columns only, so it merges with other steps that add columns.
_V6 = """
ALTER TABLE mentions ADD COLUMN dead INTEGER;
ALTER TABLE mentions ADD COLUMN injured INTEGER;
ALTER TABLE mentions ADD COLUMN arrested INTEGER;
ALTER TABLE mentions ADD COLUMN size_json VARCHAR;
ALTER TABLE mentions ADD COLUMN context VARCHAR[];
ALTER TABLE mentions ADD COLUMN context_article VARCHAR[];
ALTER TABLE mentions ADD COLUMN context_json VARCHAR;
ALTER TABLE mentions ADD COLUMN aux_mode VARCHAR;
"""

# Where each mention happened (geo/): the place, its point and codes, which part of
# the article gave it (basis) and the mention's span. NULL when no place resolved.
_V7 = """
ALTER TABLE mentions ADD COLUMN location_name VARCHAR;
ALTER TABLE mentions ADD COLUMN location_lat DOUBLE;
ALTER TABLE mentions ADD COLUMN location_lon DOUBLE;
ALTER TABLE mentions ADD COLUMN location_country VARCHAR;
ALTER TABLE mentions ADD COLUMN location_admin1 VARCHAR;
ALTER TABLE mentions ADD COLUMN location_geonameid BIGINT;
ALTER TABLE mentions ADD COLUMN location_feature VARCHAR;
ALTER TABLE mentions ADD COLUMN location_basis VARCHAR;
ALTER TABLE mentions ADD COLUMN location_text VARCHAR;
ALTER TABLE mentions ADD COLUMN location_start INTEGER;
ALTER TABLE mentions ADD COLUMN location_end INTEGER;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, mentions and errors", _V1),
    Migration(2, "coder version and dictionary hash on mentions", _V2),
    Migration(3, "merged events and actors, event_key on mentions", _V3),
    Migration(4, "the date a sentence gives its event", _V4),
    Migration(5, "the antecedent of an actor resolved from a pronoun", _V5),
    Migration(6, "size, context and auxiliary mode on mentions", _V6),
    Migration(7, "where each mention happened (location_* columns)", _V7),
)
SCHEMA_VERSION = MIGRATIONS[-1].version
