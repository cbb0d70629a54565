"""The accuracy report: headline measures, detail tables and worst errors.

:func:`render_markdown` writes docs/ACCURACY.md and :func:`to_json` its
machine-readable twin; both read the same :func:`measures`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.evaluate import dyads, metrics, stories
from eventwire.evaluate.run import BUNDLED, UNIT_TEST_DICTIONARIES, SetEvaluation

CAMEO_ROOTS = {
    "01": "make public statement", "02": "appeal", "03": "express intent to cooperate",
    "04": "consult", "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation", "07": "provide aid", "08": "yield",
    "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject",
    "13": "threaten", "14": "protest", "15": "exhibit force posture",
    "16": "reduce relations", "17": "coerce", "18": "assault", "19": "fight",
    "20": "use unconventional mass violence",
}

CODERS = {
    BUNDLED: "bundled dictionaries (`Coder.load()`)",
    UNIT_TEST_DICTIONARIES: "PETR.Validate.* dictionaries (`Coder.from_tabari(...)`)",
}

COUNTING_RULES = """\
- **PETRARCH sets**: a record is *exact* when the set of coded (source, target, CAMEO)
  triples equals the expected set (a coding written twice in the file counts once).
  A missing coded actor is written `---`, as PETRARCH does. Records that expect no
  events (`noevents="True"`, an expected coder `error=`, or no `<EventCoding>`) are
  exact when nothing is coded. Triple P/R/F1 pool all records; *codings found* is
  triple recall. `petrarch2_gsr` holds PETRARCH-2's own output, so the bundled coder
  codes it under the `petrarch2` conventions (an act announced as settled is coded as
  the act; docs/CODING.md, "Conventions"); the ablation's last row gives the same set
  under eventwire's own conventions.
- **PLOVER**: *type found* = some coded event has the gold PLOVER type. *Type and
  actors* = one such event also has a source in the same PLOVER country as one of
  the gold sources (the ISO code of its code's country, as the PLOVER export writes
  it: SCGSRB is SRB, TMP is TLS), and a target that does the same for one of the
  gold targets. An empty gold target (`""` or absent) accepts any
  coded target, or none. The per-type table and confusion use one *headline* type
  per record: that of the first `is_root` event, else the most frequent type among
  its events.
