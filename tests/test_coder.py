"""The coder as a whole: batches, ids, provenance fields."""

from __future__ import annotations

import eventwire
from eventwire.coder import Coder
from eventwire.schema import Article


def test_one_country_named_twice_gives_one_event_per_id():
    events = eventwire.code_text("The US and American officials criticized Iran.",
                                 date="2024-01-01")
    ids = [e.event_id for e in events]
    assert ids and len(ids) == len(set(ids))
    assert [(e.source.code, e.target.code) for e in events] == [("USA", "IRN")]


def test_batches_give_the_same_events_as_single_articles():
    texts = ["Israel attacked Hamas in Gaza.", "Russia accused the European Union of lying.",
             "Egypt urged Israel to withdraw from Gaza."]
    articles = [Article(id=f"a{i}", text=t, date="2024-03-26") for i, t in enumerate(texts)]
    coder = Coder.load()
    batched = list(coder.code_articles(articles))
    single = [coder.code_article(article) for article in articles]
    assert batched == single and all(batched)


def test_every_event_says_how_it_was_made():
    (event, *_) = eventwire.code_text("Israel attacked Hamas.", date="2024-01-01")
    assert event.coder_version == eventwire.__version__
    assert event.dictionaries and len(event.dictionaries) == 16
    assert event.rule.startswith("CAMEO.2.0.txt:")
    assert event.source.rule and event.target.rule


def test_rules_turn_single_stages_off():
    from eventwire.events.records import CodingRules

    coder = Coder.load()

    def triggers(rules: CodingRules, text: str) -> list[str]:
        article = Article(id="r", text=text, date="2024-03-26")
        return [e.trigger.text for e in coder.with_rules(rules).code_article(article)]

    assert triggers(CodingRules(), "Israel did not attack Hamas.") == []
    assert triggers(CodingRules(modality=False), "Israel did not attack Hamas.") == ["attack"]
    assert "attack" in triggers(CodingRules(), "Israel's attack on Gaza drew protests.")
    assert "attack" not in triggers(CodingRules(nominal=False),
                                    "Israel's attack on Gaza drew protests.")
    story = "Israel met Egypt. It later attacked Hamas."
    assert "attacked" in triggers(CodingRules(), story)
    assert "attacked" not in triggers(CodingRules(coref=False), story)
