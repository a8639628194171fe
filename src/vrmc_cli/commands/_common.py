"""What several commands share: a list's Result, its notes, the columns of each list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..doc import Doc
from ..query import BriefingView
from ..serialize import JSONObject, entries, entry
from . import Result


def none_match(items: Sequence[object], total: int, what: str) -> tuple[str, ...]:
    """The note for stderr when a list comes out empty (not an error: exit 0): nothing
    matched the filters, or the corpus has none of these at all."""
    if items:
        return ()
    if not total:
        return (f"the corpus has no {what}",)
    return (f"no {what} match the filters",)


# Columns whose value may be a [low, high] range (kinds.py `int-range`, `number-range`).
RANGED = frozenset(("quantity_ordered", "quantity_delivered", "value_usd"))


def _cell(column: str, value: object) -> object:
    """A JSON value as a CSV cell: a range as `low–high`, `disputed` as `field: note; ...`."""
    if column in RANGED and isinstance(value, list):
        return "–".join(str(v) for v in value)
    if isinstance(value, dict):
        return [f"{k}: {v}" for k, v in value.items()]
    return value


def rows_from(objects: Sequence[JSONObject], columns: Sequence[str]) -> list[list[object]]:
    return [[_cell(c, obj.get(c)) for c in columns] for obj in objects]


def listing(
    kind: str,
    items: Sequence[Any],
    doc: Callable[[], Doc],
    key: str,
    columns: Sequence[str],
    notes: tuple[str, ...] = (),
    extra: Callable[[Any], JSONObject] | None = None,
) -> Result:
    """The Result of a list of entries of one kind: `{key: [...]}` in JSON (each entry with
    `extra(entry)` added), one row per entry in CSV."""

    def objects() -> list[JSONObject]:
        found = entries(kind, items)
        if extra is not None:
            found = [{**obj, **extra(item)} for obj, item in zip(found, items, strict=True)]
        return found

    return Result(
        {kind: items},
        doc,
        lambda: {key: objects()},
        columns,
        lambda: rows_from(objects(), columns),
        notes,
    )


EVENT_COLUMNS = (
    "id",
    "date",
    "end",
    "circa",
    "display_date",
    "title",
    "summary",
    "themes",
    "countries",
    "actors",
    "sources",
    "confidence",
    "disputed",
)


def briefing_json(view: BriefingView) -> JSONObject:
    """A briefing narrowed to the key judgments and points the filter keeps."""
    return entry(
        "briefings",
        view.briefing,
        key_judgments=entries("judgment", view.key_judgments),
        sections=entries("section", view.sections),
    )
