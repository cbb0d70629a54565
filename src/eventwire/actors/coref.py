"""Simple in-article references: pronouns and definite descriptions.

Within one article, "he", "she", "it", "they", "the country" or "the ally"
point back to an actor named earlier. The rules are deliberately simple and
conservative (documented in docs/CODING.md):

- "he/she/him/her/his/hers" -> the most recent person;
- "it/its" and "the country/nation/state/ally/kingdom/republic" -> the most
  recent country or organization (never a person or a role such as "minister");
- "they/them/their" -> the most recent actor that is not a person (the coder first
  tries a list of actors earlier in the pronoun's own sentence: ``_latest_list``).

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
# "his country", "her government": the person's own, when a person is the antecedent.
PERSONAL_DETERMINERS = {"his", "her"}
GOVERNING_NOUNS = {"government", "regime"}
GOVERNMENT = "GOV"


# Every word these rules can resolve: a sentence holding one may name an actor.
REFERRING_WORDS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS | COUNTRY_NOUNS


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


@dataclass
class ArticleMemory:
    """The actors named so far in one article, most recent last."""

    seen: list[Antecedent] = field(default_factory=list)

    def observe(self, antecedent: Antecedent) -> None:
        self.seen.append(antecedent)

    def with_sentence(self, earlier: list[Antecedent]) -> ArticleMemory:
        """The memory as it stands at a word: the article so far, then the sentence so far."""
        return ArticleMemory(self.seen + earlier) if earlier else self

    def resolve(self, word: str, determiner: str | None = None) -> Antecedent | None:
        """The antecedent a pronoun or 'the <noun>' refers to, if the rules find one."""
        word = word.lower()
        if word in PERSON_PRONOUNS:
            return self._latest(lambda a: a.kind == "person")
        if determiner in PERSONAL_DETERMINERS and word in COUNTRY_NOUNS:
            found = self._persons_country(word)
            if found is not None:
                return found
        if word in THING_PRONOUNS:
            return self._latest(lambda a: a.kind in COLLECTIVE_KINDS)
        if determiner in DEFINITE and word in COUNTRY_NOUNS:
            found = self._latest(lambda a: a.kind in COLLECTIVE_KINDS)
            return _as_country(found) if found and word not in GOVERNING_NOUNS else found
        if word in GROUP_PRONOUNS:
            return self._latest(lambda a: a.kind != "person")
        return None

    def _persons_country(self, noun: str) -> Antecedent | None:
        """'Putin said his country ...': the country of the person 'his' stands for, its
        government for 'his government'."""
        person = self._latest(lambda a: a.kind == "person")
        if person is None or not names_state(person.code):
            return None
        code = country_prefix(person.code) + (GOVERNMENT if noun in GOVERNING_NOUNS else "")
        return dataclasses.replace(person, code=code, kind="country",
                                   rule=f"{person.rule} (the person's {noun})")

    def latest_country(self) -> Antecedent | None:
        """The most recent actor whose code starts with a country."""
        return self._latest(lambda a: names_state(a.code))

    def _latest(self, wanted) -> Antecedent | None:
        """The most recent subject that fits, else the most recent mention that fits:
        a story keeps talking about whoever was doing things in it."""
        fitting = [a for a in self.seen if wanted(a)]
        subjects = [a for a in fitting if a.subject]
        return (subjects or fitting or [None])[-1]


def _as_country(antecedent: Antecedent) -> Antecedent:
    """'Israel's prime minister ... the country': the country, not its minister."""
    code = antecedent.code
    if not names_state(code):
        return antecedent
    return dataclasses.replace(antecedent, code=country_prefix(code))
