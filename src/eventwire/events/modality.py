"""Whether an event happened: negation, hypotheticals and plans.

CAMEO and PLOVER code what actors did or said, not what they might do. The
rules here (documented in docs/CODING.md) decide, from the parse alone:

- a negated trigger gives no event of its kind ("did not attack");
- a conditional or speculative trigger gives no event ("could attack",
  "if Israel attacks");
- a future or planned action is recoded as an intent: cooperation becomes the
  matching "express intent" code (03x) and conflict the matching threat (13x),
  with ``modality = "future"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.events.arguments import is_infinitive

NEGATIONS = {"not", "n't", "never", "no"}
SPECULATIVE_MODALS = {"could", "might", "may", "would", "should", "must", "can", "ca"}
OBLIGATION_MODALS = {"must", "should"}
# Verbs that report speech: their complement is what was said.
SPEECH_VERBS = {"say", "tell", "report", "state", "add", "announce", "note", "claim",
                "declare", "write", "comment", "remark", "quote", "explain", "insist",
                "stress", "warn", "indicate"}
FUTURE_AUXILIARIES = {"will", "shall", "'ll", "wo"}
CONDITIONAL_MARKERS = {"if", "unless", "whether", "lest"}
# Clauses that date an event relative to another: their events are background,
# already reported on their own day, and their date is unknown here.
TIME_DISTANCE = {"ago", "later"}
HISTORICAL_PERIOD = "world war"  # "during World War Two", "after the Second World War"
BACKGROUND_MARKERS = {"after", "before", "since", "until", "when", "while", "as", "once"}
# Verbs whose complement is a plan, not an act ("plans to attack"). "Consider" and
# "mull" are not among them: an option weighed is CAMEO's 014, their own dictionary code.
PLANNING_VERBS = {"plan", "intend", "aim", "expect", "want", "hope", "prepare", "seek",
                  "vow", "schedule", "pledge", "promise", "threaten", "offer", "agree",
                  "propose", "wish", "need", "set", "ready",
                  "willing", "prepared", "poised", "due", "eager"}

# Verbs whose complement is an act that happened ("began shelling").
IMPLICATIVE_VERBS = {"begin", "start", "continue", "resume", "manage", "keep", "proceed",
                     "move", "rush", "hasten", "about", "decide", "try", "attempt"}
# Verbs whose complement was refused ("refused to talk" is a rejection).
REFUSAL_VERBS = {"refuse", "decline", "reject", "spurn", "rebuff"}
# Verbs that ask another actor to act ("urged Iran to withdraw").
APPEAL_VERBS = {"urge", "ask", "call", "press", "push", "request", "encourage", "persuade",
                "pressure", "want", "invite", "implore", "beg", "appeal", "exhort"}
@dataclass(frozen=True)
class Recoding:
    """How an act is recoded when it is refused, demanded, appealed for or planned.

    The longest matching code prefix in ``by_prefix`` wins ("0874" withdraw), then
    the root in ``by_root`` ("04" consult), then ``default`` (None: keep the code).
    """

    by_root: dict[str, str]
    by_prefix: dict[str, str] = field(default_factory=dict)
    default: str | None = None

    def apply(self, code: str) -> str | None:
        for length in range(len(code), 1, -1):
            if code[:length] in self.by_prefix:
                return self.by_prefix[code[:length]]
        return self.by_root.get(code[:2], self.default)


# The yielding acts (08x) in the order CAMEO numbers them again under intent (035x),
# appeal (025x), demand (105x) and refusal (124x); political reform (083x) likewise
# under 034x, 024x, 104x and 123x.
_YIELDS = {"081": "1", "082": "2", "084": "3", "085": "4", "086": "5", "087": "6"}
_REFORMS = {"083": "", "0831": "1", "0832": "2", "0833": "3", "0834": "4"}


def _yielding(yielding: str, reform: str) -> dict[str, str]:
    """'agreed to lift the sanctions' (085) → 0354: each yielding act's counterpart."""
    return {**{act: yielding + digit for act, digit in _YIELDS.items()},
            **{act: reform + digit for act, digit in _REFORMS.items()}}


