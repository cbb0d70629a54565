"""The packaged CAMEO table and the Ontology API over it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.ontology import (
    PLOVER_EVENT_TYPES,
    CameoCode,
    Ontology,
    OntologyError,
    UnknownCodeError,
    default_ontology,
    quad_class_for_root,
)

REPO_ROOT = Path(__file__).parents[2]
REFERENCE = REPO_ROOT.parent / "shared" / "reference"
CONVERTER = REPO_ROOT / "tools" / "convert_ontology.py"
PACKAGED_TABLE = REPO_ROOT / "src" / "eventwire" / "ontology" / "data" / "cameo.tsv"
needs_reference = pytest.mark.skipif(
    not REFERENCE.is_dir(), reason=f"reference data not found at {REFERENCE}"
)


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def test_make_a_visit_is_consult(ontology: Ontology) -> None:
    visit = ontology.get("042")
    assert visit.name == "Make a visit"
    assert visit.plover == "CONSULT"
    assert visit.plover_mode == "visit"
    assert visit.quad_class == 1
    assert visit.goldstein == pytest.approx(1.9)
    assert visit.root == "04"


def test_conventional_military_force_is_assault(ontology: Ontology) -> None:
    force = ontology.get("190")
    assert force.plover == "ASSAULT"
    assert force.quad_class == 4
    assert force.goldstein == pytest.approx(-10.0)


def test_accuse_is_accuse(ontology: Ontology) -> None:
    assert ontology.get("112").plover == "ACCUSE"
    assert ontology.get("112").quad_class == 3


def test_root_code_has_its_section_type(ontology: Ontology) -> None:
    consult = ontology.get("04")
    assert consult.is_root
    assert consult.name == "CONSULT"
    assert consult.plover == "CONSULT"
    assert consult.plover_from == "heading"
    assert consult.plover_mode is None


def test_yield_root_takes_the_type_of_its_general_code(ontology: Ontology) -> None:
    assert ontology.get("08").plover == ontology.get("080").plover == "CONCEDE"
    assert ontology.get("0841").plover == "RETREAT"


def test_statements_and_appeals_have_no_plover_type(ontology: Ontology) -> None:
    for code in ontology.codes():
        if code[:2] in ("01", "02"):
            assert ontology.get(code).plover is None, code


def test_every_other_code_has_a_plover_type(ontology: Ontology) -> None:
    for entry in ontology:
        if entry.root not in ("01", "02"):
            assert entry.plover in PLOVER_EVENT_TYPES, entry.code


def test_quad_class_follows_root(ontology: Ontology) -> None:
    for entry in ontology:
        assert entry.quad_class == quad_class_for_root(entry.root), entry.code
    assert [quad_class_for_root(root) for root in ("05", "06", "09", "10", "14", "15", "20")] == [
        1, 2, 2, 3, 3, 4, 4,
    ]


def test_every_root_is_present_and_codes_are_sorted(ontology: Ontology) -> None:
    roots = [code for code in ontology.codes() if len(code) == 2]
    assert roots == [f"{number:02d}" for number in range(1, 21)]
    assert ontology.codes() == sorted(ontology.codes())
    assert ontology.root("0841") == "08"


def test_multi_valued_context_is_a_tuple(ontology: Ontology) -> None:
    assert ontology.get("1121").plover_context == ("crime", "corruption")


def test_codes_missing_from_gdelt_tables_are_marked(ontology: Ontology) -> None:
    judicial = ontology.get("1213")
    assert judicial.name == "Reject judicial cooperation"
    assert judicial.goldstein == ontology.get("121").goldstein
    assert judicial.goldstein_from == "121"
    assert ontology.get("042").goldstein_from is None


def test_unknown_code_names_the_nearest_codes(ontology: Ontology) -> None:
    with pytest.raises(UnknownCodeError) as caught:
        ontology.get("0429")
    message = str(caught.value)
    assert "'0429'" in message
    assert "042" in caught.value.suggestions
    assert "042" in message
    assert isinstance(caught.value, KeyError)


def test_unpadded_integer_code_gets_a_hint(ontology: Ontology) -> None:
    with pytest.raises(KeyError, match="leading zeros"):
        ontology.get(42)  # type: ignore[arg-type]


def test_contains(ontology: Ontology) -> None:
    assert "042" in ontology
    assert "42" not in ontology
    assert "999" not in ontology


def test_default_ontology_is_loaded_once() -> None:
    assert default_ontology() is default_ontology()
    assert isinstance(default_ontology().get("01"), CameoCode)


def test_malformed_row_reports_file_and_line(tmp_path: Path) -> None:
    lines = PACKAGED_TABLE.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("0.0", "zero", 1)
    broken = tmp_path / "cameo.tsv"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=re.escape(f"{broken}:3:")):
        Ontology.load(broken)


def test_wrong_quad_class_is_rejected(tmp_path: Path) -> None:
    lines = PACKAGED_TABLE.read_text(encoding="utf-8").splitlines()
    fields = lines[1].split("\t")
    fields[3] = "4"
    lines[1] = "\t".join(fields)
    broken = tmp_path / "cameo.tsv"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=r":2: quad_class of 01 must be 1"):
        Ontology.load(broken)


@needs_reference
def test_crosswalk_codes_have_a_plover_type(ontology: Ontology) -> None:
    crosswalk = REFERENCE / "plover" / "CAMEO2PLOVER-2021.txt"
    covered = set(re.findall(r"^\s*(\d{3,4})\s*:", crosswalk.read_text(), flags=re.MULTILINE))
    assert len(covered) > 250
    for code in sorted(covered & set(ontology.codes())):
        assert ontology.get(code).plover in PLOVER_EVENT_TYPES, code
        assert ontology.get(code).plover_from in (None, "manual"), code


@needs_reference
def test_converter_reproduces_packaged_table(tmp_path: Path) -> None:
    output = tmp_path / "cameo.tsv"
    result = subprocess.run(
        [sys.executable, str(CONVERTER), "--reference", str(REFERENCE), "--output", str(output)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() == PACKAGED_TABLE.read_bytes()
