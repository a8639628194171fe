"""Entries as JSON objects: the format's field names in format order (kinds.py), dates as
partial-date strings, references as ids or codes, a range as its [low, high] list,
`disputed` as an object (field name -> note), every field present (null, [] or {} when
empty). Computed, after the fields: an entry that cites sources has `origins` (the count
and ids of its independent origins, docs/grading.md), a source its `origin_id`."""

from __future__ import annotations

from typing import Any

from .kinds import KIND
from .model import Range, Source
from .origins import item_origins, origin_id

JSONObject = dict[str, Any]


def _key(entry: Any) -> str:
    return str(entry.code if hasattr(entry, "code") else entry.id)


def _value(field_type: str, target: str | None, value: Any) -> Any:
    if value is None:
        return None
    if field_type == "date":
        return str(value)
    if field_type == "ref":
        return _key(value)
    if field_type in ("refs", "refs1"):
        return [_key(v) for v in value]
    if field_type in ("entries", "points"):
        return [entry(target or "", v) for v in value]
    if field_type == "items":  # as written: text, or an entry when it has more than text
        plain_fields = [f.attribute for f in KIND[target or ""].fields if f.name != "text"]
        return [
            entry(target or "", v) if any(getattr(v, a) for a in plain_fields) else v.text
            for v in value
        ]
    if field_type == "texts":
        return list(value)
    if field_type == "ratings":
        return {r.hypothesis: {"rating": r.rating, "note": r.note} for r in value}
    if field_type == "disputed":
        return dict(value)
    if isinstance(value, Range):
        return [value.low, value.high]
    return value


def entry(kind: str, obj: Any, **overrides: Any) -> JSONObject:
    """`obj`, an entry of `kind`, as a JSON object; `overrides` replace fields' values (a
    briefing narrowed to the points a filter keeps)."""
    out: JSONObject = {}
    for f in KIND[kind].fields:
        if f.name in overrides:
            out[f.name] = overrides[f.name]
        elif f.ids:
            ids = getattr(obj, f.attribute)
            out[f.name] = ids if isinstance(ids, str) else list(ids)
        else:
            out[f.name] = _value(f.type, f.target, getattr(obj, f.attribute))
    if isinstance(obj, Source):
        out["origin_id"] = origin_id(obj)
    elif "sources" in _CITING.get(kind, ()):
        found = item_origins(obj)
        out["origins"] = {"count": found.count, "ids": list(found.ids)}
    return out


# The field names of each kind (a kind citing sources has `sources`).
_CITING = {name: frozenset(f.name for f in kind.fields) for name, kind in KIND.items()}


def entries(kind: str, objs: Any) -> list[JSONObject]:
    return [entry(kind, o) for o in objs]
