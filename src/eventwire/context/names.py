"""The PLOVER manual's table of general contexts, and the crosswalk's other spellings."""

from __future__ import annotations

CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security",
    "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
    "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime",
    "corruption", "illegal_drugs", "trafficking",
)
# The CAMEO-to-PLOVER crosswalk (ontology/data/cameo.tsv) predates the table's names.
ALIASES = {"humanitarian": "human_security", "democracy": "pro_democracy"}


def canonical(name: str) -> str | None:
    """The table's name for ``name``, or None when the table has no such context."""
    name = ALIASES.get(name, name)
    return name if name in CONTEXTS else None
