"""Writing dictionaries back in PETRARCH/TABARI text format.

The readers are :mod:`eventwire.actors.tabari` and
:mod:`eventwire.events.tabari_verbs`; what these writers produce reads back
into the same codes, dates, names and patterns. Two things TABARI cannot say
are reported rather than lost silently:

* an actor's id is its first phrase in TABARI, so an id that is not also one
  of its names ("THE_EUROPEAN_UNION" for "eu") becomes a name;
* an agent's id is the name on its line, so an id written with a
  substitution set ("CATTLE!PERSON!") becomes its first name.

Dates are written with eight digits, which no reader can take for another
century.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from eventwire.actors.entries import ActorEntry, AgentEntry, Role
from eventwire.events.verbdict import Block, Verb, VerbDictionary


def phrase(name: str) -> str:
    """A token-sequence name ("al - qaeda", "israeli*") as a TABARI phrase."""
    stem = name.endswith("*")
    words = name.rstrip("*").upper().split()
    return "_".join(words) + ("" if stem else "_")


def actors_text(entries: Iterable[ActorEntry], notes: list[str] | None = None) -> str:
    """A ``.actors`` file: the id as first phrase, names as aliases, roles indented."""
    lines: list[str] = []
    for entry in entries:
        key = _squeeze(entry.id.replace("_", " "))
        own = [name for name in entry.names if _squeeze(name.rstrip("*")) == key]
        if not own and notes is not None:
            notes.append(f"{entry.source}: id {entry.id} is not one of its names; "
                         "in TABARI format it becomes one")
        stem = bool(own) and all(name.endswith("*") for name in own)
        lines.append(f"{entry.id}{'' if stem else '_'}  # {entry.kind} {entry.source}")
        lines.extend(f"+{phrase(name)}" for name in entry.names if name not in own)
        lines.extend(f"    [{_role(role)}]" for role in entry.roles)
        lines.append("")
    return "\n".join(lines)


def _squeeze(text: str) -> str:
    """Without spaces, for comparing an id with token-sequence names ("AL-QAEDA", "al - qaeda")."""
    return "".join(text.lower().split())


def _role(role: Role) -> str:
    if role.start and role.end:
        return f"{role.code} {_date(role.start)}-{_date(role.end)}"
    if role.start:
        return f"{role.code} >{_date(role.start)}"
    if role.end:
        return f"{role.code} <{_date(role.end)}"
    return role.code


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def agents_text(entries: Iterable[AgentEntry], notes: list[str] | None = None) -> str:
    """An ``.agents`` file: one line per agent, its other names as explicit plurals."""
    lines: list[str] = []
    for entry in entries:
        first = entry.id
        if "!" in first:  # a substitution set the file would need to define
            first = phrase(entry.names[0]).rstrip("_")
            if notes is not None:
                notes.append(f"{entry.source}: agent id {entry.id} becomes {first} "
                             "in TABARI format")
        key = _squeeze(first.replace("_", " "))
        rest = [name for name in entry.names if _squeeze(name) != key]
        code = f"~{entry.code}" if entry.position == "suffix" else f"{entry.code}~"
        plurals = " ".join(phrase(name) for name in rest)
        lines.append(f"{first} {{{plurals}}} [{code}]")
    return "\n".join(lines) + "\n"


def verbs_text(dictionary: VerbDictionary) -> str:
    """A ``.verbs`` file: synsets first, then each block with its verbs and patterns."""
    return "\n".join(_verb_lines(dictionary)) + "\n"


def _verb_lines(dictionary: VerbDictionary) -> Iterator[str]:
    for synset in dictionary.synsets:
        words = [w for member in synset.members for w in member.split()]
        exact = bool(words) and all(w.endswith("_") and not w.startswith("&") for w in words)
        yield f"&{synset.name}{'_' if exact else ''}"
        for member in synset.members:
            yield "+" + _member(member, exact)
        yield ""
    by_block: dict[str, list[Verb]] = {}
    for verb in dictionary.verbs:
        by_block.setdefault(verb.block, []).append(verb)
    for block in dictionary.blocks:
        yield from _block_lines(block, by_block.get(block.name, []))


def _member(member: str, exact_synset: bool) -> str:
    """A synset member ("fighter &AIRCRAFT", "cash_") as a ``+MEMBER`` line body."""
    words = member.split()
    body = "_".join(w if w.startswith("&") else w.rstrip("_").upper() for w in words)
    return body + ("_" if words[-1].endswith("_") and not exact_synset else "")


def _block_lines(block: Block, verbs: list[Verb]) -> Iterator[str]:
    yield f"---  {block.name}   [{code_text(block.code, block.pair_code)}]  ---"
    for verb in verbs:
        forms = " ".join(_verb_phrase(form.split(), len(verb.pre_particles)) for form in verb.forms)
        words = [*verb.pre_particles, verb.lemma, *verb.particles]
        line = _verb_phrase(words, len(verb.pre_particles))
        if forms:
            line += f" {{{forms}}}"
        if verb.own_code:
            line += f" [{code_text(verb.code, verb.pair_code)}]"
        yield line
    written: set[tuple[str, str]] = set()
    for pattern in block.patterns:
        # One line with "(BY/WITH X)" became several patterns; write the line once.
        if (pattern.source, pattern.text) in written:
            continue
        written.add((pattern.source, pattern.text))
        yield pattern.text + (f"  # {pattern.comment}" if pattern.comment else "")
    yield ""


def _verb_phrase(words: list[str], head_at: int) -> str:
    upper = [w.upper() for w in words]
    if len(upper) > 1:
        upper[head_at] = "+" + upper[head_at]
    return "_".join(upper)


def code_text(code: str | None, pair_code: str | None) -> str:
    """``042``, ``042:043``, ``:173`` or ``---``, as TABARI writes codes."""
    if pair_code:
        return f"{code or ''}:{pair_code}"
    return code or "---"
