"""Coding the events of one parsed sentence.

Input: the sentence's Doc (tagged and parsed) and the actors already found in
it. Output: one ``Coded`` per (source, target, trigger), before the ontology
turns it into an ``Event``. Each step is a small function over the parse so
that it can be tested alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from eventwire.events import conventions, modality, nominal
from eventwire.events.arguments import (
    blamed,
    find_arguments,
    is_infinitive,
    is_time_phrase,
    phrase_tokens,
    prepositional_objects,
    words_after,
)
from eventwire.events.characterization import characterization_code
from eventwire.events.claims import read_claims
from eventwire.events.force import (
    as_force,
    as_riot,
    attackers,
    is_force,
    placed_weapon,
    subject_attackers,
    unidentified_in,
)
from eventwire.events.goods import given_code
from eventwire.events.participants import (
    actors_for,
    first_actor_in_phrase,
    is_weak,
    pairs,
    places_of_act,
    resolved,
    verb_participants,
)
from eventwire.events.patterns import CodeMatch, PatternMatcher, Seen, seen_words
from eventwire.events.petrarch_mode import is_regular_form, keeps_dyad, marked, placed_actors
from eventwire.events.recipients import with_recipients
from eventwire.events.records import Actor, Coded, CodingRules, VerbLexicon
from eventwire.events.selection import (
    STATEMENT_ROOT,
    drop_consequences,
    drop_reporting,
    drop_restated,
)

ALL_RULES = CodingRules()
# "agree with X that ...": a shared opinion is a statement (010), not cooperation.
OPINION_VERBS = frozenset({"agree", "concur"})
AGREE_ROOT = "03"
OPINION_CODE = "010"
BACKGROUND = "background"
THREAT_ROOT = "13"
AID_ROOT = "07"
# An act announced for the future and coded as the act (CodingRules.plans_as_acts).
ANNOUNCED = "announced"
# An asking verb's pattern that gives only this says less than the act asked for.
GENERAL_APPEAL = "020"


def trigger_entries(token: Token, lexicon: VerbLexicon, nouns: bool = True,
                    petrarch: bool = False) -> list:
    """Dictionary verbs this token can be, with multi-word verbs checked against the parse.

    PETRARCH looks a verb up by the word as written first, so that a block listing
    the form ("LEFT [032:033]") wins over the lemma's ("LEAVE"), and takes only
    regular or listed forms.
    """
    if nouns and nominal.is_candidate(token):
        return nominal.verb_entries(token, lexicon)
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() == "be" or _is_going_to(token):
        return []
    lemma = token.lemma_.lower()
    if petrarch:
        entries = [e for e in (token.lower_ != lemma and lexicon.candidates(token.lower_)
                               or lexicon.candidates(lemma))
                   if is_regular_form(token, e.lemma, set(e.form_heads()))]
    else:
        entries = lexicon.candidates(lemma) or lexicon.candidates(token.lower_)
    particles = _particles(token)
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    fitting = [e for e in entries
               if not e.particles or all(p in particles or p == following for p in e.particles)]
    with_particles = [e for e in fitting if e.particles]
    return with_particles or fitting


def code_trigger(token: Token, lexicon: VerbLexicon, patterns: PatternMatcher,
                 words: list[Seen], rules: CodingRules = ALL_RULES,
                 actors: Sequence[Actor] = ()) -> CodeMatch | None:
    """The code for a token, if it is a trigger; ``words`` are the sentence's.

    eventwire's own readings come first when ``rules.senses`` is on: a noun with its
    own sense ('hunger strike') and a stopped cooperative act ('suspended aid'); goods
    given ('sent medicine') say which aid, unless a pattern already gives one.
    """
    if rules.senses:
        own = _own_reading(token, rules.nominal)
        if own is not None:
            return own
    entries = trigger_entries(token, lexicon, rules.nominal, rules.petrarch)
    if not entries:
        return _goods(token, None) if rules.senses else None
    following = words_after(token, rules.petrarch)
    after = [words[t.i] for t in following]
    if not rules.petrarch:
        # "Evidence against Russia was presented": a passive's subject is its object.
        after = [words[t.i] for t in _passive_object(token)] + after
        match = patterns.best(entries, words[: token.i], after)
        return _goods(token, match) if rules.senses else match
    return patterns.best(entries, words[: token.i], after, exact=True,
                         actors=placed_actors(token, actors, following))


def _particles(verb: Token) -> set[str]:
    """The words that may complete a multi-word verb: its particles and prepositions, not
    a time phrase ('called Merkel on Tuesday' is no 'call on'), and the 'for' of a
    for-to clause ('called on Friday for Britain to stay' is 'call for')."""
    found = {child.lower_ for child in verb.children
             if child.dep_ in {"prt", "prep"} and not is_time_phrase(child)}
    found.update(mark.lower_ for clause in verb.children if clause.dep_ == "advcl"
                 for mark in clause.children if mark.dep_ == "mark" and mark.lower_ == "for")
    return found


def _passive_object(verb: Token) -> list[Token]:
    """The words of a passive verb's subject, which is what the act was done to. A
    passive conjoined without a subject of its own shares its head's ('the civilians
    imprisoned ... were released': the parser may take 'imprisoned' for the verb)."""
    subjects = [child for child in verb.children if child.dep_ == "nsubjpass"]
    if not subjects and verb.dep_ == "conj" and _is_passive(verb):
        subjects = [child for child in verb.head.children
                    if child.dep_ in {"nsubj", "nsubjpass"}]
    return sorted((t for child in subjects if child.i < verb.i
                   for t in phrase_tokens(child)), key=lambda t: t.i)


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in verb.children)


