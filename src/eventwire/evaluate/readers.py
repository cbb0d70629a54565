"""Readers for the development gold sets in ../shared/eval.

The sets are never copied into the repository (their licences differ), so they
are read in place. Every record remembers where it came from (``file:line``),
and every malformed input raises :class:`GoldFormatError` naming that place.

Three formats:

* PETRARCH validation XML (``<Sentence>`` records with ``<EventCoding>``). The
  PETRARCH-2 GSR file is not well-formed XML (self-closed ``<Sentence/>`` tags
  followed by the record body, ``#`` banner text outside comments), so both
  PETRARCH files go through one tolerant regex reader rather than an XML parser.
* PLOVER gold-standard JSONL.
* The penta (no event + four quad classes) TSV.
"""

from __future__ import annotations

import bisect
import csv
import html
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.actors import tabari
from eventwire.schema import Article

ENV_VAR = "EVENTWIRE_EVAL_DIR"

#: PETRARCH's placeholder for "no actor": a missing target, or an unknown
#: country in front of an agent ("---GOV").
NO_ACTOR = "---"

#: PETRARCH's defaults for the <Config> options that change what the unit tests expect.
PETRARCH_DEFAULTS = {"require_dyad": "true", "new_actor_length": "0"}


class GoldFormatError(ValueError):
    """A gold file does not look the way its reader expects."""


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Coding:
    """One expected PETRARCH coding: source, target and CAMEO code, as in the file."""

    source: str
    target: str
    code: str

    def __str__(self) -> str:
        return f"{self.source} {self.target} {self.code}"


@dataclass(frozen=True)
class PetrarchRecord:
    """One ``<Sentence>`` of a PETRARCH validation file.

    ``key`` is unique within the file (``id``, or ``id~2`` for a repeated id);
    ``codings`` keeps duplicates as written; an empty tuple means no events are
    expected (``noevents="True"``, an ``error=`` coding, or no ``<EventCoding>``).
    ``config`` holds the ``<Config>`` options in force when the record is read:
    the unit tests switch options such as ``require_dyad`` between records.
    """

    id: str
    key: str
    origin: str
    date: str | None
    text: str
    codings: tuple[Coding, ...]
    category: str | None = None
    expected_error: str | None = None
    attrs: Mapping[str, str] = field(default_factory=dict)
    config: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def expects_no_events(self) -> bool:
        return not self.codings

    @property
    def changed_options(self) -> dict[str, str]:
        """The <Config> options in force that differ from PETRARCH's defaults."""
        return {name: self.config[name] for name, default in PETRARCH_DEFAULTS.items()
                if self.config.get(name, default).strip().lower() != default}

    def article(self) -> Article:
        return Article(id=self.key, text=self.text, date=self.date)


@dataclass(frozen=True)
class GoldActor:
    """A PLOVER gold actor: its text in the sentence and its (country) code."""

    text: str
    code: str
    sector: str | None = None


@dataclass(frozen=True)
class PloverRecord:
    """One PLOVER gold-standard sentence.

    ``target`` is empty when the file gives ``""`` or no target at all.
    """

    id: str
    key: str
    origin: str
    date: str | None
    text: str
    event: str
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    event_text: str | None = None
    context: str | None = None
    mode: str | None = None

    def article(self) -> Article:
        return Article(id=self.key, text=self.text, date=self.date)


@dataclass(frozen=True)
class PentaRecord:
    """One penta sentence: 0 no event, 1-4 the CAMEO quad class."""

    id: str
    key: str
    origin: str
    text: str
    label: int

    def article(self) -> Article:
        return Article(id=self.key, text=self.text)


# --------------------------------------------------------------------------- location


def eval_dir() -> Path:
    """Where the development sets live: $EVENTWIRE_EVAL_DIR, else <repo>/../shared/eval.

    The repository root is the nearest folder with a pyproject.toml above the
    working directory, else above this package. The path may not exist.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for folder in (start, *start.parents):
            if (folder / "pyproject.toml").is_file():
                return folder.parent / "shared" / "eval"
    return Path.cwd().parent / "shared" / "eval"


def _require_file(path: Path) -> Path:
    if not path.is_file():
        raise FileNotFoundError(
            f"Gold file not found: {path}. The development sets are read in place from "
            f"<repo>/../shared/eval; set {ENV_VAR} to the folder that holds them."
        )
    return path


def unique_keys(ids: Iterable[str]) -> list[str]:
    """Ids made unique in file order: the second 'X' becomes 'X~2', the third 'X~3'."""
    seen: Counter[str] = Counter()
    keys = []
    for record_id in ids:
        seen[record_id] += 1
        keys.append(record_id if seen[record_id] == 1 else f"{record_id}~{seen[record_id]}")
    return keys


# --------------------------------------------------------------------------- PETRARCH XML

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PARSE = re.compile(r"<Parse>.*?</Parse>", re.S)
_TAG = re.compile(r"<(Sentence|Config|/Sentence|/Sentences)\b([^>]*?)(/?)>")
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_EVENT_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_TRUE = {"true", "yes", "1"}


def _blank(match: re.Match[str]) -> str:
    """Replace a span by spaces, keeping its newlines so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR.finditer(raw)}


