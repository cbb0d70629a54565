"""Scoring sizes and contexts against the team's gold set (tests/gold/records/).

    evaluate_records(Path("tests/gold/records"))

- counts: each gold event's trigger is located in its parsed sentence and the size
  stage gives counts to the gold triggers (so the figure measures reading the counts
  and giving them to the right event, not finding the events); exact-count accuracy
  per field is over every gold event, a null counted right when none is given. The
  same events are also coded end to end by the coder, and scored where it codes an
  event on the gold trigger.
- no casualty: a sentence invents a count when the size stage finds any count in it.
- contexts: each sentence's contexts from its words (keywords and model), micro-F1.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from eventwire.context import ContextCoder
from eventwire.context.keywords import Keywords
from eventwire.context.model import ContextModel
from eventwire.context.names import CONTEXTS
from eventwire.evaluate.readers import GoldFormatError
from eventwire.evaluate.records_gold import (
    SIZE_FIELDS,
    CountSentence,
    GoldEvent,
    read_counts,
    read_labelled,
)
from eventwire.nlp import load_pipeline
from eventwire.size import CountWords, find_counts, sizes_for

TARGETS = {"count accuracy": 0.90, "invented counts": 0.02, "context micro-F1": 0.75}


@dataclass
class RecordScores:
    """The figures of one run over the gold folder."""

    events: int = 0
    sentences_with_counts: int = 0
    field_right: Counter = field(default_factory=Counter)
    field_given: Counter = field(default_factory=Counter)  # gold gives a count
    field_given_right: Counter = field(default_factory=Counter)
    field_invented: Counter = field(default_factory=Counter)  # count where gold has none
    end_to_end_events: int = 0
    end_to_end_right: Counter = field(default_factory=Counter)
    no_casualty: int = 0
    invented: list[str] = field(default_factory=list)
    contexts: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    context_sentences: int = 0
    per_context: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    count_errors: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.field_right[name] / self.events if self.events else 0.0

    @property
    def invented_rate(self) -> float:
        return len(self.invented) / self.no_casualty if self.no_casualty else 0.0


def gold_files(folder: Path, stem: str) -> list[Path]:
    found = sorted(folder.glob(f"{stem}*.tsv"))
    if not found:
        raise GoldFormatError(f"{folder}: no {stem}*.tsv gold file")
    return found


def is_records_gold(path: Path) -> bool:
    """A folder holding the size and context gold files."""
    return path.is_dir() and any(path.glob("counts*.tsv"))


def evaluate_records(folder: Path, end_to_end: bool = True) -> RecordScores:
    scores = RecordScores()
    nlp = load_pipeline()
    words = CountWords.load()
    count_sentences = read_counts(gold_files(folder, "counts"))
    _score_counts(scores, count_sentences, nlp, words)
    if end_to_end:
        _score_end_to_end(scores, count_sentences)
    for sentence in read_labelled(gold_files(folder, "no_casualty"), check_contexts=False):
        scores.no_casualty += 1
        if find_counts(nlp(sentence.text), words):
            scores.invented.append(f"{sentence.where}: {sentence.text}")
    labelled = read_labelled(gold_files(folder, "contexts"))
    scores.context_sentences = len(labelled)
    keywords, model = Keywords.load(), ContextModel.load()
    for name, coder in (("keywords and model", ContextCoder(keywords, model)),
                        ("keywords alone", ContextCoder(keywords, None)),
                        ("model alone", ContextCoder(None, model))):
        predicted = [set(coder.of_text(s.text)) for s in labelled]
        gold = [set(s.labels) for s in labelled]
        scores.contexts[name] = micro(gold, predicted)
        if name == "keywords and model":
            scores.per_context = _per_context(gold, predicted)
    return scores


def _triggers(doc: Doc, events: tuple[GoldEvent, ...], where: str) -> list[int]:
    found = []
    for event in events:
        matches = [t.i for t in doc if t.text == event.trigger]
        if len(matches) < event.occurrence:
            raise GoldFormatError(f"{where}: no trigger {event.trigger!r} "
                                  f"(occurrence {event.occurrence}) in the sentence")
        found.append(matches[event.occurrence - 1])
    return found


def _score_counts(scores: RecordScores, sentences: list[CountSentence], nlp, words) -> None:
    for sentence in sentences:
        doc = nlp(sentence.text)
        triggers = _triggers(doc, sentence.events, sentence.where)
        sizes = sizes_for(doc, set(triggers), words)
        if any(v is not None for e in sentence.events for v in e.size.values()):
            scores.sentences_with_counts += 1
        for event, index in zip(sentence.events, triggers, strict=True):
            scores.events += 1
            size = sizes.get(index)
            got = {name: getattr(size, name) if size else None for name in SIZE_FIELDS}
            for name in SIZE_FIELDS:
                want = event.size[name]
                right = got[name] == want
                scores.field_right[name] += right
                if want is not None:
                    scores.field_given[name] += 1
                    scores.field_given_right[name] += right
                elif got[name] is not None:
                    scores.field_invented[name] += 1
            if got != event.size:
                scores.count_errors.append(
                    f"{sentence.where}: {event.trigger}: gold {_shown(event.size)}, "
                    f"got {_shown(got)} — {sentence.text}")


def _score_end_to_end(scores: RecordScores, sentences: list[CountSentence]) -> None:
    """The coder's own events on the gold triggers, with their sizes."""
    from eventwire.coder import Coder
    from eventwire.schema import Article

    coder = Coder.load()
    for number, sentence in enumerate(sentences):
        events = coder.code_article(Article(id=f"gold{number}", text=sentence.text))
        doc = load_pipeline()(sentence.text)
        starts = [doc[i].idx for i in _triggers(doc, sentence.events, sentence.where)]
        for event, start in zip(sentence.events, starts, strict=True):
            coded = [e for e in events if e.trigger.start == start]
            if not coded:
                continue
            scores.end_to_end_events += 1
            size = coded[0].size
            for name in SIZE_FIELDS:
                got = getattr(size, name) if size else None
                scores.end_to_end_right[name] += got == event.size[name]


