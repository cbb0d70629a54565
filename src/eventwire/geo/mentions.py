"""Finding place names in text: runs of capitalized words that the gazetteer knows.

The longest known run wins ("Gaza City" over "Gaza"). A country, territory or
nationality word is taken wherever it is capitalized; a city or region name must
also read as a proper noun, since many are ordinary words too ("Police" in
Poland, "Of" in Turkey, "Mobile" in Alabama):

- in a parsed sentence its words are tagged PROPN;
- in unparsed text it does not open its sentence, or it follows a place preposition;
- in a dateline ("TRIPOLI, Lebanon —") every name counts.

"Paris, Texas": a name followed by a comma and a region or country is qualified by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from eventwire.geo.gazetteer import Candidate, Gazetteer, name_key

SAFE_FEATURES = frozenset({"country", "territory", "region", "continent"})
PLACE_PREPOSITIONS = frozenset({
    "in", "at", "near", "from", "to", "into", "outside", "across", "around", "toward",
    "towards", "throughout", "inside", "via", "through", "of", "over", "between",
})
# Words that open a name of something else ("Washington Post", "Gaza Health Ministry"
# stays a place): a place name followed by one of these is the name of an outlet.
OUTLET_WORDS = frozenset({"post", "times", "herald", "tribune", "journal", "chronicle",
                          "gazette", "daily", "observer", "globe", "telegraph"})


@dataclass(frozen=True)
class NotPlaces:
    """Tokens that belong to something else. No run lying wholly ``inside`` a person's
    or an international body's name is a place ('Obama', a town in Japan). An
    organization's whole name (``names``: token span -> the countries of its codes) is
    a place only in its own country: 'Hamas' (PSE) is no Hamm (DEU), while 'Gaza'
    coded PSE is the Gaza Strip; a place inside a name is a place ('Gaza militants')."""

    inside: frozenset[int] = frozenset()
    names: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)

    def blocks(self, start: int, end: int) -> bool:
        return all(k in self.inside for k in range(start, end))

    def allows(self, start: int, end: int, candidate: Candidate) -> bool:
        countries = self.names.get((start, end))
        return countries is None or candidate.place.country in countries

    def shifted(self, offset: int) -> NotPlaces:
        """The same tokens counted from ``offset`` (a sentence's first token)."""
        return NotPlaces(frozenset(i - offset for i in self.inside),
                         {(a - offset, b - offset): c for (a, b), c in self.names.items()})


@dataclass
class PlaceMention:
    """A run of tokens that names a place, with the places it may stand for."""

    start: int  # token indices in the Doc searched
    end: int
    start_char: int
    end_char: int
    text: str
    candidates: list[Candidate]
    qualifier: PlaceMention | None = None
    qualifies: PlaceMention | None = None  # it is the "Texas" of this "Paris, Texas"
    in_dateline: bool = False
    is_actor: bool = False  # a country that is also an actor here ("Russia accused")
    resolved: Candidate | None = field(default=None, compare=False)

    @property
    def demonym(self) -> bool:
        return all(c.demonym for c in self.candidates)


def find_places(tokens: Doc | Span, gazetteer: Gazetteer, skip: NotPlaces | None = None,
                dateline: int = 0) -> list[PlaceMention]:
    """Place mentions in ``tokens`` (a parsed or unparsed Doc or Span), in text order.

    ``skip``: tokens (of the Doc) that belong to something else, such as a person the
    actor dictionaries know. ``dateline``: how many of the first tokens form the
    story's dateline.
    """
    doc = tokens.doc if isinstance(tokens, Span) else tokens
    if not len(tokens):
        return []
    run = _Run(doc, gazetteer, skip or NotPlaces(), doc.has_annotation("TAG"),
               tokens[0].i, tokens[-1].i + 1)
    found: list[PlaceMention] = []
    i = run.first
    while i < run.last:
        mention = run.longest(i, i - run.first < dateline)
        if mention is None:
            i += 1
            continue
        found.append(mention)
        i = mention.end
    _qualify(doc, found)
    return found


class _Run:
    """The words of one stretch of text, read once, and the longest name at each word."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, skip: NotPlaces, tagged: bool,
                 first: int, last: int):
        self.doc, self.gazetteer, self.skip, self.tagged = doc, gazetteer, skip, tagged
        self.first, self.last = first, last
        # Token texts with their trailing space, so a run's text is a join, not a Span.
        self.words = [t.text_with_ws for t in doc[first:last]]

    def longest(self, i: int, in_dateline: bool) -> PlaceMention | None:
        doc, words, gazetteer = self.doc, self.words, self.gazetteer
        word = words[i - self.first]
        # Most capitalized words start no name at all: one set lookup rules them out.
        if not word[:1].isupper() or not gazetteer.may_start(word):
            return None
        for end in range(min(self.last, i + gazetteer.longest), i, -1):
            if doc[end - 1].is_punct and doc[end - 1].text != ".":
                continue
            # A run inside a person's name is the person; one that holds more than the
            # name ("Prince" of Port-au-Prince) is a place.
            if self.skip.blocks(i, end):
                continue
            text = "".join(words[i - self.first:end - self.first]).rstrip()
            candidates = _lookup(gazetteer, text)
            if not candidates or self._outlet(end):
                continue
            kept = [c for c in candidates
                    if (c.place.feature in SAFE_FEATURES or in_dateline
                        or _proper_noun(doc, i, end, self.tagged))
                    and self.skip.allows(i, end, c)]
            if kept:
                start_char = doc[i].idx
                return PlaceMention(i, end, start_char, start_char + len(text), text, kept,
                                    in_dateline=in_dateline)
        return None

    def _outlet(self, end: int) -> bool:
        doc = self.doc
        return end < len(doc) and doc[end].lower_ in OUTLET_WORDS \
            and doc[end].text[:1].isupper()


def _lookup(gazetteer: Gazetteer, text: str) -> list[Candidate]:
    key = name_key(text)
    found = gazetteer.candidates(key)
    # "Israelis", "Palestinians": a nationality word's plural.
    if not found and key.endswith("s"):
        found = [c for c in gazetteer.candidates(key[:-1]) if c.demonym]
    return found


def _proper_noun(doc: Doc, start: int, end: int, tagged: bool) -> bool:
    """Whether a run reads as a name: tagged PROPN at both ends ('Port-au-Prince' has an
    'au' inside), or after a place preposition ('around Bakhmut', which the tagger may
    take for a noun); untagged, anywhere but at the start of a sentence."""
    before = doc[start - 1].lower_ if start else ""
    opener = doc[start].is_sent_start or start == 0
    if before in PLACE_PREPOSITIONS and not opener:
        return True
    if tagged:
        return doc[start].pos_ == "PROPN" and doc[end - 1].pos_ == "PROPN"
    return not opener


def _qualify(doc: Doc, found: Sequence[PlaceMention]) -> None:
    """'Paris, Texas', 'Victoria, British Columbia': a comma and a region or country."""
    for mention, after in zip(found, found[1:], strict=False):
        if (after.start == mention.end + 1 and doc[mention.end].text == ","
                and any(c.place.feature in {"admin1", "country", "territory"}
                        and not c.demonym for c in after.candidates)
                and any(c.place.feature == "city" for c in mention.candidates)):
            mention.qualifier = after
            after.qualifies = mention


