"""Coding the events of one parsed sentence.

Input: the sentence's Doc (tagged and parsed) and the actors already found in
it. Output: one ``Coded`` per (source, target, trigger), before the ontology
turns it into an ``Event``. Each step is a small function over the parse so
that it can be tested alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.events import modality, nominal
from eventwire.events.arguments import (
    conjuncts,
    find_arguments,
    phrase_tokens,
    prepositional_objects,
)
from eventwire.events.patterns import CodeMatch, PatternMatcher, Seen, seen_words

# Triggers whose event is a statement (01x): when they carry reported speech,
# the reported event is the news, so the statement itself is not coded.
STATEMENT_ROOT = "01"
SPEECH_DEPS = {"ccomp", "parataxis"}
# The country part of an agent the text does not place ("officials", ---GOV).
BARE_AGENT = "---"
SPEECH_VERBS = modality.SPEECH_VERBS


@dataclass(frozen=True)
class Actor:
    """An actor mention inside the sentence Doc (token indices are the Doc's)."""

    start: int
    end: int
    code: str
    rule: str


@dataclass
class Coded:
    """An event found in a sentence, before the ontology fills in its names."""

    trigger: Token
    code: str
    source: Actor | None
    target: Actor | None
    rule: str
    modality: str | None = None
    notes: list[str] = field(default_factory=list)


class VerbLexicon:
    """What the sentence coder needs from a verb dictionary."""

    def candidates(self, lemma: str) -> list: ...  # pragma: no cover

    def patterns_for(self, verb) -> list: ...  # pragma: no cover


def actors_at(head: Token, actors: Sequence[Actor]) -> list[Actor]:
    """The actors of the phrase headed by ``head``: the one covering the head, else the
    nearest one inside the phrase, with every actor conjoined to it."""
    for actor in actors:
        if actor.start <= head.i < actor.end:
            return [actor]
    indices = {token.i for token in phrase_tokens(head)}
    inside = [a for a in actors if any(i in indices for i in range(a.start, a.end))]
    if not inside:
        return []
    nearest = min(inside, key=lambda a: min(abs(i - head.i) for i in range(a.start, a.end)))
    found = [nearest]
    for part in conjuncts(head.doc[nearest.end - 1])[1:]:
        found.extend(a for a in actors if a.start <= part.i < a.end and a not in found)
    return found


def actors_for(heads: list[Token], actors: Sequence[Actor]) -> list[Actor]:
    """Every actor under the first head that has any, one per conjoined phrase.

    Conjuncts are followed from every word of a found actor, since the parser
    may hang "and Putin" on "Obama" while the phrase's head is "Barack". A head
    holding only bare agents ("troops", ---MIL) gives way to a later head that
    names who they are ("offered troops to Lebanon").
    """
    fallback: list[Actor] = []
    for head in heads:
        found: list[Actor] = []
        for part in conjuncts(head):
            for actor in actors_at(part, actors):
                _add_with_conjuncts(actor, found, head.doc, actors)
        if found and not all(actor.code.startswith(BARE_AGENT) for actor in found):
            return found
        fallback = fallback or found
    return fallback


def _add_with_conjuncts(actor: Actor, found: list[Actor], doc: Doc,
                        actors: Sequence[Actor]) -> None:
    if actor in found:
        return
    found.append(actor)
    span_root = doc[actor.start:actor.end].root
    for index in range(actor.start, actor.end):
        for part in conjuncts(doc[index])[1:]:
            for other in actors:
                if other.start <= part.i < other.end:
                    if index != span_root.i:
                        other = _share_agent(actor, other)
                    _add_with_conjuncts(other, found, doc, actors)


def _share_agent(listed_with: Actor, other: Actor) -> Actor:
    """'the ambassadors of Arnor, Osgiliath and Gondor': each country in the list
    takes the role of the phrase that lists them (ARNGOV, OSGGOV, GONGOV)."""
    role = listed_with.code[3:]
    if len(other.code) != 3 or not role or listed_with.code.startswith(BARE_AGENT):
        return other
    return Actor(other.start, other.end, other.code + role,
                 f"{other.rule} + role of {listed_with.rule}")


def trigger_entries(token: Token, lexicon: VerbLexicon) -> list:
    """Dictionary verbs this token can be, with multi-word verbs checked against the parse."""
    if nominal.is_candidate(token):
        return nominal.verb_entries(token, lexicon)
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() == "be" or _is_going_to(token):
        return []
    entries = lexicon.candidates(token.lemma_.lower()) or lexicon.candidates(token.lower_)
    particles = {child.lower_ for child in token.children if child.dep_ in {"prt", "prep"}}
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    fitting = [e for e in entries
               if not e.particles or all(p in particles or p == following for p in e.particles)]
    with_particles = [e for e in fitting if e.particles]
    return with_particles or fitting


# Children of a verb whose words belong to another clause, not to its own phrase.
OTHER_CLAUSE_DEPS = {"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "punct", "ccomp",
                     "parataxis", "advcl", "mark"}


def words_after(token: Token) -> list[Token]:
    """The words a pattern may ask for after the verb: its own phrase, not other clauses."""
    skip: set[int] = set()
    for child in token.children:
        other_verb = child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}
        if child.dep_ in OTHER_CLAUSE_DEPS or other_verb:
            skip.update(t.i for t in child.subtree)
    return [t for t in token.subtree if t.i > token.i and t.i not in skip]


