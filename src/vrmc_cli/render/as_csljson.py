"""CSL JSON: the sources as the items Zotero, Mendeley and pandoc's citeproc read.

`vrmc sources -f csljson > refs.json` (or the sources of a report) pairs with
`vrmc report -f markdown --citations pandoc`: each item's `id` is the source id the
`[@id]` citations use. Dates are CSL date-parts at their real precision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.formats import SOURCES, Format
from ..corpus.model import RELIABILITY_MEANING
from . import Renderer, unavailable

if TYPE_CHECKING:
    from ..commands import Result
    from ..core.dates import PartialDate
    from ..corpus.model import Source
    from . import Options

DECLARED = Renderer(SOURCES, "CSL JSON of the sources", ())


# A source's `kind` -> the CSL item type.
CSL_TYPES = {
    "news": "article-newspaper",
    "analysis": "report",
    "official": "document",
    "book": "book",
    "article": "article-journal",
    "journal": "article-journal",
    "report": "report",
    "blog": "post-weblog",
}


def date_parts(date: PartialDate) -> dict[str, Any]:
    parts = [date.year]
    if date.month:
        parts.append(date.month)
        if date.day:
            parts.append(date.day)
    return {"date-parts": [parts]}


def item(source: Source) -> dict[str, Any]:
    """One source as a CSL JSON item (keys in a fixed order; absent values left out)."""
    out: dict[str, Any] = {
        "id": source.id,
        "type": CSL_TYPES.get((source.kind or "").lower(), "webpage"),
        "title": source.title,
    }
    if source.publisher:
        # Newspapers and sites are the container a reference manager prints in italics.
        key = "container-title" if out["type"] in ("article-newspaper", "webpage") else "publisher"
        out[key] = source.publisher
        if key != "publisher":
            out["publisher"] = source.publisher
    if source.published:
        out["issued"] = date_parts(source.published)
    if source.accessed:
        out["accessed"] = date_parts(source.accessed)
    if source.url:
        out["URL"] = source.url
    if source.archive_url:
        out["archive_location"] = source.archive_url
    notes = []
    if source.reliability:
        meaning = RELIABILITY_MEANING.get(source.reliability, "")
        notes.append(f"Reliability {source.reliability}" + (f" ({meaning})" if meaning else ""))
    if source.archive_url:
        notes.append(f"Archived at {source.archive_url}")
    if notes:
        out["note"] = ". ".join(notes)
    return out


def render(result: Result, options: Options) -> str:
    import json  # here: only JSON formats need it (start-up time)

    sources = result.selection.get("sources")
    if sources is None:
        raise unavailable(Format.csljson)
    items = [item(s) for s in sources]
    return json.dumps(items, ensure_ascii=True, allow_nan=False, indent=2) + "\n"
