"""Entries as JSON objects: the format's field names in format order (kinds.py), each value as
its field type writes it (fields.py `to_json`): dates as partial-date strings, references as
ids or codes, a range as its [low, high] list, `disputed` as an object (field name -> note);
every field present (null, [] or {} when empty). Computed, after the fields: an entry that
cites sources has `origins` (the count and ids of its independent origins,
docs/grading.md), a source its `origin_id`."""

from __future__ import annotations

from .kinds import KIND
from .model import Source
from .origins import item_origins, origin_id

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

JSONObject = dict[str, "Any"]


def entry(kind: str, obj: Any, **overrides: Any) -> JSONObject:
    """`obj`, an entry of `kind`, as a JSON object; `overrides` replace fields' values (a
    briefing narrowed to the points a filter keeps)."""
    out: JSONObject = {}
    for f in KIND[kind].fields:
        if f.name in overrides:
            out[f.name] = overrides[f.name]
        else:
            value = getattr(obj, f.attribute)
            out[f.name] = None if value is None else f.type.to_json(value, f, entry)
    if isinstance(obj, Source):
        out["origin_id"] = origin_id(obj)
    elif "sources" in _CITING.get(kind, ()):
        found = item_origins(obj)
        out["origins"] = {"count": found.count, "ids": list(found.ids)}
    return out


def field_json(kind: str, obj: Any, name: str, default: Any = None) -> Any:
    """What `entry(kind, obj)[name]` is for the field `name` (`default` when `kind` has no
    such field), without writing the rest of the entry."""
    for f in KIND[kind].fields:
        if f.name == name:
            value = getattr(obj, f.attribute)
            return None if value is None else f.type.to_json(value, f, entry)
    return default


# The field names of each kind (a kind citing sources has `sources`).
_CITING = {name: frozenset(f.name for f in kind.fields) for name, kind in KIND.items()}


def entries(kind: str, objs: Any) -> list[JSONObject]:
    return [entry(kind, o) for o in objs]