def code_trigger(token: Token, lexicon: VerbLexicon, patterns: PatternMatcher,
                 words: list[Seen]) -> CodeMatch | None:
    """The dictionary's code for a token, if it is a trigger; ``words`` are the sentence's."""
    entries = trigger_entries(token, lexicon)
    if not entries:
        return None
    after = [words[t.i] for t in words_after(token)]
    return patterns.best(entries, words[: token.i], after)


def judge_modality(token: Token, code: str,
                   negation_coded: bool = False) -> tuple[str | None, str | None]:
    """The code to keep (None drops the event) and why it is not plain fact.

    ``negation_coded``: the dictionary pattern itself asked for the negation
    ("- &NEGATVAUXVRB * OVER EFFORTS"), so its code already says what it means.
    """
    if negation_coded:
        return code, "negated"
    if modality.refuses(token):
        return modality.REFUSAL.apply(code), "refusal"
    if modality.is_negated(token):
        return None, "negated"
    if modality.is_speculative(token):
        return None, "hypothetical"
    if modality.is_background(token):
        return None, "background"
    if modality.is_future(token):
        intent = modality.INTENT.apply(code)
        return (intent or code), "future"
    return code, None


def complement_role(token: Token, coded_heads: set[int]) -> str:
    """How an infinitive complement's event counts: 'own', 'refused', 'planned' or 'none'.

    'refused to talk' is a rejection and 'plans to impose sanctions' a planned
    act: both are coded from the complement, which says more than the governing
    verb. 'began to shell' is an act; after other coded verbs ('accused X of
    trying to ...') the complement belongs to the head's event; 'tried to attack'
    is not coded.
    """
    governor = token.head
    lemma = governor.lemma_.lower()
    if lemma in modality.APPEAL_VERBS and _asks_someone_else(token):
        return "appealed"
    if token.dep_ != "xcomp":
        return "own"
    if lemma in modality.REFUSAL_VERBS:
        return "refused"
    if lemma in modality.PLANNING_VERBS or lemma == "be" or _is_going_to(governor):
        return "planned"
    if lemma in modality.IMPLICATIVE_VERBS:
        return "own"
    return "none"


def _asks_someone_else(clause: Token) -> bool:
    """'urged Iran to withdraw', 'wants Putin to attack': the act is asked of another."""
    if clause.dep_ == "ccomp":
        return any(child.dep_ in {"nsubj", "nsubjpass"} for child in clause.children)
    return clause.dep_ == "xcomp" and any(
        child.dep_ in {"dobj", "prep"} for child in clause.head.children)


def _is_going_to(token: Token) -> bool:
    return token.lemma_.lower() == "go" and token.tag_ == "VBG" and any(
        child.dep_ == "xcomp" for child in token.children)


def code_sentence(doc: Doc, actors: Sequence[Actor], lexicon: VerbLexicon,
                  patterns: PatternMatcher,
                  resolve: Callable[[Token], Actor | None] | None = None) -> list[Coded]:
    """Every event in a parsed sentence."""
    words = seen_words(doc)
    matches: dict[int, CodeMatch] = {}
    for token in doc:
        match = code_trigger(token, lexicon, patterns, words)
        if match is not None and (match.code or match.pair_code):
            matches[token.i] = match
    _refused_complements(doc, matches)
    _refused_futures(doc, matches)
    by_trigger: dict[int, list[Coded]] = {}
    superseded: set[int] = set()
    for index, match in matches.items():
        token = doc[index]
        role = complement_role(token, set(matches))
        governing = matches.get(token.head.i)
        if role == "appealed" and governing is not None and governing.specificity > 0:
            role = "none"  # a pattern of the asking verb already says what was asked
        if role == "none":
            continue
        events = _events_of(token, match, actors, resolve)
        if role == "refused":
            events = [_refusal(token.head, item) for item in events]
        if role == "appealed":
            events = _appeal(token, match, actors, resolve)
        by_trigger[index] = [item for item in events if item is not None]
        if role in {"refused", "planned", "appealed"} and by_trigger[index]:
            superseded.add(token.head.i)
    coded = [item for index, items in by_trigger.items() if index not in superseded
             for item in items]
    return _drop_reporting(_drop_restated(coded))


