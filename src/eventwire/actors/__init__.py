"""Actors: who does what to whom.

Dictionaries of named actors (countries, organizations, people with dated
roles) and agents (generic roles such as "protesters"), and the matcher that
finds them in spaCy tokens::

    from eventwire.actors import ActorDictionary, AgentDictionary, ActorMatcher

    matcher = ActorMatcher(ActorDictionary.load(), AgentDictionary.load())
    for mention in matcher.find(doc, datetime.date(2024, 3, 26)):
        print(mention.text, mention.code, mention.source)

The data format is described in :mod:`eventwire.actors.entries`, the TABARI
input format in :mod:`eventwire.actors.tabari`, and the matching and
combination rules in :mod:`eventwire.actors.matcher`.
"""

from eventwire.actors.dictionary import ActorDictionary, AgentDictionary
from eventwire.actors.entries import ActorEntry, AgentEntry, DictionaryError, Role
from eventwire.actors.matcher import ActorMatcher, ActorMention, combine_codes

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "ActorMatcher",
    "ActorMention",
    "AgentDictionary",
    "AgentEntry",
    "DictionaryError",
    "Role",
    "combine_codes",
]
