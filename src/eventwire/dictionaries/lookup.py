"""Looking up what the dictionaries say about a name or a verb, as text or JSON.

Each lookup returns plain records (dicts) so the CLI can print them as text
or as JSON from the same data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventwire.actors.entries import ActorEntry, AgentEntry
from eventwire.dictionaries.load import DictionarySet
from eventwire.events.verbdict import Verb, VerbDictionary


def lookup_actor(found: DictionarySet, name: str, date: dt.date | None) -> list[dict[str, Any]]:
    """Actors and agents called ``name``, each with its roles and its code on ``date``."""
    records = [_actor_record(entry, date) for entry in found.actors.lookup(name)]
    records += [_agent_record(entry) for entry in found.agents.lookup(name)]
    return records


def _actor_record(entry: ActorEntry, date: dt.date | None) -> dict[str, Any]:
    chosen = entry.role_on(date)
    return {
        "type": "actor", "id": entry.id, "kind": entry.kind, "source": entry.source,
        "names": entry.names,
        "roles": [dict(role.to_json(), in_force=role is chosen) for role in entry.roles],
        "date": date.isoformat() if date else None,
        "code": chosen.code if chosen else None,
        "code_source": chosen.source if chosen else None,
    }


def _agent_record(entry: AgentEntry) -> dict[str, Any]:
    return {"type": "agent", **entry.to_json()}


def format_actor(record: dict[str, Any]) -> str:
    """One looked-up actor or agent as readable lines."""
    if record["type"] == "agent":
        return (f"{record['id']}  agent [{record['code']}] ({record['position']})  "
                f"{record['source']}\n  names: {', '.join(record['names'])}")
    lines = [f"{record['id']}  {record['kind']}  {record['source']}",
             f"  names: {', '.join(record['names'][:12])}"
             + (f" (+{len(record['names']) - 12} more)" if len(record["names"]) > 12 else "")]
    for role in record["roles"]:
        mark = "*" if role["in_force"] else " "
        span = f"{role['start'] or '...':>10} .. {role['end'] or '...':<10}"
        lines.append(f"  {mark} {role['code']:<12} {span}  {role['source']}")
    when = record["date"] or "no date"
    code = record["code"] or "none"
    lines.append(f"  code on {when}: {code}" + (f"  ({record['code_source']})"
                                               if record["code_source"] else ""))
    return "\n".join(lines)


def lookup_verb(verbs: VerbDictionary, phrase: str) -> list[dict[str, Any]]:
    """Verbs written or inflected as ``phrase`` ("pull out", "pulled out", "attack")."""
    wanted = " ".join(phrase.lower().split())
    head, *rest = wanted.split(" ") if wanted else [""]
    spellings = {wanted} | {" ".join((stem, *rest)) for stem in _stems(head)}
    found = [v for v in verbs.verbs if v.phrase in spellings or wanted in v.forms]
    if " " not in wanted:
        # A single word: also every verb with that head ("pull" gives "pull out").
        found += [v for v in verbs.candidates(head) if v not in found]
    return [_verb_record(verbs, verb) for verb in found]


def _stems(word: str) -> set[str]:
    """Guesses at the base form of a regularly inflected verb ("pulled" -> "pull")."""
    stems = set()
    for ending, replacement in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"),
                                ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stems.add(word[: -len(ending)] + replacement)
    return stems


def _verb_record(verbs: VerbDictionary, verb: Verb) -> dict[str, Any]:
    block = verbs.block(verb.block)
    return {
        "type": "verb", "phrase": verb.phrase, "forms": list(verb.forms), "block": block.name,
        "code": verb.code, "pair_code": verb.pair_code, "source": verb.source,
        "block_source": block.source,
        "patterns": [{"text": p.text, "code": p.code, "pair_code": p.pair_code,
                      "source": p.source} for p in verbs.patterns_for(verb)],
    }


def format_verb(record: dict[str, Any], limit: int | None = None) -> str:
    """One looked-up verb with its block's patterns, most specific first."""
    code = _code(record["code"], record["pair_code"])
    forms = f" {{{', '.join(record['forms'])}}}" if record["forms"] else ""
    lines = [f"{record['phrase']}{forms}  [{code}]  block {record['block']}  {record['source']}"]
    patterns = record["patterns"] if limit is None else record["patterns"][:limit]
    for pattern in patterns:
        lines.append(f"  [{_code(pattern['code'], pattern['pair_code']):>7}]  "
                     f"{pattern['text']:<60}  {pattern['source']}")
    hidden = len(record["patterns"]) - len(patterns)
    if hidden:
        lines.append(f"  ... {hidden} more patterns (--all shows them)")
    return "\n".join(lines)


def _code(code: str | None, pair_code: str | None) -> str:
    if pair_code:
        return f"{code or ''}:{pair_code}"
    return code or "---"