def _refused_complements(doc: Doc, matches: dict[int, CodeMatch]) -> None:
    """'refused to commit to assistance': a refused act the dictionary does not know is
    still refused, so the complement gets the general rejection code (120)."""
    for token in doc:
        if token.dep_ == "xcomp" and token.i not in matches and token.pos_ in {"VERB", "AUX"} \
                and token.head.lemma_.lower() in modality.REFUSAL_VERBS:
            matches[token.i] = CodeMatch("120", None, f"refusal rule: {token.head.lemma_} to", 0)


def _refused_futures(doc: Doc, matches: dict[int, CodeMatch]) -> None:
    """'will not end the strike': a negated future is a refusal whatever the verb."""
    for token in doc:
        if token.i not in matches and token.pos_ == "VERB" and modality.refuses(token):
            matches[token.i] = CodeMatch("120", None, f"refusal rule: will not {token.lemma_}", 0)


def _refusal(governor: Token, item: Coded) -> Coded | None:
    """'refused to talk': the refusal, coded by what was refused, on the refusing verb."""
    code, mode = judge_modality(governor, modality.REFUSAL.apply(item.code))
    if code is None:
        return None
    return Coded(governor, code, item.source, item.target,
                 f"refusal of {item.code}: {item.rule}", mode, item.notes)


def _events_of(token: Token, match: CodeMatch, actors: Sequence[Actor],
               resolve: Callable[[Token], Actor | None] | None) -> list[Coded]:
    if token.pos_ == "NOUN":
        return _nominal_events(token, match, actors, resolve)
    arguments = find_arguments(token)
    sources = actors_for(arguments.sources, actors) or _resolved(arguments.sources, resolve)
    targets = [t for t in actors_for(arguments.targets, actors) if t not in sources]
    if not targets:
        targets = [t for t in _resolved(arguments.targets, resolve) if t not in sources]
    if not targets:
        targets = _first_actor_in_phrase(token, actors, sources)
    code, pair = match.code, match.pair_code
    if not code and pair:
        code, sources, targets = pair, targets, sources
    if code and modality.is_obligation(token):
        return _demand(token, code, sources, match, actors, resolve)
    if not code or not (sources or (arguments.passive and targets)):
        return []
    code, mode = judge_modality(token, code, match.negated)
    if code is None:
        return []
    return [Coded(token, code, source, target, match.rule, mode, arguments.how)
            for source, target in _pairs(sources, targets, token)]


def _first_actor_in_phrase(token: Token, actors: Sequence[Actor],
                           sources: list[Actor]) -> list[Actor]:
    """'marched close to the border with Mordor': with no object or known preposition
    naming one, the target is the first actor in the verb's own phrase."""
    phrase = {t.i for t in words_after(token)}
    for index in sorted(phrase):
        for actor in actors:
            if actor.start == index and actor not in sources:
                return [actor]
    return []


def _nominal_events(noun: Token, match: CodeMatch, actors: Sequence[Actor],
                    resolve) -> list[Coded]:
    """'Israel's attack on Gaza': coded only when both sides are actors. After a light
    verb ('the EU announced assistance to Somalia') the verb's subject is the doer."""
    verb = nominal.light_verb(noun)
    doers = nominal.doer_heads(noun) or (find_arguments(verb).sources if verb else [])
    sources = actors_for(doers, actors) or _resolved(doers, resolve)
    other = nominal.other_heads(noun) + (prepositional_objects(verb) if verb else [])
    targets = [t for t in actors_for(other, actors) if t not in sources]
    if not (match.code and sources and (targets or verb is not None)):
        return []
    rule = f"nominal {noun.lemma_}: {match.rule}"
    code, mode = judge_modality(verb, match.code) if verb is not None else (match.code, None)
    if code is None:
        return []
    return [Coded(noun, code, source, target, rule, mode, ["nominal"])
            for source, target in _pairs(sources, targets, noun)]


def _appeal(token: Token, match: CodeMatch, actors: Sequence[Actor], resolve) -> list[Coded]:
    """'X urged Y to withdraw': X appeals to Y for what Y is asked to do."""
    if not match.code:
        return []
    asked = actors_for(find_arguments(token).sources, actors)
    governor = token.head
    heads = find_arguments(governor).sources
    sources = actors_for(heads, actors) or _resolved(heads, resolve)
    code, mode = judge_modality(governor, modality.APPEAL.apply(match.code))
    if code is None:
        return []
    rule = f"appeal for {match.code}: {match.rule}"
    return [Coded(governor, code, source, target, rule, mode or "appealed")
            for source, target in _pairs(sources, asked, governor)]


