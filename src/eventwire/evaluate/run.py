"""Coding the development sets with a coder and scoring the result.

The sets are described once in :data:`DEV_SETS`; :func:`evaluate_set` reads a
set, codes every record and scores it. The coder is imported only here, so the
readers and metrics work without it.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.evaluate import dyads, metrics, readers, stories
from eventwire.events.conventions import DEFAULT_CONVENTIONS, PETRARCH2, with_conventions
from eventwire.schema import Article, Event

BUNDLED = "bundled"
UNIT_TEST_DICTIONARIES = "petrarch-validate"
OWN_DICTIONARIES = "own"  # the dictionaries a PETRARCH file's <Environment> names
KINDS_BY_SUFFIX = {".xml": "petrarch", ".jsonl": "plover", ".tsv": "penta"}
UNIT_DIR = "petrarch_unit"
# The team's own gold, kept with the tests (the repository's tests/gold/).
TEAM_GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold"


@dataclass(frozen=True)
class DevSet:
    """One development set: where it is, how to read it, which coder codes it."""

    name: str
    path: str
    kind: str  # "petrarch", "plover", "penta", "dyads" or "stories"
    coder: str  # BUNDLED or UNIT_TEST_DICTIONARIES
    description: str
    # The bundled coder's conventions for this set (events/conventions.py): PETRARCH-2's
    # own output is compared under PETRARCH-2's conventions.
    conventions: str = DEFAULT_CONVENTIONS


DEV_SETS: dict[str, DevSet] = {s.name: s for s in (
    DevSet("petrarch_unit", f"{UNIT_DIR}/PETR.UnitTest.records.xml", "petrarch",
           UNIT_TEST_DICTIONARIES,
           "PETRARCH unit tests (TABARI validation suite): coding mechanics on made-up "
           "actors, coded with the PETR.Validate.* dictionaries"),
    DevSet("petrarch2_gsr", "petrarch2_gsr/PETR2_GSR_validation.xml", "petrarch", BUNDLED,
           "PETRARCH-2 validation records: real news, codings from PETRARCH-2's own "
           "output (a parity check, not human truth)", PETRARCH2),
    DevSet("plover", "plover_gsr_dev.jsonl", "plover", BUNDLED,
           "PLOVER gold standard (CAMEO manual examples), human-coded PLOVER type and actors"),
    DevSet("penta", "penta_dev.tsv", "penta", BUNDLED,
           "Multi-CoPED sentences labelled no event / quad class 1-4"),
    DevSet("dyads", "dyads_dev.jsonl", "dyads", BUNDLED,
           "Multi-CoPED news sentences with gold source and target spans"),
    DevSet("wire_stories", str(TEAM_GOLD / "wire_stories.jsonl"), "stories", BUNDLED,
           "The team's multi-sentence wire stories, every event coded by hand before the "
           "coder ran on them (tests/gold/README.md)"),
)}

_READERS: dict[str, Callable[[Path], Any]] = {
    "petrarch": readers.read_petrarch_xml,
    "plover": readers.read_plover_jsonl,
    "penta": readers.read_penta_tsv,
    "dyads": dyads.read_dyads_jsonl,
    "stories": stories.read_stories_jsonl,
}
_SCORERS: dict[str, Callable[..., Any]] = {
    "petrarch": metrics.score_petrarch,
    "plover": metrics.score_plover,
    "penta": metrics.score_penta,
    "dyads": dyads.score_dyads,
    "stories": stories.score_stories,
}

Scores = (metrics.PetrarchScores | metrics.PloverScores | metrics.PentaScores
          | dyads.DyadScores | stories.StoryScores)


def get_dev_set(name: str) -> DevSet:
    try:
        return DEV_SETS[name]
    except KeyError:
        raise KeyError(f"No development set {name!r}; available: {', '.join(DEV_SETS)}") from None


def read_set(name: str, eval_dir: Path | None = None) -> list[Any]:
    """The gold records of a development set, in file order."""
    dev_set = get_dev_set(name)
    return list(_READERS[dev_set.kind]((eval_dir or readers.eval_dir()) / dev_set.path))


def unit_test_dictionaries(eval_dir: Path | None = None) -> dict[str, Any]:
    """Keyword arguments for Coder.from_tabari: the four PETR.Validate.* files."""
    folder = (eval_dir or readers.eval_dir()) / UNIT_DIR
    return {
        "verbs": folder / "PETR.Validate.verbs.txt",
        "actors": [folder / "PETR.Validate.actors.txt"],
        "agents": folder / "PETR.Validate.agents.txt",
        "discards": folder / "PETR.Validate.discards.txt",
    }


def custom_dev_set(path: Path, own_dictionaries: bool = False,
                   conventions: str | None = None) -> DevSet:
    """A gold file of one of the known formats, named by its path. PETRARCH records are
    PETRARCH's output, so they are coded under PETRARCH-2's conventions unless
    ``conventions`` says otherwise."""
    kind = KINDS_BY_SUFFIX.get(path.suffix.lower())
    if kind == "plover" and dyads.is_dyads_file(path):
        kind = "dyads"
    elif kind == "plover" and stories.is_stories_file(path):
        kind = "stories"
    if kind is None:
        raise ValueError(f"{path}: unknown gold format; use "
                         f"{', '.join(KINDS_BY_SUFFIX)} ({', '.join(_READERS)})")
    if own_dictionaries and kind != "petrarch":
        raise ValueError(f"{path}: --own-dictionaries applies to PETRARCH .xml files only")
    coder = OWN_DICTIONARIES if own_dictionaries else BUNDLED
    default = PETRARCH2 if kind == "petrarch" else DEFAULT_CONVENTIONS
    return DevSet(str(path), str(path.resolve()), kind, coder, f"gold file {path}",
                  conventions or default)


def register_dev_set(dev_set: DevSet) -> str:
    """Make a custom set known by name, so the set functions take it."""
    DEV_SETS[dev_set.name] = dev_set
    return dev_set.name


def environment_dictionaries(path: Path) -> dict[str, Any]:
    """Coder.from_tabari arguments from a PETRARCH file's <Environment> block."""
    text = path.read_text(encoding="utf-8", errors="replace")

    def named(tag: str) -> list[Path]:
        found = re.search(rf"<{tag}>(.*?)</{tag}>", text, re.S)
        if found is None:
            raise ValueError(f"{path}: no <{tag}> in its <Environment>")
        return [path.parent / name.strip() for name in found.group(1).split(",") if name.strip()]

    discards = re.search(r"<Discardfile>(.*?)</Discardfile>", text, re.S)
    return {"verbs": named("Verbfile")[0], "actors": named("Actorfile"),
            "agents": named("Agentfile")[0],
            "discards": path.parent / discards.group(1).strip() if discards else None}


