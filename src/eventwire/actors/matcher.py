"""Finding actors in text: dictionary names, agents, and how they combine.

The matcher reads only token text, ``lower_``, ``idx`` and ``i``, so it works
on a Doc made by the tokenizer alone, with or without tagger and parser.

How a sentence becomes mentions:

1. Scanning left to right, the longest actor or agent name starting at each
   token is taken (an actor wins a tie), and the scan resumes after it. At
   equal length an exact name beats a stem ("Nigeria" is NGA, not NER via
   "niger*"). An actor name must show a capital letter in the text, so "us"
   is not the U.S. and "turkey" is not Turkey (``require_capital``); a
   ``cased`` entry needs a capital on every word ("Islamic State"). A
   country's exact names also match with a plural "s", as a last resort:
   "Albanians", "Iraqis", "South Koreans" (``NameIndex.add``, ``plural``).
   An organization's name of several words must open as a name does, so "an
   armed Islamic group" is not the Armed Islamic Group (``NAME_PARTICLES`` such
   as "al" in "al-Qaeda" may open one in lower case).
2. Neighbouring matches are combined, most specific first:

   * title + person or organization: "Foreign Minister Sergei Lavrov",
     "Israeli Prime Minister Naftali Bennett", "the militant group Hamas" are
     one mention with the person's (or group's) own code on the date; only if
     that entry has no role on the date does the title supply the code
     (ISR + GOV = ISRGOV);
   * capitalized title + place: "Deputy Prime Minister Telemar", "MSF Arnor"
     combine the place's code with the title's agents. A lower-case agent
     before a place is left alone: in "told reporters Israel would ..." the
     reporters are not Israeli;
   * modifier + more specific actor: when the second code extends the first,
     "United Nations Security Council" (IGOUNO + IGOUNO), "Israeli Knesset"
     (ISR + ISRGOVLEG) and "Egypt's Muslim Brotherhood" are one mention with
     the second code;
   * actor + agents, possibly through a possessive and a couple of title
     words (``TITLE_MODIFIERS``): "Israeli protesters" = ISROPP, "the UK's
     Foreign Secretary" = GBRGOV, "Israel's new prime minister" = ISRGOV;
   * agents + in/of/from/for [the] + a country or organization: "protesters
     in Tel Aviv" = ISROPP, "the prime minister of Israel" = ISRGOV. People
     are left out here: "supporters of Netanyahu" are not his government; so
     are agents a possessive pronoun owns ("withdrew its troops from Gaza");
   * across "and", the second half shares the first: "Danish media and
     government" = DNKMED, DNKGOV; "lawmakers in Fornost and Gondor" =
     FORLEG, GONLEG.

3. An agent with no actor next to it gets the country code "---", the CAMEO
   and PETRARCH mark for "unknown": "four Conservative MPs" = ---LEG. The
   mention still says which agent it was; consumers that want only known
   countries drop codes starting with "---".

Combining codes follows the agents file: "~OPP" is appended (ISR -> ISROPP),
"IGO~" is put in front (IND -> IGOIND). A three-letter block the actor code
already has is not added twice (ISRGOV + GOV = ISRGOV). A code with "/" names
several actors at once (the PETRARCH suite's "ELR/GAL"); each part is
combined on its own.

People are coded by the article date (see ``ActorEntry.role_on``). A person
with no role on that date still gives a mention, with ``code`` None: the text
names them, but the dictionary cannot say what they were then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.actors import caseless
from eventwire.actors.dictionary import ActorDictionary, AgentDictionary
from eventwire.actors.entries import ActorEntry, AgentEntry, Role
from eventwire.actors.index import NameMatch
from eventwire.schema import ActorRef

UNKNOWN_COUNTRY = "---"
ELITE = "ELI"  # CAMEO's role for former officials and other elites
ATTACHING_PREPOSITIONS = frozenset({"in", "of", "from", "for"})
POSSESSIVES = frozenset({"'s", "'", "\u2019s", "\u2019"})
OWNING_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
MAX_AGENT_CHAIN = 3
"""At most this many agents in a row join one actor ("Israeli opposition lawmakers")."""
# Words that may stand between an actor and its title: "Israel's new prime minister".
TITLE_MODIFIERS = frozenset({
    "new", "former", "first", "deputy", "vice", "acting", "interim", "outgoing", "incoming",
    "top", "chief", "senior", "then", "current", "late", "newly", "elected", "own",
})


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in text, with the code it has on the article date.

    Token offsets index the spaCy Doc (end exclusive); character offsets index
    ``doc.text``. ``kind`` says what made the mention ("actor", "agent" or
    "actor+agent"); ``entry_kind`` what the actor entry is ("person",
    "country", "organization", or None for a bare agent). ``sources`` lists
    the dictionary lines that made the code: the actor's role, then each agent.
    """

    start_char: int
    end_char: int
    start_token: int
    end_token: int
    text: str
    code: str | None
    kind: str
    entry_id: str | None
    role: Role | None
    entry_kind: str | None = None
    agent_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def source(self) -> str | None:
        """The dictionary line(s) behind the code, as one string."""
        return " + ".join(self.sources) or None

    @property
    def rule(self) -> str | None:
        """``source`` under the name ``ActorRef`` and ``Event`` use for it."""
        return self.source

    @property
    def codes(self) -> tuple[str, ...]:
        """The code split into single actors: "ELR/GAL" names two."""
        return tuple(self.code.split("/")) if self.code else ()

    def to_ref(self) -> ActorRef | None:
        """The mention as the pipeline's ``ActorRef``; ``None`` without a code."""
        if self.code is None:
            return None
        return ActorRef(text=self.text, start=self.start_char, end=self.end_char,
                        code=self.code, rule=self.source)


