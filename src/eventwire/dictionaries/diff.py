"""``eventwire dict diff``: what changed between two dictionary sets.

Entries are compared by identity (actor and agent ids, verb block names,
verb phrases, pattern text within a block), so moving an entry to another
line or file is not a change; a changed code, date, name or pattern is.
Each change is one :class:`Change`, printed ``+`` added, ``-`` removed,
``~`` changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.actors.entries import ActorEntry, Role
from eventwire.dictionaries.load import DictionarySet
from eventwire.dictionaries.tabari_write import code_text
from eventwire.events.verbdict import VerbDictionary


@dataclass(frozen=True)
class Change:
    """One difference: ``sign`` is ``+``, ``-`` or ``~``; ``where`` locates the new side."""

    sign: str
    what: str
    key: str
    detail: str
    where: str

    def __str__(self) -> str:
        detail = f": {self.detail}" if self.detail else ""
        return f"{self.sign} {self.what} {self.key}{detail}  ({self.where})"

    def to_json(self) -> dict[str, str]:
        return {"change": self.sign, "what": self.what, "key": self.key, "detail": self.detail,
                "where": self.where}


def diff_sets(old: DictionarySet, new: DictionarySet) -> list[Change]:
    """Every change from ``old`` to ``new``: actors, agents, then verbs."""
    return [*_actors(old, new), *_agents(old, new), *_verbs(old.verbs, new.verbs)]


def _actors(old: DictionarySet, new: DictionarySet) -> Iterator[Change]:
    before = {entry.id: entry for entry in old.actors}
    after = {entry.id: entry for entry in new.actors}
    for key in before.keys() - after.keys():
        yield Change("-", "actor", key, _roles_text(before[key].roles), before[key].source)
    for key, entry in after.items():
        if key not in before:
            yield Change("+", "actor", key, _roles_text(entry.roles), entry.source)
            continue
        detail = _actor_changes(before[key], entry)
        if detail:
            yield Change("~", "actor", key, detail, entry.source)


def _actor_changes(old: ActorEntry, new: ActorEntry) -> str:
    parts = []
    old_roles = {_role_text(r) for r in old.roles}
    new_roles = {_role_text(r) for r in new.roles}
    parts += [f"+role {r}" for r in sorted(new_roles - old_roles)]
    parts += [f"-role {r}" for r in sorted(old_roles - new_roles)]
    parts += [f"+name {n!r}" for n in new.names if n not in old.names]
    parts += [f"-name {n!r}" for n in old.names if n not in new.names]
    if old.kind != new.kind:
        parts.append(f"kind {old.kind} -> {new.kind}")
    return "; ".join(parts)


def _roles_text(roles: list[Role]) -> str:
    return ", ".join(_role_text(role) for role in roles)


def _role_text(role: Role) -> str:
    if not role.dated:
        return role.code
    return f"{role.code} {role.start or ''}..{role.end or ''}"


def _agents(old: DictionarySet, new: DictionarySet) -> Iterator[Change]:
    before = {entry.id: entry for entry in old.agents}
    after = {entry.id: entry for entry in new.agents}
    for key in before.keys() - after.keys():
        yield Change("-", "agent", key, before[key].code, before[key].source)
    for key, entry in after.items():
        was = before.get(key)
        if was is None:
            yield Change("+", "agent", key, f"[{entry.code}] {entry.position}", entry.source)
        elif (was.code, was.position, was.names) != (entry.code, entry.position, entry.names):
            detail = f"[{was.code}] -> [{entry.code}]" if was.code != entry.code else "names"
            yield Change("~", "agent", key, detail, entry.source)


def _verbs(old: VerbDictionary, new: VerbDictionary) -> Iterator[Change]:
    before = {b.name: b for b in old.blocks}
    after = {b.name: b for b in new.blocks}
    for name in before.keys() - after.keys():
        yield Change("-", "verb block", name, "", before[name].source)
    for name, block in after.items():
        was = before.get(name)
        code = code_text(block.code, block.pair_code)
        if was is None:
            yield Change("+", "verb block", name, f"[{code}]", block.source)
            continue
        if (was.code, was.pair_code) != (block.code, block.pair_code):
            yield Change("~", "verb block", name,
                         f"[{code_text(was.code, was.pair_code)}] -> [{code}]", block.source)
        old_patterns = {p.text for p in was.patterns}
        new_patterns = {p.text for p in block.patterns}
        for pattern in block.patterns:
            if pattern.text not in old_patterns:
                old_patterns.add(pattern.text)
                yield Change("+", "pattern", name, pattern.text, pattern.source)
        for pattern in was.patterns:
            if pattern.text not in new_patterns:
                new_patterns.add(pattern.text)
                yield Change("-", "pattern", name, pattern.text, pattern.source)
    old_verbs = {(v.phrase, v.block): v for v in old.verbs}
    new_verbs = {(v.phrase, v.block): v for v in new.verbs}
    for key in old_verbs.keys() - new_verbs.keys():
        yield Change("-", "verb", key[0], f"block {key[1]}", old_verbs[key].source)
    for key, verb in new_verbs.items():
        was_verb = old_verbs.get(key)
        if was_verb is None:
            yield Change("+", "verb", key[0], f"block {key[1]}", verb.source)
        elif (was_verb.code, was_verb.pair_code, was_verb.forms) != (
                verb.code, verb.pair_code, verb.forms):
            yield Change("~", "verb", key[0], f"[{code_text(was_verb.code, was_verb.pair_code)}]"
                         f" -> [{code_text(verb.code, verb.pair_code)}]", verb.source)
