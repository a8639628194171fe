"""JSON and CSV: the model written back with FORMAT.md's field names, for programs.

JSON is one object, keys in a fixed order, dates as partial-date strings, every field present
(null or [] when empty), ASCII-only (so no control or bidi character survives raw).
CSV has one header row and the same columns on every row; cells that a spreadsheet would run
as a formula are made inert.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..dates import PartialDate
from ..model import (
    Actor,
    Briefing,
    Country,
    Event,
    KeyJudgment,
    Point,
    Relation,
    Scenario,
    Source,
    Theme,
    Topic,
    Transfer,
)
from ..textsafe import visible

JSONObject = dict[str, Any]


def _date(value: PartialDate | None) -> str | None:
    return str(value) if value else None


def _ids(items: Iterable[Theme | Actor | Source | Event | Briefing]) -> list[str]:
    return [i.id for i in items]


def _codes(items: Iterable[Country]) -> list[str]:
    return [c.code for c in items]


def topic(t: Topic | None) -> JSONObject | None:
    if t is None:
        return None
    return {"title": t.title, "subtitle": t.subtitle, "summary": t.summary, "as_of": _date(t.as_of)}


def theme(t: Theme) -> JSONObject:
    return {
        "id": t.id,
        "title": t.title,
        "description": t.description,
        "parent": t.parent.id if t.parent else None,
    }


def country(c: Country) -> JSONObject:
    return {"code": c.code, "name": c.name, "aliases": list(c.aliases), "region": c.region}


def actor(a: Actor) -> JSONObject:
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "country": a.country.code if a.country else None,
        "aliases": list(a.aliases),
        "roles": [{"title": r.title, "from": _date(r.start), "to": _date(r.end)} for r in a.roles],
        "summary": a.summary,
        "stance": a.stance,
        "themes": _ids(a.themes),
        "sources": _ids(a.sources),
    }


def event(e: Event) -> JSONObject:
    return {
        "id": e.id,
        "date": str(e.date),
        "end": _date(e.end),
        "circa": e.circa,
        "display_date": e.display_date,
        "title": e.title,
        "summary": e.summary,
        "themes": _ids(e.themes),
        "countries": _codes(e.countries),
        "actors": _ids(e.actors),
        "sources": _ids(e.sources),
        "confidence": e.confidence,
    }


def _tags(p: Point | KeyJudgment) -> JSONObject:
    return {
        "themes": _ids(p.themes),
        "countries": _codes(p.countries),
        "actors": _ids(p.actors),
        "sources": _ids(p.sources),
    }


def point(p: Point) -> JSONObject:
    return {"text": p.text, **_tags(p), "confidence": p.confidence}


def judgment(j: KeyJudgment) -> JSONObject:
    return {
        "text": j.text,
        "likelihood": j.likelihood,
        "confidence": j.confidence,
        "basis": _ids(j.basis),
        **_tags(j),
    }


def briefing(
    b: Briefing,
    key_judgments: Sequence[KeyJudgment] | None = None,
    sections: Sequence[tuple[str, Sequence[Point]]] | None = None,
) -> JSONObject:
    """A briefing; `key_judgments` and `sections` narrow it to what passed the filters."""
    kjs = b.key_judgments if key_judgments is None else key_judgments
    secs = [(s.heading, s.points) for s in b.sections] if sections is None else sections
    return {
        "id": b.id,
        "title": b.title,
        "summary": b.summary,
        "themes": _ids(b.themes),
        "key_judgments": [judgment(j) for j in kjs],
        "sections": [{"heading": h, "points": [point(p) for p in pts]} for h, pts in secs],
        "see_also": list(b.see_also_ids),
        "sources": _ids(b.sources),
    }


def briefing_summary(b: Briefing) -> JSONObject:
    return {"id": b.id, "title": b.title, "summary": b.summary, "themes": _ids(b.themes)}


def source(s: Source) -> JSONObject:
    return {
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "url": s.url,
        "published": _date(s.published),
        "kind": s.kind,
        "reliability": s.reliability,
    }


def relation(r: Relation) -> JSONObject:
    return {
        "from": r.source.id,
        "to": r.target.id,
        "kind": r.kind,
        "since": _date(r.since),
        "until": _date(r.until),
        "summary": r.summary,
        "sources": _ids(r.sources),
    }


def transfer(t: Transfer) -> JSONObject:
    return {
        "id": t.id,
        "supplier": t.supplier.code,
        "recipient": t.recipient.code,
        "designation": t.designation,
        "category": t.category,
        "description": t.description,
        "ordered": _date(t.ordered),
        "delivered_from": _date(t.delivered_from),
        "delivered_to": _date(t.delivered_to),
        "quantity_ordered": t.quantity_ordered,
        "quantity_delivered": t.quantity_delivered,
        "value_usd": t.value_usd,
        "status": t.status,
        "sources": _ids(t.sources),
        "notes": t.notes,
    }


def scenario(s: Scenario) -> JSONObject:
    return {
        "id": s.id,
        "title": s.title,
        "summary": s.summary,
        "likelihood": s.likelihood,
        "horizon": s.horizon,
        "drivers": list(s.drivers),
        "indicators": list(s.indicators),
        "themes": _ids(s.themes),
        "countries": _codes(s.countries),
    }


def dumps(obj: JSONObject) -> str:
    """Deterministic, strict JSON: fixed key order, ASCII escapes, no NaN, a final newline.

    The text of `json.dumps(obj, ensure_ascii=True, allow_nan=False, indent=2)` (a property
    test holds the two equal). With an indent, json encodes in pure Python, generically;
    `_indented` follows the same rules for the values vrmc prints about three times faster,
    and leaves anything else (NaN and infinities, non-text keys, other types) to json.
    """
    import json  # here: the text formats do not need it (start-up time)

    parts: list[str] = []
    try:
        _indented(obj, "\n", parts, json.encoder.encode_basestring_ascii)
    except _Unusual:
        return json.dumps(obj, ensure_ascii=True, allow_nan=False, indent=2) + "\n"
    parts.append("\n")
    return "".join(parts)


class _Unusual(Exception):
    """A value `_indented` leaves to json."""


def _indented(value: object, newline: str, out: list[str], encode: Callable[[str], str]) -> None:
    # In json's own order: bool before int, as True is an int.
    if isinstance(value, str):
        out.append(encode(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float) and math.isfinite(value):
        out.append(float.__repr__(value))
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        if all(type(item) is str for item in value):  # ids and codes: the usual list
            out.append(_texts(value, newline, encode))
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _indented(item, inner, out, encode)
            separator = "," + inner
        out.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unusual
            # The usual values, without a call: text, null, flags, lists of ids.
            if type(item) is str:
                out.append(separator + encode(key) + ": " + encode(item))
            elif item is None:
                out.append(separator + encode(key) + ": null")
            elif item is True or item is False:
                out.append(separator + encode(key) + (": true" if item else ": false"))
            elif type(item) is list and all(type(x) is str for x in item):
                texts = _texts(item, inner, encode) if item else "[]"
                out.append(separator + encode(key) + ": " + texts)
            else:
                out.append(separator + encode(key) + ": ")
                _indented(item, inner, out, encode)
            separator = "," + inner
        out.append(newline + "}")
    else:
        raise _Unusual


def _texts(items: Sequence[str], newline: str, encode: Callable[[str], str]) -> str:
    """A non-empty list of strings, one to a line, as json.dumps(indent=2) writes it."""
    inner = newline + "  "
    return "[" + inner + ("," + inner).join(map(encode, items)) + newline + "]"


# --------------------------------------------------------------------------- CSV

# OWASP's "CSV Injection" advice: a cell that starts with one of these is run as a formula
# (or DDE command) by spreadsheets; a single quote in front makes it plain text. Every cell is
# also quoted. A spreadsheet that splits on another separator than the file's (`;` in German
# or French locales, for a file written with `,`) can start a new cell inside a value, so a
# trigger after a `,` or `;` (and spaces) gets the quote as well: `Report;'=cmd`.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_AFTER_SEPARATOR = re.compile(r"([,;] *)(?=[=+\-@\t\r])")


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        # Each item made inert: none starts with a trigger after the "; " between them.
        return "; ".join(csv_cell(v) for v in value)
    text = _FORMULA_AFTER_SEPARATOR.sub(r"\1'", visible(str(value)))
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    import csv  # here: only CSV output needs it (start-up time)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def rows_from(objects: Iterable[JSONObject], columns: Sequence[str]) -> list[list[object]]:
    return [[obj.get(c) for c in columns] for obj in objects]
