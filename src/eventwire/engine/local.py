"""Coding articles with one or more local processes.

One worker codes in this process. With N > 1, N worker processes each load
their own `Coder` once (in the pool initializer) and code chunks of articles;
results come back in input order, so the caller can save them as they arrive.
Processes are started with "spawn": forking a parent that holds a DuckDB
connection and HTTP threads can deadlock the child.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType

from eventwire.coder import Coder
from eventwire.failures import describe
from eventwire.pipeline import code_items
from eventwire.schema import Article, Event

CHUNK_ARTICLES = 16
# Chunks queued per worker: enough to keep every worker busy while the parent saves.
CHUNKS_AHEAD = 2
# One BLAS thread per worker: each worker already has a core, and BLAS threads on top
# oversubscribe them (2 workers on 2 cores ran at half speed). Set before a worker
# starts, since BLAS reads them when numpy loads; a user's own setting is kept.
SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
                   "MKL_NUM_THREADS": "1"}


class EngineError(RuntimeError):
    """The engine cannot code at all, e.g. its worker processes cannot start."""


@dataclass(frozen=True)
class CodingFailure:
    """Why one article could not be coded."""

    message: str


Result = list[Event] | CodingFailure


class LocalEngine:
    """Codes articles with `workers` processes (1 = in this process)."""

    def __init__(self, model: str, workers: int = 1, chunk: int = CHUNK_ARTICLES,
                 overlays: list[Path] | None = None, conventions: str = "eventwire",
                 keep_negated: bool = False) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.model, self.workers, self.chunk = model, workers, chunk
        self.overlays = list(overlays or [])
        self.conventions = conventions
        self.keep_negated = keep_negated
        self._coder: Coder | None = None
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Result]]:
        """Each article with its events or its failure, in input order.

        `articles` is read lazily, a few chunks ahead of the results.
        """
        if self.workers == 1:
            yield from self._code_here(articles)
        else:
            yield from self._code_in_pool(articles)

    def _code_here(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Result]]:
        if self._coder is None:
            self._coder = _load_coder(self.model, self.overlays, self.conventions,
                                      self.keep_negated)
        for chunk in _chunks(articles, self.chunk):
            yield from zip(chunk, _code_chunk(self._coder, chunk), strict=True)

    def _code_in_pool(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Result]]:
        pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
        chunks = _chunks(articles, self.chunk)
        limit = self.workers * CHUNKS_AHEAD
        broken = 0
        while True:
            while len(pending) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, self._submit(chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # A worker died (out of memory, a crash in native code): the chunks it
                # held are lost, so they are reported, and a fresh pool takes the rest.
                broken += 1
                if broken > 1:
                    raise EngineError(
                        "worker processes keep dying; if eventwire runs from a script, "
                        "guard it with `if __name__ == \"__main__\":`") from None
                results = [CodingFailure("the worker process coding it died")] * len(chunk)
                self.close()
                pending = deque((c, self._submit(c)) for c, _ in pending)
            except Exception as exc:  # e.g. a result that cannot be sent back: this chunk's
                results = [CodingFailure(f"the worker failed: {describe(exc)}")] * len(chunk)
            else:
                broken = 0
            yield from zip(chunk, results, strict=True)

    def _submit(self, chunk: list[Article]) -> Future[list[Result]]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker, initargs=(self.model, os.getpid(), self.overlays,
                                                         self.conventions, self.keep_negated))
        with _environment(SINGLE_THREADED):  # workers start on submit
            return self._pool.submit(_code_in_worker, chunk)


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables the user has not set, for processes started inside."""
    added = [name for name in values if name not in os.environ]
    os.environ.update({name: values[name] for name in added})
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _code_chunk(coder: Coder, chunk: list[Article]) -> list[Result]:
    """Events for each article; a failing article becomes a CodingFailure, the rest go on."""
    results: list[Result] = []
    for item in code_items(coder, chunk):
        if isinstance(item, tuple):
            results.append(item[1])
        else:
            results.append(CodingFailure(item.message))
    return results


# The coder of a worker process, loaded once by the pool initializer: a pool task
# can only reach per-process state through the module.
_WORKER: dict[str, Coder] = {}


def _start_worker(model: str, parent: int, overlays: list[Path], conventions: str,
                  keep_negated: bool = False) -> None:
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _WORKER["coder"] = _load_coder(model, overlays, conventions, keep_negated)


def _load_coder(model: str, overlays: list[Path], conventions: str,
                keep_negated: bool = False) -> Coder:
    coder = Coder.load(model, overlays=overlays).with_conventions(conventions)
    if keep_negated:  # negated events kept, marked aux_mode "negated" (docs/CODING.md)
        coder = coder.with_rules(dataclasses.replace(coder.rules, keep_negated=True))
    return coder


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """End this worker when the parent dies: a parent killed with SIGKILL cannot stop it,
    and the worker would otherwise wait for work forever."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _code_in_worker(chunk: list[Article]) -> list[Result]:
    return _code_chunk(_WORKER["coder"], chunk)
