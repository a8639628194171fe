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


def undated_note(kept: Sequence[object], noun: str, nouns: str | None = None) -> tuple[str, ...]:
    """The note for stderr when a date filter kept entries only because they carry no date,
    naming the first few: `12 actors kept: they carry no dates (a, b, c and 9 more)`."""
    if not kept:
        return ()
    count = len(kept)
    said = (
        f"1 {noun} kept: it carries no dates"
        if count == 1
        else (f"{count} {nouns or noun + 's'} kept: they carry no dates")
    )
    names = [n for n in map(_name, kept) if n]
    if names:
        shown = ", ".join(names[:3])
        said += f" ({shown} and {count - 3} more)" if count > 3 else f" ({shown})"
    return (said,)


def _name(item: object) -> str | None:
    """How a note names an entry: its id (a relation by its two actors); None for points."""
    from ..model import Relation

    if isinstance(item, Relation):
        return f"{item.source.id} → {item.target.id}"
    ident = getattr(item, "id", None)
    return ident if isinstance(ident, str) else None


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
    row_order: Callable[[Any], Any] | None = None,
) -> Result:
    """The Result of a list of entries of one kind: `{key: [...]}` in JSON (each entry with
    `extra(entry)` added), one row per entry in CSV (sorted by `row_order` when given, as
    the prose views show them)."""

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
        lambda: rows_from(_ordered(objects(), items, row_order), columns),
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


def _ordered(
    objects: list[JSONObject], items: Sequence[Any], key: Callable[[Any], Any] | None
) -> list[JSONObject]:
    if key is None:
        return objects
    pairs = sorted(zip(objects, items, strict=True), key=lambda pair: key(pair[1]))
    return [obj for obj, _ in pairs]