- **penta**: the predicted class is that of the PLOVER type of the sentence's main
  (`is_root`) event, else 0 (no event, or a main event without a PLOVER type).
  CONCEDE and RETREAT are material cooperation (the set's own grouping); SANCTION is
  verbal conflict (the PLOVER manual's quad table).
- **dyads**: a sentence is *joined* when one coded event has a source whose text
  shares a content word (not a function word) with a gold source span, and a target
  that shares one with a gold target span, by the actors' own text; a second figure
  lets an actor resolved from a pronoun count by its antecedent's text. The spans
  follow the annotators' convention and may hold the event noun, so whole-span
  equality would be unfair.
- **wire_stories**: a gold event is *found* when a coded event of its story has its
  PLOVER type and a trigger sharing a word with the gold trigger, *with actors* when
  the source (and the target, where the gold names one) is also in the gold actor's
  country (a CAMEO appeal, 02x, which PLOVER drops, matches a gold appeal filed
  under REQUEST). Gold and coded events pair one to one; *precision* is the share of coded
  events paired with a gold fact (or with a gold event that has a modality: future,
  demanded, negated, hypothetical, and marked with one too). Gold events with a
  modality are left out of recall. Stories with no gold event are news outside
  politics: every event coded there is false.
- PLOVER gold labels from earlier drafts are read as their 2021 types: DEMAND as
  REQUEST, INVESTIGATE and DISAPPROVE as ACCUSE, FIGHT as ASSAULT. Gold country
  codes that are no ISO 3166 code are read as the one they stand for: JAP as JPN,
  ITL as ITA, VTN as VNM.
- Records the coder failed on count as coded with no events and are listed below.
"""

WORST_N = 10


@dataclass(frozen=True)
class Measure:
    """One headline figure of one set, with its target if it has one."""

    key: str
    label: str
    value: float | None
    detail: str = ""
    target: float | None = None
    percent: bool = True

    @property
    def met(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.value >= self.target

    @property
    def display(self) -> str:
        shown = _fmt(self.value, self.percent)
        return f"{shown} {self.detail}".strip()

    @property
    def target_display(self) -> str:
        if self.target is None:
            return ""
        return f">= {_fmt(self.target, self.percent)}" + ("" if self.met else " (not met)")


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}"


def measures(evaluation: SetEvaluation) -> list[Measure]:
    """The headline measures of one evaluated set."""
    scores = evaluation.scores
    name = evaluation.name
    if isinstance(scores, metrics.PetrarchScores):
        t = scores.triples
        exact = Measure("exact", "records coded exactly", scores.exact_rate,
                        _ratio(scores.exact, scores.records),
                        0.90 if name == "petrarch_unit" else None)
        found = Measure("codings_found", "expected codings found (triple recall)", t.recall,
                        _ratio(t.tp, t.support), 0.85 if name == "petrarch2_gsr" else None)
        rest = [Measure("triple_precision", "triple precision", t.precision,
                        _ratio(t.tp, t.tp + t.fp)),
                Measure("triple_f1", "triple F1", t.f1, percent=False)]
        return [exact, found, *rest] if name == "petrarch_unit" else [found, exact, *rest]
    if isinstance(scores, metrics.PloverScores):
        return [
            Measure("type_found", "records with an event of the gold type",
                    scores.type_found_rate, _ratio(scores.type_found, scores.records), 0.85),
            Measure("type_and_actors", "... and gold source and target countries",
                    scores.type_and_actors_rate, _ratio(scores.type_and_actors, scores.records),
                    0.70),
            Measure("headline_accuracy", "headline type accuracy", scores.headline_accuracy),
            Measure("macro_f1", "headline type macro-F1", scores.macro_f1, percent=False),
        ]
    if isinstance(scores, dyads.DyadScores):
        return [
            Measure("joined", "an event joins the gold source and target spans",
                    scores.rate(scores.joined), _ratio(scores.joined, scores.records), 0.82),
            Measure("joined_through_references", "... counting a pronoun by its antecedent",
                    scores.rate(scores.joined_through_references),
                    _ratio(scores.joined_through_references, scores.records)),
            Measure("source_found", "an event has the gold source",
                    scores.rate(scores.source_found), _ratio(scores.source_found,
                                                             scores.records)),
            Measure("with_events", "sentences with any event",
                    scores.rate(scores.with_events), _ratio(scores.with_events,
                                                            scores.records)),
        ]
    if isinstance(scores, stories.StoryScores):
        return [
            Measure("recall", "gold events found (type and trigger)", scores.recall,
                    target=0.70),
            Measure("recall_with_actors", "... with source and target countries",
                    scores.recall_with_actors),
            Measure("precision", "coded events that are gold events", scores.precision,
                    target=0.70),
            Measure("quiet_events", "events per story outside politics",
                    scores.events_per_quiet_story,
                    f"{len(scores.quiet_stories)} stories", percent=False),
        ]
    return [
        Measure("macro_f1", "macro-F1 over classes 0-4", scores.macro_f1, target=0.70,
                percent=False),
        Measure("accuracy", "accuracy", scores.accuracy,
                _ratio(sum(r.correct for r in scores.results), scores.records)),
    ]


# --------------------------------------------------------------------------- formatting


def _fmt(value: float | None, percent: bool = True) -> str:
    if value is None:
        return "–"
    return f"{100 * value:.1f}%" if percent else f"{value:.3f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def _clip(text: str, limit: int = 400) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _prf_row(prf: metrics.PRF) -> list[str]:
    return [str(prf.support), str(prf.tp + prf.fp), str(prf.tp), _fmt(prf.precision),
            _fmt(prf.recall), _fmt(prf.f1, percent=False)]


def _summary(evaluations: Sequence[SetEvaluation]) -> list[str]:
    rows = []
    for evaluation in evaluations:
        for m in measures(evaluation):
            value = _fmt(m.value, m.percent) + (f" ({m.detail})" if m.detail else "")
            target = "" if m.target is None else "≥ " + _fmt(m.target, m.percent)
            met = {None: "", True: "yes", False: "**no**"}[m.met]
            rows.append([evaluation.name, m.label, value, target, met])
    return _table(["set", "measure", "value", "target", "met"], rows)


def _petrarch_detail(scores: metrics.PetrarchScores) -> list[str]:
    lines = ["### Exact records by category", ""]
    lines += _table(["category", "exact", "records", "rate"],
                    [[cat or "–", exact, total, _fmt(exact / total)]
                     for cat, (exact, total) in scores.per_category.items()])
    lines += ["### Triples by CAMEO root", ""]
    rows = [[root, CAMEO_ROOTS.get(root, "(not a CAMEO root)"), *_prf_row(prf)]
            for root, prf in scores.per_root.items()]
    rows.append(["all", "", *_prf_row(scores.triples)])
    return lines + _table(["root", "name", "gold", "coded", "correct", "P", "R", "F1"], rows)


def _plover_detail(scores: metrics.PloverScores) -> list[str]:
    lines = ["### Headline type by PLOVER type", ""]
    lines += _table(["type", "gold", "predicted", "correct", "P", "R", "F1"],
                    [[label, *_prf_row(prf)] for label, prf in scores.per_type.items()])
    gold = sorted({g for g, _ in scores.confusion})
    predicted = sorted({p for _, p in scores.confusion if p is not None})
    columns: list[str | None] = [*predicted, None]
    lines += ["### Confusion: gold type (rows) by headline type (columns)", ""]
    rows = [[g, *(scores.confusion.get((g, p), 0) or "" for p in columns)] for g in gold]
    return lines + _table(["gold \\ coded", *(p or "none" for p in columns)], rows)


def _penta_detail(scores: metrics.PentaScores) -> list[str]:
    lines = ["### By class", ""]
    lines += _table(["class", "name", "gold", "predicted", "correct", "P", "R", "F1"],
                    [[label, metrics.PENTA_NAMES[label], *_prf_row(prf)]
                     for label, prf in scores.per_class.items()])
    lines += ["### Confusion: gold class (rows) by predicted class (columns)", ""]
    rows = [[gold, *row] for gold, row in zip(metrics.PENTA_CLASSES, scores.matrix,
                                                          strict=True)]
    return lines + _table(["gold \\ coded", *map(str, metrics.PENTA_CLASSES)], rows)


def _coded_lines(events: Sequence[Any], error: str | None) -> list[str]:
    lines = [f"coder error: `{error}`"] if error else []
    if not events:
        return lines + ["coded: nothing"]
    return lines + ["coded: " + "; ".join(f"`{metrics.describe_event(e)}`" for e in events)]


def _worst(evaluation: SetEvaluation) -> list[str]:
    scores = evaluation.scores
    items: list[tuple[str, str, list[str]]] = []  # heading, text, bullets
    if isinstance(scores, metrics.PetrarchScores):
        for r in metrics.worst_petrarch(scores, WORST_N):
            rec = r.record
            bullets = ["expected: " + ("; ".join(f"`{c}`" for c in rec.codings) or "no events"),
                       *_coded_lines(r.events, r.error)]
            for label, triples in (("missing", r.missing), ("extra", r.extra)):
                if triples:
                    bullets.append(f"{label}: " + "; ".join(f"`{' '.join(t)}`"
                                                           for t in sorted(triples)))
            if rec.changed_options:
                bullets.append("options in force: " + ", ".join(
                    f"`{k}={v}`" for k, v in rec.changed_options.items()))
            bullets += [f"note: {note}" for note in rec.notes]
            items.append((f"`{rec.key}` ({rec.origin}, {rec.category})", rec.text, bullets))
    elif isinstance(scores, metrics.PloverScores):
        for r in metrics.worst_plover(scores, WORST_N):
            rec = r.record
            sources = ",".join(a.code for a in rec.source)
            targets = ",".join(a.code for a in rec.target) or "(any)"
            bullets = [f"expected: `{sources} {targets} {rec.event}`, event text "
                       f"\"{rec.event_text or ''}\"", *_coded_lines(r.events, r.error),
                       f"headline type: {r.predicted or 'none'}"]
            items.append((f"`{rec.key}` ({rec.origin})", rec.text, bullets))
    elif isinstance(scores, stories.StoryScores):
        for r in stories.worst_stories(scores, WORST_N):
            bullets = [f"gold facts {r.facts}, found {r.found}, coded {len(r.events)}, "
                       f"correct {r.correct}", *_coded_lines(r.events, r.error)]
            items.append((f"`{r.record.key}` ({r.record.origin})", r.record.text, bullets))
    elif isinstance(scores, dyads.DyadScores):
        for r in dyads.worst_dyads(scores, WORST_N):
            rec = r.record
            bullets = [f"expected: {' / '.join(rec.sources)} → {' / '.join(rec.targets)}",
                       *_coded_lines(r.events, r.error)]
            items.append((f"`{rec.key}` ({rec.origin})", rec.text, bullets))
    else:
        for r in metrics.worst_penta(scores, WORST_N):
            rec = r.record
            bullets = [f"expected: {rec.label} ({metrics.PENTA_NAMES[rec.label]}); predicted: "
                       f"{r.predicted} ({metrics.PENTA_NAMES[r.predicted]})",
                       *_coded_lines(r.events, r.error)]
            items.append((f"`{rec.key}` ({rec.origin})", rec.text, bullets))
    lines = [f"### {WORST_N} worst errors", ""]
    if not items:
        return lines + ["None.", ""]
    for number, (heading, text, bullets) in enumerate(items, start=1):
        lines += [f"#### {number}. {heading}", "", f"> {_clip(text)}", "",
                  *(f"- {bullet}" for bullet in bullets), ""]
    return lines


def render_markdown(evaluations: Sequence[SetEvaluation], *, date: str, version: str,
                    command: str = "make accuracy", limit: int | None = None) -> str:
    """The whole of docs/ACCURACY.md; ``limit`` notes that only part of each set was coded."""
    partial = f" **Only the first {limit} records of each set were coded.**" if limit else ""
    lines = [
        f"<!-- Generated by `{command}` (tools/accuracy_report.py): do not edit by hand. -->",
        "",
        "# Accuracy",
        "",
        f"Generated by `{command}` on {date} with eventwire {version}.{partial}",
        "",
        "The development sets are read in place from `../shared/eval` (see its SOURCES.md) and "
        "are never copied into this repository. Held-out sets of the same kinds are what the "
        "project is judged on: improve the coder, never special-case these sentences.",
        "",
        "## Summary",
        "",
        *_summary(evaluations),
        "## How the numbers are counted",
        "",
        COUNTING_RULES,
    ]
    for evaluation in evaluations:
        scores = evaluation.scores
        lines += [f"## {evaluation.name}", "", evaluation.dev_set.description + ".", "",
                  f"File `{evaluation.dev_set.path}`, {scores.records} records, coded with "
                  f"{CODERS.get(evaluation.dev_set.coder, evaluation.dev_set.coder)}"
                  f"{_conventions(evaluation.dev_set)}; "
                  f"coder errors: {len(evaluation.errors)}.", ""]
        if isinstance(scores, metrics.PetrarchScores):
            lines += _petrarch_detail(scores)
        elif isinstance(scores, metrics.PloverScores):
            lines += _plover_detail(scores)
        elif isinstance(scores, dyads.DyadScores | stories.StoryScores):
            pass  # the summary's figures are the whole story
        else:
            lines += _penta_detail(scores)
        lines += _worst(evaluation)
    return "\n".join(lines).rstrip() + "\n"


def _conventions(dev_set) -> str:
    if dev_set.coder != BUNDLED:
        return ""
    return f" under `{dev_set.conventions}` conventions (docs/CODING.md)"


# Headline figures of each set, as (set, measure key) pairs, for the ablation table.
ABLATION_COLUMNS = (("petrarch_unit", "exact"), ("petrarch2_gsr", "codings_found"),
                    ("plover", "type_found"), ("plover", "type_and_actors"),
                    ("penta", "macro_f1"), ("dyads", "joined"), ("wire_stories", "recall"),
                    ("wire_stories", "precision"))


def render_ablation(rows: Sequence[tuple[str, Sequence[SetEvaluation]]]) -> str:
    """What each optional stage adds: the headline figures with it turned off."""
    header = ["coder"] + [f"{name} {key}" for name, key in ABLATION_COLUMNS]
    table = []
    for label, evaluations in rows:
        found = {(e.name, m.key): m for e in evaluations for m in measures(e)}
        table.append([label] + [_fmt(found[c].value, found[c].percent) if c in found else ""
                                for c in ABLATION_COLUMNS])
    intro = ("## Ablation\n\nEach optional stage turned off in turn "
             "(`eventwire.events.records.CodingRules`), all else equal. The unit tests are "
             "coded from their own TABARI dictionaries alone, as PETRARCH codes them, so "
             "uncoded names, noun senses and the stop and goods rules, recipients, home "
             "countries and the typer are off there in every row (docs/CODING.md).\n")
    return "\n".join([intro, *_table(header, table)]) + "\n"


# --------------------------------------------------------------------------- JSON


def _record_rows(scores: Any) -> list[dict[str, Any]]:
    rows = []
    for r in scores.results:
        row: dict[str, Any] = {"key": r.record.key, "origin": r.record.origin,
                               "coded": [metrics.describe_event(e) for e in r.events]}
        if r.error:
            row["error"] = r.error
        if isinstance(r, metrics.CodingResult):
            row |= {"exact": r.exact, "expected": sorted(map(list, r.expected))}
        elif isinstance(r, metrics.PloverResult):
            row |= {"gold": r.record.event, "headline": r.predicted,
                    "type_found": r.type_found, "type_and_actors": r.type_and_actors}
        elif isinstance(r, stories.StoryResult):
            row |= {"facts": r.facts, "found": r.found, "correct": r.correct}
        elif isinstance(r, dyads.DyadResult):
            row |= {"sources": list(r.record.sources), "targets": list(r.record.targets),
                    "joined": r.joined}
        else:
            row |= {"gold": r.record.label, "predicted": r.predicted}
        rows.append(row)
    return rows


def _detail(scores: Any) -> dict[str, Any]:
    if isinstance(scores, metrics.PetrarchScores):
        return {"per_root": {k: v.as_dict() for k, v in scores.per_root.items()},
                "per_category": {k: {"exact": e, "records": n}
                                 for k, (e, n) in scores.per_category.items()}}
    if isinstance(scores, metrics.PloverScores):
        return {"per_type": {k: v.as_dict() for k, v in scores.per_type.items()},
                "confusion": [{"gold": g, "headline": p, "count": n}
                              for (g, p), n in sorted(scores.confusion.items(), key=str)]}
    if isinstance(scores, dyads.DyadScores | stories.StoryScores):
        return {}
    return {"per_class": {str(k): v.as_dict() for k, v in scores.per_class.items()},
            "confusion": [list(row) for row in scores.matrix]}


def to_json(evaluations: Sequence[SetEvaluation], *, date: str, version: str) -> dict[str, Any]:
    """The report's figures, per set, down to each record."""
    sets = {}
    for evaluation in evaluations:
        sets[evaluation.name] = {
            "file": evaluation.dev_set.path,
            "coder": evaluation.dev_set.coder,
            "records": evaluation.scores.records,
            "seconds": round(evaluation.seconds, 2),
            "measures": {m.key: {"label": m.label, "value": m.value, "target": m.target,
                                 "met": m.met} for m in measures(evaluation)},
            "detail": _detail(evaluation.scores),
            "errors": evaluation.errors,
            "results": _record_rows(evaluation.scores),
        }
    return {"generated": date, "eventwire_version": version, "sets": sets}
