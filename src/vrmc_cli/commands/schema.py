"""vrmc schema: the JSON Schema of topic files, for editors and validators."""

from __future__ import annotations

from ..core.formats import FILE
from . import Call, Result, Spec

SPEC = Spec(
    "schema",
    "Print a JSON Schema (draft 2020-12) for topic files, generated from the format's "
    "declarations.\n\nSave it beside a corpus and name it in each file's first line, "
    "'# yaml-language-server: $schema=./topic-file.schema.json', and editors with the YAML "
    "language server check and complete fields as you type. References between files, "
    "unique ids and date order are checked by 'vrmc validate'. --format does not apply.",
    (
        "vrmc schema > topic-file.schema.json",
        "vrmc schema | python -m json.tool --compact",
    ),
    filters=False,
    gives=frozenset({FILE}),
)


def run(call: Call) -> Result:
    import json

    from ..core.doc import Doc
    from ..corpus.schema import topic_file_schema

    def build() -> bytes:
        return (json.dumps(topic_file_schema(), ensure_ascii=True, indent=2) + "\n").encode()

    return Result({}, lambda: Doc("Schema", ()), lambda: {}, file=build)
