"""The team's place set (data/places.txt) clears the bar of issue 14, and its reader
reports bad lines by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate.geo import (
    GoldPlace,
    PlaceSetError,
    _judge,
    distance_km,
    evaluate_places,
    read_places,
    render_places,
    replace_section,
)
from eventwire.geo.gazetteer import Candidate, Place
from eventwire.geo.mentions import PlaceMention

PLACES = Path(__file__).parent / "data" / "places.txt"


@pytest.fixture(scope="module")
def scores():
    return evaluate_places(PLACES)


def test_the_set_has_at_least_150_mentions() -> None:
    records = read_places(PLACES)
    assert sum(len(r.gold) for r in records) >= 150


def test_at_least_90_percent_right_and_none_on_the_wrong_continent(scores) -> None:
    assert scores.accuracy >= 0.90, "\n".join(scores.errors)
    assert scores.wrong_continent == 0, "\n".join(scores.errors)


def test_distance_is_great_circle() -> None:
    # Tripoli (Libya) to Tripoli (Lebanon) is about 2,050 km.
    assert 2000 < distance_km((32.89, 13.19), (34.44, 35.85)) < 2100


def mention(place: Place) -> PlaceMention:
    return PlaceMention(0, 1, 0, 5, "x", [Candidate(place)], resolved=Candidate(place))


def test_the_judge_counts_a_country_turned_city_as_wrong(gazetteer) -> None:
    china = GoldPlace("China", 1, "CHN")
    town = Place("China", "city", "MEX", lat=25.7, lon=-99.2)
    assert _judge(china, mention(town), gazetteer) == "wrong continent"
    beijing = Place("Beijing", "city", "CHN", lat=39.9, lon=116.4)
    assert _judge(china, mention(beijing), gazetteer) == "smaller place"
    assert _judge(china, mention(gazetteer.countries["CHN"]), gazetteer) == "right"
    assert _judge(china, None, gazetteer) == "not found"


def test_a_city_must_be_within_60_km(gazetteer) -> None:
    gold = GoldPlace("Tripoli", 1, "LBN", point=(34.44, 35.85))
    near = Place("Tripoli", "city", "LBN", lat=34.43, lon=35.84)
    far = Place("Beirut", "city", "LBN", lat=33.89, lon=35.50)
    assert _judge(gold, mention(near), gazetteer) == "right"
    assert _judge(gold, mention(far), gazetteer) == "too far"


@pytest.mark.parametrize(("lines", "message"), [
    ("Paris | FRA | country\n", r"bad\.txt:1: a mention before any '> text' line"),
    ("> Text.\nParis | FRA\n", r"bad\.txt:2: expected 'surface \| country \| what'"),
    ("> Text.\nParis | FRA | somewhere\n", r"bad\.txt:2: 'what' must be lat,lon"),
])
def test_bad_lines_name_file_and_line(tmp_path: Path, lines: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(lines, encoding="utf-8")
    with pytest.raises(PlaceSetError, match=message):
        read_places(path)


def test_the_report_section_is_replaced_in_place(scores) -> None:
    section = render_places(scores, PLACES)
    assert f"({scores.right}/{scores.mentions})" in section
    report = "# Accuracy\n\n## Summary\n\ntext\n"
    once = replace_section(report, section)
    assert once.startswith(report.rstrip()) and once.count("## Geolocation") == 1
    twice = replace_section(once + "\n## Later\n\nkept\n", section)
    assert twice.count("## Geolocation") == 1 and twice.endswith("## Later\n\nkept\n")
