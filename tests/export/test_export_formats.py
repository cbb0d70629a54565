"""Each export format, round-tripped against a known-good file in tests/export/data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from eventwire.export import FORMATS, export, gdelt, icews, phoenix
from eventwire.export.common import split_code
from eventwire.schema import ActorRef, Article, Event, Location, TextSpan, event_id
from eventwire.store import EventStore, StoreError

DATA = Path(__file__).parent / "data"
# code -> (name, goldstein, quad class, PLOVER type, PLOVER mode), as in the ontology.
CODES = {
    "042": ("Make a visit", 1.9, 1, "CONSULT", "visit"),
    "190": ("Use conventional military force, not specified below", -10.0, 4, "ASSAULT", None),
    "010": ("Make statement, not specified below", 0.0, 1, None, None),
    "112": ("Accuse, not specified below", -2.0, 3, "ACCUSE", "disapprove"),
}
ARTICLES = [
    Article(id="a1", text="x" * 200, date="2024-03-05", title="Visit", source="AFP",
            url="https://example.org/a1"),
    Article(id="b1", text="y" * 200, date="2024-03-05", title="Talks", source="Reuters",
            url="https://example.org/b1"),
    Article(id="c1", text="z" * 200, date="2024-03-06", title=None, source="AFP", url=None),
]
CODED_AT = {"a1": "2024-03-07 12:00:00", "b1": "2024-03-07 09:30:00",
            "c1": "2024-03-08 08:00:00"}
# doc, sentence, (source code, text), (target code, text), CAMEO code, trigger
MENTIONS = [
    ("a1", 0, ("ISRGOV", "Israeli officials"), ("USA", "Washington"), "042", "visited"),
    ("a1", 1, ("ISRGOV", "Israel"), ("USA", "the United States"), "042", "arrived"),
    ("a1", 2, ("PSEREBHMS", "Hamas"), ("ISRMIL", "Israeli troops"), "190", "fought"),
    ("a1", 3, ("EGYCOP", "Egyptian police"), None, "010", "said"),
    ("b1", 0, ("ISRGOV", "Israel"), ("USA", "Washington"), "042", "visited"),
    ("c1", 0, ("IGOUNO", "The UN"), ("SYRGOV", "Damascus"), "112", "accused"),
]

# Where some mentions happened: a city, a territory with no GeoNames id, a country.
LOCATIONS = {
    ("a1", 0): Location(name="Washington", lat=38.89511, lon=-77.03637, country="USA",
                        admin1="US-DC", geonameid=4140963, feature="city", basis="clause",
                        text="Washington", start=30, end=40),
    ("a1", 2): Location(name="Gaza Strip", lat=31.4, lon=34.4, country="PSE",
                        feature="territory", basis="sentence", text="Gaza", start=120,
                        end=124),
    ("c1", 0): Location(name="Syria", lat=34.8, lon=38.3, country="SYR", geonameid=163843,
                        feature="country", basis="article", text="Syria", start=50, end=55),
}


def mention(doc_id: str, index: int, source: tuple[str, str] | None,
            target: tuple[str, str] | None, cameo: str, trigger: str) -> Event:
    name, goldstein, quad, plover, mode = CODES[cameo]
    date = next(article.date for article in ARTICLES if article.id == doc_id)
    refs = [None if actor is None else ActorRef(code=actor[0], text=actor[1], start=0,
                                                end=len(actor[1]), rule="test")
            for actor in (source, target)]
    return Event(
        event_id=event_id(doc_id, index, 10, source and source[0], target and target[0], cameo),
        doc_id=doc_id, sentence_index=index, sentence=f"Sentence {index}.", date=date,
        source=refs[0], target=refs[1], cameo=cameo, cameo_root=cameo[:2], cameo_name=name,
        goldstein=goldstein, quad_class=quad, plover=plover, plover_mode=mode,
        trigger=TextSpan(text=trigger, start=10, end=10 + len(trigger)), is_root=index == 0,
        rule="verbs.jsonl:1", coder_version="0.1.0", dictionaries="abc",
        location=LOCATIONS.get((doc_id, index)))


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "events.duckdb") as opened:
        for article in ARTICLES:
            opened.save(article, [mention(*row) for row in MENTIONS if row[0] == article.id])
        for doc_id, coded_at in CODED_AT.items():
            opened.connection.execute("UPDATE articles SET coded_at = ? WHERE doc_id = ?",
                                      [coded_at, doc_id])
        opened.refresh_merged()
        yield opened


def exported(store: EventStore, fmt: str, path: Path, **options: object) -> str:
    export(store, fmt, path, **options)
    return path.read_text(encoding="utf-8")


def known_good(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def tsv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gdelt_round_trip(store: EventStore, tmp_path: Path) -> None:
    text = exported(store, "gdelt", tmp_path / "out.tsv")
    assert text == known_good("gdelt.tsv")
    records = tsv(text)
    assert len(gdelt.COLUMNS) == 61 and all(len(record) == 61 for record in records)
    by_column = [dict(zip(gdelt.COLUMNS, record, strict=True)) for record in records]
    visit = next(row for row in by_column if row["EventCode"] == "042")
    assert (visit["NumMentions"], visit["NumSources"], visit["NumArticles"]) == ("3", "2", "2")
    assert visit["SOURCEURL"] == "https://example.org/b1"  # the first article coded
    assert visit["Actor1CountryCode"] == "ISR" and visit["Actor1Type1Code"] == "GOV"
    assert visit["DATEADDED"] == "20240307093000"
    ids = [row["GlobalEventID"] for row in by_column]
    assert len(set(ids)) == len(ids) and all(value.isdigit() for value in ids)


def test_gdelt_header_option(store: EventStore, tmp_path: Path) -> None:
    text = exported(store, "gdelt", tmp_path / "out.tsv", header=True)
    assert text.splitlines()[0].split("\t") == list(gdelt.COLUMNS)
    assert text.splitlines()[1:] == known_good("gdelt.tsv").splitlines()


def test_icews_round_trip(store: EventStore, tmp_path: Path) -> None:
    text = exported(store, "icews", tmp_path / "out.tsv")
    assert text == known_good("icews.tsv")
    header, *records = tsv(text)
    assert header == list(icews.COLUMNS) and len(records) == len(MENTIONS)
    assert {record[6] for record in records} == {"042", "190", "010", "112"}


def test_phoenix_round_trip(store: EventStore, tmp_path: Path) -> None:
    text = exported(store, "phoenix", tmp_path / "out.tsv")
    assert text == known_good("phoenix.tsv")
    records = [dict(zip(phoenix.COLUMNS, record, strict=True)) for record in tsv(text)]
    hamas = next(record for record in records if record["EventCode"] == "190")
    assert (hamas["SourceActorRole"], hamas["SourceActorEntity"],
            hamas["SourceActorAttribute"]) == ("PSE", "REB", "HMS")
    statement = next(record for record in records if record["EventCode"] == "010")
    assert statement["PentaClass"] == "0" and statement["EventRootCode"] == "01"


def test_plover_round_trip(store: EventStore, tmp_path: Path) -> None:
    text = exported(store, "plover", tmp_path / "out.jsonl")
    assert text == known_good("plover.jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert len(records) == len(MENTIONS) - 1  # 010 has no PLOVER type
    assert all(isinstance(record["cameo"], str) for record in records)
    visit = records[0]
    assert visit["actor"] == [{"code": "ISR", "sector": "GOV",
                               "entity_text": "Israeli officials"}]
    assert visit["event"] == ["CONSULT"] and visit["mode"] == ["visit"]


def test_csv_round_trip(store: EventStore, tmp_path: Path) -> None:
    text = exported(store, "csv", tmp_path / "out.csv", table="events")
    assert text == known_good("events.csv")
    records = list(csv.DictReader(io.StringIO(text)))
    assert sorted(record["cameo"] for record in records) == ["010", "042", "112", "190"]
    mentions = exported(store, "csv", tmp_path / "mentions.csv")
    assert len(list(csv.DictReader(io.StringIO(mentions)))) == len(MENTIONS)


def test_csv_to_stdout_matches_the_file(store: EventStore, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    export(store, "csv", None, table="events")
    assert capsys.readouterr().out == known_good("events.csv")


def test_parquet_round_trip(store: EventStore, tmp_path: Path) -> None:
    folder = tmp_path / "parquet"
    summary = export(store, "parquet", folder)
    assert summary.written == len(MENTIONS)
    assert sorted(path.name for path in folder.iterdir()) == ["date=2024-03-05",
                                                             "date=2024-03-06"]
    with duckdb.connect() as con:
        back = con.execute(
            f"SELECT event_id, cameo, date FROM read_parquet('{folder}/*/*.parquet', "
            "hive_partitioning = true, hive_types = {'date': VARCHAR}) ORDER BY event_id"
        ).fetchall()
    stored = store.connection.execute(
        "SELECT event_id, cameo, date FROM mentions ORDER BY event_id").fetchall()
    assert back == stored
    with pytest.raises(StoreError, match="not an empty folder"):
        export(store, "parquet", folder)


def test_unknown_format_lists_the_formats(store: EventStore) -> None:
    with pytest.raises(StoreError, match=", ".join(FORMATS)):
        export(store, "xml")


@pytest.mark.parametrize(("code", "country", "group", "types"), [
    ("ISRGOV", "ISR", None, ("GOV",)),
    ("PSEREBHMS", "PSE", "HMS", ("REB",)),
    ("IGOUNO", None, None, ("IGO", "UNO")),
    ("USA", "USA", None, ()),
])
def test_actor_codes_split_into_parts(code: str, country: str | None, group: str | None,
                                      types: tuple[str, ...]) -> None:
    parts = split_code(code)
    assert parts is not None
    assert (parts.country, parts.known_group, parts.types) == (country, group, types)
