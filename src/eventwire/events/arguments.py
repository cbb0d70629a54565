"""Who did it and to whom: the argument heads of an event trigger in the parse.

The functions return head tokens; the coder then looks for actor mentions in
the phrases those heads govern. Compounds ("China and Russia") are expanded
here, so each conjoined head gives its own event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.events.dates import TIME_WORDS

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
# Prepositions that introduce the other party of an event, most likely first; a
# place ("in Alaska") is the target only when nothing else is.
TARGET_PREPOSITIONS = ("with", "to", "against", "on", "at", "into", "toward", "towards",
                       "for", "from", "of", "upon", "in")
# Verbs whose object is also the subject of their complement ("urge X to ...").
# Verbs that make another do the act: "the ruling led France to accuse Italy", "forced
# Kenya to close its border". The act happened, and it is the object's.
CAUSATIVE_VERBS = frozenset({"lead", "force", "prompt", "cause", "compel", "drive", "spur",
                             "oblige"})
OBJECT_CONTROL = {"urge", "ask", "call", "press", "persuade", "force", "order", "tell",
                  "invite", "encourage", "allow", "pressure", "push", "request",
                  *CAUSATIVE_VERBS}
# Clauses under a noun phrase that belong to another event, not the phrase's actor.
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis"}


@dataclass
class Arguments:
    """The heads that may hold the source and the target of one trigger."""

    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    passive: bool = False
    how: list[str] = field(default_factory=list)


def conjuncts(head: Token) -> list[Token]:
    """The head and every phrase conjoined to it ("China and Russia").

    A list the parser misread counts too: an apposition or a noun modifier that
    carries a conjunction ("Mordor, the Shire, Fornost and Bree"; "Fornost and
    the awful Gondor" read as a modifier of "Gondor") is a list, not a title. So are
    conjoined modifiers ("French and German troops").
    """
    found = [head]
    # "Mordor, the Shire, and Gondor": an apposition before a conjunct is a list member
    last_conjunct = max((c.i for c in head.children if c.dep_ == "conj"), default=-1)
    for child in head.children:
        misread = child.dep_ in {"appos", "nmod", "compound", "amod"} and any(
            token.dep_ == "cc" for token in child.subtree) or (
            child.dep_ == "appos" and child.i < last_conjunct)
        if (child.dep_ == "conj" or misread) and child.pos_ in {"PROPN", "NOUN", "PRON", "ADJ"}:
            found.extend(conjuncts(child))
    return found


def is_infinitive(clause: Token) -> bool:
    """'(met Egypt) to discuss', 'signed an accord to supply Gondor': a 'to' clause."""
    return clause.dep_ in {"advcl", "xcomp"} and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in clause.children)


def relative_antecedent(token: Token) -> Token | None:
    """For 'that' in 'the draft that China vetoed', the noun 'draft'."""
    if token.lower_ not in RELATIVE_PRONOUNS:
        return None
    clause = token.head
    while clause.dep_ not in {"relcl", "acl"} and clause.head.i != clause.i:
        if clause.dep_ not in {"xcomp", "conj", "aux", "ccomp"}:
            return None
        clause = clause.head
    return clause.head if clause.dep_ in {"relcl", "acl"} else None


STANCE_PARTICIPLES = {"opposed", "committed", "dedicated", "devoted", "resigned",
                      "reconciled", "accustomed", "attached", "entitled"}


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def _agent_objects(verb: Token) -> list[Token]:
    """'by X' after a passive verb: X did it."""
    return [obj for agent in _children(verb, {"agent"}) for obj in _children(agent, {"pobj"})]


def subjects(verb: Token, petrarch: bool = False) -> tuple[list[Token], bool, str]:
    """The subject heads of a verb, whether it is passive, and how they were found.

    PETRARCH reads a passive with no 'by' phrase as active ("X was criticized over
    its dispute with Y" is X against Y), and a name before a verb as its subject.
    """
    passive = bool(_passive_subjects(verb)) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN") or _is_conjoined_passive(verb)
    if passive and _is_stance(verb):
        return _passive_subjects(verb), False, "stance-subject"
    if passive and petrarch and not _agent_objects(verb):
        found = _passive_subjects(verb)
        if found:
            return found, False, "passive-subject-as-actor"
    if passive:
        return _agent_objects(verb), True, "passive-agent"
    found = _children(verb, SUBJECT_DEPS) or (petrarch and [
        child for child in _children(verb, {"compound"})
        if child.i < verb.i and child.pos_ == "PROPN"]) or []
    if found:
        antecedent = relative_antecedent(found[0])
        return ([antecedent] if antecedent is not None else found), False, "subject"
    return _inherited_subject(verb), False, "inherited-subject"


def _passive_subjects(verb: Token) -> list[Token]:
    """The passive subjects, also when the parser hangs one on the auxiliary ("The
    Philippines was heavily and unjustly criticized": 'Philippines' under 'was')."""
    return _children(verb, PASSIVE_SUBJECT_DEPS) or [
        subject for aux in _children(verb, {"auxpass"}) for subject in _children(aux, SUBJECT_DEPS)]


def _is_conjoined_passive(verb: Token) -> bool:
    """'The civilians (were) held ... and were released by Putin': a conjoined passive
    shares the first verb's subject, which is what it was done to."""
    return verb.dep_ == "conj" and bool(_children(verb, {"auxpass"})) \
        and not _children(verb, SUBJECT_DEPS)


def _is_stance(verb: Token) -> bool:
    """'Israel is opposed to French mediation', 'is committed to the talks': a participle
    that says where the subject stands, not what was done to it."""
    return verb.lower_ in STANCE_PARTICIPLES and any(
        child.dep_ == "prep" and child.lower_ == "to" for child in verb.children)


def _inherited_subject(verb: Token) -> list[Token]:
    """A verb with no subject of its own takes it from the verb it hangs from."""
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "conj":
        if _passive_subjects(head) and not _is_conjoined_passive(verb):
            # "... has been indicted by the court and will resign": the indicted resigns
            return _passive_subjects(head)
        return subjects(head)[0]
    if verb.dep_ == "pcomp":
        return blamed(verb)  # "the Front is guilty of violating the ceasefire"
    if verb.dep_ == "xcomp" and _passive_subjects(head):
        return _passive_subjects(head)  # "Obama is scheduled to attend": Obama attends
    if verb.dep_ in {"xcomp", "advcl", "acomp"}:
        if head.dep_ == "acomp" and head.head.i != head.i:
            head = head.head  # "troops were able to capture": the subject of 'were'
        if head.lemma_.lower() in OBJECT_CONTROL:
            objects = _children(head, {"dobj"}) or [
                obj for prep in _children(head, {"prep"}) for obj in _children(prep, {"pobj"})]
            if objects:
                return objects[:1]
        return subjects(head)[0]
    return []


# Adjectives that lay an act on the subject: "X is guilty of violating", "responsible for".
BLAMING_ADJECTIVES = frozenset({"guilty", "responsible", "culpable", "accountable"})


def blamed(act: Token) -> list[Token]:
    """Who an act is laid on: 'The Front is guilty of violating the ceasefire', 'the
    cartel has been responsible for mass killings' (the act under 'of' or 'for')."""
    if act.dep_ not in {"pcomp", "pobj"}:  # checked first: this runs for every noun
        return []
    prep = act.head
    if prep.lower_ not in {"of", "for"}:
        return []
    adjective = prep.head
    if adjective.dep_ != "acomp" or adjective.lemma_.lower() not in BLAMING_ADJECTIVES:
        return []
    return _children(adjective.head, SUBJECT_DEPS)


def objects(verb: Token, passive: bool, petrarch: bool = False) -> tuple[list[Token], str]:
    """The heads that may hold the target, best first. PETRARCH does not take the
    subject of a clause before the verb ("X attacked Y, officials said")."""
    if passive:
        found = _passive_subjects(verb)
        if found:
            antecedent = relative_antecedent(found[0])
            return ([antecedent] if antecedent is not None else found), "passive-subject"
        if verb.dep_ == "acl":
            return [verb.head], "participle-head"
        if verb.dep_ == "conj":
            return _children(verb.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), "shared-subject"
    found = _children(verb, {"dative"}) + _children(verb, {"dobj"})
    heads: list[Token] = []
    for token in found:
        antecedent = relative_antecedent(token)
        heads.append(antecedent if antecedent is not None else token)
    heads.extend(prepositional_objects(verb))
    for particle in _children(verb, {"prt"}):
        heads.extend(prepositional_objects(particle))
    # "warned that Iran ...": the subject of what was said is who it was about.
    heads.extend(subject for clause in _children(verb, {"ccomp"})
                 if not (petrarch and clause.i < verb.i)
                 for subject in _children(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS))
    return heads or _shared_object(verb), "object"


def _shared_object(verb: Token) -> list[Token]:
    """'criticized and threatened Iran': the last conjoined verb's object is shared."""
    for conj in _children(verb, {"conj"}):
        if conj.pos_ in {"VERB", "AUX"} and not _children(conj, SUBJECT_DEPS):
            return _children(conj, {"dobj"})
    return []


def prepositional_objects(token: Token) -> list[Token]:
    preps = [p for p in _children(token, {"prep"}) if p.lower_ in TARGET_PREPOSITIONS]
    preps.sort(key=lambda p: TARGET_PREPOSITIONS.index(p.lower_))
    return [obj for prep in preps for obj in _children(prep, {"pobj", "pcomp"})]


def find_arguments(verb: Token, petrarch: bool = False) -> Arguments:
    """Source and target heads of a verbal trigger (PETRARCH's reading: ``petrarch``)."""
    source_heads, passive, how_source = subjects(verb, petrarch)
    target_heads, how_target = objects(verb, passive, petrarch)
    return Arguments(sources=source_heads, targets=target_heads, passive=passive,
                     how=[how_source, how_target])


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase under ``head``, leaving out its clauses."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS or child.dep_ in {"conj", "cc"}:
            continue
        tokens.extend(phrase_tokens(child))
    return tokens


# Children of a verb whose words belong to another clause, not to its own phrase.
OTHER_CLAUSE_DEPS = {"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "punct", "ccomp",
                     "parataxis", "advcl", "mark"}


def words_after(token: Token, with_complements: bool = False) -> list[Token]:
    """The words a pattern may ask for after the verb: its own phrase, not other clauses
    (PETRARCH reads into a complement clause: ``with_complements``), nor a phrase that
    says when. The 'for' of a for-to clause is the verb's own ('called for Britain to
    stay': CALL's '(FOR)')."""
    skip: set[int] = set()
    for child in token.children:
        other_verb = child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}
        other_clause = child.dep_ in OTHER_CLAUSE_DEPS and not (
            with_complements and child.dep_ == "ccomp")
        if other_clause or other_verb or is_time_phrase(child):
            skip.update(t.i for t in child.subtree if not _opens_for_to(t, child))
    return [t for t in token.subtree if t.i > token.i and t.i not in skip]


def _opens_for_to(token: Token, clause: Token) -> bool:
    return clause.dep_ == "advcl" and token.head.i == clause.i and token.dep_ == "mark" \
        and token.lower_ == "for"


def is_time_phrase(child: Token) -> bool:
    """'on Tuesday', 'in March', 'at night': a phrase that says when, not to whom or
    about what, so a pattern's 'ON' or 'IN' ('CALL ON', 'SUMMIT IN') does not read it."""
    if child.dep_ == "npadvmod":
        return child.lower_ in TIME_WORDS
    if child.dep_ != "prep":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    # by word, not entity type: the coder's pipeline runs no NER
    return bool(objects) and all(o.lower_ in TIME_WORDS for o in objects)
