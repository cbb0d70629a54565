"""PLOVER modes: the manual's modes per event type, and its auxiliary modes.

The CAMEO-to-PLOVER crosswalk (data/cameo.tsv) predates the manual's tables and names
some modes the manual does not ('assassinate', 'massacre', 'ban'); each is read as the
manual's mode that covers it, or dropped when none does (a context given as a mode,
'pro_autocracy', is a context, not a mode). Never a mode the manual lacks.
"""

from __future__ import annotations

MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory",
                           "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct",
                          "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest",
                         "deport", "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy",
                          "primitive", "firearms", "explosives", "suicide-attack", "aerial",
                          "drone", "heavy-weapons", "crowd-control", "unconventional"}),
}
# The crosswalk's names for modes the manual gives another name.
ALIASES: dict[tuple[str, str], str] = {
    ("ASSAULT", "assassinate"): "targeted",  # "targeted killings, including assassinations"
    ("ASSAULT", "massacre"): "targeted",  # "deliberate mass killings of defenseless actors"
    ("COERCE", "ban"): "restrict",  # "banning of individuals or organizations"
    ("THREATEN", "ban"): "restrict",  # "the banning of political activities"
}
AUXILIARY_MODES = ("historical", "future", "hypothetical", "negated")
# eventwire's modality (events/modality.py) -> PLOVER's auxiliary mode.
_AUXILIARY = {"negated": "negated", "hypothetical": "hypothetical",
              "historical": "historical", "future": "future", "announced": "future"}
# "The coder should always return the single event category": a planned cooperation is
# AGREE and a planned attack THREATEN, with no auxiliary mode.
_SINGLE_CATEGORIES = {"AGREE", "THREATEN"}


def checked_mode(plover: str | None, mode: str | None) -> str | None:
    """``mode`` if the manual lists it for ``plover``, else its manual name, else None."""
    if plover is None or mode is None:
        return None
    if mode in MODES.get(plover, frozenset()):
        return mode
    return ALIASES.get((plover, mode))


def auxiliary_mode(modality: str | None, plover: str | None) -> str | None:
    """The auxiliary mode of an event coded with ``modality``."""
    aux = _AUXILIARY.get(modality or "")
    if aux == "future" and plover in _SINGLE_CATEGORIES:
        return None
    return aux
