"""Errors of the ontology stage; each says where the problem is and how to fix it."""

from __future__ import annotations

from pathlib import Path

from eventwire.ontology.codes import is_cameo_code


class OntologyError(ValueError):
    """The CAMEO table is malformed; the message starts with file:line."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.path = str(path)
        self.line = line
        super().__init__(f"{path}:{line}: {message}")


class UnknownCodeError(KeyError):
    """A CAMEO code that is not in the ontology; the message lists the nearest codes."""

    def __init__(self, code: object, suggestions: list[str]) -> None:
        self.code = code
        self.suggestions = suggestions
        hint = f" Nearest codes: {', '.join(suggestions)}." if suggestions else ""
        if not (isinstance(code, str) and is_cameo_code(code)):
            hint += ' Codes are strings of 2-4 digits with leading zeros, e.g. "042".'
        super().__init__(f"Unknown CAMEO code {code!r}.{hint}")

    def __str__(self) -> str:
        # KeyError would show the repr of the whole message, quotes and all.
        return str(self.args[0])