def _own_reading(token: Token, nouns: bool) -> CodeMatch | None:
    sense = nominal.noun_sense(token) if nouns and token.pos_ == "NOUN" else None
    if sense is not None and nominal.is_candidate(token):
        return CodeMatch(sense, None, f"noun sense: {token.lemma_.lower()} [{sense}]", 1)
    stopped = nominal.stopped_code(token)
    if stopped is not None:
        return CodeMatch(stopped, None, f"stop rule: {token.lemma_.lower()} [{stopped}]", 1)
    judged = characterization_code(token)
    if judged is not None:
        return CodeMatch(judged, None,
                         f"characterization: {token.lemma_.lower()} X Y [{judged}]", 1)
    return None


def _goods(verb: Token, match: CodeMatch | None) -> CodeMatch | None:
    """'sent medicine to Iran': the aid the goods make, where no pattern gave an aid code."""
    given = given_code(verb)
    if given is None or (match is not None and (match.code or "").startswith(AID_ROOT)):
        return match
    return CodeMatch(given, None, f"goods rule: {verb.lemma_.lower()} [{given}]", 1)


def judge_modality(token: Token, code: str, negation_coded: bool = False,
                   rules: CodingRules = ALL_RULES) -> tuple[str | None, str | None]:
    """The code to keep (None drops the event) and why it is not plain fact.

    ``negation_coded``: the dictionary pattern itself asked for the negation
    ("- &NEGATVAUXVRB * OVER EFFORTS"), so its code already says what it means.
    """
    if not rules.modality:
        return code, None
    if negation_coded:
        return code, "negated"
    if modality.refuses(token) and not rules.petrarch:
        return modality.REFUSAL.apply(code), "refusal"
    if modality.is_negated(token):
        return None, "negated"
    if modality.is_speculative(token):
        return None, "hypothetical"
    if modality.is_descriptive(token) or modality.is_historical(token):
        return None, "background"
    if modality.is_set_phrase(token):
        return None, "set phrase"
    if modality.is_background(token):
        return code, BACKGROUND
    if rules.petrarch:  # PETRARCH codes threats, plans and refusals as what is said
        return code, None
    if modality.is_threat(token):
        return (code if code.startswith(THREAT_ROOT) else modality.THREAT.apply(code)), "threat"
    if modality.is_future(token):
        if rules.plans_as_acts and modality.is_announced_act(token):
            return code, ANNOUNCED
        intent = modality.INTENT.apply(code)
        return (intent or code), "future"
    return code, None


