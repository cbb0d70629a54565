"""Simple in-article references: pronouns and definite descriptions.

Within one article, "he", "she", "it", "they", "the country" or "the ally"
point back to an actor named earlier. The rules are deliberately simple and
conservative (documented in docs/CODING.md):

- "he/she/him/her/his/hers" -> the most recent person;
- "it/its" and "the country/nation/state/ally/kingdom/republic" -> the most
  recent country or organization (never a person or a role such as "minister");
- "they/them/their" -> the most recent actor that is not a person.

Among the actors that fit, the most recent grammatical subject wins over a more
recent object or place: a story keeps talking about whoever was acting in it.

A resolved actor carries the rule ``coref:<word> -> <antecedent rule>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
# Three-letter code prefixes that are not countries: IGOs, NGOs, multinationals,
# international militarized groups, and unplaced agents.
NOT_COUNTRIES = {"IGO", "NGO", "MNC", "IMG", "INT", "UIS", "---"}
# Kinds of actor that "it" can stand for: not a person, not a role such as "minister".
COLLECTIVE_KINDS = {"country", "organization", "actor"}
# "the country", "his country", "its government": determiners that point back.
DEFINITE = {"the", "his", "her", "its", "their", "this"}
COUNTRY_NOUNS = {"country", "nation", "state", "ally", "kingdom", "republic", "regime",
                 "government", "neighbour", "neighbor"}


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
        if word in THING_PRONOUNS or (determiner in DEFINITE and word in COUNTRY_NOUNS):
            return self._latest(lambda a: a.kind in COLLECTIVE_KINDS)
        if word in GROUP_PRONOUNS:
            return self._latest(lambda a: a.kind != "person")
        return None

    def latest_country(self) -> Antecedent | None:
        """The most recent actor whose code starts with a country."""
        return self._latest(lambda a: a.code[:3].isalpha() and a.code[:3] not in NOT_COUNTRIES)

    def _latest(self, wanted) -> Antecedent | None:
        """The most recent subject that fits, else the most recent mention that fits:
        a story keeps talking about whoever was doing things in it."""
        fitting = [a for a in self.seen if wanted(a)]
        subjects = [a for a in fitting if a.subject]
        return (subjects or fitting or [None])[-1]