# "urged Iran to withdraw": the CAMEO appeal for the act asked for (02x).
APPEAL = Recoding(
    by_root={"03": "020", "04": "026", "05": "022", "06": "021", "07": "023", "08": "025"},
    by_prefix={**_yielding("025", "024"), "045": "028"}, default="020")
# "said Israel must withdraw": the CAMEO demand for the act required (10x).
DEMAND = Recoding(
    by_root={"03": "100", "04": "106", "05": "102", "06": "101", "07": "103", "08": "105",
             "09": "100"},
    by_prefix={**_yielding("105", "104"), "045": "108"},
    default="100")
# "refused to talk": the CAMEO rejection of the act refused (12x).
REFUSAL = Recoding(
    by_root={"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124",
             "10": "123", "13": "120"},
    by_prefix={**_yielding("124", "123"), "036": "125", "046": "125"}, default="120")
# "will impose sanctions": announcing the planned act, as intent (03x) or threat (13x);
# verbal codes keep their code.
INTENT = Recoding(
    by_root={"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133",
             "15": "138", "16": "131", "17": "137", "18": "1383", "19": "138",
             "20": "1385"},
    by_prefix={**_yielding("035", "034"), "045": "039", "071": "0331",
               "072": "0332", "073": "0333", "074": "0334", "161": "1313",
               "163": "1312", "191": "1381", "192": "1382", "193": "1384", "194": "1384",
               "195": "1384"})

# "threatened to stop talks", "will withdraw unless ...": the act is held over the
# target, so it is a threat (13x) whatever its kind; conflict codes as for intent.
THREAT = Recoding(
    by_root={**{root: code for root, code in INTENT.by_root.items() if root >= "14"},
             "04": "134"},
    by_prefix={**{prefix: code for prefix, code in INTENT.by_prefix.items()
                  if prefix >= "14"}, "045": "135"},
    default="130")
THREAT_VERBS = {"threaten", "warn"}