def _shown(size: dict) -> str:
    return "/".join("-" if size[n] is None else str(size[n]) for n in SIZE_FIELDS)


def micro(gold: list[set[str]], predicted: list[set[str]]) -> tuple[float, float, float]:
    """Micro precision, recall and F1 over (sentence, context) pairs."""
    tp = sum(len(g & p) for g, p in zip(gold, predicted, strict=True))
    fp = sum(len(p - g) for g, p in zip(gold, predicted, strict=True))
    fn = sum(len(g - p) for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _per_context(gold: list[set[str]], predicted: list[set[str]]
                 ) -> dict[str, tuple[int, int, int]]:
    """Context -> (true positives, false positives, false negatives)."""
    table = {}
    for name in CONTEXTS:
        tp = sum(name in g and name in p for g, p in zip(gold, predicted, strict=True))
        fp = sum(name not in g and name in p for g, p in zip(gold, predicted, strict=True))
        fn = sum(name in g and name not in p for g, p in zip(gold, predicted, strict=True))
        table[name] = (tp, fp, fn)
    return table


def render_records(scores: RecordScores, errors: int = 10) -> str:
    """The Markdown section of docs/ACCURACY.md for sizes and contexts."""
    lines = ["## Size and context (team gold set, tests/gold/records)", "",
             f"{scores.sentences_with_counts} sentences with counts ({scores.events} events), "
             f"{scores.no_casualty} sentences with numbers that count no casualties, "
             f"{scores.context_sentences} sentences with contexts. Written by the team "
             "before the code ran on them; never tuned against.", "",
             "| measure | value | target | met |", "|---|---|---|---|"]
    for name in SIZE_FIELDS:
        value = scores.accuracy(name)
        lines.append(f"| exact {name} count, all gold events | {value:.1%} "
                     f"({scores.field_right[name]}/{scores.events}) | ≥ 90.0% | "
                     f"{'yes' if value >= TARGETS['count accuracy'] else 'no'} |")
    for name in SIZE_FIELDS:
        given = scores.field_given[name]
        right = scores.field_given_right[name]
        lines.append(f"| ... {name} where the gold gives a count | "
                     f"{right / given if given else 0:.1%} ({right}/{given}) |  |  |")
    for name in SIZE_FIELDS:
        lines.append(f"| ... {name} given where the gold has none | "
                     f"{scores.field_invented[name]} events |  |  |")
    rate = scores.invented_rate
    lines.append(f"| invented counts on no-casualty sentences | {rate:.1%} "
                 f"({len(scores.invented)}/{scores.no_casualty}) | ≤ 2.0% | "
                 f"{'yes' if rate <= TARGETS['invented counts'] else 'no'} |")
    for name, (p, r, f1) in scores.contexts.items():
        target = " ≥ 0.75 " if name == "keywords and model" else ""
        met = ("yes" if f1 >= TARGETS["context micro-F1"] else "no") if target else ""
        lines.append(f"| context micro-F1, {name} (P {p:.3f}, R {r:.3f}) | {f1:.3f} |"
                     f"{target}| {met} |")
    if scores.end_to_end_events:
        lines += ["", f"End to end: the coder codes an event on {scores.end_to_end_events} "
                      f"of the {scores.events} gold triggers; on those, exact counts: "
                  + ", ".join(f"{n} {scores.end_to_end_right[n] / scores.end_to_end_events:.1%}"
                              for n in SIZE_FIELDS) + "."]
    lines += ["", "### Contexts: per context (keywords and model)", "",
              "| context | TP | FP | FN | F1 |", "|---|---|---|---|---|"]
    for name, (tp, fp, fn) in scores.per_context.items():
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        lines.append(f"| {name} | {tp} | {fp} | {fn} | {f1:.2f} |")
    if errors:
        lines += ["", f"### Count errors (first {errors})", ""]
        lines += [f"- {e}" for e in scores.count_errors[:errors]]
        lines += ["", "### Invented counts", ""]
        lines += [f"- {e}" for e in scores.invented[:errors]] or ["- none"]
    return "\n".join(lines) + "\n"