@dataclass(frozen=True, slots=True)
class _Found:
    """One dictionary match before combination; positions index the token list."""

    start: int
    end: int
    actor: ActorEntry | None = None
    agent: AgentEntry | None = None


@dataclass
class _Group:
    """Matches being combined into one mention."""

    start: int
    end: int
    actor: ActorEntry | None
    agents: list[AgentEntry]
    fallback: tuple[ActorEntry | None, list[AgentEntry]] | None = None
    via_preposition: bool = False


@dataclass(frozen=True, slots=True)
class _Words:
    """What the combination rules read of each token."""

    lower: tuple[str, ...]
    titled: tuple[bool, ...]  # starts with a capital letter


class ActorMatcher:
    """Finds actor mentions in spaCy tokens using actor and agent dictionaries."""

    def __init__(
        self,
        actors: ActorDictionary,
        agents: AgentDictionary | None = None,
        require_capital: bool = True,
        caseless: bool = False,
    ) -> None:
        self.actors = actors
        self.agents = agents if agents is not None else AgentDictionary()
        self.require_capital = require_capital
        # Read a text that has lost its capitals by the rules of ``caseless``. Off by
        # default: on ordinary lower-cased news it finds the names, and with them more
        # false events outside politics than the coder yet knows how to drop.
        self.caseless = caseless

    def find(self, doc_or_tokens: Doc | Span | Sequence[Token], date: dt.date | None
             ) -> list[ActorMention]:
        """Actor mentions in a Doc, a Span or a list of tokens, coded for ``date``."""
        tokens = list(doc_or_tokens)
        if not tokens:
            return []
        lowers = tuple(token.lower_ for token in tokens)
        without_capitals = self.caseless and caseless.is_caseless([t.text for t in tokens])
        found = self._scan(tokens, lowers, without_capitals)
        words = _Words(lowers, tuple(token.text[:1].isupper() for token in tokens))
        return [self._mention(tokens, group, date) for group in _combine(found, words)]

    def _scan(self, tokens: list[Token], lowers: tuple[str, ...], without_capitals: bool = False
              ) -> list[_Found]:
        """Longest dictionary matches, left to right, without overlaps. A text
        ``without_capitals`` is matched by the rules of ``caseless``."""
        actor_index, agent_index = self.actors.index, self.agents.index

        def capitalized(match: NameMatch) -> bool:
            if not self.require_capital:
                return True
            words = tokens[match.start : match.end]
            entry = self.actors.entries[match.payload]
            if without_capitals:
                before = lowers[match.start - 1] if match.start else None
                return caseless.accepts(entry, lowers[match.start:match.end], before)
            if entry.cased:
                return all(word.text[:1].isupper() for word in words if word.is_alpha)
            if entry.kind == "organization" and len(words) > 1 and not _opens_name(words):
                return False  # "an armed Islamic group" is no Armed Islamic Group
            return _shows_capital(words)

        found: list[_Found] = []
        position = 0
        while position < len(tokens):
            if negated_name(lowers, position):  # "non-Muslims", "pro-Russia rebels"
                position += 1
                continue
            actor = actor_index.best_at(lowers, position, capitalized)
            agent = agent_index.best_at(lowers, position)
            if actor and agent and agent.end == actor.end and _owned(found, lowers, position):
                actor = None  # "Rwanda's Senate" is Rwanda's, not the US Senate
            if actor and (agent is None or actor.end >= agent.end):
                entry = self.actors.entries[actor.payload]
                found.append(_Found(actor.start, actor.end, actor=entry))
                position = actor.end
            elif agent:
                role_word = self.agents.entries[agent.payload]
                found.append(_Found(agent.start, agent.end, agent=role_word))
                position = agent.end
            else:
                position += 1
        return found

    def _mention(self, tokens: list[Token], group: _Group, date: dt.date | None) -> ActorMention:
        first, last = tokens[group.start], tokens[group.end - 1]
        start_char, end_char = first.idx, last.idx + len(last.text)
        agents = group.agents
        code, role = _code(group.actor, agents, date)
        if code is None and group.fallback is not None:
            # A named person with no role on this date: the title in front says it.
            agents = group.fallback[1]
            code, role = _code(group.fallback[0], agents, date)
        if code and agents and not code.endswith(ELITE) and _is_former(tokens, group):
            # "former security officials": out of office, so elites, not government
            code = (role.code if role is not None else UNKNOWN_COUNTRY) + ELITE
        if group.actor is None:
            kind = "agent"
        else:
            kind = "actor+agent" if group.agents else "actor"
        return ActorMention(
            start_char=start_char,
            end_char=end_char,
            start_token=first.i,
            end_token=last.i + 1,
            text=first.doc[first.i:last.i + 1].text,
            code=code,
            kind=kind,
            entry_id=group.actor.id if group.actor else None,
            role=role,
            entry_kind=group.actor.kind if group.actor else None,
            agent_ids=tuple(agent.id for agent in agents),
            sources=tuple(s for s in [role.source if role else None,
                                      *(agent.source for agent in agents)] if s),
        )


