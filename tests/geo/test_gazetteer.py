"""The gazetteer: packaged data loads, names meet in lookup form, bad files say where."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from eventwire.geo.gazetteer import DATA, Gazetteer, GazetteerError, name_key


def test_name_key_removes_accents_case_and_spacing() -> None:
    assert name_key("Córdoba") == name_key("CORDOBA") == "cordoba"
    assert name_key("  San   José ") == "san jose"
    assert name_key("Kharkiv’s") == "kharkiv's"


def test_countries_cities_regions_and_own_data_are_loaded(gazetteer: Gazetteer) -> None:
    features = {c.place.feature for name in ("China", "Tbilisi", "Texas", "Gaza Strip")
                for c in gazetteer.lookup(name)}
    assert {"country", "city", "admin1", "territory"} <= features
    assert gazetteer.codes["USA"].fips == "US" and gazetteer.codes["PSE"].continent == "AS"
    assert gazetteer.countries["UKR"].lat is not None


def test_alternate_names_and_demonyms_reach_their_place(gazetteer: Gazetteer) -> None:
    kiev = gazetteer.lookup("Kiev")
    assert [c.place.name for c in kiev] == ["Kyiv"] and kiev[0].other_name
    israeli = gazetteer.lookup("Israeli")
    assert israeli[0].demonym and israeli[0].place.country == "ISR"
    assert gazetteer.lookup("Gazan")[0].place.name == "Gaza Strip"


def test_a_short_form_of_a_names_own_words_is_no_name(gazetteer: Gazetteer) -> None:
    # "Le Port" (Réunion) lists "Port"; "Port of Long Beach" must not find it.
    assert not [c for c in gazetteer.lookup("Port") if c.place.name == "Le Port"]


def test_load_countries_alone(gazetteer: Gazetteer) -> None:
    countries = Gazetteer.load_countries()
    assert countries.codes.keys() == gazetteer.codes.keys()
    assert not countries.lookup("Tbilisi")


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    for name in ("countries.tsv", "geonames.tsv.gz", "names.jsonl", "regions.jsonl"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def test_a_short_row_names_file_and_line(copied: Path) -> None:
    path = copied / "geonames.tsv.gz"
    rows = gzip.decompress(path.read_bytes()).decode().splitlines()
    rows[2] = "city\t1\tNowhere"
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode()))
    with pytest.raises(GazetteerError, match=r"geonames\.tsv\.gz:3: 3 fields, expected 10"):
        Gazetteer.load(copied)


def test_an_unknown_country_in_own_data_names_file_and_line(copied: Path) -> None:
    path = copied / "regions.jsonl"
    path.write_text(path.read_text() + '{"name": "Atlantis", "feature": "region", '
                    '"country": "ATL", "lat": 0, "lon": 0}\n')
    line = len(path.read_text().splitlines())
    with pytest.raises(GazetteerError, match=rf"regions\.jsonl:{line}: unknown country 'ATL'"):
        Gazetteer.load(copied)


def test_bad_json_and_a_missing_file_are_reported(copied: Path) -> None:
    (copied / "names.jsonl").write_text('{"note": "x"}\n{not json\n')
    with pytest.raises(GazetteerError, match=r"names\.jsonl:2: not JSON"):
        Gazetteer.load(copied)
    (copied / "countries.tsv").unlink()
    with pytest.raises(GazetteerError, match="cannot read gazetteer .*countries.tsv"):
        Gazetteer.load(copied)
