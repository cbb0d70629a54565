"""Build src/eventwire/ontology/data/cameo.tsv from the CAMEO and PLOVER reference files.

Inputs, all under --reference (default ../shared/reference from the repo root):
  cameo/CAMEO.eventcodes.txt      code -> name (GDELT table)
  cameo/CAMEO.goldsteinscale.txt  code -> Goldstein score (GDELT table)
  cameo/CAMEO_codefile.txt        labels for codes the GDELT tables lack or whose name is garbled
  plover/CAMEO2PLOVER-2021.txt    code -> PLOVER event type, mode, context
  phoenix/CAMEO.2.0.txt           checked only: codes the verb dictionary uses but the table lacks

Values the sources give for an ancestor but not for the code itself are inherited and
marked: `goldstein_from` / `plover_from` name the code they came from. A cue category
("04") takes only the event type of its crosswalk section heading ("04: CONSULT"),
marked "heading", because the mode and context of one refinement do not describe the
whole category. The 01 and 02 families have no PLOVER type (PLOVER dropped them).
Where the PLOVER manual's text contradicts the crosswalk (MANUAL_TYPES), the manual
wins and the row is marked "manual".

Example:
  .venv/bin/python tools/convert_ontology.py --reference ../shared/reference
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.ontology import (
    PLOVER_EVENT_TYPES,
    TSV_COLUMNS,
    CameoCode,
    Ontology,
    OntologyError,
    is_cameo_code,
    parent_of,
    quad_class_for_root,
    root_of,
)
from eventwire.ontology.table import CONTEXT_SEPARATOR

REPO_ROOT = Path(__file__).resolve().parents[1]
LABEL_LINE = re.compile(r"^LABEL(?P<icews>[iI]?):\s*(?P<code>[^=\s]+)\s*=\s*(?P<label>.*?)\s*$")
BRACKETED = re.compile(r"\[([^\]]*)\]")
NULL_VERB_CODE = "---"
# TABARI-style files end with a line of tildes; anything after it is not data.
END_MARKER = "~~~~~"


@dataclass(frozen=True)
class PloverMapping:
    """One crosswalk entry: what a CAMEO code becomes in PLOVER."""

    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()


# Where the PLOVER manual's own text types a code other than the crosswalk does.
# The manual's CONCEDE "covers ... removing curfews" and easing legal restrictions;
# the 2021 crosswalk files easing a curfew or a state of emergency under RETREAT.
# Imposing sanctions (163) is SANCTION: the manual's SANCTION `discontinue` mode says
# "international (political or economic) sanctions are coded as 'discontinue'", and
# its table sends all of CAMEO 16 to SANCTION; the crosswalk files 163 under COERCE.
# Occupying territory (192) is fighting: the manual's translation table sends all of
# CAMEO 19 to ASSAULT, and its COERCE is "short of violence", its `seize` a search,
# confiscation or raid; the crosswalk files 192 under COERCE `seize`.
MANUAL_TYPES: dict[str, PloverMapping] = {
    "0813": PloverMapping("CONCEDE", None, ("legal",)),
    "0814": PloverMapping("CONCEDE", None, ("legal",)),
    "163": PloverMapping("SANCTION", "discontinue", ("economic",)),
    "192": PloverMapping("ASSAULT", None, ("military",)),
}
MANUAL = "manual"


@dataclass
class Crosswalk:
    """The CAMEO -> PLOVER crosswalk: per-code entries and per-section event types."""

    mappings: dict[str, PloverMapping] = field(default_factory=dict)
    headings: dict[str, list[str]] = field(default_factory=dict)


def numbered_lines(path: Path) -> list[tuple[int, str]]:
    """The lines of a reference file with their 1-based numbers, up to its end marker."""
    numbered = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(END_MARKER):
            break
        numbered.append((number, line))
    return numbered


def read_gdelt_table(path: Path) -> dict[str, str]:
    """A two-column GDELT table (header, then code TAB value) as code -> value."""
    table: dict[str, str] = {}
    for number, line in numbered_lines(path)[1:]:
        if not line.strip():
            continue
        fields = [part.strip() for part in line.split("\t")]
        if len(fields) != 2 or not is_cameo_code(fields[0]) or not fields[1]:
            raise OntologyError(path, number, f"expected 'CODE<TAB>VALUE', got {line!r}")
        if fields[0] in table:
            raise OntologyError(path, number, f"code {fields[0]} appears twice")
        table[fields[0]] = fields[1]
    return table


def read_codefile_labels(path: Path) -> dict[str, str]:
    """Code -> label from the text_to_CAMEO code file.

    Plain LABEL lines win over ICEWS variants (LABELi); among equals the later line
    wins, because the file repeats a code to correct it (018 "commment").
    ICEWS pseudo-codes such as "13y" or "1451i" are not CAMEO codes and are skipped.
    """
    labels: dict[str, tuple[bool, str]] = {}
    for _number, line in numbered_lines(path):
        match = LABEL_LINE.match(line)
        if not match or not is_cameo_code(match["code"]):
            continue
        is_plain = not match["icews"]
        known = labels.get(match["code"])
        if known is None or is_plain or not known[0]:
            labels[match["code"]] = (is_plain, match["label"])
    return {code: label for code, (_plain, label) in labels.items()}


def read_crosswalk(path: Path) -> Crosswalk:
    """Parse 'CODE: TYPE, mode, context  # comment' lines and 'NN: TYPE' section headings."""
    crosswalk = Crosswalk()
    for number, line in numbered_lines(path):
        content = line.split("#", 1)[0].strip()
        if not content:
            continue
        code, colon, rest = (part.strip() for part in content.partition(":"))
        if not colon or not is_cameo_code(code):
            raise OntologyError(path, number, f"expected 'CODE: TYPE, mode, context', got {line!r}")
        fields = [part.strip() for part in rest.split(",")]
        if fields[0] not in PLOVER_EVENT_TYPES:
            raise OntologyError(path, number, f"{fields[0]!r} is not a PLOVER event type")
        if len(fields) == 1 and len(code) == 2:
            crosswalk.headings.setdefault(code, []).append(fields[0])
            continue
        if len(fields) != 3:
            raise OntologyError(path, number, f"expected 3 comma-separated fields, got {line!r}")
        mapping = parse_mapping(*fields)
        known = crosswalk.mappings.get(code)
        if known is not None and known != mapping:
            message = f"{code} mapped again, differently: {known} vs {mapping}"
            raise OntologyError(path, number, message)
        crosswalk.mappings[code] = mapping
    return crosswalk


def parse_mapping(event: str, mode: str, context: str) -> PloverMapping:
    """A crosswalk entry from its three stripped fields; contexts may be ';'-separated."""
    contexts = tuple(part.strip() for part in context.split(";") if part.strip())
    return PloverMapping(event, mode or None, contexts)


def nearest_ancestor(code: str, has_value: Callable[[str], bool]) -> str | None:
    """The closest code above `code` for which `has_value` holds."""
    ancestor = parent_of(code)
    while ancestor is not None and not has_value(ancestor):
        ancestor = parent_of(ancestor)
    return ancestor


def root_mapping(root: str, crosswalk: Crosswalk) -> PloverMapping | None:
    """A cue category's event type from its section heading(s).

    08 YIELD has two sections (CONCEDE and RETREAT, the manual's verbal/material
    split); the bare category then takes the type of its general code 080.
    """
    types = sorted(set(crosswalk.headings.get(root, [])))
    if len(types) == 1:
        return PloverMapping(types[0])
    general = crosswalk.mappings.get(root + "0")
    if types and general is not None and general.event in types:
        return PloverMapping(general.event)
    if types:
        raise ValueError(f"cue category {root} has several crosswalk sections: {types}")
    return None


def plover_for(code: str, crosswalk: Crosswalk) -> tuple[PloverMapping | None, str | None]:
    """The PLOVER mapping of a code and, when it is not the code's own, where it came from."""
    if code in MANUAL_TYPES:
        return MANUAL_TYPES[code], MANUAL
    if code in crosswalk.mappings:
        return crosswalk.mappings[code], None
    if len(code) == 2:
        mapping = root_mapping(code, crosswalk)
        return mapping, "heading" if mapping else None
    ancestor = nearest_ancestor(code, lambda known: known in crosswalk.mappings)
    if ancestor is not None:
        return crosswalk.mappings[ancestor], ancestor
    mapping = root_mapping(root_of(code), crosswalk)
    return mapping, root_of(code) if mapping else None