def combine_codes(actor_code: str, agents: Iterable[AgentEntry]) -> str:
    """Join agent codes to an actor code: ISR + ~OPP = ISROPP, IND + IGO~ = IGOIND."""
    agents = list(agents)
    return "/".join(_combine_one(part, agents) for part in actor_code.split("/"))


def _combine_one(code: str, agents: list[AgentEntry]) -> str:
    for agent in agents:
        if agent.position == "prefix":
            if not code.startswith(agent.code):
                code = agent.code + code
            continue
        held = set(_blocks(code))
        code += "".join(block for block in _blocks(agent.code) if block not in held)
    return code


def _blocks(code: str) -> list[str]:
    """CAMEO codes are built of three-character blocks: ISRGOVMIL = ISR, GOV, MIL."""
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def _code(
    actor: ActorEntry | None, agents: list[AgentEntry], date: dt.date | None
) -> tuple[str | None, Role | None]:
    if actor is None:
        return combine_codes(UNKNOWN_COUNTRY, agents), None
    role = actor.role_on(date)
    if role is None:
        return None, None
    return combine_codes(role.code, agents), role


def _owned(found: list[_Found], lowers: tuple[str, ...], position: int) -> bool:
    """Whether an actor's possessive comes just before ``position``."""
    return (position >= 2 and lowers[position - 1] in {"'s", "'"} and bool(found)
            and found[-1].end == position - 1 and found[-1].actor is not None)


