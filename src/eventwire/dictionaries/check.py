"""``eventwire dict check``: every problem in a dictionary set, as ``file:line: message``.

Errors make a dictionary wrong; warnings mark ambiguity that a documented
tie-break resolves (the first-loaded entry wins a shared name, the role that
started last wins an overlap), worth a look but not fatal. The rules:

* syntax: anything the readers could not read (bad brackets, JSON, YAML,
  dates, a role ending before it starts);
* unknown codes: an event code with no entry (or ancestor) in the CAMEO
  table, and an actor or agent code made of three-letter parts that no
  bundled dictionary uses ("FRAGVO" for "FRAGOV");
* dates: two roles of one actor over the same dates with different codes,
  and ranges that partly overlap;
* duplicate names: one name given to entries with different codes;
* patterns that can never match: a pattern whose synset is empty, patterns
  in a block with no verbs, and a pattern repeating an earlier one of its
  block (the earlier always wins).
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.actors.dictionary import ActorDictionary, AgentDictionary
from eventwire.actors.entries import ActorEntry, AgentEntry, Role
from eventwire.dictionaries.load import (
    BUNDLED,
    DictionarySet,
    apply_source,
    dictionary_files,
    load_dictionaries,
)
from eventwire.dictionaries.problems import ERROR, WARNING, Problem
from eventwire.dictionaries.sources import SourceFile, read_source
from eventwire.events.verbdict import Pattern, VerbDictionary
from eventwire.ontology import Ontology, default_ontology


def check_paths(paths: Iterable[str | Path]) -> list[Problem]:
    """Check the named files; with no paths, the bundled dictionaries.

    Named files are checked as they are used: on top of the bundled
    dictionaries (so a YAML pattern may use a bundled synset), and only the
    problems located in those files are reported. A folder stands for the
    dictionary files in it.
    """
    names = [str(p) for p in paths if str(p) != BUNDLED]
    found = load_dictionaries(bundled=True, strict=False)
    vocabulary = code_parts(found.actors, found.agents)
    if not names:
        found.problems += [Problem.parse(w) for w in found.actors.warnings + found.agents.warnings]
        found.problems += [_verb_warning(w) for w in found.verbs.warnings]
        return sorted(set(check_set(found, vocabulary)), key=_reading_order)
    files = [f for name in names for f in (dictionary_files(Path(name)) if Path(name).is_dir()
                                           else [Path(name)])]
    tokenizer = found.actors.tokenizer
    problems: list[Problem] = []
    for path in files:
        source = read_source(path, tokenizer, found.verbs)
        problems += source.problems
        problems += duplicates_within(source)
        apply_source(found, source)
    found.problems = []
    checked = {path.name for path in files} | {str(path) for path in files}
    problems += [p for p in check_set(found, vocabulary)
                 if p.where.rsplit(":", 1)[0] in checked or p.where in checked]
    return sorted(set(problems), key=_reading_order)


def duplicates_within(source: SourceFile) -> Iterator[Problem]:
    """One name given to two entries of the same file with different codes: a mistake."""
    seen: dict[str, ActorEntry] = {}
    for actor in source.actors:
        for name in actor.names:
            first = seen.setdefault(name, actor)
            if first is not actor and _current(first) != _current(actor):
                yield Problem(actor.source, f"name {name!r} of {actor.id} [{_current(actor)}] "
                                            f"is also {first.id} [{_current(first)}] "
                                            f"({first.source})")
    agents: dict[str, AgentEntry] = {}
    for agent in source.agents:
        for name in agent.names:
            first_agent = agents.setdefault(name, agent)
            if first_agent is not agent and first_agent.code != agent.code:
                yield Problem(agent.source, f"agent name {name!r} [{agent.code}] is also "
                                            f"{first_agent.id} [{first_agent.code}] "
                                            f"({first_agent.source})")


def _verb_warning(text: str) -> Problem:
    # Merged duplicate verbs and blocks are notes about the source file, not defects.
    problem = Problem.parse(text)
    return Problem(problem.where, problem.message, WARNING)


def check_set(found: DictionarySet, vocabulary: set[str],
              ontology: Ontology | None = None) -> Iterator[Problem]:
    """Every problem in a loaded set: what loading found, then each rule."""
    ontology = ontology or default_ontology()
    yield from found.problems
    for actor in found.actors:
        yield from check_actor_codes(actor, vocabulary)
        yield from check_dates(actor)
    for agent in found.agents:
        yield from _unknown_parts(agent.code, agent.source, vocabulary, f"agent {agent.id}")
    yield from duplicate_names(found.actors)
    yield from check_verbs(found.verbs, ontology)


def code_parts(actors: ActorDictionary, agents: AgentDictionary) -> set[str]:
    """The three-letter parts of every actor and agent code: the known vocabulary."""
    codes = {role.code for actor in actors for role in actor.roles}
    codes |= {agent.code for agent in agents}
    return {part for code in codes for part in _parts(code)}


def _parts(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def check_actor_codes(actor: ActorEntry, vocabulary: set[str]) -> Iterator[Problem]:
    for role in actor.roles:
        yield from _unknown_parts(role.code, role.source, vocabulary, f"actor {actor.id}")


def _unknown_parts(code: str, where: str, vocabulary: set[str], what: str
                   ) -> Iterator[Problem]:
    unknown = [part for part in _parts(code) if part not in vocabulary]
    if unknown:
        # Swapped letters are the usual typo ("GVO" for "GOV"): anagrams first.
        anagrams = [p for p in sorted(vocabulary) if sorted(p) == sorted(unknown[0])]
        close = (anagrams + difflib.get_close_matches(unknown[0], sorted(vocabulary), n=3))[:3]
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        yield Problem(where, f"{what}: code {code} has unknown part {unknown[0]!r}{hint}")


def check_dates(actor: ActorEntry) -> Iterator[Problem]:
    """Roles of one actor over the same dates with different codes, or partly overlapping."""
    dated = [role for role in actor.roles if role.dated]
    for first, second in itertools.combinations(dated, 2):
        a, b = _span(first), _span(second)
        if a == b and first.code != second.code:
            yield Problem(second.source, f"actor {actor.id}: role {second.code} has the same "
                                         f"dates as {first.code} ({first.source}); only the "
                                         "first is used", WARNING)
        elif _partial_overlap(a, b):
            yield Problem(second.source, f"actor {actor.id}: role {second.code} "
                                         f"{_show(second)} overlaps {first.code} {_show(first)} "
                                         f"({first.source}); the later start wins", WARNING)


def _span(role: Role) -> tuple[dt.date, dt.date]:
    return role.start or dt.date.min, role.end or dt.date.max


def _partial_overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """Overlapping by more than a hand-over day, with neither inside the other."""
    nested = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    return not nested and (min(a[1], b[1]) - max(a[0], b[0])).days > 0


def _show(role: Role) -> str:
    return f"{role.start or '...'}..{role.end or '...'}"


def duplicate_names(actors: ActorDictionary) -> Iterator[Problem]:
    """Names shared by entries whose current codes differ: only the first can match."""
    owners: dict[str, list[ActorEntry]] = defaultdict(list)
    for actor in actors:
        for name in actor.names:
            owners[name].append(actor)
    for name, entries in owners.items():
        if len(entries) < 2:
            continue
        first = entries[0]
        first_code = _current(first)
        for other in entries[1:]:
            if _current(other) != first_code:
                yield Problem(other.source, f"name {name!r} of {other.id} [{_current(other)}] "
                                            f"is also {first.id} [{first_code}] ({first.source});"
                                            " the first loaded wins", WARNING)


def _current(actor: ActorEntry) -> str | None:
    role = actor.role_on(None)
    return role.code if role else None


def _shadows(earlier: Pattern, later: Pattern) -> bool:
    """Whether the earlier pattern applies to every verb the later one does (a pattern
    narrowed to some verbs of its block, ``verbs``, leaves the others to the later)."""
    return not earlier.verbs or bool(later.verbs) and set(later.verbs) <= set(earlier.verbs)


def check_verbs(verbs: VerbDictionary, ontology: Ontology) -> Iterator[Problem]:
    """Unknown event codes and patterns that can never match."""
    with_verbs = {verb.block for verb in verbs.verbs}
    for verb in verbs.verbs:
        if verb.own_code:
            yield from _event_codes((verb.code, verb.pair_code), verb.source, ontology)
    for block in verbs.blocks:
        yield from _event_codes((block.code, block.pair_code), block.source, ontology)
        if block.patterns and block.name not in with_verbs:
            yield Problem(block.source, f"verb block {block.name} has patterns but no verbs; "
                                        "they can never match")
        seen: dict[tuple, Pattern] = {}
        for pattern in block.patterns:
            yield from _event_codes((pattern.code, pattern.pair_code), pattern.source, ontology)
            yield from _empty_slots(pattern)
            key = (pattern.pre, pattern.post)
            earlier = seen.setdefault(key, pattern)
            if earlier is not pattern and earlier.source != pattern.source \
                    and _shadows(earlier, pattern):
                # A warning: the coder still does one consistent thing (the earlier
                # pattern), so the dictionary is not broken, only redundant.
                yield Problem(pattern.source, f"pattern {pattern.text!r} repeats "
                                              f"{earlier.source}, which always wins; it can "
                                              "never match", WARNING)


def _empty_slots(pattern: Pattern) -> Iterator[Problem]:
    for slot in (*pattern.pre, *pattern.post):
        if slot.terms and not slot.words:
            yield Problem(pattern.source, f"pattern {pattern.text!r} needs "
                                          f"{' or '.join(slot.terms)}, which has no words; "
                                          "it can never match")


def _event_codes(codes: Iterable[str | None], where: str, ontology: Ontology
                 ) -> Iterator[Problem]:
    for code in codes:
        if code is None or code in ontology:
            continue
        parent = next((code[:n] for n in range(len(code) - 1, 1, -1) if code[:n] in ontology),
                      None)
        if parent:
            yield Problem(where, f"event code {code} is not in the CAMEO table; coded as "
                                 f"{parent}", WARNING)
        else:
            close = ", ".join(ontology.nearest(code)[:3])
            yield Problem(where, f"unknown event code {code}; closest: {close}")


def _reading_order(problem: Problem) -> tuple[str, int, str]:
    name, _, line = problem.where.rpartition(":")
    if not line.isdigit():
        return (problem.where, 0, problem.message)
    return (name, int(line), problem.message)


def has_errors(problems: Iterable[Problem], strict: bool = False) -> bool:
    """Whether the problems should fail the check (``strict``: warnings too)."""
    return any(strict or p.severity == ERROR for p in problems)