def complement_role(token: Token, coded_heads: set[int], petrarch: bool = False) -> str:
    """How an infinitive complement's event counts: 'own', 'refused', 'planned' or 'none'.

    'refused to talk' is a rejection and 'plans to impose sanctions' a planned
    act: both are coded from the complement, which says more than the governing
    verb. 'began to shell' and 'tried to hack' are acts (an attempt is coded as
    the act, as CAMEO codes attempted attacks); after other coded verbs ('accused X
    of planning to ...') the complement belongs to the head's event; 'wanted to
    meet' is a plan.
    """
    governor = token.head
    lemma = governor.lemma_.lower()
    if lemma in modality.APPEAL_VERBS and governor.i != token.i and is_infinitive(token) \
            and _is_passive(governor) and not petrarch:
        return "none"  # 'Obama was pressured by Congress to help Iran': Obama was asked
    if lemma in modality.APPEAL_VERBS and _asks_someone_else(token) and not petrarch:
        return "appealed"
    if token.dep_ != "xcomp":
        return "own"
    if lemma in modality.REFUSAL_VERBS:
        return "refused"
    if lemma in modality.PLANNING_VERBS or lemma == "be" or _is_going_to(governor):
        return "planned"
    if lemma in modality.IMPLICATIVE_VERBS:
        return "own"
    # PETRARCH codes a complement on its own when the verb above it is no event.
    return "own" if petrarch and governor.i not in coded_heads else "none"


def _asks_someone_else(clause: Token) -> bool:
    """'urged Iran to withdraw', 'wants Putin to attack': the act is asked of another."""
    if clause.dep_ == "ccomp":
        return any(child.dep_ in {"nsubj", "nsubjpass"} for child in clause.children)
    # "pushed Serbia to extradite": the parser may hang the infinitive as an adverbial
    infinitive = clause.dep_ == "xcomp" or (clause.dep_ == "advcl" and is_infinitive(clause))
    return infinitive and any(child.dep_ in {"dobj", "prep"} for child in clause.head.children)


def _is_going_to(token: Token) -> bool:
    return token.lemma_.lower() == "go" and token.tag_ == "VBG" and any(
        child.dep_ == "xcomp" for child in token.children)


def code_sentence(doc: Doc, actors: Sequence[Actor], lexicon: VerbLexicon,
                  patterns: PatternMatcher,
                  resolve: Callable[[Token], Actor | None] | None = None,
                  rules: CodingRules = ALL_RULES) -> list[Coded]:
    """Every event in a parsed sentence."""
    words = seen_words(doc)
    matches: dict[int, CodeMatch] = {}
    # A noun that names an actor ("the government", "truce monitors") is no event noun.
    named = {i for actor in actors for i in range(actor.start, actor.end)}
    for token in doc:
        if token.pos_ == "NOUN" and token.i in named:
            continue
        match = code_trigger(token, lexicon, patterns, words, rules, actors)
        if match is not None and (match.code or match.pair_code):
            matches[token.i] = match
    _refused_complements(doc, matches)
    if rules.modality and not rules.petrarch:
        _refused_futures(doc, matches)
        _obliged_acts(doc, matches)
    by_trigger: dict[int, list[Coded]] = {}
    superseded: set[int] = set()
    for index, match in matches.items():
        token = doc[index]
        role = complement_role(token, set(matches), rules.petrarch)
        governing = matches.get(token.head.i)
        if role == "appealed" and governing is not None and governing.specificity > 0 \
                and governing.code != GENERAL_APPEAL:
            role = "none"  # a pattern of the asking verb already says what was asked
        if _is_purpose(token, governing):
            role = "purpose"
        if role == "none":
            continue
        events = _events_of(token, match, actors, resolve, rules)
        if role != "own":  # 'refused to talk with Hamas': Hamas refused nothing
            events = [item for item in events if not item.reciprocal]
        if role == "purpose":
            events = _with_governor_target(token, events, actors)
        if role == "refused":
            events = [_refusal(token.head, item, rules) for item in events]
        if role == "appealed":
            events = _appeal(token, match, actors, resolve, rules)
        by_trigger[index] = [item for item in events if item is not None]
        if by_trigger[index] and (role in {"refused", "planned", "appealed", "purpose"}
                                  or _is_carried_out(token)):
            superseded.add(token.head.i)
    if rules.modality and not rules.petrarch:
        by_trigger = read_claims(by_trigger, doc, actors, rules.own_acts_as_claims)
    coded = [item for index, items in by_trigger.items() if index not in superseded
             for item in items]
    if rules.petrarch2_codes:
        coded = [conventions.as_printed(item) for item in coded]
    if rules.recipients:
        coded = with_recipients(coded, actors)
    if rules.petrarch:
        coded = [item for item in coded if keeps_dyad(item, rules.require_dyad)]
        return drop_restated(drop_background(coded))
    return drop_reporting(drop_consequences(drop_restated(keep_background(coded))))


