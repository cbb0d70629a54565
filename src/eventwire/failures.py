"""One article's failure stays that article's: it is recorded and the run goes on.

Every stage that handles articles one at a time (each reader, the ingest run,
the coder, the worker engine) does its per-article work through `contained`,
or reads a source through `contained_all`, so an exception of any type, even one
raised deep inside a library, becomes a message about that article or file.
Only a failure of the run itself (the store cannot be written, the model cannot
be loaded) stops it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
MAX_MESSAGE_CHARS = 500


def contained(work: Callable[[], T], failed: Callable[[str], T]) -> T:
    """``work()``, or ``failed(message)`` if it raises."""
    try:
        return work()
    except Exception as exc:  # whatever the type: see the module docstring
        return failed(describe(exc))


def contained_all(items: Iterable[T], failed: Callable[[str], T]) -> Iterator[T]:
    """The items, then ``failed(message)`` if producing the next one raises.

    What was yielded before the failure stays yielded; the rest of this source is
    lost, but not the sources after it.
    """
    try:
        yield from items
    except Exception as exc:  # whatever the type: see the module docstring
        yield failed(describe(exc))


def describe(exc: BaseException) -> str:
    """A one-line message for any exception, safe to print and to store. eventwire's
    own errors are written for the user and keep their message; others are named."""
    ours = type(exc).__module__.startswith("eventwire.")
    text = str(exc) if ours and str(exc) else (
        f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    return shown(text)


def shown(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """Text safe for a terminal and a UTF-8 store: control, bidi and unpaired surrogate
    characters escaped, and at most `limit` characters."""
    safe = "".join(char if char.isprintable() else _escaped(char) for char in text[:limit + 1])
    return safe if len(safe) <= limit else safe[:limit] + "..."


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
