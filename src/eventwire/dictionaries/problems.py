"""What goes wrong in a dictionary, located by ``file:line``."""

from __future__ import annotations

import re
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
_LOCATED = re.compile(r"^(?P<where>[^\n]*?:\d+): (?P<message>.*)$", re.DOTALL)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem; ``where`` is ``file:line`` (or just ``file`` for whole-file ones)."""

    where: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: {self.message}"

    @classmethod
    def parse(cls, text: str, severity: str = ERROR, default_where: str = "") -> Problem:
        """A problem from a reader's ``file:line: message`` string."""
        match = _LOCATED.match(str(text))
        if match is None:
            return cls(default_where or "?", str(text), severity)
        return cls(match["where"], match["message"], severity)


class DictionaryLoadError(ValueError):
    """Dictionaries that cannot be used as they are; the message lists every error."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{shown}{more}\n(run `eventwire dict check` on the file to see all)")
