"""The reference-file readers of tools/convert_ontology.py, on small hand-made inputs."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.ontology import OntologyError

CONVERTER = Path(__file__).parents[2] / "tools" / "convert_ontology.py"


@pytest.fixture(scope="module")
def convert() -> Iterator[ModuleType]:
    # tools/ is not a package; load the script by path. dataclasses need the module
    # registered while it executes, so register it for the tests and then remove it.
    spec = importlib.util.spec_from_file_location("convert_ontology", CONVERTER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_crosswalk_tolerates_comments_blanks_and_spacing(
    convert: ModuleType, tmp_path: Path
) -> None:
    path = write(tmp_path, "crosswalk.txt", (
        "# header comment\n\n"
        "04: CONSULT\n"
        "041: CONSULT, phone,   # Discuss by telephone\n"
        "0861: RETREAT, access , peacekeeping # trailing space in mode\n"
        "1121: ACCUSE, allege, crime; corruption # two contexts\n"
        "175: ASSAULT, x, military # first\n"
        "175: ASSAULT, x, military # repeated, same mapping\n"
        "~~~~~\n"
        "not data\n"
    ))
    crosswalk = convert.read_crosswalk(path)
    assert crosswalk.headings == {"04": ["CONSULT"]}
    assert crosswalk.mappings["041"] == convert.PloverMapping("CONSULT", "phone", ())
    assert crosswalk.mappings["0861"].mode == "access"
    assert crosswalk.mappings["1121"].context == ("crime", "corruption")


def test_conflicting_crosswalk_entry_reports_line(convert: ModuleType, tmp_path: Path) -> None:
    path = write(tmp_path, "crosswalk.txt", "175: ASSAULT, , military\n175: COERCE, , military\n")
    with pytest.raises(OntologyError, match=r"crosswalk.txt:2: 175 mapped again"):
        convert.read_crosswalk(path)


def test_unknown_plover_type_reports_line(convert: ModuleType, tmp_path: Path) -> None:
    path = write(tmp_path, "crosswalk.txt", "\n20: FIGHT\n")
    with pytest.raises(OntologyError, match=r"crosswalk.txt:2: 'FIGHT' is not a PLOVER"):
        convert.read_crosswalk(path)


def test_missing_mapping_is_inherited_and_marked(convert: ModuleType) -> None:
    crosswalk = convert.Crosswalk(
        mappings={"195": convert.PloverMapping("ASSAULT", "heavy-weapons", ("military",))},
        headings={"19": ["ASSAULT"], "08": ["CONCEDE", "RETREAT"]},
    )
    assert convert.plover_for("1951", crosswalk) == (crosswalk.mappings["195"], "195")
    assert convert.plover_for("193", crosswalk) == (convert.PloverMapping("ASSAULT"), "19")
    assert convert.plover_for("19", crosswalk) == (convert.PloverMapping("ASSAULT"), "heading")
    assert convert.plover_for("012", crosswalk) == (None, None)
    with pytest.raises(ValueError, match="several crosswalk sections"):
        convert.plover_for("08", crosswalk)


def test_codefile_prefers_plain_labels_and_skips_pseudo_codes(
    convert: ModuleType, tmp_path: Path
) -> None:
    path = write(tmp_path, "codefile.txt", (
        "//01: MAKE PUBLIC STATEMENT\n"
        "LABEL: 018= Make empathetic commment\n"
        "LABEL: 018= Make empathetic comment\n"
        "LABELi: 0214= Appeal for intelligence\n"
        "LABEL: 0214= Appeal for intelligence cooperation\n"
        "LABELi: 13y= Threaten with repression\n"
    ))
    assert convert.read_codefile_labels(path) == {
        "018": "Make empathetic comment",
        "0214": "Appeal for intelligence cooperation",
    }


def test_verb_dictionary_gaps(convert: ModuleType, tmp_path: Path) -> None:
    path = write(tmp_path, "verbs.txt", (
        "# comment [999]\n"
        "- * CURFEW  [042:043]  # LIFT\n"
        "- * DOWN    [080!]\n"
        "- * HACK    [176]\n"
        "- * NOTHING [---]\n"
        "- * DRONE   [:1952]\n"
    ))
    gaps = convert.verb_dictionary_gaps(path, {"042", "043", "080"})
    assert gaps == {"176": [4], "1952": [6]}
