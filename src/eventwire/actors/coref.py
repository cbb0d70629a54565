"""Simple in-article references: pronouns and definite descriptions.

Within one article, "he", "she", "it", "they", "the country" or "the ally"
point back to an actor named earlier. The rules are deliberately simple and
conservative (documented in docs/CODING.md):

- "he/she/him/her/his/hers" -> the most recent person;
- "it/its" and "the country/nation/state/ally/kingdom/republic" -> the most
  recent country or organization (never a person or a role such as "minister");
- "they/them/their" -> the most recent actor that is not a person (the coder first
  tries a list of actors earlier in the pronoun's own sentence: ``_latest_list``);
- "the resolution/draft/communique/declaration" -> the most recent organization: what
  a body issues speaks for it.

Among the actors that fit, the most recent grammatical subject wins over a more
recent object or place: a story keeps talking about whoever was acting in it.

A resolved actor carries the rule ``coref:<word> -> <antecedent rule>``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from eventwire.actors.countries import country_prefix, names_state

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
# Kinds of actor that "it" can stand for: not a person, not a role such as "minister".
COLLECTIVE_KINDS = {"country", "organization", "actor"}
# "the country", "his country", "its government": determiners that point back.
DEFINITE = {"the", "his", "her", "its", "their", "this"}
COUNTRY_NOUNS = {"country", "nation", "state", "ally", "kingdom", "republic", "regime",
                 "government", "neighbour", "neighbor"}
# What a body issues speaks for it: "the Security Council ... the resolution demanded".
DOCUMENT_NOUNS = {"resolution", "draft", "communique", "declaration"}
# "his country", "her government": the person's own, when a person is the antecedent.
PERSONAL_DETERMINERS = {"his", "her"}
GOVERNING_NOUNS = {"government", "regime"}
GOVERNMENT = "GOV"


# Every word these rules can resolve: a sentence holding one may name an actor.
REFERRING_WORDS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS | COUNTRY_NOUNS \
    | DOCUMENT_NOUNS


@dataclass(frozen=True)
class Antecedent:
    """An actor named earlier in the article."""

    code: str
    kind: str
    rule: str
    text: str
    subject: bool = False
    start: int | None = None  # the mention's character offsets in the article
    end: int | None = None

    def span(self) -> tuple[str, int, int] | None:
        """The mention in the article (text, start, end), for the provenance of what
        refers back to it."""
        if self.start is None or self.end is None:
            return None
        return self.text, self.start, self.end


# What the rules ask the memory for: the most recent actor of one of these sorts.
WANTED = {
    "person": lambda a: a.kind == "person",
    "collective": lambda a: a.kind in COLLECTIVE_KINDS,
    "group": lambda a: a.kind != "person",
    "country": lambda a: names_state(a.code),
    "organization": lambda a: a.kind == "organization",
}


@dataclass
class ArticleMemory:
    """The actors named so far in one article, most recent last.

    For each sort in WANTED it keeps the latest fitting subject and the latest fitting
    mention as they are observed, so a question costs the same at the end of a long
    article as at its start (scanning every mention made long articles quadratic).
    """

    seen: list[Antecedent] = field(default_factory=list)
    before: ArticleMemory | None = None  # the article so far, when this is a sentence's

    def __post_init__(self) -> None:
        self._latest_of: dict[str, tuple[Antecedent | None, Antecedent | None]] = {}
        for antecedent in self.seen:
            self._note(antecedent)

    def observe(self, antecedent: Antecedent) -> None:
        self.seen.append(antecedent)
        self._note(antecedent)

    def _note(self, antecedent: Antecedent) -> None:
        for sort, wanted in WANTED.items():
            if wanted(antecedent):
                subject, _ = self._latest_of.get(sort, (None, None))
                self._latest_of[sort] = (antecedent if antecedent.subject else subject,
                                         antecedent)

    def with_sentence(self, earlier: list[Antecedent]) -> ArticleMemory:
        """The memory as it stands at a word: the article so far, then the sentence so far."""
        return ArticleMemory(list(earlier), before=self) if earlier else self

    def resolve(self, word: str, determiner: str | None = None) -> Antecedent | None:
        """The antecedent a pronoun or 'the <noun>' refers to, if the rules find one."""
        word = word.lower()
        if word in PERSON_PRONOUNS:
            return self._latest("person")
        if determiner in PERSONAL_DETERMINERS and word in COUNTRY_NOUNS:
            found = self._persons_country(word)
            if found is not None:
                return found
        if word in THING_PRONOUNS:
            return self._latest("collective")
        if determiner in DEFINITE and word in COUNTRY_NOUNS:
            found = self._latest("collective")
            return _as_country(found) if found and word not in GOVERNING_NOUNS else found
        if word in GROUP_PRONOUNS:
            return self._latest("group")
        if determiner in DEFINITE and word in DOCUMENT_NOUNS:
            return self._latest("organization")
        return None

    def _persons_country(self, noun: str) -> Antecedent | None:
        """'Putin said his country ...': the country of the person 'his' stands for, its
        government for 'his government'."""
        person = self._latest("person")
        if person is None or not names_state(person.code):
            return None
        code = country_prefix(person.code) + (GOVERNMENT if noun in GOVERNING_NOUNS else "")
        return dataclasses.replace(person, code=code, kind="country",
                                   rule=f"{person.rule} (the person's {noun})")

    def latest_country(self) -> Antecedent | None:
        """The most recent actor whose code starts with a country."""
        return self._latest("country")

    def _latest(self, sort: str) -> Antecedent | None:
        """The most recent subject of the sort, else the most recent mention of it:
        a story keeps talking about whoever was doing things in it."""
        subject, fitting = self._latest_pair(sort)
        return subject or fitting

    def _latest_pair(self, sort: str) -> tuple[Antecedent | None, Antecedent | None]:
        subject, fitting = self._latest_of.get(sort, (None, None))
        if self.before is not None:
            before_subject, before_fitting = self.before._latest_pair(sort)
            subject, fitting = subject or before_subject, fitting or before_fitting
        return subject, fitting


def _as_country(antecedent: Antecedent) -> Antecedent:
    """'Israel's prime minister ... the country': the country, not its minister."""
    code = antecedent.code
    if not names_state(code):
        return antecedent
    return dataclasses.replace(antecedent, code=country_prefix(code))