def drop_background(coded: list[Coded]) -> list[Coded]:
    """'Israel attacked Gaza after Hamas fired rockets': the time clause dates an earlier
    event, reported on its own day, so it goes. In a sentence with no other event ('the
    release came as Israel announced ...') the clause is the news and stays."""
    if any(item.modality != BACKGROUND for item in coded):
        return [item for item in coded if item.modality != BACKGROUND]
    return keep_background(coded)


def keep_background(coded: list[Coded]) -> list[Coded]:
    """'The talks came a day after aircraft struck Rafah': eventwire codes the earlier
    act a time clause reports too, as a plain event (PETRARCH drops it beside another
    event, ``drop_background``). Analysts count every reported act; leaving these out
    lost one wire-story event in twenty."""
    return [dataclasses.replace(item, modality=None) if item.modality == BACKGROUND else item
            for item in coded]


def _is_carried_out(token: Token) -> bool:
    """'decided to ease the curfew', 'began shelling': the complement is the act itself,
    so the governing verb's own code ("decide" 030) says less than it."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in modality.IMPLICATIVE_VERBS


def _is_purpose(token: Token, governing: CodeMatch | None) -> bool:
    """'summoned the ambassador to complain', 'sent experts to investigate': the purpose
    of a meeting, visit or dispatch (a 04 code) is what the event is about."""
    if not is_infinitive(token) or governing is None or not governing.code:
        return False
    governor = token.head
    if modality.is_negated(governor) or modality.is_speculative(governor):
        return False  # "did not meet to discuss": nothing happened to have a purpose
    return governing.code.startswith("04")


def _with_governor_target(token: Token, events: list[Coded],
                          actors: Sequence[Actor]) -> list[Coded]:
    """The purpose's other party is the one met, summoned or visited, when there is one."""
    targets = actors_for(find_arguments(token.head).targets, actors)
    if not targets:
        return events
    return [Coded(item.trigger, item.code, item.source, target, item.rule, item.modality,
                  item.notes)
            for item in events for target in targets if target != item.source]


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


def _obliged_acts(doc: Doc, matches: dict[int, CodeMatch]) -> None:
    """'X declared that China must drop barriers': a reported obligation is a demand
    (100) even when the dictionary does not know what is demanded."""
    for token in doc:
        if token.i not in matches and token.pos_ == "VERB" and modality.is_obligation(token):
            matches[token.i] = CodeMatch("100", None, f"demand rule: must {token.lemma_}", 0)


def _refusal(governor: Token, item: Coded, rules: CodingRules) -> Coded | None:
    """'refused to talk': the refusal, coded by what was refused, on the refusing verb.
    Declining to say something ('declined to comment') is no event, as saying is none."""
    if item.code.startswith(STATEMENT_ROOT):
        return None
    code, mode = judge_modality(governor, modality.REFUSAL.apply(item.code), rules=rules)
    if code is None:
        return None
    return Coded(governor, code, item.source, item.target,
                 f"{conventions.REFUSAL_RULE} {item.code}: {item.rule}", mode, item.notes)


