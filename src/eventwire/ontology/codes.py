"""The CAMEO code record and the rules that follow from a code's digits."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The event types of PLOVER (manual draft 0.8, 2021), in the manual's order:
# verbal cooperation, material cooperation, verbal conflict, material conflict.
PLOVER_EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

QUAD_CLASS_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# A cue category ("04") and its 3- and 4-digit refinements ("042", "0421").
CODE_PATTERN = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


def is_cameo_code(text: str) -> bool:
    """True when `text` has the shape of a CAMEO event code: 2-4 digits, root 01-20."""
    return bool(CODE_PATTERN.match(text))


def root_of(code: str) -> str:
    """The cue category of a code: its first two digits ("0421" -> "04")."""
    return code[:2]


def parent_of(code: str) -> str | None:
    """The code one level up ("0421" -> "042" -> "04"), None for a cue category."""
    return code[:-1] if len(code) > 2 else None


def quad_class_for_root(root: str) -> int:
    """GDELT's quad class of a cue category: 01-05, 06-09, 10-14, 15-20 -> 1, 2, 3, 4."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"CAMEO cue category must be 01-20, got {root!r}")
    if number <= 5:
        return 1
    if number <= 9:
        return 2
    if number <= 14:
        return 3
    return 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its scores and its PLOVER equivalent.

    `plover` is None where PLOVER has no event type for the code (the 01 and 02
    families were dropped from PLOVER). `goldstein_from` and `plover_from` name
    the ancestor code a value was taken from when the sources give none for this
    code itself, so derived values are never mistaken for published ones;
    `plover_from` is "heading" for a cue category typed by its crosswalk section, and
    "manual" where the PLOVER manual's text overrides the crosswalk.
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]
    goldstein_from: str | None = None
    plover_from: str | None = None

    @property
    def root(self) -> str:
        """The cue category, e.g. "04" for "042"."""
        return root_of(self.code)

    @property
    def is_root(self) -> bool:
        """True for a two-digit cue category such as "04"."""
        return len(self.code) == 2