def load_coder(which: str, eval_dir: Path | None = None, dev_set: DevSet | None = None) -> Any:
    """The bundled coder, or one built from the unit-test or a file's own dictionaries."""
    from eventwire.coder import Coder  # the coder is only needed when coding

    if which == BUNDLED:
        coder = Coder.load()
        conventions = dev_set.conventions if dev_set else DEFAULT_CONVENTIONS
        return coder.with_rules(with_conventions(coder.rules, conventions))
    if which == UNIT_TEST_DICTIONARIES:
        return Coder.from_tabari(**unit_test_dictionaries(eval_dir))
    if which == OWN_DICTIONARIES and dev_set is not None:
        return Coder.from_tabari(**environment_dictionaries(Path(dev_set.path)))
    raise ValueError(f"Unknown coder {which!r}; use {BUNDLED!r} or {UNIT_TEST_DICTIONARIES!r}")


def code_all(coder: Any, articles: Sequence[Article]) -> tuple[list[list[Event]], dict[str, str]]:
    """Events for each article, in order, and the error of each article that failed.

    Uses ``coder.code_articles`` when the coder has it; if the batch fails, the
    articles are coded one by one so a single bad one only loses itself.
    """
    batch = getattr(coder, "code_articles", None)
    if batch is not None:
        try:
            coded = [list(events) for events in batch(list(articles))]
            if len(coded) == len(articles):
                return coded, {}
        except Exception:  # noqa: BLE001 - retried one by one below, which records the error
            pass
    coded, errors = [], {}
    for article in articles:
        try:
            coded.append(list(coder.code_article(article)))
        except Exception as err:  # noqa: BLE001 - one bad record must not stop the set
            coded.append([])
            errors[article.id] = f"{type(err).__name__}: {err}"
    return coded, errors