# "non-Muslims" are everyone but Muslims; "pro-Russia rebels" and "an anti-Syria
# journalist" are for or against Russia and Syria, not theirs.
STANCE_PREFIXES = frozenset({"non", "pro", "anti"})


def negated_name(lowers: tuple[str, ...], position: int) -> bool:
    """Whether a name follows a prefix saying the actor is not that group."""
    return (position >= 2 and lowers[position - 1] == "-"
            and lowers[position - 2] in STANCE_PREFIXES)


def _is_former(tokens: Sequence[Token], group: _Group) -> bool:
    """'former' in the mention, or just before it ('former Gondor prosecutors')."""
    return any(token.lower_ == "former" for token in tokens[max(group.start - 1, 0):group.end])


# Lower-case words a proper name may open with: "al-Qaeda", "the Taliban".
NAME_PARTICLES = frozenset({"al", "el", "ad", "ash", "as", "an", "at", "ar", "the", "de",
                            "la", "le", "du", "van", "von", "bin", "ibn", "abu"})


def _opens_name(words: Sequence[Token]) -> bool:
    """Whether a name opens as a name does: capitalized, with a particle, or with no
    letters at all. Its later words may be lower case ('the Assad regime')."""
    first = words[0].text
    return first[:1].isupper() or first.lower() in NAME_PARTICLES or not first[:1].isalpha()


def _shows_capital(tokens: Sequence[Token]) -> bool:
    """Whether the text has a capital letter, or no letters that could be one."""
    text = "".join(token.text for token in tokens)
    return any(c.isupper() for c in text) or not any(c.islower() for c in text)


def _combine(found: list[_Found], words: _Words) -> list[_Group]:
    """Group neighbouring matches into mentions (rules in the module docstring)."""
    groups: list[_Group] = []
    k = 0
    while k < len(found):
        previous = groups[-1] if groups else None
        shared = _coordinated(previous, found, k, words) if previous else None
        group, k = shared if shared is not None else _group_at(found, k, words)
        groups.append(group)
    return groups


def _group_at(found: list[_Found], k: int, words: _Words) -> tuple[_Group, int]:
    """The mention that starts with ``found[k]``, and where the next one starts."""
    head = found[k]
    group = _Group(head.start, head.end, head.actor, [head.agent] if head.agent else [])
    k += 1
    if group.actor is not None:
        while k < len(found) and _is_refinement(group.actor, found[k], group.end, words):
            group = _Group(group.start, found[k].end, found[k].actor, [])
            k += 1
    k = _take_agents(found, k, group, words)
    if not group.agents:
        return group, k
    return _attach_actor(found, k, group, words)


def _take_agents(found: list[_Found], k: int, group: _Group, words: _Words) -> int:
    """Add the agents right after the group: "Israeli [opposition] [lawmakers]",
    "Israel's new [prime minister]"."""
    while k < len(found) and found[k].agent is not None and len(group.agents) < MAX_AGENT_CHAIN:
        between = words.lower[group.end : found[k].start]
        if between and not (group.actor is not None and not group.agents
                            and _qualifies_title(between)):
            break
        group.agents.append(found[k].agent)
        group.end = found[k].end
        k += 1
    return k


def _qualifies_title(between: tuple[str, ...]) -> bool:
    """Words allowed between an actor and its first agent: "'s new", "former"."""
    if between[:1] and between[0] in POSSESSIVES:
        between = between[1:]
    return len(between) <= 2 and all(word in TITLE_MODIFIERS for word in between)


