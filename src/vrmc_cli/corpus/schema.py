"""A JSON Schema (draft 2020-12) for topic files, generated from the kind declarations.

Editors (through yaml-language-server) and `jsonschema` read YAML as its data, so the schema
states what the loader checks about shape: which keys a mapping may have, which are
required, each value's type, choices and patterns. What needs the whole corpus (references
that resolve, unique ids, theme cycles, end not before start) and calendar checks (30
February) stay with the loader (`vrmc validate`).
"""

from __future__ import annotations

from typing import Any

from .kinds import KIND, KINDS, LIST_KEYS, Field, Kind

SCHEMA_ID = "https://example.invalid/vrmc/topic-file.schema.json"

JSONObject = dict[str, Any]

# A partial date. YAML reads an unquoted year as a number, so a whole year is one too.
_DATE_PATTERN = r"^(?!0000)[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_CODE_PATTERN = r"^[A-Z]{2}$"
# The spellings of true and false the loader accepts (YAML 1.1), for readers that keep them
# as text (YAML 1.2 readers such as yaml-language-server).
_BOOLEAN_WORDS = [
    *("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"),
    *("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"),
]

# Text: any scalar (`title: 1812` is text), never a list or a mapping, never blank.
_TEXT: JSONObject = {"type": ["string", "number", "boolean"], "pattern": r"\S"}

_TYPE_HELP = {
    "text": "text",
    "url": "a web address, without control or invisible characters",
    "texts": "a list of texts",
    "date": "a date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as known",
    "bool": "true or false",
    "int": "a whole number of 0 or more",
    "number": "a number of 0 or more",
    "int-range": "a whole number of 0 or more, or a range [low, high] of two",
    "number-range": "a number of 0 or more, or a range [low, high] of two",
    "disputed": "a mapping from field names of this entry to a note of who says what",
    "id": "the entry's id: lowercase kebab-case, such as arms-sales",
    "kebab": "a lowercase kebab-case word",
    "code": "an ISO 3166-1 alpha-2 country code, such as VE",
}