def code_with_options(coder: Any, records: Sequence[Any]
                      ) -> tuple[list[list[Event]], dict[str, str]]:
    """Code records as :func:`code_all` does, each under the PETRARCH <Config> options
    in force for it (the unit tests switch ``require_dyad`` and ``new_actor_length``)."""
    groups: dict[tuple, list[int]] = {}
    for index, record in enumerate(records):
        groups.setdefault(tuple(sorted(_options(record, coder).items())), []).append(index)
    coded: list[list[Event]] = [[] for _ in records]
    errors: dict[str, str] = {}
    for options, indices in groups.items():
        variant = coder
        if options:
            variant = coder.with_rules(dataclasses.replace(coder.rules, **dict(options)))
        found, failed = code_all(variant, [records[i].article() for i in indices])
        for index, events in zip(indices, found, strict=True):
            coded[index] = events
        errors.update(failed)
    return coded, errors


def _options(record: Any, coder: Any) -> dict[str, Any]:
    """The record's <Config> options as CodingRules fields, for a PETRARCH-mode coder."""
    rules = getattr(coder, "rules", None)
    config = getattr(record, "config", {})
    if rules is None or not rules.petrarch or not config:
        return {}
    options: dict[str, Any] = {}
    if "require_dyad" in config:
        options["require_dyad"] = config["require_dyad"].strip().lower() == "true"
    length = config.get("new_actor_length", "0").strip()
    if length.isdigit():
        options["new_actor_length"] = int(length)
    return options


@dataclass(frozen=True)
class SetEvaluation:
    """A development set coded and scored."""

    dev_set: DevSet
    scores: Scores
    errors: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def name(self) -> str:
        return self.dev_set.name


def evaluate_set(name: str, coder: Any, eval_dir: Path | None = None,
                 limit: int | None = None) -> SetEvaluation:
    """Read a set, code each record with ``coder``, and score it."""
    dev_set = get_dev_set(name)
    records = read_set(name, eval_dir)[:limit]
    started = time.perf_counter()
    coded, errors = code_with_options(coder, records)
    seconds = time.perf_counter() - started
    scores = _SCORERS[dev_set.kind](records, coded, errors)
    return SetEvaluation(dev_set=dev_set, scores=scores, errors=errors, seconds=seconds)


def evaluate_all(names: Sequence[str] | None = None, eval_dir: Path | None = None,
                 limit: int | None = None,
                 progress: Callable[[str], None] | None = None,
                 rules: Callable[[Any], Any] | None = None) -> list[SetEvaluation]:
    """Evaluate several sets, loading each coder once; ``rules`` maps each coder's
    CodingRules to the ones to use (to turn stages off)."""
    coders: dict[str, Any] = {}
    evaluations = []
    for name in names or list(DEV_SETS):
        dev_set = get_dev_set(name)
        key = (dev_set.coder, dev_set.conventions)
        if key not in coders:
            coder = load_coder(dev_set.coder, eval_dir, dev_set)
            coders[key] = coder.with_rules(rules(coder.rules)) if rules else coder
        if progress:
            progress(f"coding {name} ...")
        evaluations.append(evaluate_set(name, coders[key], eval_dir, limit))
    return evaluations


# The ablation row that codes every set under eventwire's own conventions.
CONVENTIONS_STAGE = "conventions"


def ablation(names: Sequence[str] | None = None, eval_dir: Path | None = None,
             progress: Callable[[str], None] | None = None, limit: int | None = None
             ) -> list[tuple[str, list[SetEvaluation]]]:
    """Every set coded with each optional stage turned off in turn, after all stages on.

    A stage a set's coder does not use (the PETRARCH-style coder of the unit tests
    has no named actors or typer) stays off: turning it off changes nothing there.
    """
    variants = [("all stages", None), ("without coreference", "coref"),
                ("without negation and modality", "modality"),
                ("without nominal events", "nominal"),
                ("without uncoded named actors", "named"),
                ("without noun senses, the stop rule and the goods rule", "senses"),
                ("without the learned typer", "learned"),
                ("without targets from purposes and conditions", "recipients"),
                ("without home countries of claimants", "domestic"),
                ("without the political-party rule", "political"),
                ("with eventwire's conventions instead of PETRARCH-2's", CONVENTIONS_STAGE)]
    return [(label, evaluate_all(names, eval_dir, limit, progress, _turning_off(stage)))
            for label, stage in variants]


def _turning_off(stage: str | None) -> Callable[[Any], Any] | None:
    if stage is None:
        return None
    if stage == CONVENTIONS_STAGE:
        return lambda rules: with_conventions(rules, DEFAULT_CONVENTIONS)
    return lambda rules: dataclasses.replace(rules, **{stage: False})


def known_failures(scores: metrics.PetrarchScores) -> list[str]:
    """Keys of the records not coded exactly, in file order."""
    return [result.record.key for result in scores.results if not result.exact]
