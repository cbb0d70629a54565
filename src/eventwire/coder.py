"""The coder: articles in, typed events out.

It chains the stages: split sentences, find actors, parse the sentences that
can hold an event, code each sentence against the verb dictionary, resolve
references, then fill in the ontology (names, Goldstein, quad class, PLOVER).
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from eventwire import __version__, nlp
from eventwire.actors.coref import GROUP_PRONOUNS, REFERRING_WORDS, Antecedent, ArticleMemory
from eventwire.actors.countries import country_prefix
from eventwire.actors.dateline import credits_agency, dateline_end, names_place
from eventwire.actors.dictionary import ActorDictionary, AgentDictionary
from eventwire.actors.matcher import ActorMatcher
from eventwire.context import ContextCoder
from eventwire.events.arguments import phrase_tokens
from eventwire.events.claims import claimed_verbs
from eventwire.events.conventions import with_conventions
from eventwire.events.currency import names_currency
from eventwire.events.dates import sentence_date
from eventwire.events.discards import Discards, default_discards
from eventwire.events.domestic import with_home_countries
from eventwire.events.manual_types import manual_type
from eventwire.events.named import named_actors
from eventwire.events.participants import actors_for
from eventwire.events.patterns import PatternMatcher
from eventwire.events.petrarch_mode import new_actors
from eventwire.events.records import BARE_AGENT, Actor, Coded, CodingRules
from eventwire.events.residence import settle_residents
from eventwire.events.selection import (
    POLITICAL_TOPICS,
    drop_apolitical,
    drop_reporting,
    drop_untargeted_statements,
    root_event,
)
from eventwire.events.sentence import ALL_RULES, code_sentence, judge_modality
from eventwire.events.speakers import own_forces
from eventwire.events.typed import typed_events
from eventwire.events.verbdict import VerbDictionary
from eventwire.geo import GeoStage, SentencePlaces
from eventwire.geo.stage import actor_spans as _actor_spans
from eventwire.geo.stage import not_places as _not_places
from eventwire.learned import Typer
from eventwire.limits import MAX_ARTICLE_CHARS, MAX_SENTENCE_TOKENS, too_large
from eventwire.ontology import Ontology, default_ontology
from eventwire.ontology.modes import auxiliary_mode, checked_mode
from eventwire.provenance import dictionary_hash, packaged_data_files
from eventwire.schema import (
    ActorRef,
    Article,
    ArticleEvents,
    Context,
    Event,
    Size,
    TextSpan,
    event_id,
)
from eventwire.size import CountWords, sizes_for

PRONOUN_TAGS = {"PRP", "PRP$"}
# PETRARCH's semantics, for coders built from a user's TABARI dictionaries.
DICTIONARY_ONLY = CodingRules(named=False, learned=False, senses=False, recipients=False,
                              domestic=False, petrarch=True, require_dyad=True)
BATCH_ARTICLES = 64


@dataclass
class _Sentence:
    """One sentence of an article, with the actors found in it."""

    article: int
    index: int
    span: Span
    mentions: list
    dateline: int = 0  # tokens of the story's dateline ("GAZA CITY, ...:"), no actors
    filed_in: list = field(default_factory=list)  # the dateline's places


class ArticleTooLarge(ValueError):
    """An article over the size limit (limits.py); readers refuse these before coding."""


class Coder:
    """Codes articles into events with one set of dictionaries and one spaCy model."""

    def __init__(self, matcher: ActorMatcher, verbs: VerbDictionary, discards: Discards,
                 ontology: Ontology, model: str = nlp.DEFAULT_MODEL,
                 dictionaries: str | None = None):
        self.matcher = matcher
        self.verbs = verbs
        self.discards = discards
        self.ontology = ontology
        self.model = model
        self.dictionaries = dictionaries
        self.patterns = PatternMatcher(verbs.patterns_for)
        self.rules = ALL_RULES
        self.political_codes = ontology.codes_about(POLITICAL_TOPICS)
        self._typer: Typer | None = None
        self._contexts: ContextCoder | None = None
        self._count_words: CountWords | None = None
        self.geo: GeoStage | None = GeoStage()  # the gazetteer loads on first use

    @property
    def typer(self) -> Typer:
        """The learned sentence typer, loaded when first needed."""
        if self._typer is None:
            self._typer = Typer.load()
        return self._typer

    @property
    def contexts(self) -> ContextCoder:
        """Context keywords and the learned context model, loaded when first needed."""
        if self._contexts is None:
            self._contexts = ContextCoder.load()
        return self._contexts

    @property
    def count_words(self) -> CountWords:
        """The size stage's casualty words, loaded when first needed."""
        if self._count_words is None:
            self._count_words = CountWords.load()
        return self._count_words

    def with_rules(self, rules: CodingRules) -> Coder:
        """The same coder with some optional stages off (for the ablation table)."""
        clone = copy.copy(self)
        clone.rules = rules
        return clone

    def without_geo(self) -> Coder:
        """The same coder with no geo stage: every location stays null."""
        clone = copy.copy(self)
        clone.geo = None
        return clone

    def with_conventions(self, name: str) -> Coder:
        """The same coder under named conventions ('eventwire', 'petrarch2'; see
        events/conventions.py). Raises ValueError naming the ones that exist."""
        return self.with_rules(with_conventions(self.rules, name))

    @classmethod
    def load(cls, model: str = nlp.DEFAULT_MODEL, overlays: list[Path] | None = None) -> Coder:
        """The bundled dictionaries (with ``overlays`` on top) and the spaCy model."""
        if overlays:
            from eventwire.dictionaries import load_dictionaries

            found = load_dictionaries(overlays)  # hashes the packaged files and the overlays
            return cls(ActorMatcher(found.actors, found.agents), found.verbs,
                       default_discards(), default_ontology(), model, found.hash)
        matcher = ActorMatcher(ActorDictionary.load(), AgentDictionary.load())
        return cls(matcher, VerbDictionary.default(), default_discards(), default_ontology(),
                   model, dictionary_hash(packaged_data_files()))

    @classmethod
    def from_tabari(cls, verbs: Path, actors: list[Path], agents: Path,
                    discards: Path | None = None, model: str = nlp.DEFAULT_MODEL) -> Coder:
        """A coder over PETRARCH/TABARI-format dictionaries, e.g. a user's own.

        It codes as PETRARCH does, from the dictionaries alone: names they lack, the
        learned typer and eventwire's own noun senses and stop rule do not code
        (``with_rules`` turns them back on).
        """
        matcher = ActorMatcher(ActorDictionary.load(list(actors)),
                               AgentDictionary.load([agents]))
        found = Discards.load(discards) if discards else Discards.empty()
        files = [verbs, *actors, agents, *([discards] if discards else [])]
        coder = cls(matcher, VerbDictionary.load(verbs), found, default_ontology(), model,
                    dictionary_hash(files))
        return coder.with_rules(DICTIONARY_ONLY)

    def code_article(self, article: Article) -> ArticleEvents:
        return next(iter(self.code_articles([article])))

    def code_articles(self, articles: Iterable[Article]) -> Iterator[ArticleEvents]:
        """Events for each article, in order, parsing in batches."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) == BATCH_ARTICLES:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, articles: list[Article]) -> list[ArticleEvents]:
        for article in articles:  # before any work, and naming the article
            if len(article.text) > MAX_ARTICLE_CHARS:
                raise ArticleTooLarge(f"{article.id}: {too_large(len(article.text))}")
        docs = list(nlp.split((self._readable(a.text) for a in articles), self.model))
        found = [self._find_actors(a, d) for a, d in zip(articles, docs, strict=True)]
        sentences = [s for i, (a, d) in enumerate(zip(articles, docs, strict=True))
                     for s in self._candidates(i, a, d, found[i])]
        parsed = nlp.parse((s.span for s in sentences), self.model)
        results = [ArticleEvents(notes=_cut_notes(doc)) for doc in docs]
        places: list[list[SentencePlaces]] = [[] for _ in articles]
        memories = [ArticleMemory() for _ in articles]
        contexts = [self._article_contexts(a, d) for a, d in zip(articles, docs, strict=True)]
        for sentence, doc in zip(sentences, parsed, strict=True):
            article = articles[sentence.article]
            memory = memories[sentence.article]
            events = self._code(article, sentence, doc, memory)
            if events:
                events = self._with_size_and_context(events, sentence, doc,
                                                     contexts[sentence.article])
            results[sentence.article].extend(events)
            if self.geo is not None and events:
                places[sentence.article].append(self._places(sentence, doc, events))
        if self.geo is not None:
            for i, events in enumerate(results):
                results[i] = ArticleEvents(
                    self._locate(docs[i], found[i], places[i], events), events.notes)
        return results

    def _article_contexts(self, article: Article, doc: Doc
                          ) -> tuple[list[dict[str, str]], dict[str, str]]:
        """Each sentence's contexts from its words, and the article's (ContextCoder)."""
        if not self.rules.context:
            return [], {}
        found = [self.contexts.of_text(span.text)
                 for span in doc.sents if not span.text.isspace()]
        return found, self.contexts.of_article(found, article.title)

    def _with_size_and_context(self, events: list[Event], sentence: _Sentence, doc: Doc,
                               contexts: tuple[list[dict[str, str]], dict[str, str]]
                               ) -> list[Event]:
        """Each event with the counts that belong to it and its contexts."""
        sizes: dict[int, Size] = {}
        if self.rules.size:
            base = sentence.span.start_char
            starts = {token.idx + base: token.i for token in doc}
            triggers = {starts[e.trigger.start] for e in events if e.trigger.start in starts}
            by_trigger = sizes_for(doc, triggers, self.count_words, base)
            sizes = {doc[i].idx + base: size for i, size in by_trigger.items()}
        per_sentence, article = contexts
        here = per_sentence[sentence.index] if sentence.index < len(per_sentence) else {}
        updated = []
        for event in events:
            found = []
            if self.rules.context:
                info = self._nearest_known(event.cameo)
                actors = [a.code for a in (event.source, event.target) if a is not None]
                found = [Context(name=f.name, source=f.source, evidence=f.evidence)
                         for f in self.contexts.for_event(
                             here, article, info.plover_context if info else (), actors)]
            updated.append(event.model_copy(update={
                "size": sizes.get(event.trigger.start), "context": found}))
        return updated

    def _locate(self, doc: Doc, actors: list, places: list[SentencePlaces],
                events: list[Event]) -> list[Event]:
        """The events with their locations. Where is an extra: should placing fail on
        some odd text, the events stand, unplaced, rather than the article failing."""
        try:
            return self.geo.locate(  # type: ignore[union-attr]
                doc, _not_places(actors), _actor_spans(actors), places, events)
        except Exception:  # noqa: BLE001 - see the docstring
            for event in events:
                event.location = None
            return events

    def _find_actors(self, article: Article, doc: Doc) -> list:
        if self.discards.story_hit(article.text):
            return []
        return self.matcher.find(doc, _date(article.date))

    def _places(self, sentence: _Sentence, doc: Doc, events: list[Event]) -> SentencePlaces:
        """The sentence's place mentions, for the geo stage to resolve with the article
        (none, should finding them fail: see _locate)."""
        offset = sentence.span.start
        try:
            return self.geo.sentence_places(  # type: ignore[union-attr]
                doc, sentence.index, (offset, sentence.span.start_char),
                _not_places(sentence.mentions).shifted(offset),
                _actor_spans(sentence.mentions, offset), events, sentence.dateline)
        except Exception:  # noqa: BLE001 - where is an extra; the events stand
            return SentencePlaces(sentence.index, [], [])

    def _readable(self, text: str) -> str:
        """TABARI texts join a name's words with '_' ("Dol_Amroth"), as its dictionaries
        do; PETRARCH reads them apart. Same length, so every offset still holds."""
        return text.replace("_", " ") if self.rules.petrarch else text

    def _candidates(self, number: int, article: Article, doc: Doc, mentions: list
                    ) -> list[_Sentence]:
        """Sentences worth parsing: not discarded, and naming an actor or a pronoun."""
        if self.discards.story_hit(article.text):
            return []
        mentions = sorted(mentions, key=lambda m: m.start_token)
        starts = [m.start_token for m in mentions]
        found = []
        for index, span in enumerate(s for s in doc.sents if not s.text.isspace()):
            dateline = dateline_end(span) if index == 0 else 0
            # only the mentions that start in the sentence: scanning them all for each
            # sentence made long articles quadratic
            first = bisect.bisect_left(starts, span.start)
            last = bisect.bisect_left(starts, span.end, lo=first)
            inside = [m for m in mentions[first:last] if m.end_token <= span.end]
            in_dateline = [m for m in inside if m.start_token < span.start + dateline]
            filed_in = [m for m in in_dateline if names_place(m)]
            inside = [m for m in inside if m not in filed_in and not (
                m in in_dateline and credits_agency(m))]
            if self.discards.sentence_hit(span.text):
                continue
            if inside or any(t.lower_ in REFERRING_WORDS for t in span) \
                    or (self.rules.named and _may_name(span)) or self.rules.new_actor_length:
                found.append(_Sentence(number, index, span, inside, dateline, filed_in))
        return found

    def _code(self, article: Article, sentence: _Sentence, doc: Doc,
              memory: ArticleMemory) -> list[Event]:
        filed_in = [(m, _as_actor(m, m.codes[0], sentence.span.start))
                    for m in sentence.filed_in]
        for antecedent in _antecedents(filed_in):  # "KABUL (AFP) - The government said"
            memory.observe(antecedent)
        actors, mentioned = self._actors(sentence, doc, memory)
        lists: dict[int, list[Actor]] = {}  # the list each mention heads, found once

        def resolve(token: Token) -> list[Actor]:
            """The actors a referring word stands for (several for 'they')."""
            listed = _latest_list(token, mentioned, actors, doc, lists) \
                if token.lower_ in GROUP_PRONOUNS else []
            found = [(a.code, a.rule, _own_span(a, doc, sentence.span.start_char))
                     for a in listed]
            if not found:
                earlier = [antecedent for actor, antecedent in mentioned
                           if actor.end <= token.i]
                one = memory.with_sentence(earlier).resolve(token.lower_, _determiner(token))
                found = [(one.code, one.rule, one.span())] if one is not None else []
            return [Actor(token.i, token.i + 1, code, f"coref:{token.lower_} -> {rule}", span)
                    for code, rule, span in found]

        coded = code_sentence(doc, actors, self.verbs, self.patterns,
                              resolve if self.rules.coref else None, self.rules)
        if self.rules.learned and not any(self._plover(item.code) for item in coded):
            typed = typed_events(doc, self.typer.predict, actors,
                                 resolve if self.rules.coref else None, self._judge,
                                 coded_verbs=frozenset({item.trigger.i for item in coded}
                                                       | claimed_verbs(coded)))
            # "FARC said they will hand over their arms": what was said is the news
            coded = drop_reporting(coded + typed) if typed else coded
        if self.rules.domestic:
            coded = with_home_countries(coded)
        for _, antecedent in mentioned:
            memory.observe(antecedent)
        root = root_event(coded)
        if not self.rules.petrarch:
            coded = drop_untargeted_statements(coded)
        if self.rules.political and not self.rules.petrarch:
            coded = drop_apolitical(coded, self.political_codes)
        event_date = sentence_date(sentence.span.text, article.date) if coded else None
        events = [self._event(article, sentence, doc, item, item is root, event_date)
                  for item in coded]
        return _unique(events)

    def _actors(self, sentence: _Sentence, doc: Doc, memory: ArticleMemory
                ) -> tuple[list[Actor], list[tuple[Actor, Antecedent]]]:
        """The sentence's actors, placed where the article and the sentence put them, and
        each with the antecedent it makes for later references."""
        offset = sentence.span.start
        placed = [(m, _as_actor(m, code, offset))
                  for m in sentence.mentions for code in m.codes
                  if not names_currency(doc, m.end_token - offset)]
        places = [actor for m, actor in placed if names_place(m)]
        if self.rules.coref:
            named_before = list(zip((a for _, a in placed), _antecedents(placed), strict=True))
            in_places = {i for actor in places for i in range(actor.start, actor.end)}
            placed = [(m, _placed(actor, doc, in_places, *_around(actor, named_before, memory),
                                  titled=m.entry_kind == "person"))
                      for m, actor in placed]
        actors = [actor for _, actor in placed]
        if not self.rules.petrarch:
            filed_in = [_as_actor(m, m.codes[0], offset) for m in sentence.filed_in]
            actors = own_forces(doc, settle_residents(doc, actors, places, filed_in))
        named = [a for a in named_actors(doc, actors) if a.start >= sentence.dateline] \
            if self.rules.named else []
        if self.rules.petrarch and self.rules.new_actor_length:
            named += new_actors(doc, actors, self.rules.new_actor_length)
        return actors + named, _mentioned(placed, named, doc, sentence.span.start_char)

    def _event(self, article: Article, sentence: _Sentence, doc: Doc, item: Coded,
               is_root: bool, event_date: str | None) -> Event:
        span = sentence.span
        base = span.start_char
        code = item.code
        info = self._nearest_known(code)
        trigger = item.trigger
        source = _actor_ref(item.source, doc, base)
        target = _actor_ref(item.target, doc, base)
        start = base + trigger.idx
        plover, mode = manual_type(trigger, code) or (
            (info.plover or None, info.plover_mode or None) if info else (None, None))
        mode = checked_mode(plover, mode)
        return Event(
            event_id=event_id(article.id, sentence.index, start,
                              source.code if source else None,
                              target.code if target else None, code),
            doc_id=article.id, sentence_index=sentence.index, sentence=span.text,
            date=article.date, event_date=event_date,
            source=source, target=target, cameo=code,
            cameo_root=code[:2], cameo_name=info.name if info else None,
            goldstein=info.goldstein if info else None,
            quad_class=info.quad_class if info else None,
            plover=plover, plover_mode=mode,
            trigger=TextSpan(text=trigger.text, start=start, end=start + len(trigger.text)),
            is_root=is_root, rule=item.rule, modality=item.modality,
            aux_mode=auxiliary_mode(item.modality, plover),
            coder_version=__version__, dictionaries=self.dictionaries)

    def _plover(self, code: str) -> str | None:
        info = self._nearest_known(code)
        return info.plover if info else None

    def _judge(self, verb: Token, code: str) -> tuple[str | None, str | None]:
        return judge_modality(verb, code, rules=self.rules)

    def _nearest_known(self, code: str):
        """The ontology entry of the code, else of its nearest parent (176 -> 17), else None."""
        while code not in self.ontology and len(code) > 2:
            code = code[:-1]
        return self.ontology.get(code) if code in self.ontology else None


def _cut_notes(doc: Doc) -> list[str]:
    """A note for each sentence the length cap cut (see nlp.sentence_cap)."""
    cuts = doc.user_data.get(nlp.CUTS, [])
    if not cuts:
        return []
    at = ", ".join(f"{doc[i].idx:,}" for i in cuts[:5]) + (", ..." if len(cuts) > 5 else "")
    return [f"{len(cuts)} cut(s): sentences over {MAX_SENTENCE_TOKENS} tokens were coded "
            f"in pieces of {MAX_SENTENCE_TOKENS}, cut at character {at}"]


def _unique(events: list[Event]) -> list[Event]:
    """One event per id: the same dyad, code and trigger reached twice (two mentions of
    one country, "the US and American officials") is one event. The root one is kept."""
    kept: dict[str, Event] = {}
    for event in events:
        if event.event_id not in kept or event.is_root:
            kept[event.event_id] = event
    return list(kept.values())


def _latest_list(token: Token, mentioned: list[tuple[Actor, Antecedent]],
                 actors: list[Actor], doc: Doc, lists: dict[int, list[Actor]]) -> list[Actor]:
    """'Obama and Putin said they will meet': 'they' after a list of actors in its own
    sentence stands for the whole list, people included. ``lists`` keeps what each
    mention heads, so a sentence full of 'they' looks each one up once."""
    for number in range(len(mentioned) - 1, -1, -1):
        actor = mentioned[number][0]
        if actor.end <= token.i:
            if number not in lists:
                lists[number] = actors_for([doc[actor.start:actor.end].root], actors)
            if len(lists[number]) > 1:
                return lists[number]
    return []


def _around(actor: Actor, named: list[tuple[Actor, Antecedent]], memory: ArticleMemory
            ) -> tuple[ArticleMemory, ArticleMemory]:
    """What was named before an actor (the article, then the sentence so far), and what
    the rest of its sentence names, nearest last."""
    earlier = [antecedent for other, antecedent in named if other.end <= actor.start]
    later = [antecedent for other, antecedent in named if other.start >= actor.end]
    return memory.with_sentence(earlier), ArticleMemory(list(reversed(later)))


def _placed(actor: Actor, doc: Doc, places: set[int], before: ArticleMemory,
            after: ArticleMemory, titled: bool = False) -> Actor:
    """'the prime minister' in a story about Israel is Israel's: a definite, unplaced
    agent, or a title before a name ('President Mugabe'), takes the country of the most
    recent country named in the article or earlier in the sentence. A title with none
    before it takes the nearest one later in its sentence ('President Bashir shortened
    the curfew in Sudan'). An agent whose own phrase names a place ('the mayor of the
    West Bank city of Nablus', token indices in ``places``) is left to that place.
    ``titled``: the mention is a person coded by the title before the name, having
    no role of their own on the date ('Vice-President Moody Awori')."""
    previous = doc[actor.start - 1].lower_ if actor.start else ""
    definite = "the" in (doc[actor.start].lower_, previous)
    titled = titled or actor.end < len(doc) and doc[actor.end].pos_ == "PROPN"
    if not actor.code.startswith(BARE_AGENT) or not (definite or titled):
        return actor
    if any(t.i in places for t in phrase_tokens(doc[actor.start:actor.end].root)):
        return actor
    # A title's later country is usually the person's own ("President Bashir ... in
    # Sudan"); "the government" before "China's aid" is as often another's.
    country = before.latest_country() or (after.latest_country() if titled else None)
    if country is None:
        return actor
    code = country_prefix(country.code) + actor.code[len(BARE_AGENT):]
    return Actor(actor.start, actor.end, code, f"coref:the -> {country.rule} + {actor.rule}",
                 country.span())


def _as_actor(mention, code: str, offset: int) -> Actor:
    """A mention's actor with one of its codes, in the sentence Doc's token indices."""
    return Actor(mention.start_token - offset, mention.end_token - offset, code,
                 mention.rule or "")


def _antecedents(placed: list, doc: Doc | None = None) -> list[Antecedent]:
    """Coded mentions as antecedents; with the parse, marked when they are a subject."""
    return [Antecedent(actor.code, mention.entry_kind or mention.kind, actor.rule, mention.text,
                       _is_subject(actor, doc), mention.start_char, mention.end_char)
            for mention, actor in placed]


def _mentioned(placed: list, named: list[Actor], doc: Doc, base: int
               ) -> list[tuple[Actor, Antecedent]]:
    """Every actor of the sentence with the antecedent it makes, in text order; a name
    the dictionaries lack is a body ('the Umma party ... it'). ``base``: the sentence's
    offset in the article."""
    pairs = list(zip((actor for _, actor in placed), _antecedents(placed, doc), strict=True))
    for actor in named:
        text, start, end = _own_span(actor, doc, base)
        pairs.append((actor, Antecedent(actor.code, "organization", actor.rule, text,
                                        _is_subject(actor, doc), start, end)))
    return sorted(pairs, key=lambda pair: pair[0].start)


def _is_subject(actor: Actor, doc: Doc | None) -> bool:
    return doc is not None and any(
        token.dep_ in {"nsubj", "nsubjpass"} for token in doc[actor.start:actor.end])


def _may_name(span) -> bool:
    """A capitalized word after the first may be a name the dictionaries lack."""
    return any(token.text[:1].isupper() for token in span[1:])


def _determiner(token: Token) -> str | None:
    """'the' of 'the country', or a possessive pronoun: 'his' of 'his country'."""
    for child in token.children:
        if child.dep_ == "det" or (child.dep_ == "poss" and child.tag_ in PRONOUN_TAGS):
            return child.lower_
    return None


def _actor_ref(actor: Actor | None, doc: Doc, base: int) -> ActorRef | None:
    if actor is None:
        return None
    first, last = doc[actor.start], doc[actor.end - 1]
    start, end = base + first.idx, base + last.idx + len(last.text)
    return ActorRef(text=doc[actor.start:actor.end].text, start=start, end=end,
                    code=actor.code, rule=actor.rule, antecedent=_span(actor.antecedent))


def _own_span(actor: Actor, doc: Doc, base: int) -> tuple[str, int, int]:
    """An actor of the sentence as (text, start, end) in the article."""
    span = doc[actor.start:actor.end]
    return span.text, base + span.start_char, base + span.end_char


def _span(found: tuple[str, int, int] | None) -> TextSpan | None:
    return TextSpan(text=found[0], start=found[1], end=found[2]) if found else None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
