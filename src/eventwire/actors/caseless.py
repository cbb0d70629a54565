"""Names in text that has lost its capitals: all lower case, as some feeds deliver news.

The matcher asks a name to show a capital ("us" is not the U.S., "turkey" is not
Turkey). In a text with (almost) no capitals that rule loses every name, and the
events with them. There, a name counts when it cannot be an ordinary word:

- a name of two or more words ("south africa", "tony blair", "united nations");
- a one-word name of a country entry (the country, its people, its places: "kenya",
  "kenyan", "nairobi"), unless lower-cased it is also an ordinary English word or a
  common personal name (:data:`ORDINARY_WORDS`: "chad", "turkey", "polish", "murray");
- a one-word person or organization name right after a title or honorific
  ("mr blair", "president putin").
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.actors.entries import ActorEntry

# Below this share of capitalized words a text is taken to have lost its capitals;
# ordinary news has 10-15%, a headline-less lower-cased feed none.
CAPITAL_SHARE = 0.01
MIN_WORDS = 20
# Names of country entries (countries and their places) that lower-cased are also
# ordinary English words or common personal names: read from the dictionaries' 3,300
# one-word country names by hand.
ORDINARY_WORDS = frozenset({
    "us", "chad", "turkey", "jordan", "guinea", "niger", "polish", "georgia", "swede",
    "finn", "dane", "scot", "welsh", "pole", "male", "jersey", "cork", "phoenix", "buffalo",
    "moron", "tyre", "kiwi", "champagne", "cologne", "mecca", "hippo", "natal",
    "providence", "lima", "sucre", "doris", "delphi", "nyala", "tara", "sana", "bale",
    "eyre", "murray", "lawrence", "vladimir", "charlotte", "austin", "kimberley",
    "wellington", "kingston", "richmond", "nassau", "orleans", "sodom", "waterloo",
    "siberia", "riviera", "pampas", "sur", "doha", "nile", "ithaca", "athos", "olympus",
    "troy", "susa", "ur", "attica", "arcadia", "corinth", "sparta", "columbus", "memphis",
    "dakota", "aden", "bath", "hull", "split", "nice", "reading", "sale", "mobile",
})
HONORIFICS = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "minister",
    "premier", "chancellor", "secretary", "senator", "governor", "general", "gen.",
    "king", "queen", "prince", "sheikh", "ayatollah", "pope", "leader", "chief",
})


def is_caseless(texts: Sequence[str]) -> bool:
    """Whether words (token texts) come from a text that has lost its capitals."""
    words = [t for t in texts if t[:1].isalpha()]
    if len(words) < MIN_WORDS:
        return False
    return sum(t[:1].isupper() for t in words) / len(words) < CAPITAL_SHARE


def accepts(entry: ActorEntry, words: Sequence[str], before: str | None) -> bool:
    """Whether a dictionary name matched as ``words`` (lower case) names ``entry`` in a
    text without capitals; ``before`` is the word in front of it."""
    if len(words) > 1:
        return True
    word = words[0]
    if entry.kind == "country":
        return word not in ORDINARY_WORDS
    return before in HONORIFICS
