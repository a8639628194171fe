"""vrmc schema and vrmc init: the JSON Schema accepts every valid file and reports every
structural problem the loader reports; a new corpus validates and renders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import DATA, GOLDEN, TESTS, check_golden, invoke
from vrmc_cli.corpus.kinds import KINDS, LIST_KEYS

# Corpora read, never changed by the cache: one warm cache for the session (conftest).
pytestmark = pytest.mark.usefixtures("warm_cache")

jsonschema = pytest.importorskip("jsonschema")

BUNDLED = TESTS.parent / "briefings"
INVALID = DATA / "invalid"

# The loader's messages about a file's shape: unknown keys, wrong types, missing fields,
# values outside their choices or patterns. The rest (references, duplicates, cycles, date
# order, YAML syntax, tags, aliases, encodings) needs the whole corpus or the YAML text, which a
# JSON Schema never sees.
STRUCTURAL = (
    "unknown field",
    "unknown top-level key",
    "expected a list",
    "expected a mapping",
    "expected text",
    "missing required field",
    "is required and must not be empty",
    "expected true or false",
    "is not one of",
    "needs at least one entry",
    "is not a valid id",
    "is not a country code",
    "expected a whole number",
    "invalid date",
    "a point is text or a mapping",
    "this vrmc reads format version 1",
)
# Structural, but out of a JSON Schema's reach: a calendar check, and NaN, which JSON has not.
OUT_OF_REACH = {"impossible-date", "nan-value"}


class _YAMLData(yaml.SafeLoader):
    """YAML as an editor's language server reads it: dates stay text."""


_YAMLData.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAMLData)  # noqa: S506


@pytest.fixture(scope="module")
def validator() -> Any:
    result = invoke("schema")
    assert result.exit_code == 0, result.stderr
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_golden(update_goldens: bool) -> None:
    output = invoke("schema").stdout
    check_golden(GOLDEN / "schema" / "schema.json", output, update_goldens)
    assert json.loads(output)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_follows_the_kind_declarations() -> None:
    schema = json.loads(invoke("schema").stdout)
    assert set(schema["properties"]) == {"version", "topic", *LIST_KEYS}
    for kind in KINDS:
        definition = schema["$defs"][kind.name]
        assert list(definition["properties"]) == [f.name for f in kind.fields]
        assert definition.get("required", []) == [f.name for f in kind.fields if f.required]
        for name, prop in definition["properties"].items():
            assert prop["description"], f"{kind.name}.{name} has no description"


BUNDLED_FILES = sorted(p for p in BUNDLED.rglob("*.y*ml"))


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=[p.name for p in BUNDLED_FILES])
def test_bundled_corpus_validates(path: Path, validator: Any) -> None:
    errors = [e.message for e in validator.iter_errors(read_yaml(path))]
    assert errors == []


def test_fixture_corpus_validates(validator: Any) -> None:
    for path in sorted((DATA / "corpus").rglob("*.y*ml")):
        if any(part.startswith(".") for part in path.parts):
            continue  # hidden: vrmc never reads it
        data = read_yaml(path)
        if data is None:
            continue  # an empty file is a valid topic file; YAML gives no document
        assert [e.message for e in validator.iter_errors(data)] == [], path.name


def _structural_cases() -> list[Path]:
    cases = []
    for case in sorted(INVALID.glob("*.yaml")):
        messages = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
        if case.stem not in OUT_OF_REACH and all(any(s in m for s in STRUCTURAL) for m in messages):
            cases.append(case)
    return cases


STRUCTURAL_CASES = _structural_cases()


def test_the_structural_cases_cover_the_kinds_of_problem() -> None:
    names = {c.stem for c in STRUCTURAL_CASES}
    assert {"unknown-field", "unknown-top-key", "title-is-list", "missing-required"} <= names
    assert len(names) >= 20


@pytest.mark.parametrize("case", STRUCTURAL_CASES, ids=[c.stem for c in STRUCTURAL_CASES])
def test_schema_reports_what_the_loader_reports(case: Path, validator: Any) -> None:
    errors = list(validator.iter_errors(read_yaml(case)))
    assert errors, f"the loader rejects {case.name}; the schema must too"


def test_schema_accepts_the_base_of_the_invalid_cases(validator: Any) -> None:
    assert list(validator.iter_errors(read_yaml(INVALID / "_base" / "base.yaml"))) == []


# --------------------------------------------------------------------------- init


def test_init_writes_a_corpus_that_validates_and_renders(tmp_path: Path, validator: Any) -> None:
    target = tmp_path / "new" / "corpus"
    result = invoke("init", str(target))
    assert result.exit_code == 0, result.stderr
    files = sorted(p.name for p in target.iterdir())
    assert "topic-file.schema.json" in files
    yamls = sorted(target.glob("*.yaml"))
    for path in yamls:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=./topic-file.schema.json\n")
        assert text.count("\n# ") + text.count("  # ") >= 1, f"{path.name} is commented"
        assert list(validator.iter_errors(read_yaml(path))) == [], path.name
    saved = json.loads((target / "topic-file.schema.json").read_text(encoding="utf-8"))
    assert saved == json.loads(invoke("schema").stdout)

    checked = invoke("-b", str(target), "validate", "-f", "json")
    assert checked.exit_code == 0, checked.stderr
    counts = json.loads(checked.stdout)["counts"]
    for kind in ("themes", "countries", "actors", "events", "sources", "briefings"):
        assert counts[kind] == 1, kind

    listing = invoke("-b", str(target), "brief")
    assert listing.exit_code == 0 and "example-briefing" in listing.stdout
    brief = invoke("-b", str(target), "brief", "example-briefing", "-f", "markdown")
    assert brief.exit_code == 0, brief.stderr
    assert "Example briefing" in brief.stdout and "likely" in brief.stdout.lower()


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 2
    assert "not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_init_accepts_an_empty_folder(tmp_path: Path) -> None:
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "topic.yaml").exists()


def test_init_refuses_a_file(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x", encoding="utf-8")
    result = invoke("init", str(path))
    assert result.exit_code == 2 and "not a folder" in result.stderr
