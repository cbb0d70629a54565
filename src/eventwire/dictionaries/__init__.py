"""Dictionaries users can own: overlays, lookup, checks, diffs and conversion.

The bundled actor, agent and verb dictionaries are the coder's knowledge.
This package puts a user's own files on top of them and answers questions
about the result::

    from eventwire.dictionaries import load_dictionaries, check_paths

    found = load_dictionaries([Path("my_overlay.yaml")])   # bundled + overlay
    print(found.hash, found.overrides)                      # provenance, what changed
    for problem in check_paths(["my_overlay.yaml"]):
        print(problem)                                      # file:line: error: ...

The overlay format is documented in docs/DICTIONARIES.md; the modules are
:mod:`.sources` (reading any file), :mod:`.load` (layering), :mod:`.check`,
:mod:`.diff`, :mod:`.convert` and :mod:`.lookup`.
"""

from eventwire.dictionaries.check import check_paths, has_errors
from eventwire.dictionaries.convert import convert_file
from eventwire.dictionaries.diff import Change, diff_sets
from eventwire.dictionaries.load import (
    DictionarySet,
    find_overlays,
    load_dictionaries,
    load_named,
    merge_verbs,
)
from eventwire.dictionaries.problems import DictionaryLoadError, Problem

__all__ = [
    "Change",
    "DictionaryLoadError",
    "DictionarySet",
    "Problem",
    "check_paths",
    "convert_file",
    "diff_sets",
    "find_overlays",
    "has_errors",
    "load_dictionaries",
    "load_named",
    "merge_verbs",
]
