"""A JSON Schema (draft 2020-12) for topic files, generated from the kind declarations
(kinds.py) and their field types (fields.py `schema`).

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


def _describe(field: Field) -> str:
    needed = "Required" if field.required else "Optional"
    return f"{needed}: {field.type.describe(field)}."


def _kind_schema(kind: Kind) -> JSONObject:
    properties: JSONObject = {}
    for field in kind.fields:
        value = field.type.schema(field, kind)
        if not field.required:  # an optional field may be left empty (null)
            value = {"anyOf": [value, {"type": "null"}]}
        properties[field.name] = {"description": _describe(field), **value}
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
