"""Simple in-article references: pronouns and definite descriptions.

Within one article, "he", "she", "it", "they", "the country" or "the ally"
point back to an actor named earlier. The rules are deliberately simple and
conservative (documented in docs/CODING.md):

- "he/she/him/her/his/hers" -> the most recent person;
- "it/its" and "the country/nation/state/ally/kingdom/republic" -> the most
  recent country or organization;
- "they/them/their" -> the most recent actor that is not a person.

A resolved actor carries the rule ``coref:<word> -> <antecedent rule>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
COUNTRY_NOUNS = {"country", "nation", "state", "ally", "kingdom", "republic", "regime",
                 "government", "neighbour", "neighbor"}


@dataclass(frozen=True)
class Antecedent:
    """An actor named earlier in the article."""

    code: str
    kind: str
    rule: str
    text: str


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
        if word in THING_PRONOUNS or (determiner == "the" and word in COUNTRY_NOUNS):
            return self._latest(lambda a: a.kind != "person")
        if word in GROUP_PRONOUNS:
            return self._latest(lambda a: a.kind != "person")
        return None

    def _latest(self, wanted) -> Antecedent | None:
        for antecedent in reversed(self.seen):
            if wanted(antecedent):
                return antecedent
        return None