def _demand(token: Token, code: str, obliged: list[Actor], match: CodeMatch,
            actors: Sequence[Actor], resolve) -> list[Coded]:
    """'X said Y must withdraw': X demands of Y what Y must do."""
    speaker = token.head
    heads = find_arguments(speaker).sources
    sources = actors_for(heads, actors) or _resolved(heads, resolve)
    if not sources:
        return []
    rule = f"demand of {code}: {match.rule}"
    return [Coded(speaker, modality.DEMAND.apply(code), source, target, rule, "demanded")
            for source, target in _pairs(sources, obliged, speaker)]


def _pairs(sources: list[Actor], targets: list[Actor],
           trigger: Token) -> list[tuple[Actor | None, Actor | None]]:
    """Every source with every target. A compound with no target acts on itself when
    the act is mutual ("Gondor and Osgiliath renewed ties", "... met on Friday")."""
    if not targets and len(sources) > 1 and is_mutual(trigger):
        return [(s, t) for s in sources for t in sources if s.code != t.code]
    # "X was arrested": a passive with no 'by' phrase names only who it was done to.
    # An actor acting on itself ("France said it ...") has no target.
    pairs = {(s, None if t is not None and s is not None and t.code == s.code else t): None
             for s in (sources or [None]) for t in (targets or [None]) if t != s}
    return list(pairs)


TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "day", "week", "month",
              "year", "weekend", "night", "morning", "afternoon", "evening", "time"}
# Objects that make an act mutual between the members of a compound subject.
MUTUAL_OBJECTS = {"tie", "relation", "talk", "meeting", "agreement", "deal", "accord",
                  "negotiation", "cooperation", "dialogue", "treaty", "pact", "truce",
                  "ceasefire", "consultation", "partnership", "contact", "exchange"}


def is_mutual(trigger: Token) -> bool:
    """No object at all ("met", "clashed"), 'their ...', or a mutual noun ("ties")."""
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "attr", "dative"}]
    objects += [o for prep in trigger.children if prep.dep_ == "prep"
                and prep.lower_ in {"on", "to", "against", "for", "at"}
                for o in prep.children if o.dep_ == "pobj" and o.lower_ not in TIME_WORDS]
    if not objects:
        return True
    return any(o.lemma_.lower() in MUTUAL_OBJECTS
               or any(c.dep_ == "poss" and c.lower_ == "their" for c in o.children)
               for o in objects)


def _resolved(heads: list[Token], resolve) -> list[Actor]:
    if resolve is None:
        return []
    found = [resolve(part) for head in heads for part in conjuncts(head)]
    return [actor for actor in found if actor is not None][:2]


def _drop_restated(coded: list[Coded]) -> list[Coded]:
    """'China voiced its opposition to ...': a nominal event that is the object of the
    same actor's coded verb restates that verb's event, so only the verb's is kept."""
    by_trigger: dict[int, set[str]] = {}
    for item in coded:
        if item.source is not None and not _is_statement(item):
            by_trigger.setdefault(item.trigger.i, set()).add(item.source.code)
    return [item for item in coded
            if not (item.trigger.pos_ == "NOUN" and item.trigger.dep_ == "dobj"
                    and item.source is not None
                    and item.source.code in by_trigger.get(item.trigger.head.i, set()))]


def _drop_reporting(coded: list[Coded]) -> list[Coded]:
    """Leave out 'X said ...' when what X said is itself an event.

    spaCy attaches a reporting clause either above the reported event ("X said
    Y attacked Z") or below it ("Y attacked Z, officials said"); both count.
    """
    triggers = {c.trigger.i for c in coded}
    demanded = {c.trigger.i for c in coded if c.modality == "demanded"}
    return [item for item in coded
            if item.modality == "demanded"
            or not (_is_statement(item) and _reports_event(item.trigger, triggers, demanded))]


def _is_statement(item: Coded) -> bool:
    return item.code.startswith(STATEMENT_ROOT) or item.trigger.lemma_.lower() in SPEECH_VERBS


def _reports_event(trigger: Token, triggers: set[int], demanded: set[int]) -> bool:
    if trigger.i in demanded:
        return True
    if any(child.dep_ == "dobj" and child.i in triggers for child in trigger.children):
        return True  # "announced new assistance": the object is the event
    others = triggers - {trigger.i}
    for child in trigger.children:
        if child.dep_ in SPEECH_DEPS and any(t.i in others for t in child.subtree):
            return True
    return trigger.dep_ in SPEECH_DEPS | {"advcl"} and trigger.head.i in others


def root_event(coded: list[Coded]) -> Coded | None:
    """The sentence's main event: the one nearest the root of the parse."""
    if not coded:
        return None
    return min(coded, key=lambda c: (_depth(c.trigger), c.trigger.i))


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth
