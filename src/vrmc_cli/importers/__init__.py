"""Importers: other tools' data as topic files for a person to review (`vrmc import`).

An importer reads one file of another tool (a TimelineJS sheet, a STIX bundle, a MISP galaxy,
a spreadsheet of events) into a `Draft`: entries of vrmc's kinds as plain mappings in format
order, and a report of what the format could not hold. Nothing here writes: the command
checks the draft against the corpus it joins (duplicates, references, the loader's own
checks) and writes one new file, or nothing.

Every input problem is a `BadInput` carrying located problems: `file:row:column` for
spreadsheets, `file: $.json.path` for JSON.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..core.errors import InvalidCorpus, Problem
from ..core.record import Record
from ..core.textsafe import hides

# A file larger than this is refused: topic files stop at 16 MiB, and an import becomes one.
MAX_INPUT_BYTES = 16 * 1024 * 1024

Entry = dict[str, Any]


class BadInput(InvalidCorpus):
    """The file to import is not what its format says, or holds what vrmc must not take."""

    what = "nothing imported"


def problem(path: str, message: str, line: int = 0, column: int = 0) -> BadInput:
    return BadInput([Problem(path, line, column, message)])


class Draft:
    """What an import would add: entries by kind (each a mapping in format order), the
    topic if the file names one, and notes on what the target format could not hold."""

    def __init__(self, entries: dict[str, list[Entry]]) -> None:
        self.entries = entries
        self.topic: Entry | None = None
        self.notes: list[str] | None = None

    def add(self, kind: str, entry: Entry) -> None:
        self.entries.setdefault(kind, []).append(entry)

    def note(self, text: str) -> None:
        if self.notes is None:
            self.notes = []
        self.notes.append(text)

    def count(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.entries.items() if v}


def new_draft() -> Draft:
    return Draft({})


# --------------------------------------------------------------------------- ids


def slug(text: str, limit: int = 48) -> str:
    """A readable kebab-case id part: accents folded, lowercase, words joined by `-`, cut
    at a word boundary. Empty when the text has no letters or digits."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    if not out and words:
        out = words[0][:limit]
    return out


class Ids:
    """Unique, stable ids per kind: the same input gives the same ids; an id already taken
    (in the corpus joined, or earlier in this import) gets `-2`, `-3`…"""

    def __init__(self, taken: Mapping[str, Iterable[str]] | None = None) -> None:
        self._taken: dict[str, set[str]] = {k: set(v) for k, v in (taken or {}).items()}

    def new(self, kind: str, *parts: str, fallback: str = "entry") -> str:
        base = "-".join(p for p in (slug(x) for x in parts) if p) or fallback
        taken = self._taken.setdefault(kind, set())
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        return candidate

    def claim(self, kind: str, wanted: str) -> str:
        """`wanted` when it is a valid, free id; otherwise a new one made from it."""
        taken = self._taken.setdefault(kind, set())
        if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", wanted) and wanted not in taken:
            taken.add(wanted)
            return wanted
        return self.new(kind, wanted)


# --------------------------------------------------------------------------- text


# C0 and C1 controls other than tab and line breaks, surrogates and noncharacters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def check_text(value: str, path: str, where: str, line: int = 0, column: int = 0) -> str:
    """`value` unchanged, or a located error when it holds a control or invisible character
    (which a topic file could carry only as an escape, and no reader would see)."""
    bad = _CONTROL.search(value)
    if bad is None and hides(value):
        bad = next(
            (m for m in re.finditer(r".", value, re.S) if hides(m.group()) and m.group() != "\t"),
            None,
        )
    if bad is not None:
        code = ord(bad.group())
        raise problem(
            path,
            f"{where}: control or invisible character U+{code:04X}; remove it and import again",
            line,
            column,
        )
    return value


def squash(text: str) -> str:
    """Runs of white space as one space, trimmed."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- dedup


def _words(text: str) -> set[str]:
    from ..core.textsafe import fold

    return set(re.findall(r"[a-z0-9]+", fold(text)))


def similar(a: str, b: str) -> bool:
    """Titles that say the same thing: most of their words shared (Jaccard >= 0.6), or one
    folded title inside the other."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if wa <= wb or wb <= wa:
        return min(len(wa), len(wb)) >= 2 or wa == wb
    return len(wa & wb) / len(wa | wb) >= 0.6


def names_of(entry: Mapping[str, Any]) -> set[str]:
    from ..core.textsafe import fold

    names = [entry.get("name") or "", *(entry.get("aliases") or ())]
    return {fold(squash(n)) for n in names if n}


def x_last(entry: Entry) -> Entry:
    """The entry with its `x-` fields after the format's own (a reviewer reads those first)."""
    return {
        **{k: v for k, v in entry.items() if not k.startswith("x-")},
        **{k: v for k, v in entry.items() if k.startswith("x-")},
    }


def sequence(value: Any) -> Sequence[Any]:
    return value if isinstance(value, list) else []


# --------------------------------------------------------------------------- sources


def web_url(url: str) -> bool:
    """An http(s) URL with a host: what an imported link must be to become a source."""
    from urllib.parse import urlsplit

    if hides(url, one_line=True) or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def host_of(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


class Sources:
    """The sources an import cites, one per URL: a URL the corpus joined already has keeps
    that source's id; a new one gets an id from its host and path."""

    def __init__(self, draft: Draft, ids: Ids, known: Mapping[str, str] | None = None) -> None:
        self._draft = draft
        self._ids = ids
        self._by_url: dict[str, str] = dict(known or {})

    def cite(
        self,
        url: str,
        title: str = "",
        publisher: str = "",
        published: str | None = None,
        key: str | None = None,
    ) -> str:
        """The id of the source for `url` (a new source the first time)."""
        found = self._by_url.get(url)
        if found is not None:
            return found
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(url)
        tail = [p for p in unquote(parts.path).split("/") if p][-1:]
        new = (
            self._ids.claim("sources", key)
            if key
            else self._ids.new("sources", host_of(url), *tail, fallback="source")
        )
        entry: Entry = {"id": new, "title": squash(title) or host_of(url) or url}
        entry["publisher"] = squash(publisher) or host_of(url)
        entry["url"] = url
        if published:
            entry["published"] = published
        self._draft.add("sources", entry)
        self._by_url[url] = new
        return new


class Context(Record):
    """What an import knows of the corpus it joins: the ids taken, the URLs its sources
    have, its countries and actors by folded name, and whether it has a topic."""

    ids: Ids
    source_urls: dict[str, str]
    countries: dict[str, str]  # folded code, name or alias -> code
    actors: dict[str, str]  # folded name or alias -> id
    has_topic: bool = False
    corpus_ids: dict[str, frozenset[str]] | None = None  # kind -> the corpus's own ids

    def has(self, kind: str, key: str) -> bool:
        """Whether the corpus joined has an entry of `kind` with this id (or code)."""
        return key in (self.corpus_ids or {}).get(kind, frozenset())


def decode(path: str, data: bytes) -> str:
    """The file's text: UTF-8 (a byte-order mark is accepted), at most MAX_INPUT_BYTES."""
    if len(data) > MAX_INPUT_BYTES:
        raise problem(
            path, f"the file is {len(data):,} bytes; vrmc imports files of up to 16 MiB: split it"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise problem(
            path, "not UTF-8 text; save the file as UTF-8 and import again", line, column
        ) from None


def parse_json(path: str, text: str) -> Any:
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise problem(path, f"not JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise problem(path, "JSON nested too deeply") from None


def json_problem(path: str, where: str, message: str) -> BadInput:
    return problem(path, f"{where}: {message}")
