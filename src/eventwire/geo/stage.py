"""The geo stage: a location for each event of an article.

    stage = GeoStage()                       # the gazetteer loads on first use
    places = stage.sentence_places(doc, index, base, skip, actors, events)  # per sentence
    events = stage.locate(article_doc, skip, actors, places, events)  # once per article

An event takes, in order: a place in its own clause ("protests in Tel Aviv"), else
a place in its sentence, else the story's dateline, else the place the article
names most often. ``Location.basis`` says which. Nationality words ("Israeli")
give context but never an event's place, and a country that is the event's own
actor ("Russia accused Ukraine") is who acted, not where.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.actors.countries import names_state, plover_country
from eventwire.actors.dateline import dateline_end, names_place
from eventwire.geo.gazetteer import FEATURES, Candidate, Gazetteer
from eventwire.geo.mentions import NotPlaces, PlaceMention, find_places
from eventwire.geo.resolve import Context, resolve, sure_country
from eventwire.schema import Event, Location

VERBS = frozenset({"VERB", "AUX"})
ActorSpan = tuple[int, int, tuple[str, ...]]
# PLOVER and the actor dictionaries spell Kosovo KOS; GeoNames XKX.
_ISO_OF_ACTOR = {"KOS": "XKX"}


@dataclass
class SentencePlaces:
    """The place mentions of one parsed sentence (offsets in the article), and for each
    event the mentions in its own clause."""

    index: int
    mentions: list[PlaceMention]
    countries: list[str]  # of the sentence's actors
    # event_id -> {mention index: hops from the mention up to the trigger}
    clause: dict[str, dict[int, int]] = field(default_factory=dict)


class GeoStage:
    """Owns the gazetteer (loaded once, on first use) and places events."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.load()
        return self._gazetteer

    def sentence_places(self, doc: Doc, index: int, start: tuple[int, int], skip: NotPlaces,
                        actors: Iterable[ActorSpan], events: Sequence[Event],
                        dateline: int = 0) -> SentencePlaces:
        """Place mentions of a parsed sentence Doc, found with its tags; ``start``: the
        article token and character where it starts; ``skip``: tokens of actors that
        are no place (people); ``actors``: the sentence's actor mentions, as (start,
        end, codes) tokens; ``dateline``: its first tokens that are the story's
        dateline, whose place is where the story was filed, not the sentence's."""
        found = find_places(doc, self.gazetteer, skip, dateline)
        places = SentencePlaces(index, found, actor_countries(actors, found))
        by_char = {token.idx + start[1]: token for token in doc}
        for event in events:
            trigger = by_char.get(event.trigger.start)
            if trigger is not None:
                hops = {k: _hops(trigger, doc, m.start, m.end) for k, m in enumerate(found)}
                places.clause[event.event_id] = {k: n for k, n in hops.items() if n}
        for mention in found:  # from here on, in the article's offsets
            _shift(mention, *start)
        return places

    def article_places(self, doc: Doc, skip: NotPlaces | None = None,
                       actors: Iterable[ActorSpan] = ()) -> list[PlaceMention]:
        """Every place mention of an article Doc, resolved in the article's context."""
        return self._article(doc, skip or NotPlaces(), actors, [])[0]

    def _article(self, doc: Doc, skip: NotPlaces, actors: Iterable[ActorSpan],
                 sentences: Sequence[SentencePlaces]) -> tuple[list[PlaceMention], Context]:
        """Every mention of the article: those of the parsed sentences already found
        with their tags, the rest found here in the untagged text."""
        gazetteer = self.gazetteer
        found = {s.index: s.mentions for s in sentences}
        article = _article_mentions(doc, gazetteer, skip, found)
        actors = list(actors)
        context = Context(Counter(actor_countries(actors, article)))
        for mention in article:
            mention.is_actor = any(start <= mention.start and mention.end <= end
                                   for start, end, _ in actors)
            country = sure_country(mention, gazetteer)
            if country:
                context.article[country] += 1
        _resolve_all(article, context, gazetteer, doc)
        return article, context

    def locate(self, doc: Doc, skip: NotPlaces, actors: Iterable[ActorSpan],
               sentences: Sequence[SentencePlaces], events: list[Event]) -> list[Event]:
        """Events with their location set; ``doc`` is the whole article, split into
        sentences, ``skip`` and ``actors`` as for sentence_places, over the article."""
        if not events:
            return events
        gazetteer = self.gazetteer
        article, context = self._article(doc, skip, actors, sentences)
        for sentence in sentences:
            here = context.with_sentence(
                sentence.countries + [c for m in sentence.mentions
                                      if (c := sure_country(m, gazetteer))])
            for mention in sentence.mentions:
                mention.resolved = resolve(mention, here, gazetteer)
        dateline = _dateline_place(doc, article)
        dominant = _dominant(article)
        by_index = {s.index: s for s in sentences}
        for event in events:
            event.location = _event_location(event, by_index.get(event.sentence_index),
                                             dateline, dominant)
        return events


def actor_countries(actors: Iterable[ActorSpan], places: Sequence[PlaceMention]) -> list[str]:
    """ISO alpha-3 countries of the actors that name a state and hold no place name: the
    actor dictionaries code 'Tripoli' and 'gunmen in Tripoli' as Libya's, which must not
    decide which Tripoli it is."""
    found = []
    for start, end, codes in actors:
        if any(start < m.end and m.start < end for m in places):
            continue
        found += [iso_country(code) for code in codes if names_state(code)]
    return found


