"""Independent origins: the sources of a claim collapsed by who first reported what they
carry (docs/grading.md "Independent origins").

A source's origin is found at the end of its `via` chain (the corpus source its page
copies, and so on): that source's `origin` when it names one, else its `publisher`, else
the source itself. Origins are compared folded (case, accents and punctuation aside), so
"Associated Press" and "associated press" are one origin; their id is the folded name as a
kebab-case word (`associated-press`), or the source's id when it names neither.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from ..core.record import record
from ..core.textsafe import fold
from .model import Source


def origin_name(source: Source) -> str:
    """Who first reported what `source` carries, as written in the corpus."""
    root = source.root
    return root.origin or root.publisher or root.id


def origin_id(source: Source) -> str:
    """The id of `source`'s origin: its folded name as a kebab-case word."""
    root = source.root
    return name_id(root.origin or root.publisher, root.id)


def name_id(name: str | None, source_id: str) -> str:
    """An origin's id from its name (the id of the source at the end of the chain when it
    names none)."""
    if name is None:
        return source_id
    return _kebab(name) or source_id


@cache  # a Sources list asks again for each source of the same publisher
def _kebab(name: str) -> str:
    # `re.sub(r"[\W_]+", "-", folded).strip("-")` without `re` (a warm run does not import
    # it): the runs of letters and digits (str.isalnum, `[^\W_]`), a dash between them.
    return "-".join("".join(c if c.isalnum() else " " for c in fold(name)).split())


@record(frozen=True)
class Origins:
    """The independent origins of a set of sources, in order of first citation."""

    ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.ids)


def origins(sources: Iterable[Source]) -> Origins:
    """The independent origins behind `sources` (each once, in order of first citation)."""
    seen: dict[str, str] = {}
    for source in sources:
        key = origin_id(source)
        if key not in seen:
            seen[key] = origin_name(source)
    return Origins(tuple(seen), tuple(seen.values()))


def resting_on(item: object) -> tuple[Source, ...]:
    """The sources a claim rests on: its own, and for a key judgment those of its basis
    events too (each once, in order)."""
    found: dict[str, Source] = {s.id: s for s in getattr(item, "sources", ())}
    for event in getattr(item, "basis", ()):
        for source in event.sources:
            found.setdefault(source.id, source)
    return tuple(found.values())


def item_origins(item: object) -> Origins:
    """The independent origins of a claim (an event, point, key judgment, transfer, actor or
    relation): of the sources it rests on."""
    return origins(resting_on(item))