def _value(field: Field) -> JSONObject:
    """The schema of one field's value (without its description)."""
    t = field.type
    if t in ("text", "url"):
        # Any scalar reads as text (`title: 1812`), but never a list or a mapping.
        return _TEXT
    if t == "texts":
        return {"type": "array", "items": _TEXT}
    if t == "date":
        return {
            "anyOf": [
                {"type": "string", "pattern": _DATE_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ]
        }
    if t == "bool":
        return {"anyOf": [{"type": "boolean"}, {"enum": _BOOLEAN_WORDS}]}
    if t == "int":
        return {"type": "integer", "minimum": 0}
    if t == "number":
        return {"type": "number", "minimum": 0}
    if t in ("int-range", "number-range"):
        one = {"type": "integer" if t == "int-range" else "number", "minimum": 0}
        # low <= high is the loader's to check: JSON Schema cannot compare two items.
        return {"anyOf": [one, {"type": "array", "items": one, "minItems": 2, "maxItems": 2}]}
    if t == "disputed":
        return {"type": "object", "additionalProperties": _TEXT}
    if t in ("id", "kebab"):
        return _ident()
    if t == "code":
        return {"type": "string", "pattern": _CODE_PATTERN}
    if t == "choice":
        return {"enum": [*field.choices, *(a for a, _ in field.aliases)]}
    if t in ("ref", "refs", "refs1"):
        target = KIND[field.target or ""]
        one = {"type": "string", "pattern": _CODE_PATTERN} if target.key == "code" else _ident()
        if t == "ref":
            return one
        many: JSONObject = {"type": "array", "items": one}
        if t == "refs1":
            many["minItems"] = 1
        return many
    if t == "entries":
        return {"type": "array", "items": {"$ref": f"#/$defs/{field.target}"}}
    if t in ("points", "items"):
        either: JSONObject = {
            "type": "array",
            "items": {
                "anyOf": [
                    _TEXT,
                    {"$ref": f"#/$defs/{field.target}"},
                ]
            },
        }
        if t == "points":
            either["minItems"] = 1
        return either
    if t == "ratings":
        rating: JSONObject = {"enum": list(field.choices)}
        noted: JSONObject = {
            "type": "object",
            "properties": {
                "rating": rating,
                "note": _TEXT,
                "analyst": _TEXT,
                "analysts": {"type": "object", "additionalProperties": rating},
            },
            "patternProperties": {"^x-": {}},
            "required": ["rating"],
            "additionalProperties": False,
        }
        return {
            "type": "object",
            "propertyNames": {"pattern": _ID_PATTERN},
            "additionalProperties": {"anyOf": [rating, noted]},
        }
    raise ValueError(f"no schema for field type {t!r}")  # a new type in kinds.py


def _ident() -> JSONObject:
    return {
        "anyOf": [
            {"type": "string", "pattern": _ID_PATTERN},
            {"type": "integer", "minimum": 0},
        ]
    }


def _describe(kind: Kind, field: Field) -> str:
    if field.type == "choice":
        what = "one of " + ", ".join(field.choices)
        if field.aliases:
            what += " (also read: " + ", ".join(f"{a} as {o}" for a, o in field.aliases) + ")"
    elif field.type in ("ref", "refs", "refs1"):
        target = KIND[field.target or ""]
        key = "code" if target.key == "code" else "id"
        what = f"the {key} of a {target.noun}"
        if field.type != "ref":
            what = f"a list of {target.noun} {key}s"
            if field.type == "refs1":
                what += " (at least one)"
    elif field.type == "entries":
        what = f"a list of {KIND[field.target or ''].noun} entries"
    elif field.type == "points":
        what = "a list of points: each a text, or a mapping with `text` and tags"
    elif field.type == "ratings":
        what = (
            f"a mapping from {KIND[field.target or ''].noun} ids to a rating ("
            + ", ".join(field.choices)
            + ") or to a mapping with `rating`, `note`, `analyst` and `analysts` (docs/ach.md)"
        )
    elif field.type == "items":
        what = f"a list: each a text, or a {KIND[field.target or ''].noun} mapping with `text`"
    else:
        what = _TYPE_HELP[field.type]
    needed = "Required" if field.required else "Optional"
    return f"{needed}: {what}."


def _kind_schema(kind: Kind) -> JSONObject:
    properties: JSONObject = {}
    for field in kind.fields:
        value = _value(field)
        if field.type == "disputed":  # the fields of this kind, but not its key
            fixed = (kind.key or "id", "disputed")
            names = [f.name for f in kind.fields if f.name not in fixed]
            value = {**value, "propertyNames": {"enum": names}}
        if not field.required:  # an optional field may be left empty (null)
            value = {"anyOf": [value, {"type": "null"}]}
        properties[field.name] = {"description": _describe(kind, field), **value}
    out: JSONObject = {
        "type": "object",
        "description": f"A {kind.noun}.",
        "properties": properties,
        # x- keys carry anything a project needs (audit records, notes); vrmc ignores them.
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }
    required = [f.name for f in kind.fields if f.required]
    if required:
        out["required"] = required
    return out


def topic_file_schema() -> JSONObject:
    """The schema of one topic file: a mapping of `version`, `topic`, the entry lists and
    `x-` extensions."""
    properties: JSONObject = {
        "version": {
            "description": "The format version; this vrmc reads 1.",
            "anyOf": [{"const": 1}, {"const": "1"}],
        },
        "topic": {
            "description": "What the corpus is about (at most one file in a corpus has it).",
            "anyOf": [{"$ref": "#/$defs/topic"}, {"type": "null"}],
        },
    }
    for name in LIST_KEYS:
        kind = KIND[name]
        properties[name] = {
            "description": f"A list of {kind.noun} entries.",
            "anyOf": [
                {"type": "array", "items": {"$ref": f"#/$defs/{name}"}},
                {"type": "null"},
            ],
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "vrmc topic file",
        "description": "One YAML topic file of a vrmc corpus (docs/format.md). References "
        "between entries, unique ids and date order are checked by `vrmc validate`.",
        "type": "object",
        "properties": properties,
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
        "$defs": {kind.name: _kind_schema(kind) for kind in KINDS},
    }