def not_places(mentions: list) -> NotPlaces:
    """Actor mentions (the actor matcher's) that are no place: people ('Obama' is also a
    town in Japan), international bodies, and organizations by their whole name
    outside their own country ('Hamas')."""
    return NotPlaces(
        frozenset(i for m in mentions if not names_place(m)
                  for i in range(m.start_token, m.end_token)),
        {(m.start_token, m.end_token): frozenset(actor_countries(
            [(m.start_token, m.end_token, tuple(m.codes))], []))
         for m in mentions if m.entry_kind == "organization"})


def actor_spans(mentions: list, offset: int = 0) -> list[ActorSpan]:
    """Actor mentions as (start, end, codes), token indices less ``offset``."""
    return [(m.start_token - offset, m.end_token - offset, tuple(m.codes)) for m in mentions]


def iso_country(code: str) -> str | None:
    """The ISO alpha-3 country of an actor code that names a state ('ISRGOV' -> ISR)."""
    country = plover_country(code)
    return _ISO_OF_ACTOR.get(country, country) if country else None


def _shift(mention: PlaceMention, token: int, char: int) -> None:
    mention.start += token
    mention.end += token
    mention.start_char += char
    mention.end_char += char


def _article_mentions(doc: Doc, gazetteer: Gazetteer, skip: NotPlaces,
                      found: dict[int, list[PlaceMention]]) -> list[PlaceMention]:
    """The article's mentions, sentence by sentence (numbered as the coder numbers
    them); ``found`` holds those of sentences already searched."""
    mentions: list[PlaceMention] = []
    for number, sent in enumerate(s for s in doc.sents if not s.text.isspace()):
        if number in found:
            mentions += found[number]
            continue
        dateline = dateline_end(sent) if number == 0 else 0
        mentions += find_places(sent, gazetteer, skip, dateline)
    return mentions


def _resolve_all(mentions: list[PlaceMention], context: Context, gazetteer: Gazetteer,
                 doc: Doc) -> None:
    for sent in doc.sents:
        inside = [m for m in mentions if sent.start <= m.start < sent.end]
        if not inside:
            continue
        here = context.with_sentence(c for m in inside if (c := sure_country(m, gazetteer)))
        for mention in inside:
            mention.resolved = resolve(mention, here, gazetteer)


def _dateline_place(doc: Doc, mentions: list[PlaceMention]) -> PlaceMention | None:
    placed = [m for m in mentions if m.in_dateline
              and m.resolved is not None and not m.demonym]
    # "TRIPOLI, Lebanon —": the city, which its qualifier has placed.
    return min(placed, key=lambda m: _specificity(m.resolved), default=None)


def _dominant(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place the article names most often (the earliest of equals)."""
    usable = [m for m in mentions if m.resolved is not None and not m.demonym
              and m.qualifies is None
              and not (m.is_actor and m.resolved.place.feature == "country")]
    counts = Counter(m.resolved.place for m in usable)
    if not counts:
        return None
    top = max(counts.values())
    return next(m for m in usable if counts[m.resolved.place] == top)


def _event_location(event: Event, sentence: SentencePlaces | None,
                    dateline: PlaceMention | None, dominant: PlaceMention | None
                    ) -> Location | None:
    if sentence is not None:
        usable = [k for k, m in enumerate(sentence.mentions) if _may_place(m, event)]
        hops = sentence.clause.get(event.event_id, {})
        clause = [k for k in usable if k in hops]
        for basis, indices in (("clause", clause), ("sentence", usable)):
            if indices:
                # The most specific place; of equals, the one hanging nearest the trigger
                # ("attacked Ukraine in Kherson" after "talks in Geneva"), then the closest.
                best = min(indices, key=lambda k: (
                    _specificity(sentence.mentions[k].resolved), hops.get(k, 0),
                    abs(sentence.mentions[k].start_char - event.trigger.start)))
                return _location(sentence.mentions[best], basis)
    if dateline is not None:
        return _location(dateline, "dateline")
    if dominant is not None:
        return _location(dominant, "article")
    return None


def _may_place(mention: PlaceMention, event: Event) -> bool:
    """Whether a mention can be where the event happened: resolved, no nationality word,
    no qualifier of another name, not the dateline (where the story was filed; that is
    the dateline basis), and no country that is the event's own actor."""
    if (mention.resolved is None or mention.demonym or mention.qualifies is not None
            or mention.in_dateline):
        return False
    if mention.resolved.place.feature != "country":
        return True
    actors = [a for a in (event.source, event.target) if a is not None]
    return not any(a.start < mention.end_char and mention.start_char < a.end for a in actors)


def _specificity(candidate: Candidate | None) -> int:
    return FEATURES.index(candidate.place.feature) if candidate else len(FEATURES)


def _location(mention: PlaceMention, basis: str) -> Location:
    place = mention.resolved.place  # type: ignore[union-attr]
    return Location(name=place.name, lat=place.lat, lon=place.lon, country=place.country,
                    admin1=place.admin1, geonameid=place.geonameid, feature=place.feature,
                    basis=basis, text=mention.text, start=mention.start_char,
                    end=mention.end_char)


def _hops(trigger: Token, doc: Doc, start: int, end: int) -> int | None:
    """How many steps up the parse the mention's words reach the trigger without passing
    another verb (it is then in the event's own clause), else None."""
    token = doc[start:end].root
    steps = 0
    # spaCy makes a new Token object on every .head: compare indices, never identity.
    while token.head.i != token.i:
        token, steps = token.head, steps + 1
        if token.i == trigger.i:
            return steps
        if token.pos_ in VERBS:
            return None
    return None


