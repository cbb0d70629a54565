"""Context: what an event is about, as PLOVER's table of contexts names it.

Each event gets a list of contexts, each marked with where it came from: its own
sentence, or the article around it (the manual warns that an article's context need
not be the event's: "an ASSAULT with an election context need not be electoral
violence"). Evidence, in the order it is recorded:

- ``code``: the context the CAMEO-to-PLOVER crosswalk gives the event's code;
- ``sector``: an actor's sector (a state military is ``military``, a court ``legal``);
- ``keyword``: a term of the manual's definition in the sentence (data/keywords.tsv);
- ``model``: the learned classifier (model.py) over the sentence's words.

A context of the article is one found in its title or in at least two of its
sentences. See docs/CODING.md, "Context".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.context.keywords import Keywords
from eventwire.context.model import ContextModel
from eventwire.context.names import CONTEXTS, canonical

__all__ = ["CONTEXTS", "ContextCoder", "Found", "canonical"]

# CAMEO agent codes (3-letter parts of an actor code after its country) and the
# context each says. MIL counts only behind a country: the manual's military context
# is the state's armed forces, not militias or rebels.
SECTOR_CONTEXTS = {"MIL": "military", "SPY": "intelligence", "LEG": "legislative",
                   "JUD": "legal", "REF": "migration", "HLH": "health", "CRM": "crime",
                   "ENV": "environment", "HRI": "human_rights", "PKO": "peacekeeping"}
ARTICLE_MIN_SENTENCES = 2


@dataclass(frozen=True)
class Found:
    """One context of an event: its name, 'sentence' or 'article', and the evidence."""

    name: str
    source: str
    evidence: str


class ContextCoder:
    """Keywords plus the learned model; either can be left out for an ablation."""

    def __init__(self, keywords: Keywords | None, model: ContextModel | None) -> None:
        self.keywords = keywords
        self.model = model

    @classmethod
    def load(cls) -> ContextCoder:
        return cls(Keywords.load(), ContextModel.load())

    def of_text(self, text: str) -> dict[str, str]:
        """Context -> evidence, from the words of one sentence alone."""
        hits = self.keywords.find(text) if self.keywords is not None else {}
        found = {name: f"keyword:{word}" for name, word in hits.items()}
        if self.model is not None:
            for name, probability in self.model.predict(text, hits).items():
                found.setdefault(name, f"model:{probability:.2f}")
        return found

    def of_article(self, sentences: Iterable[dict[str, str]], title: str | None
                   ) -> dict[str, str]:
        """The article's contexts: those of its title or of two or more sentences."""
        counts: Counter[str] = Counter()
        for found in sentences:
            counts.update(found.keys())
        article = {name: f"article:{n} sentences" for name, n in counts.items()
                   if n >= ARTICLE_MIN_SENTENCES}
        if title:
            for name in self.of_text(title):
                article.setdefault(name, "article:title")
        return article

    def for_event(self, sentence: dict[str, str], article: dict[str, str],
                  code_contexts: Iterable[str] = (), actor_codes: Iterable[str] = ()
                  ) -> list[Found]:
        """An event's contexts: its code's, its actors', its sentence's, then the
        article's that the sentence lacks."""
        own: dict[str, str] = {}
        for raw in code_contexts:
            name = canonical(raw)
            if name is not None:
                own.setdefault(name, "code")
        for code in actor_codes:
            for name, sector in _sector_contexts(code):
                own.setdefault(name, f"sector:{sector}")
        for name, evidence in sentence.items():
            own.setdefault(name, evidence)
        found = [Found(name, "sentence", evidence) for name, evidence in own.items()]
        found += [Found(name, "article", evidence) for name, evidence in article.items()
                  if name not in own]
        order = {name: i for i, name in enumerate(CONTEXTS)}
        return sorted(found, key=lambda f: (f.source != "sentence", order[f.name]))


def _sector_contexts(code: str) -> list[tuple[str, str]]:
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    found = []
    for position, part in enumerate(parts):
        name = SECTOR_CONTEXTS.get(part)
        if name == "military" and position == 0:
            continue  # a bare MIL is any armed group, not a state's army
        if name is not None:
            found.append((name, part))
    return found