def _events_of(token: Token, match: CodeMatch, actors: Sequence[Actor],
               resolve: Callable[[Token], Actor | None] | None,
               rules: CodingRules) -> list[Coded]:
    if token.pos_ == "NOUN":
        return _nominal_events(token, match, actors, resolve, rules)
    arguments, sources, targets = verb_participants(token, actors, resolve, rules.petrarch)
    if arguments.passive and match.code and is_force(match.code):
        if placed_weapon(token, sources):
            sources = unidentified_in(sources)
        elif not sources:
            sources = attackers(token, actors)
            targets = [t for t in targets if t not in sources] or targets
    elif not sources and match.code and is_force(match.code):
        sources = [s for s in subject_attackers(token, arguments.sources, actors)
                   if s not in targets]
    if rules.place_as_agent and arguments.passive and not sources:
        taken = {(t.start, t.end) for t in targets}
        sources = [s for s in places_of_act(token, actors) if (s.start, s.end) not in taken]
    if rules.petrarch:
        sources, targets = marked(token, match, sources, targets, actors)
    else:
        match = as_riot(as_force(match, sources), arguments.sources)
    code, pair = match.code, match.pair_code
    if not code and pair:
        code, sources, targets = pair, targets, sources
    if code and modality.is_obligation(token) and not rules.petrarch:
        return _demand(token, code, sources, match, actors, resolve)
    if not code or not (sources or (arguments.passive and targets)):
        return []
    code, mode = judge_modality(token, code, match.negated, rules)
    if code is None:
        return []
    rule = match.rule
    if not rules.petrarch and _shares_opinion(token, code):
        code, rule = OPINION_CODE, f"{rule}; agreement of opinion"
    found = [Coded(token, code, source, target, rule, mode, arguments.how)
             for source, target in pairs(sources, targets, token)]
    if match.code and pair:  # "[043:042]": the target's act back, in the same mood
        back, _ = (pair, mode) if rules.petrarch else judge_modality(token, pair,
                                                                      match.negated, rules)
        if not rules.petrarch and is_inferred_protest(match.code, pair):
            back = None
        found += _acts_back(token, back, sources, targets, match.rule, mode, arguments.how)
    return found


PROTEST_ROOT = "14"


def is_inferred_protest(code: str, back: str) -> bool:
    """'Police arrested 12 protesters' ('* PROTESTERS [175:140]'): the dictionary infers
    the protest from the word for the people arrested, but being arrested, dispersed or
    shot is no protest by them. A protest is coded only where it is reported."""
    return back.startswith(PROTEST_ROOT) and not code.startswith(PROTEST_ROOT)


def _acts_back(trigger: Token, code: str | None, sources: list[Actor], targets: list[Actor],
               rule: str, mode: str | None, notes: list[str]) -> list[Coded]:
    """The reciprocal events of a pair code: each target acting back on its source."""
    if code is None:
        return []
    return [Coded(trigger, code, target, source, f"{rule} (pair)", mode, notes,
                  reciprocal=True)
            for source, target in pairs(sources, targets, trigger)
            if source is not None and target is not None]


def _nominal_events(noun: Token, match: CodeMatch, actors: Sequence[Actor],
                    resolve, rules: CodingRules) -> list[Coded]:
    """'Israel's attack on Gaza': coded only when both sides are actors. After a light
    verb ('the EU announced assistance to Somalia') the verb's subject is the doer.
    A noun that only names a statement ('declared a state of emergency') is no event."""
    if not match.code or match.code.startswith(STATEMENT_ROOT):
        return []
    verb = nominal.light_verb(noun)
    sources = _actors_of(nominal.doer_heads(noun), actors, resolve)
    if verb is not None and all(is_weak(actor) for actor in sources):
        # "a general strike", "pledged military aid": the modifier is no doer
        sources = _actors_of(find_arguments(verb).sources, actors, resolve) or sources
    other = nominal.other_heads(noun) + (_verb_others(verb, noun) if verb else [])
    targets = [t for t in actors_for(other, actors) if t not in sources]
    if not targets and verb is not None:  # "extended the curfew in Abidjan"
        targets = first_actor_in_phrase(verb, actors, sources)
    # "the LRA is responsible for mass killings": an act laid on someone needs no target
    if not (match.code and sources and (targets or verb is not None or blamed(noun))):
        return []
    match = as_force(match, sources)
    rule = f"nominal {noun.lemma_}: {match.rule}"
    code, mode = _nominal_mood(verb, match.code, rules)
    if code is None:
        return []
    found = [Coded(noun, code, source, target, rule, mode, ["nominal"])
             for source, target in pairs(sources, targets, noun)]
    if match.pair_code:  # "held talks with Suleiman" [046:046]: his talks back
        back = _nominal_mood(verb, match.pair_code, rules)[0]
        found += _acts_back(noun, back, sources, targets, rule, mode, ["nominal"])
    return found