def _attach_actor(found: list[_Found], k: int, group: _Group, words: _Words
                  ) -> tuple[_Group, int]:
    """Agents meet the actor they belong to, if one follows them."""
    following = found[k] if k < len(found) else None
    if following is not None and following.actor is not None and following.start == group.end:
        if following.actor.kind != "country":
            # "Foreign Minister Sergei Lavrov": the named actor's own code, the
            # title's only if the name has no role on the date.
            fallback = (group.actor, group.agents) if group.actor or group.agents else None
            return _Group(group.start, following.end, following.actor, [], fallback), k + 1
        if words.titled[group.end - 1]:
            # A capitalized title before a place: "Deputy Prime Minister Telemar",
            # "MSF Arnor". Lower case ("told reporters Israel ...") is no title.
            group.actor, group.end = following.actor, following.end
            return group, _take_agents(found, k + 1, group, words)
    if group.actor is None and not _owned_by_pronoun(words.lower, group.start):
        target = _attached_by_preposition(found, k, group.end, words.lower)
        if target is not None:
            group.end, group.actor = found[target].end, found[target].actor
            group.via_preposition = True
            k = target + 1
            # "leaders of Egypt's Muslim Brotherhood": the body the country owns
            while k < len(found) and _is_refinement(group.actor, found[k], group.end, words):
                group.end, group.actor = found[k].end, found[k].actor
                k += 1
            return group, k
    return group, k


def _owned_by_pronoun(lowers: tuple[str, ...], start: int) -> bool:
    """'withdrew its troops from Gaza': whose troops 'its' says, not 'from'."""
    return start > 0 and lowers[start - 1] in OWNING_PRONOUNS


def _coordinated(previous: _Group, found: list[_Found], k: int, words: _Words
                 ) -> tuple[_Group, int] | None:
    """A mention that shares half of the one before it across "and".

    "Danish media and government": the second agent gets Denmark too.
    "lawmakers in Fornost and Gondor": the second place gets the lawmakers.
    """
    candidate = found[k]
    between = words.lower[previous.end : candidate.start]
    if previous.actor is None or not previous.agents or between[:1] != ("and",):
        return None
    if candidate.agent is not None and between == ("and",):
        group = _Group(candidate.start, candidate.end, previous.actor, [candidate.agent])
        return group, _take_agents(found, k + 1, group, words)
    next_is_agent = k + 1 < len(found) and found[k + 1].agent is not None
    if (previous.via_preposition and candidate.actor is not None
            and candidate.actor.kind != "person" and between in (("and",), ("and", "the"))
            and not (next_is_agent and found[k + 1].start == candidate.end)):
        group = _Group(candidate.start, candidate.end, candidate.actor, list(previous.agents))
        group.via_preposition = True
        return group, k + 1
    return None


def _is_refinement(actor: ActorEntry, candidate: _Found, end: int, words: _Words) -> bool:
    """A following actor whose code extends this one's: "Israeli Knesset", "Egypt's
    Muslim Brotherhood"."""
    between = words.lower[end:candidate.start]
    if (candidate.actor is None or actor.kind == "person"
            or not (between == () or (len(between) == 1 and between[0] in POSSESSIVES))):
        return False
    outer, inner = actor.role_on(None), candidate.actor.role_on(None)
    return outer is not None and inner is not None and inner.code.startswith(outer.code)


def _attached_by_preposition(
    found: list[_Found], k: int, end: int, lowers: tuple[str, ...]
) -> int | None:
    """Index of a country or organization after "in"/"of"/"from"/"for" [the]."""
    if k >= len(found) or found[k].actor is None or found[k].actor.kind == "person":
        return None
    between = lowers[end : found[k].start]
    if between and between[0] in ATTACHING_PREPOSITIONS and between[1:] in ((), ("the",)):
        return k
    return None
