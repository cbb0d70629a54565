"""Article deduplication: exact copies by content hash, syndicated copies by MinHash.

    index = DuplicateIndex()
    index.check(article)      # -> None, or Duplicate(doc_id, duplicate_of, kind, similarity)
    index.add(article)        # remember it, so later copies are found

Wire stories are reprinted with a new headline, a dateline or a footer, so the
near-duplicate test compares word shingles, not bytes: two texts whose shingle
sets have an estimated Jaccard similarity of `threshold` or more are one story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

import duckdb
import numpy as np
from datasketch import MinHash, MinHashLSH

from eventwire.schema import Article

NUM_PERM = 128
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.8
# Named, not left to datasketch's default: stored signatures must stay comparable
# with new ones after a datasketch upgrade changes the default.
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Duplicate:
    """`doc_id` repeats `duplicate_of`: exactly ("exact") or nearly ("near")."""

    doc_id: str
    duplicate_of: str
    kind: str
    similarity: float


@dataclass(frozen=True)
class Fingerprint:
    """What the index keeps of one article: its content hash and MinHash values."""

    doc_id: str
    content_hash: str
    minhash: np.ndarray

    def to_bytes(self) -> bytes:
        return self.minhash.astype(np.uint64).tobytes()

    @classmethod
    def from_row(cls, doc_id: str, content_hash: str, blob: bytes) -> Fingerprint:
        return cls(doc_id, content_hash, np.frombuffer(blob, dtype=np.uint64).copy())


def content_hash(text: str) -> str:
    """Hash of the text with case and whitespace folded, so re-spaced copies match exactly."""
    folded = " ".join(text.lower().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The word n-grams of a text, lowercased; a text shorter than n words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def fingerprint(article: Article, num_perm: int = NUM_PERM) -> Fingerprint:
    """The content hash and MinHash signature of one article."""
    signature = MinHash(num_perm=num_perm, scheme=SCHEME)
    signature.update_batch(list(shingles(article.text)))
    return Fingerprint(article.id, content_hash(article.text), signature.hashvalues)


@dataclass
class DuplicateIndex:
    """Known articles, searchable for exact and near copies of a new one."""

    threshold: float = DEFAULT_THRESHOLD
    num_perm: int = NUM_PERM
    by_hash: dict[str, str] = field(default_factory=dict)
    signatures: dict[str, np.ndarray] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.signatures

    def __len__(self) -> int:
        return len(self.signatures)

    def check(self, found: Fingerprint) -> Duplicate | None:
        """The earlier article this one copies, if any; an article never copies itself."""
        original = self.by_hash.get(found.content_hash)
        if original is not None and original != found.doc_id:
            return Duplicate(found.doc_id, original, "exact", 1.0)
        probe = self._minhash(found.minhash)
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(probe):
            if candidate == found.doc_id:
                continue
            score = float(np.mean(found.minhash == self.signatures[candidate]))
            if score >= self.threshold and (best is None or (score, candidate) > best):
                best = (score, candidate)
        if best is None:
            return None
        return Duplicate(found.doc_id, best[1], "near", round(best[0], 4))

    def add(self, found: Fingerprint) -> None:
        """Remember an article; adding the same id again replaces its old signature."""
        if found.doc_id in self.signatures:
            self._lsh.remove(found.doc_id)
        self.signatures[found.doc_id] = found.minhash
        self.by_hash.setdefault(found.content_hash, found.doc_id)
        self._lsh.insert(found.doc_id, self._minhash(found.minhash))

    def _minhash(self, values: np.ndarray) -> MinHash:
        return MinHash(num_perm=self.num_perm, hashvalues=values, scheme=SCHEME)


class SignatureTable:
    """The store's memory of what was ingested, kept in two tables of its DuckDB file.

    `article_signatures` holds the fingerprint of every stored article, so a later
    run finds copies of what an earlier run stored; `article_duplicates` says which
    articles were not coded because they copy another, and which.
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.con = connection
        self.con.execute(_CREATE)

    def load(self, threshold: float = DEFAULT_THRESHOLD) -> DuplicateIndex:
        """An index of every stored fingerprint."""
        index = DuplicateIndex(threshold=threshold)
        rows = self.con.execute(
            "SELECT doc_id, content_hash, minhash FROM article_signatures ORDER BY doc_id")
        while batch := rows.fetchmany(10_000):
            for doc_id, found_hash, blob in batch:
                index.add(Fingerprint.from_row(doc_id, found_hash, blob))
        return index

    def save(self, found: list[Fingerprint]) -> None:
        """Keep fingerprints, in one transaction: a commit per article would double its cost."""
        if not found:
            return
        self.con.begin()
        try:
            self.con.executemany(
                "INSERT INTO article_signatures VALUES (?, ?, ?) ON CONFLICT (doc_id) DO UPDATE "
                "SET content_hash = excluded.content_hash, minhash = excluded.minhash",
                [[f.doc_id, f.content_hash, f.to_bytes()] for f in found])
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def record(self, duplicate: Duplicate) -> None:
        self.con.execute(
            "INSERT INTO article_duplicates VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE "
            "SET duplicate_of = excluded.duplicate_of, kind = excluded.kind, "
            "similarity = excluded.similarity, recorded_at = excluded.recorded_at",
            [duplicate.doc_id, duplicate.duplicate_of, duplicate.kind, duplicate.similarity,
             dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)])


_CREATE = """
CREATE TABLE IF NOT EXISTS article_signatures (
    doc_id        VARCHAR PRIMARY KEY,
    content_hash  VARCHAR NOT NULL,
    minhash       BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS article_duplicates (
    doc_id        VARCHAR PRIMARY KEY,
    duplicate_of  VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    similarity    DOUBLE NOT NULL,
    recorded_at   TIMESTAMP NOT NULL
);
"""
