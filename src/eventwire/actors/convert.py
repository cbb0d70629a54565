"""Turn TABARI dictionary entries into the project's actor and agent records.

The work here is deciding what a TABARI phrase means for real text:

* Names become the token sequences spaCy's English tokenizer produces.
  The tokenizer is case-sensitive ("Gen." is one token, "GEN." two), so each
  phrase is tokenized as written, in Title Case (how news prints names) and in
  lower case, and every distinct lower-cased result is kept.
* A phrase without a trailing ``_`` gets the stem marker ``*`` when its last
  token is alphabetic and at least :data:`MIN_STEM_LENGTH` letters long, so
  "ISRAELI" matches "Israelis" but "UN" never matches "under".
* Agents get regular English plurals unless the file gives ``{PLURAL}`` or
  ``{}``. They are matched exactly; the agents file itself says it relies on
  generated plurals rather than stems.
* Entries sharing an id (the primary phrase) are merged: the Phoenix files
  list many officials twice with split date ranges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.actors.entries import (
    MIN_STEM_LENGTH,
    ActorEntry,
    AgentEntry,
    guess_kind,
    json_line,
    write_lines,
)
from eventwire.actors.tabari import (
    TabariActor,
    TabariAgent,
    TabariPhrase,
    TabariWarning,
    read_actors,
    read_agents,
)

if TYPE_CHECKING:
    from spacy.language import Language

# Words that end a phrase without being its head noun: "AMBASSADOR_TO",
# "OBSERVERS_IN". Pluralizing them would only make nonsense names.
_NO_PLURAL_WORDS = frozenset({"OF", "IN", "TO", "FOR", "AT", "ON", "FROM", "AND", "THE", "WITH"})
_ALREADY_PLURAL = frozenset({"PEOPLE", "CHILDREN", "PERSONNEL", "POLICE", "CLERGY"})

# U+FFFD and control characters: bytes lost before the file reached us
# ("NIG\ufffdERIA"); such a name can never match real text.
_UNREADABLE = re.compile("[\ufffd\x00-\x1f]")


@dataclass
class Conversion:
    """Converted records plus every warning met on the way, each with ``file:line``."""

    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    warnings: list[TabariWarning] = field(default_factory=list)


class NameTokenizer:
    """Turns TABARI phrases into lower-case token-sequence names."""

    def __init__(self, nlp: Language | None = None) -> None:
        # Imported here so that loading converted data does not pay for spaCy.
        import spacy

        # A blank pipeline tokenizes exactly like en_core_web_sm: same rules.
        self._nlp = nlp or spacy.blank("en")
        self._words: dict[str, tuple[str, ...]] = {}
        tokenizer = self._nlp.tokenizer
        self._special = frozenset(tokenizer.rules or {})
        # The word-by-word path below holds only while no special case joins words
        # across a space (the whitespace-only ones, such as " ", do not).
        self._by_word = not any(" " in case and case.strip() for case in self._special)

    def tokens(self, text: str) -> list[str]:
        """Lower-cased tokens of ``text``, as the matcher sees real text.

        spaCy tokenizes each run of non-space characters on its own, so each run is
        tokenized once and remembered: a 100,000-actor overlay has some 600,000 names
        to tokenize, and a Doc for each took most of its loading time.
        """
        if not self._by_word:
            return [token.lower_ for token in self._nlp.tokenizer(text) if not token.is_space]
        found: list[str] = []
        for word in text.split():
            known = self._words.get(word)
            if known is None:
                known = self._words[word] = self._word_tokens(word)
            found.extend(known)
        return found

    def _word_tokens(self, word: str) -> tuple[str, ...]:
        """A word the tokenizer would leave whole (no special case, no prefix, suffix,
        infix or URL) is one token without building a Doc; any other is tokenized."""
        tokenizer = self._nlp.tokenizer
        if word not in self._special and not any(
                search is not None and search(word) for search in (
                    tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.token_match,
                    tokenizer.url_match)) and not (
                tokenizer.infix_finditer is not None and any(tokenizer.infix_finditer(word))):
            return (word.lower(),)
        return tuple(token.lower_ for token in tokenizer(word) if not token.is_space)

    def names(self, words: Iterable[str], stem: bool) -> list[str]:
        """Every distinct name a phrase can take in text, title case first."""
        surface = " ".join(words)
        names: list[str] = []
        for form in (surface.title(), surface, surface.lower()):
            tokens = self.tokens(form)
            if not tokens:
                continue
            name = " ".join(tokens)
            if stem and tokens[-1].isalpha() and len(tokens[-1]) >= MIN_STEM_LENGTH:
                name += "*"
            if name not in names:
                names.append(name)
        return names

    def normalize(self, name: str) -> list[str]:
        """Names for a free-form string such as "Benjamin Netanyahu" or "al-Qaeda"."""
        stem = name.endswith("*")
        words = name.rstrip("*").replace("_", " ").split()
        return self.names(words, stem=stem)


def convert_actor_files(paths: list[Path], tokenizer: NameTokenizer) -> Conversion:
    """Read and convert TABARI ``.actors`` files, merging entries that share an id."""
    result = Conversion()
    by_id: dict[str, ActorEntry] = {}
    for path in paths:
        parsed = read_actors(path)
        result.warnings.extend(parsed.warnings)
        for tabari_actor in parsed.actors:
            entry = _actor(tabari_actor, tokenizer, result.warnings)
            if entry is None:
                continue
            if entry.id in by_id:
                by_id[entry.id].merge(entry)
            else:
                by_id[entry.id] = entry
                result.actors.append(entry)
    return result


def convert_agent_files(paths: list[Path], tokenizer: NameTokenizer) -> Conversion:
    """Read and convert TABARI ``.agents`` files; a repeated id keeps its first code."""
    result = Conversion()
    by_id: dict[str, AgentEntry] = {}
    for path in paths:
        parsed = read_agents(path)
        result.warnings.extend(parsed.warnings)
        for tabari_agent in parsed.agents:
            entry = _agent(tabari_agent, tokenizer)
            first = by_id.get(entry.id)
            if first is None:
                by_id[entry.id] = entry
                result.agents.append(entry)
            elif (first.code, first.position) == (entry.code, entry.position):
                first.names.extend(n for n in entry.names if n not in first.names)
            else:
                result.warnings.append(TabariWarning(
                    entry.source,
                    f"agent {entry.id} [{entry.code}] repeats {first.source} "
                    f"[{first.code}]; kept the first",
                ))
    return result


def _actor(
    tabari_actor: TabariActor, tokenizer: NameTokenizer, warnings: list[TabariWarning]
) -> ActorEntry | None:
    names: list[str] = []
    for phrase in tabari_actor.phrases:
        if _UNREADABLE.search(" ".join(phrase.words)):
            warnings.append(TabariWarning(
                phrase.source, f"skipped name {'_'.join(phrase.words)!r}: unreadable characters"
            ))
            continue
        names.extend(n for n in tokenizer.names(phrase.words, not phrase.exact) if n not in names)
    if not names:
        warnings.append(TabariWarning(tabari_actor.source, "skipped entry: no readable name"))
        return None
    roles = list(tabari_actor.roles)
    return ActorEntry(
        id=_identifier(tabari_actor.phrases[0].words),
        names=names,
        roles=roles,
        kind=guess_kind(roles, tabari_actor.comment, tabari_actor.phrases[0].words),
        source=tabari_actor.source,
    )


def _agent(tabari_agent: TabariAgent, tokenizer: NameTokenizer) -> AgentEntry:
    phrases = list(tabari_agent.phrases)
    if tabari_agent.plurals is None:
        phrases += [p for p in map(regular_plural, tabari_agent.phrases) if p is not None]
    else:
        phrases += tabari_agent.plurals
    names: list[str] = []
    for phrase in phrases:
        names.extend(n for n in tokenizer.names(phrase.words, stem=False) if n not in names)
    return AgentEntry(
        id=_identifier(re.split(r"[_\s]+", tabari_agent.name)),
        names=names,
        code=tabari_agent.code,
        position=tabari_agent.position,
        source=tabari_agent.source,
    )


def regular_plural(phrase: TabariPhrase) -> TabariPhrase | None:
    """The regular English plural of a phrase's last word, or ``None`` if it has none.

    Words already ending in a single "s" or in "men", abbreviations ("GEN.")
    and numbers ("F-16") are left alone: they are plural already or have none.
    """
    *head, last = phrase.words
    if not last[-1:].isalpha() or last.upper() in _NO_PLURAL_WORDS:
        return None
    upper = last.upper()
    if upper.endswith("MEN") or upper in _ALREADY_PLURAL:
        return None
    if upper.endswith("MAN"):
        plural = last[:-3] + "MEN"
    elif upper.endswith(("SS", "X", "Z", "CH", "SH")):
        plural = last + "ES"
    elif upper.endswith("S"):
        return None
    elif upper.endswith("Y") and upper[-2:-1] not in ("A", "E", "I", "O", "U", ""):
        plural = last[:-1] + "IES"
    else:
        plural = last + "S"
    return TabariPhrase(words=(*head, plural), exact=phrase.exact, source=phrase.source)


def _identifier(words: Iterable[str]) -> str:
    return "_".join(word for word in words if word).upper()


PHOENIX_ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
PHOENIX_AGENT_FILES = ("Phoenix.agents.txt",)
GZIP_ABOVE_BYTES = 5_000_000
"""Actor data larger than this (uncompressed) is written as ``actors.jsonl.gz``."""


@dataclass
class BuildReport:
    """What :func:`build_data` wrote and what it had to skip."""

    files: list[Path]
    actors: int
    actor_names: int
    roles: int
    agents: int
    agent_names: int
    warnings: list[TabariWarning]


def build_data(reference_dir: Path, out_dir: Path) -> BuildReport:
    """Convert the Phoenix dictionaries in ``reference_dir`` into ``out_dir``.

    Writes ``actors.jsonl`` (``actors.jsonl.gz`` when large) and
    ``agents.jsonl``. The output depends only on the input files, so running
    it twice gives identical bytes.
    """
    tokenizer = NameTokenizer()
    actors = convert_actor_files([reference_dir / name for name in PHOENIX_ACTOR_FILES], tokenizer)
    agents = convert_agent_files([reference_dir / name for name in PHOENIX_AGENT_FILES], tokenizer)
    out_dir.mkdir(parents=True, exist_ok=True)
    actor_lines = [json_line(entry.to_json()) for entry in actors.actors]
    actor_path = out_dir / "actors.jsonl"
    if sum(len(line.encode("utf-8")) for line in actor_lines) > GZIP_ABOVE_BYTES:
        actor_path = out_dir / "actors.jsonl.gz"
    # The loader prefers .gz: a stale copy in the other form must not survive.
    for stale in (out_dir / "actors.jsonl", out_dir / "actors.jsonl.gz"):
        if stale != actor_path and stale.exists():
            stale.unlink()
    write_lines(actor_path, actor_lines)
    agent_path = out_dir / "agents.jsonl"
    write_lines(agent_path, [json_line(entry.to_json()) for entry in agents.agents])
    return BuildReport(
        files=[actor_path, agent_path],
        actors=len(actors.actors),
        actor_names=sum(len(entry.names) for entry in actors.actors),
        roles=sum(len(entry.roles) for entry in actors.actors),
        agents=len(agents.agents),
        agent_names=sum(len(entry.names) for entry in agents.agents),
        warnings=sorted(actors.warnings + agents.warnings, key=_reading_order),
    )


def _reading_order(warning: TabariWarning) -> tuple[int, str, int]:
    """Input-file order, then line number: the order someone fixing them reads."""
    name, _, line = warning.source.rpartition(":")
    files = PHOENIX_ACTOR_FILES + PHOENIX_AGENT_FILES
    return (files.index(name) if name in files else len(files), name, int(line or 0))
