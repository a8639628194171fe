"""Field types (corpus/fields.py): only they tell types apart, every declared field has one,
and what is derived from them (CSV columns) follows the kinds."""

from __future__ import annotations

import ast
import csv
import io
from pathlib import Path

import pytest

from conftest import FIXTURE, invoke
from vrmc_cli.corpus import fields
from vrmc_cli.corpus.kinds import KIND, KINDS

SRC = Path(__file__).parent.parent / "src" / "vrmc_cli"
FIELDS = SRC / "corpus" / "fields.py"
KINDS_PY = SRC / "corpus" / "kinds.py"
TYPE_OBJECTS = {name for name, value in vars(fields).items() if isinstance(value, fields.FieldType)}
TYPE_CLASSES = {
    name
    for name, value in vars(fields).items()
    if isinstance(value, type) and issubclass(value, fields.FieldType)
}
TYPE_NAMES = {value.name for value in vars(fields).values() if isinstance(value, fields.FieldType)}


def _names_type(node: ast.AST) -> bool:
    """`x.type` or `x.type.name`: a field's type object, or its name."""
    if isinstance(node, ast.Attribute) and node.attr == "name":
        node = node.value
    return isinstance(node, ast.Attribute) and node.attr == "type"


def _type_switches(path: Path, shown: str) -> list[str]:
    """Where a module other than fields.py tells field types apart: it compares a field's
    type (by name or as an object), reads its name, tests its class, looks it up in a table
    or imports the type objects or classes to compare with (kinds.py declares with them)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        where = f"{shown}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_names_type(o) for o in operands):
                found.append(f"{where}: compares a field type")
        elif isinstance(node, ast.Attribute) and node.attr == "name" and _names_type(node.value):
            found.append(f"{where}: reads a field type's name")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("isinstance", "type", "issubclass")
            and any(_names_type(a) for a in node.args)
        ):
            found.append(f"{where}: tests a field type's class")
        elif isinstance(node, ast.Subscript) and _names_type(node.slice):
            found.append(f"{where}: looks a field type up")
        elif (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").endswith("fields")
            and path != KINDS_PY
        ):
            imported = {alias.name for alias in node.names} & (TYPE_OBJECTS | TYPE_CLASSES)
            if imported:
                found.append(f"{where}: imports field types {sorted(imported)}")
    return found


def test_no_module_but_fields_tells_field_types_apart() -> None:
    switches = [
        switch
        for path in sorted(SRC.rglob("*.py"))
        if path != FIELDS
        for switch in _type_switches(path, str(path.relative_to(SRC)))
    ]
    assert not switches, "\n".join(switches)


def test_the_check_finds_each_kind_of_switch(tmp_path: Path) -> None:
    """The check above is not vacuous: each way of switching on a type is caught."""
    module = tmp_path / "example.py"
    module.write_text(
        "from .fields import DATE\n"
        "def f(field, value, table):\n"
        "    if field.type.name == 'date': pass\n"
        "    if field.type in (DATE,): pass\n"
        "    if isinstance(field.type, object): pass\n"
        "    return table[field.type]\n",
        encoding="utf-8",
    )
    found = _type_switches(module, "example.py")
    assert {int(line.split(":")[1]) for line in found} == {1, 3, 4, 5, 6}, found


def test_every_field_type_object_is_declared_or_kept_for_new_fields() -> None:
    used = {f.type for kind in KINDS for f in kind.fields}
    assert used <= {getattr(fields, name) for name in TYPE_OBJECTS}
    # Each type object has its own name, the one docs/format.md uses.
    assert len(TYPE_NAMES) == len(TYPE_OBJECTS)


def test_every_field_type_describes_itself() -> None:
    for kind in KINDS:
        for f in kind.fields:
            assert f.type.schema(f, kind), (kind.name, f.name)
            assert f.type.describe(f), (kind.name, f.name)


def _header(*command: str) -> list[str]:
    result = invoke("-b", str(FIXTURE), *command, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return next(csv.reader(io.StringIO(result.stdout)))


@pytest.mark.parametrize(
    ("command", "kind"),
    [("timeline", "events"), ("transfers", "transfers"), ("countries", "countries")],
)
def test_csv_columns_are_the_kinds_fields(command: str, kind: str) -> None:
    """Every field of the kind whose type has a cell is a column; no column restates them."""
    header = _header(command)
    with_cells = [f.name for f in KIND[kind].fields if f.type.csv]
    assert set(with_cells) <= set(header)
    if command == "timeline":  # the events' fields in kinds.py order, and computed columns
        names = {f.name for f in KIND[kind].fields}
        assert [c for c in header if c in names] == with_cells