def goldstein_for(code: str, scores: dict[str, str], path: Path) -> tuple[float, str | None]:
    """The Goldstein score of a code, or of its nearest scored ancestor (then named)."""
    if code in scores:
        return float(scores[code]), None
    ancestor = nearest_ancestor(code, lambda known: known in scores)
    if ancestor is None:
        raise OntologyError(path, 1, f"no Goldstein score for {code} or any code above it")
    return float(scores[ancestor]), ancestor


def build_codes(reference: Path) -> list[CameoCode]:
    """Every CAMEO code of the reference tables as a record, sorted by code."""
    names_path = reference / "cameo" / "CAMEO.eventcodes.txt"
    scores_path = reference / "cameo" / "CAMEO.goldsteinscale.txt"
    names = read_gdelt_table(names_path)
    scores = read_gdelt_table(scores_path)
    unnamed = sorted(scores.keys() - names.keys())
    if unnamed:
        message = f"codes scored but not named in {names_path.name}: {unnamed}"
        raise OntologyError(scores_path, 1, message)
    labels = read_codefile_labels(reference / "cameo" / "CAMEO_codefile.txt")
    # The code file adds the codes the GDELT tables lack, and replaces the GDELT names
    # mangled by a wrong decoding (044 reads "Meet at a \u00d2hird\u00d3location" there).
    for code, label in labels.items():
        if code not in names or not names[code].isascii():
            names[code] = label
    crosswalk = read_crosswalk(reference / "plover" / "CAMEO2PLOVER-2021.txt")
    return [
        make_code(code, name, scores, scores_path, crosswalk)
        for code, name in sorted(names.items())
    ]