def _normalise_space(text: str) -> str:
    return " ".join(text.split())


def _iso_date(raw: str | None) -> str | None:
    """YYYYMMDD, or YYMMDD with the two-digit years of the TABARI dictionaries."""
    if not raw or not re.fullmatch(r"\d{6}|\d{8}", raw):
        return None
    try:
        return tabari.parse_date(raw).isoformat()
    except ValueError:
        return None


def _parse_text(parse: str) -> str:
    """The sentence a CoNLL-U <Parse> spells, for a record whose <Text> is empty."""
    words = []
    for line in parse.splitlines():
        cells = line.split("\t")
        if len(cells) >= 10 and cells[0].isdigit():
            words.append(cells[1] + ("" if "SpaceAfter=No" in cells[9] else " "))
    return "".join(words)


def read_petrarch_xml(path: str | Path) -> Iterator[PetrarchRecord]:
    """Yield the ``<Sentence>`` records of a PETRARCH validation file, in file order."""
    path = _require_file(Path(path))
    raw = _COMMENT.sub(_blank, path.read_text(encoding="utf-8"))
    text = _PARSE.sub(_blank, raw)  # same length, so spans in text are spans in raw
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    spans = list(_sentence_spans(text))
    keys = unique_keys(_attrs(tag.group(2)).get("id", "") for tag, _, _ in spans)
    for (tag, end, config), key in zip(spans, keys, strict=True):
        origin = f"{path.name}:{bisect.bisect_right(line_starts, tag.start())}"
        parse = _PARSE.search(raw, tag.end(), end)
        yield _petrarch_record(tag, text[tag.end():end], config, key, origin,
                               parse.group(0) if parse else "")


def _sentence_spans(text: str) -> Iterator[tuple[re.Match[str], int, dict[str, str]]]:
    """Each <Sentence> tag, where its body ends, and the <Config> options set before it.

    A body runs to the next tag of interest: ``</Sentence>`` after a normal tag,
    or the next ``<Sentence`` after a self-closed one (the GSR layout).
    """
    config: dict[str, str] = {}
    current: tuple[re.Match[str], dict[str, str]] | None = None
    for tag in _TAG.finditer(text):
        if tag.group(1) == "Config":
            attrs = _attrs(tag.group(2))
            if "option" in attrs:
                config[attrs["option"]] = attrs.get("value", "")
            continue
        if current:
            yield current[0], tag.start(), current[1]
            current = None
        if tag.group(1) == "Sentence":
            current = (tag, dict(config))
    if current:
        yield current[0], len(text), current[1]


def _petrarch_record(tag: re.Match[str], body: str, config: dict[str, str], key: str,
                     origin: str, parse: str = "") -> PetrarchRecord:
    attrs = _attrs(tag.group(2))
    if not attrs.get("id"):
        raise GoldFormatError(f"{origin}: <Sentence> has no id attribute")
    texts = _TEXT.findall(body)
    if len(texts) != 1:
        raise GoldFormatError(f"{origin}: expected one <Text> in record {attrs['id']}, "
                              f"found {len(texts)}")
    codings: list[Coding] = []
    expected_error = None
    notes: list[str] = []
    coding_tags = [_attrs(m.group(1)) for m in _EVENT_CODING.finditer(body)]
    for coding in coding_tags:
        if coding.get("noevents", "").strip().lower() in _TRUE:
            continue
        if "error" in coding:
            expected_error = coding["error"]
            continue
        try:
            codings.append(Coding(coding["sourcecode"], coding["targetcode"],
                                  coding["eventcode"]))
        except KeyError as missing:
            raise GoldFormatError(f"{origin}: <EventCoding> in {attrs['id']} lacks "
                                  f"{missing}; has {sorted(coding)}") from None
    if not coding_tags:
        notes.append("no <EventCoding>: read as no events expected")
    if expected_error:
        notes.append(f"expects coder error {expected_error!r}: read as no events expected")
    date = _iso_date(attrs.get("date"))
    if date is None:
        notes.append(f"date {attrs.get('date')!r} is not YYYYMMDD or YYMMDD: left empty")
    sentence = _normalise_space(html.unescape(texts[0]))
    if not sentence and parse:
        sentence = _normalise_space(html.unescape(_parse_text(parse)))
        notes.append("empty <Text>: the sentence is read from its <Parse>")
    extra = {k: v for k, v in attrs.items() if k not in ("id", "date", "category")}
    return PetrarchRecord(
        id=attrs["id"], key=key, origin=origin, date=date,
        text=sentence, codings=tuple(codings),
        category=attrs.get("category"), expected_error=expected_error, attrs=extra,
        config=config, notes=tuple(notes),
    )


