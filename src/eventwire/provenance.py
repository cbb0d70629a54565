"""What made a dataset: the eventwire version and a hash of the dictionaries in force."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

PACKAGE = Path(__file__).parent


def packaged_data_files() -> list[Path]:
    """Every data file the bundled coder reads, in a stable order."""
    folders = ("actors/data", "events/data", "ontology/data")
    return sorted(path for folder in folders for path in (PACKAGE / folder).iterdir()
                  if path.is_file())


def dictionary_hash(paths: Iterable[Path]) -> str:
    """A short content hash of the files: equal files, equal hash, whatever their paths."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
