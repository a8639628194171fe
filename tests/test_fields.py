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


# What a field is called where code goes through a kind's fields (`for f in kind.fields`).
FIELD_NAMES = {"f", "field", "fld"}


def _field_type(node: ast.AST) -> bool:
    """`f.type` (or `field.type`, `kind.field("x").type`, `kind.fields[0].type`): a field's
    type object. Other `.type` attributes (an indicator's type) are not field types."""
    if not (isinstance(node, ast.Attribute) and node.attr == "type"):
        return False
    base = node.value
    if isinstance(base, ast.Name):
        return base.id in FIELD_NAMES
    if isinstance(base, ast.Call) and isinstance(base.func, ast.Attribute):
        return base.func.attr == "field"
    if isinstance(base, ast.Subscript) and isinstance(base.value, ast.Attribute):
        return base.value.attr == "fields"
    return False


def _type_name(node: ast.AST) -> bool:
    """`x.type.name`: only a field type has a name under its `type`."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "name"
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "type"
    )


def _names_type(node: ast.AST) -> bool:
    return _field_type(node) or _type_name(node)


def _is_type_name(node: ast.AST) -> bool:
    """A field type's name written out ("date"), or a tuple, list or set holding one."""
    if isinstance(node, ast.Constant):
        return node.value in TYPE_NAMES
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_is_type_name(e) for e in node.elts)
    return False


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
            typed = any(isinstance(o, ast.Attribute) and o.attr == "type" for o in operands)
            if any(_names_type(o) for o in operands) or (
                typed and any(_is_type_name(o) for o in operands)
            ):
                found.append(f"{where}: compares a field type")
        elif _type_name(node):
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
        "    if entry.type == 'refs': pass\n"
        "    if indicator.type != other.type: pass\n"
        "    return table[field.type]\n",
        encoding="utf-8",
    )
    found = _type_switches(module, "example.py")
    # Line 7 compares an indicator's type (a model field called `type`): not a field type.
    assert {int(line.split(":")[1]) for line in found} == {1, 3, 4, 5, 6, 8}, found


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