# --------------------------------------------------------------------------- PLOVER JSONL


def _gold_actors(value: object, where: str) -> tuple[GoldActor, ...]:
    if value in (None, ""):
        return ()
    if not isinstance(value, list):
        raise GoldFormatError(f"{where}: expected a list of actors or \"\", got {value!r}")
    actors = []
    for actor in value:
        if not isinstance(actor, dict) or not actor.get("code"):
            raise GoldFormatError(f"{where}: actor without a code: {actor!r}")
        code = actor["code"]
        actors.append(GoldActor(text=actor.get("actorText", ""),
                                code=GOLD_COUNTRY_ALIASES.get(code, code),
                                sector=actor.get("sector")))
    return tuple(actors)


# Gold country codes that are no ISO 3166 code, read as the ISO code they stand for
# (the PLOVER gold writes Japan JAP, Italy ITL and Vietnam VTN beside VNM).
GOLD_COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

# Event types of earlier PLOVER drafts, as the 2021 manual's CAMEO table folds them.
LEGACY_PLOVER_TYPES = {"DEMAND": "REQUEST", "INVESTIGATE": "ACCUSE", "DISAPPROVE": "ACCUSE",
                       "FIGHT": "ASSAULT"}


def current_plover_type(event: str) -> str:
    """The 2021 PLOVER type for a gold label that may use an earlier draft's name."""
    event = event.upper()
    return LEGACY_PLOVER_TYPES.get(event, event)


def read_plover_jsonl(path: str | Path) -> Iterator[PloverRecord]:
    """Yield the records of a PLOVER gold-standard JSONL file, in file order.

    Gold labels from earlier PLOVER drafts (DEMAND, INVESTIGATE, DISAPPROVE,
    FIGHT) are read as their 2021 types, so they can be compared with the coder.
    """
    path = _require_file(Path(path))
    rows = []
    with path.open(encoding="utf-8") as lines:
        for line_number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            origin = f"{path.name}:{line_number}"
            try:
                rows.append((origin, json.loads(line)))
            except json.JSONDecodeError as err:
                raise GoldFormatError(f"{origin}: not JSON: {err}") from None
    keys = unique_keys(str(row.get("id", "")) for _, row in rows)
    for (origin, row), key in zip(rows, keys, strict=True):
        missing = [name for name in ("id", "text", "event", "source") if not row.get(name)]
        if missing:
            raise GoldFormatError(f"{origin}: missing {', '.join(missing)}")
        yield PloverRecord(
            id=row["id"], key=key, origin=origin, date=row.get("date") or None,
            text=row["text"].strip(), event=current_plover_type(row["event"]),
            source=_gold_actors(row["source"], f"{origin} source"),
            target=_gold_actors(row.get("target"), f"{origin} target"),
            event_text=row.get("eventText"), context=row.get("context"),
            mode=row.get("mode") or None,
        )


# --------------------------------------------------------------------------- penta TSV


def read_penta_tsv(path: str | Path) -> Iterator[PentaRecord]:
    """Yield the sentences of the penta TSV (header ``sentence<TAB>penta``)."""
    path = _require_file(Path(path))
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")  # two sentences are CSV-quoted
        header = next(reader, None)
        if header != ["sentence", "penta"]:
            raise GoldFormatError(f"{path.name}:1: expected header sentence<TAB>penta, "
                                  f"got {header!r}")
        for row in reader:
            line_number = reader.line_num
            origin = f"{path.name}:{line_number}"
            if len(row) != 2 or row[1].strip() not in {"0", "1", "2", "3", "4"}:
                raise GoldFormatError(f"{origin}: expected sentence<TAB>label 0-4, got {row!r}")
            yield PentaRecord(id=f"penta-{line_number}", key=f"penta-{line_number}",
                              origin=origin, text=row[0].strip(), label=int(row[1]))


def first_record(path: Path) -> dict | None:
    """The first JSON object of a JSON Lines file, to tell its format; None if it has none."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        row = json.loads(first)
    except ValueError:
        return None
    return row if isinstance(row, dict) else None
