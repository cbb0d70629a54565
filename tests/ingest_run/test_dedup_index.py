"""Exact and near-duplicate detection, and the signatures kept in the store."""

from __future__ import annotations

from pathlib import Path

from conftest import wire_article

from eventwire.ingest.dedup import DuplicateIndex, SignatureTable, content_hash, fingerprint
from eventwire.schema import Article
from eventwire.store import EventStore


def article(number: int, doc_id: str | None = None, extra: str = "") -> Article:
    record = wire_article(number, sentences=8)
    return Article(id=doc_id or record["id"], text=record["text"] + extra)


def test_exact_copy_with_other_spacing_and_case() -> None:
    index = DuplicateIndex()
    original = article(1)
    index.add(fingerprint(original))
    copy = Article(id="copy", text="  " + original.text.upper().replace(" ", "\n "))
    found = index.check(fingerprint(copy))
    assert (found.duplicate_of, found.kind, found.similarity) == (original.id, "exact", 1.0)
    assert content_hash("A  b") == content_hash("a b")


def test_syndicated_copy_is_near_and_other_stories_are_not() -> None:
    index = DuplicateIndex()
    for number in range(30):
        index.add(fingerprint(article(number)))
    syndicated = article(12, "syndicated", " Reporting by the wire desk; editing by staff.")
    found = index.check(fingerprint(syndicated))
    assert (found.duplicate_of, found.kind) == ("wire-0012", "near")
    assert 0.8 <= found.similarity < 1.0
    assert index.check(fingerprint(article(99))) is None


def test_an_article_is_never_its_own_duplicate() -> None:
    index = DuplicateIndex()
    index.add(fingerprint(article(3)))
    assert index.check(fingerprint(article(3))) is None
    assert index.check(fingerprint(article(3, extra=" Updated."))) is None


def test_signatures_round_trip_through_duckdb(tmp_path: Path) -> None:
    with EventStore(tmp_path / "e.duckdb") as store:
        table = SignatureTable(store.connection)
        table.save([fingerprint(article(5))])
        table.save([fingerprint(article(5))])  # saving again replaces
        index = table.load()
    assert len(index) == 1
    found = index.check(fingerprint(article(5, "later-copy", " More.")))
    assert found is not None and found.duplicate_of == "wire-0005"