def _aux_words(verb: Token) -> set[str]:
    return {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass", "neg"}}


def is_purpose(verb: Token) -> bool:
    """'(met Egypt) to discuss a ceasefire': an infinitive clause of purpose."""
    return verb.dep_ == "advcl" and verb.head.i != verb.i and is_infinitive(verb)


def is_negated(verb: Token) -> bool:
    """'did not attack', 'never met'; a purpose shares its verb's negation."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
    return is_purpose(verb) and is_negated(verb.head)


def is_reported(verb: Token) -> bool:
    """The clause is what someone said: 'X said (that) Y would meet Z'."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS


def is_obligation(verb: Token) -> bool:
    """'X said Y must withdraw': reported with must/should, i.e. a demand made of Y."""
    return obliged_clause(verb) is not None


def obliged_clause(verb: Token) -> Token | None:
    """The reported clause that carries must/should for ``verb``: the verb itself, or
    the clause it completes ('said the US must be ready to mediate')."""
    clause = verb
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
    if is_reported(clause) and _aux_words(clause) & OBLIGATION_MODALS:
        return clause
    return None


def is_speculative(verb: Token) -> bool:
    """A modal of possibility, or a condition on the clause or on what governs it.

    In reported speech 'would' is the past of 'will' ("said it would allow"), and
    'must/should' make a demand (``is_obligation``), so neither is speculative there.
    """
    modals = _aux_words(verb) & SPECULATIVE_MODALS
    if is_reported(verb):
        modals -= {"would"} | OBLIGATION_MODALS
    if modals:
        return True
    clause = verb
    while True:
        if any(child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKERS
               for child in clause.children):
            return True
        if not (clause.dep_ in {"conj", "xcomp"} or is_purpose(clause)) \
                or clause.head.i == clause.i:
            return False
        clause = clause.head


def is_historical(verb: Token) -> bool:
    """'... imposed six months ago', 'two years later ...', '... during World War Two':
    the clause dates an old event (a bare 'later' is only 'afterwards')."""
    return any(child.lower_ in TIME_DISTANCE and any(child.children)
               for child in verb.children if child.dep_ in {"advmod", "npadvmod"}) or any(
        _names_period(obj) for prep in verb.children if prep.dep_ == "prep"
        for obj in prep.children if obj.dep_ == "pobj")


def _names_period(noun: Token) -> bool:
    """'(during) World War Two', 'the Second World War', 'World War II': the phrase the
    preposition takes is the period itself, not something in it ('apologized for crimes
    committed during World War II' is news)."""
    words = " ".join(t.lower_ for t in noun.subtree)
    return HISTORICAL_PERIOD in words and noun.lower_ in {"war", "ii", "i", "one", "two"}


def is_descriptive(verb: Token) -> bool:
    """'the curfew imposed after the coup': a participle describing a noun, not news;
    but 'there were ten soldiers killed' reports the killing."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    noun = verb.head
    existential = noun.dep_ == "attr" and any(
        child.dep_ == "expl" for child in noun.head.children)
    return not existential


def is_background(verb: Token) -> bool:
    """'... after crowds burned its embassy': a time clause under another verb. Under
    PETRARCH's semantics it is dropped when another event is coded beside it
    (``drop_background``); eventwire keeps it (``keep_background``)."""
    return verb.dep_ == "advcl" and any(
        child.dep_ == "mark" and child.lower_ in BACKGROUND_MARKERS for child in verb.children)


# Who or what a participle's act has: a bare 'as planned' has none.
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "dobj", "dative", "attr"})


def is_set_phrase(verb: Token) -> bool:
    """'will go ahead as planned', 'as agreed', 'as expected': a bare participle after
    'as' says how, and reports no act of its own."""
    if verb.tag_ != "VBN":
        return False
    marked = any(c.dep_ == "mark" and c.lower_ in {"as", "than"} for c in verb.children)
    return marked and not any(c.dep_ in PARTICIPANT_DEPS for c in verb.children)


def is_threat(verb: Token) -> bool:
    """'threatened to stop talks', 'warned it would expel', 'will withdraw unless ...'."""
    head = verb.head
    if head.i != verb.i and verb.dep_ in {"xcomp", "ccomp"} \
            and head.lemma_.lower() in THREAT_VERBS:
        return True
    return is_future(verb) and any(
        clause.dep_ == "advcl" and any(mark.dep_ == "mark" and mark.lower_ == "unless"
                                       for mark in clause.children)
        for clause in verb.children)


def is_future(verb: Token) -> bool:
    """'will attack', 'is to meet', 'is going to', or the complement of a plan."""
    aux = _aux_words(verb)
    if aux & FUTURE_AUXILIARIES or ("would" in aux and is_reported(verb)):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        if head.lemma_.lower() == "go" and head.tag_ == "VBG":
            return True
        if head.lemma_.lower() == "be" or head.lemma_.lower() in PLANNING_VERBS:
            return True
    if verb.dep_ == "conj" and head.i != verb.i:
        return is_future(head)
    return is_purpose(verb) and is_future(head)


# Verbs of wanting, offering and readiness: what follows them is an intent under either
# convention ("offered to mediate" is CAMEO's 039, not mediation).
DESIRE_VERBS = {"want", "seek", "hope", "wish", "intend", "plan", "aim", "eager", "need",
                "offer", "propose", "willing", "ready"}


def is_announced_act(verb: Token) -> bool:
    """'will supply arms', 'is scheduled to attend', 'agreed to lift': a future act
    announced as settled, which PETRARCH-2 codes as the act; 'wants to help', 'plans
    to attack', 'offered to mediate' and 'said it would free' stay intents."""
    if _aux_words(verb) & FUTURE_AUXILIARIES:
        return True
    head = verb.head
    if head.i == verb.i:
        return False
    if verb.dep_ == "xcomp":
        return head.lemma_.lower() not in DESIRE_VERBS and is_future(verb)
    if verb.dep_ == "conj" or is_purpose(verb):
        return is_announced_act(head)
    return False


def refuses(verb: Token) -> bool:
    """'will not accept', 'would not meet': a negated future is a refusal."""
    aux = _aux_words(verb)
    return is_negated(verb) and bool(aux & (FUTURE_AUXILIARIES | {"would"}))