def make_code(code: str, name: str, scores: dict[str, str], scores_path: Path,
              crosswalk: Crosswalk) -> CameoCode:
    """One table record from the values the readers collected."""
    goldstein, goldstein_from = goldstein_for(code, scores, scores_path)
    mapping, plover_from = plover_for(code, crosswalk)
    return CameoCode(
        code=code,
        name=name,
        goldstein=goldstein,
        quad_class=quad_class_for_root(root_of(code)),
        plover=mapping.event if mapping else None,
        plover_mode=mapping.mode if mapping else None,
        plover_context=mapping.context if mapping else (),
        goldstein_from=goldstein_from,
        plover_from=plover_from,
    )


def render_tsv(codes: list[CameoCode]) -> str:
    """The table as TSV text with a header line and '\\n' line ends."""
    lines = ["\t".join(TSV_COLUMNS)]
    for entry in codes:
        fields = [
            entry.code, entry.name, str(entry.goldstein), str(entry.quad_class),
            entry.plover or "", entry.plover_mode or "",
            CONTEXT_SEPARATOR.join(entry.plover_context),
            entry.goldstein_from or "", entry.plover_from or "",
        ]
        if any("\t" in value or "\n" in value for value in fields):
            raise ValueError(f"code {entry.code}: a field contains a tab or newline: {fields}")
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def verb_dictionary_gaps(path: Path, known: set[str]) -> dict[str, list[int]]:
    """Codes the PETRARCH verb dictionary uses that `known` lacks, with their line numbers.

    Codes sit in brackets, possibly as source:target pairs ("[042:043]", "[:190]");
    a trailing '!' is a PETRARCH flag, and "[---]" means "do not code".
    """
    gaps: dict[str, list[int]] = {}
    for number, line in numbered_lines(path):
        for bracketed in BRACKETED.findall(line.split("#", 1)[0]):
            for part in bracketed.split(":"):
                code = part.strip().rstrip("!")
                if code and code != NULL_VERB_CODE and code not in known:
                    gaps.setdefault(code, []).append(number)
    return gaps


def convert(reference: Path, output: Path) -> list[CameoCode]:
    """Write the table to `output`, check it loads, and return its records."""
    codes = build_codes(reference)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(render_tsv(codes).encode("utf-8"))
    Ontology.load(output)
    return codes


def report_verb_gaps(reference: Path, codes: list[CameoCode]) -> None:
    """Print to stderr the verb-dictionary codes the table cannot resolve."""
    verbs = reference / "phoenix" / "CAMEO.2.0.txt"
    if not verbs.exists():
        print(f"note: {verbs} not found; verb-dictionary check skipped", file=sys.stderr)
        return
    gaps = verb_dictionary_gaps(verbs, {entry.code for entry in codes})
    for code, numbers in sorted(gaps.items()):
        print(f"missing: {code} used {len(numbers)}x in {verbs}:{numbers[0]}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Command line: parse arguments, convert, report."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reference", type=Path, default=REPO_ROOT.parent / "shared" / "reference",
                        help="folder holding cameo/, plover/ and phoenix/ (default: %(default)s)")
    parser.add_argument("--output", type=Path,
                        default=REPO_ROOT / "src" / "eventwire" / "ontology" / "data" / "cameo.tsv",
                        help="TSV to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        codes = convert(args.reference, args.output)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(codes)} codes to {args.output}", file=sys.stderr)
    report_verb_gaps(args.reference, codes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