def _shares_opinion(verb: Token, code: str) -> bool:
    """'Agreed with the Senate that Canadians should be entitled ...', 'officials say
    they agree with the NCAA': agreeing that something is so, or agreeing with someone
    now, is a statement of opinion, not an intent to cooperate (03x). Agreeing to or
    on something ('agree to a truce', 'agree on a deal') still is."""
    if not (code.startswith(AGREE_ROOT) and verb.lemma_.lower() in OPINION_VERBS):
        return False
    preps = {child.lower_: child for child in verb.children if child.dep_ == "prep"}
    with_ = preps.get("with")
    if any(child.dep_ == "ccomp" for child in verb.children) or (with_ is not None and any(
            word.dep_ in {"ccomp", "pcomp"} for word in with_.subtree)):
        return True
    committed = "on" in preps or "to" in preps or any(
        child.dep_ in {"xcomp", "dobj"} for child in verb.children)
    return with_ is not None and verb.tag_ in {"VBP", "VBZ"} and not committed


def _nominal_mood(verb: Token | None, code: str, rules: CodingRules
                  ) -> tuple[str | None, str | None]:
    """A noun's code as its light verb frames it: 'offered talks' is an intent."""
    if verb is None:
        return code, None
    code, mode = judge_modality(verb, code, rules=rules)
    if code is not None and nominal.is_promise(verb) and mode is None:
        code, mode = modality.INTENT.apply(code) or code, "offered"
    return code, mode


def _verb_others(verb: Token, noun: Token) -> list[Token]:
    """'gave Tanzania a grant', 'announced aid to Somalia': the light verb's other party."""
    return [t for t in find_arguments(verb).targets if t.i != noun.i] + \
        prepositional_objects(verb)


def _actors_of(heads: list[Token], actors: Sequence[Actor], resolve) -> list[Actor]:
    return actors_for(heads, actors) or resolved(heads, resolve)


def _appeal(token: Token, match: CodeMatch, actors: Sequence[Actor], resolve,
            rules: CodingRules) -> list[Coded]:
    """'X urged Y to withdraw': X appeals to Y for what Y is asked to do."""
    if not match.code:
        return []
    asked = actors_for(find_arguments(token).sources, actors)
    governor = token.head
    heads = find_arguments(governor).sources
    sources = actors_for(heads, actors) or resolved(heads, resolve)
    code, mode = judge_modality(governor, _appeal_code(governor, match.code, rules),
                                rules=rules)
    if code is None:
        return []
    rule = f"appeal for {match.code}: {match.rule}"
    return [Coded(governor, code, source, target, rule, mode or "appealed")
            for source, target in pairs(sources, asked, governor)]


def _appeal_code(governor: Token, asked: str, rules: CodingRules) -> str | None:
    if rules.petrarch2_codes and asked.startswith(conventions.FORCE_ROOT) \
            and governor.lemma_.lower() in conventions.FORCE_APPEAL_VERBS:
        return conventions.APPEAL_FOR_FORCE
    return modality.APPEAL.apply(asked)


def _demand(token: Token, code: str, obliged: list[Actor], match: CodeMatch,
            actors: Sequence[Actor], resolve) -> list[Coded]:
    """'X said Y must withdraw': X demands of Y what Y must do."""
    speaker = (modality.obliged_clause(token) or token).head
    heads = find_arguments(speaker).sources
    sources = actors_for(heads, actors) or resolved(heads, resolve)
    if not sources:
        return []
    rule = f"demand of {code}: {match.rule}"
    return [Coded(speaker, modality.DEMAND.apply(code), source, target, rule, "demanded")
            for source, target in pairs(sources, obliged, speaker)]


MUTUAL_OBJECTS = {"tie", "relation", "talk", "meeting", "agreement", "deal", "accord",
                  "negotiation", "cooperation", "dialogue", "treaty", "pact", "truce",
                  "ceasefire", "consultation", "partnership", "contact", "exchange"}


