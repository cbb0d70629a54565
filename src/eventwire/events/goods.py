"""Goods handed over: what a transfer verb gives says which aid it is.

CAMEO codes giving by what is given: food or medicine is humanitarian aid (073),
money economic aid (071), arms military aid (072). The verb dictionary knows some
pairs ("provided food", "shipped medical supplies") but not others: "handed over"
is missing, "sent medicine" is no event, "gave blankets" falls to the verb's 060 and
"airlifted food" to a trip pattern (036). A transfer verb whose object names such
goods is coded by the goods (docs/CODING.md). People sent to heal or rescue
("sent 50 doctors", "dispatched rescue workers") are humanitarian aid too.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.currency import CURRENCY_WORDS, names_money

# Verbs that move goods from one party to another.
TRANSFER_VERBS = frozenset({"give", "hand", "deliver", "send", "ship", "airlift", "airdrop",
                            "donate", "provide", "supply", "distribute", "dispatch", "bring",
                            "fly", "truck", "transfer", "channel", "pledge"})
ECONOMIC = "071"
HUMANITARIAN = "073"
MILITARY = "072"
# Currencies, less the pound, which aid stories weigh food in ("500 pounds of rice").
MONEY_WORDS = CURRENCY_WORDS - {"pound", "pounds"}
# "gave $10 million to Haiti": an amount is money when its words name a currency.
AMOUNT_WORDS = frozenset({"thousand", "million", "billion", "trillion", "m", "bn"})
# The goods, by the aid they are.
GOODS = {
    **dict.fromkeys(("food", "foodstuff", "medicine", "medication", "vaccine", "blanket",
                     "tent", "grain", "flour", "rice", "wheat", "relief", "clothing",
                     "shelter", "ration", "provision"), HUMANITARIAN),
    **dict.fromkeys(("money", "fund", "cash", "loan", "grant", *MONEY_WORDS), ECONOMIC),
    **dict.fromkeys(("weapon", "arm", "ammunition", "munition", "rifle", "missile"),
                    MILITARY),
    **dict.fromkeys(("doctor", "physician", "surgeon", "nurse", "medic", "paramedic",
                     "rescuer"), HUMANITARIAN),
}
# "The rebels handed over their weapons": arms handed over, or one's own, are laid down.
SURRENDERING_VERBS = frozenset({"hand", "bring", "transfer"})
# "medical supplies", "humanitarian supplies": supplies are what their modifier says.
SUPPLY_NOUNS = frozenset({"supply", "equipment", "good", "item", "kit", "consignment",
                          "shipment", "cargo"})
SUPPLY_KINDS = {"medical": HUMANITARIAN, "humanitarian": HUMANITARIAN, "relief": HUMANITARIAN,
                "food": HUMANITARIAN, "emergency": HUMANITARIAN, "military": MILITARY}
# "a medical team", "rescue workers": people are aid by what they are sent to do; a
# military team may be a deployment (154), so it is left to the patterns.
STAFF_NOUNS = frozenset({"team", "worker", "expert", "personnel", "staff", "volunteer",
                         "specialist", "crew", "unit", "mission"})
STAFF_KINDS = dict.fromkeys(("medical", "humanitarian", "relief", "rescue", "aid", "health"),
                            HUMANITARIAN)


def given_code(verb: Token) -> str | None:
    """'handed over medicine to Iran' → 073: the aid the given goods make, if named."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in TRANSFER_VERBS:
        return None
    for thing in _given(verb):
        code = _goods_code(thing)
        if code == MILITARY and (verb.lemma_.lower() in SURRENDERING_VERBS
                                 or any(c.dep_ == "poss" for c in thing.children)):
            return None
        if code is not None:
            return code
    return None


def _given(verb: Token) -> list[Token]:
    """The object, or a passive's subject ('medicine was sent to Iran'); with a list of
    quantities, what they are of ('700 kg of medicine')."""
    found = [child for child in verb.children if child.dep_ in {"dobj", "nsubjpass"}]
    for thing in list(found):
        found += [obj for link in thing.children if link.dep_ == "prep" and link.lower_ == "of"
                  for obj in link.children if obj.dep_ == "pobj"]
        found += [part for part in thing.children if part.dep_ == "conj"]
    return found


def _goods_code(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in GOODS:
        return GOODS[lemma]
    if (lemma in AMOUNT_WORDS or noun.like_num) and names_money(noun):
        return ECONOMIC
    kinds = SUPPLY_KINDS if lemma in SUPPLY_NOUNS else STAFF_KINDS if lemma in STAFF_NOUNS \
        else {}
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and child.lower_ in kinds:
            return kinds[child.lower_]
    return None
