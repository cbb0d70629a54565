"""Loading and querying the CAMEO table in ontology/data/cameo.tsv."""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from eventwire.ontology.codes import (
    PLOVER_EVENT_TYPES,
    CameoCode,
    is_cameo_code,
    quad_class_for_root,
    root_of,
)
from eventwire.ontology.errors import OntologyError, UnknownCodeError

TSV_COLUMNS: tuple[str, ...] = (
    "code", "name", "goldstein", "quad_class", "plover", "plover_mode", "plover_context",
    "goldstein_from", "plover_from",
)
CONTEXT_SEPARATOR = ";"
SUGGESTION_COUNT = 5
PACKAGED_NAME = "eventwire/ontology/data/cameo.tsv"


class Ontology:
    """All CAMEO event codes, keyed by code string ("042")."""

    def __init__(self, codes: dict[str, CameoCode], source: str = "<memory>") -> None:
        self._codes = dict(sorted(codes.items()))
        self.source = source

    @classmethod
    def load(cls, path: Path | None = None) -> Ontology:
        """Read and validate a CAMEO table; the packaged one when `path` is None."""
        if path is None:
            table = resources.files("eventwire.ontology").joinpath("data", "cameo.tsv")
            return cls._from_text(table.read_text(encoding="utf-8"), PACKAGED_NAME)
        return cls._from_text(Path(path).read_text(encoding="utf-8"), str(path))

    @classmethod
    def _from_text(cls, text: str, source: str) -> Ontology:
        lines = text.splitlines()
        if not lines or tuple(lines[0].split("\t")) != TSV_COLUMNS:
            expected = " ".join(TSV_COLUMNS)
            raise OntologyError(source, 1, f"header must be {expected} (tab-separated)")
        codes: dict[str, CameoCode] = {}
        for number, line in enumerate(lines[1:], start=2):
            entry = parse_row(line, source, number)
            if entry.code in codes:
                raise OntologyError(source, number, f"code {entry.code!r} appears twice")
            codes[entry.code] = entry
        missing_roots = {root_of(code) for code in codes} - codes.keys()
        if missing_roots:
            message = f"cue categories missing: {sorted(missing_roots)}"
            raise OntologyError(source, len(lines), message)
        return cls(codes, source)

    def get(self, code: str) -> CameoCode:
        """The record for `code`; UnknownCodeError (a KeyError) names the nearest codes."""
        try:
            return self._codes[code]
        except (KeyError, TypeError):
            # An int such as 42 has lost its leading zero; look near "042".
            probe = str(code).zfill(3) if isinstance(code, int) else str(code)
            raise UnknownCodeError(code, self.nearest(probe)) from None

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def codes(self) -> list[str]:
        """All codes, sorted, so cue categories come before their refinements."""
        return list(self._codes)

    def codes_about(self, pattern: re.Pattern[str]) -> frozenset[str]:
        """Codes whose codebook name matches ``pattern`` ('popular dissent', 'regime')."""
        return frozenset(entry.code for entry in self if pattern.search(entry.name))

    def root(self, code: str) -> str:
        """The cue category ("04") of a known code."""
        return self.get(code).root

    def nearest(self, code: str) -> list[str]:
        """Known codes most like `code`: first its ancestors and siblings, then look-alikes."""
        shared = [(common_prefix_length(code, known), known) for known in self._codes]
        best = max((length for length, _ in shared), default=0)
        if best >= 2:
            close = [known for length, known in shared if length == best]
            close.sort(key=lambda known: (abs(len(known) - len(code)), known))
            return close[:SUGGESTION_COUNT]
        return difflib.get_close_matches(code, list(self._codes), n=SUGGESTION_COUNT)


def common_prefix_length(left: str, right: str) -> int:
    """How many leading characters two strings share."""
    length = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        length += 1
    return length


def parse_row(line: str, source: str, number: int) -> CameoCode:
    """One validated table row; any problem is an OntologyError at source:number."""
    fields = line.split("\t")
    if len(fields) != len(TSV_COLUMNS):
        message = f"expected {len(TSV_COLUMNS)} tab-separated fields, got {len(fields)}"
        raise OntologyError(source, number, message)
    row = dict(zip(TSV_COLUMNS, fields, strict=True))
    code = row["code"]
    if not is_cameo_code(code):
        message = f"code {code!r} is not 2-4 digits with cue category 01-20"
        raise OntologyError(source, number, message)
    if not row["name"]:
        raise OntologyError(source, number, f"code {code} has no name")
    goldstein = parse_goldstein(row["goldstein"], source, number)
    quad_class = quad_class_for_root(root_of(code))
    if row["quad_class"] != str(quad_class):
        message = f"quad_class of {code} must be {quad_class}, got {row['quad_class']!r}"
        raise OntologyError(source, number, message)
    plover = row["plover"] or None
    if plover is not None and plover not in PLOVER_EVENT_TYPES:
        message = f"unknown PLOVER event type {plover!r}; expected one of {PLOVER_EVENT_TYPES}"
        raise OntologyError(source, number, message)
    for column in ("goldstein_from", "plover_from"):
        if not is_valid_origin(row[column], code, allow_heading=column == "plover_from"):
            message = f"{column} {row[column]!r} is neither empty nor an ancestor of {code}"
            raise OntologyError(source, number, message)
    return CameoCode(
        code=code,
        name=row["name"],
        goldstein=goldstein,
        quad_class=quad_class,
        plover=plover,
        plover_mode=row["plover_mode"] or None,
        plover_context=tuple(filter(None, row["plover_context"].split(CONTEXT_SEPARATOR))),
        goldstein_from=row["goldstein_from"] or None,
        plover_from=row["plover_from"] or None,
    )


def is_valid_origin(origin: str, code: str, allow_heading: bool) -> bool:
    """Whether a *_from value is empty, a proper ancestor of `code`, a cue category's
    heading, or (for PLOVER) "manual": the manual's text overrides the crosswalk."""
    if not origin:
        return True
    if origin == "manual":
        return allow_heading
    if origin == "heading":
        return allow_heading and len(code) == 2
    return is_cameo_code(origin) and len(origin) < len(code) and code.startswith(origin)


def parse_goldstein(text: str, source: str, number: int) -> float:
    """A Goldstein score: a number from -10 to +10."""
    try:
        value = float(text)
    except ValueError:
        raise OntologyError(source, number, f"goldstein {text!r} is not a number") from None
    if math.isnan(value) or not -10.0 <= value <= 10.0:
        raise OntologyError(source, number, f"goldstein {text!r} is outside -10..10")
    return value


@functools.lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The packaged ontology, read once per process."""
    return Ontology.load()
