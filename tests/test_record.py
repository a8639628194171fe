"""`record`, vrmc's value classes: what each option does at run time."""

from __future__ import annotations

import copy
import pickle

import pytest

from vrmc_cli.core.record import FrozenInstanceError, field, record


@record
class Plain:
    a: int
    b: str = "x"
    c: list[int] = field(default_factory=list)


@record(frozen=True, eq=True, order=True)
class Value:
    year: int
    month: int = 0


@record(frozen=True)
class Node:
    name: str
    parent: Node | None = None


def test_fields_defaults_and_fresh_factories() -> None:
    one, two = Plain(1), Plain(2, "y")
    assert (one.a, one.b, two.b) == (1, "x", "y")
    assert one.c == [] and one.c is not two.c
    assert Plain.__slots__ == ("a", "b", "c")
    with pytest.raises(AttributeError):
        one.other = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        Plain()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Plain(1, "x", [], 4)  # type: ignore[call-arg]


def test_plain_records_compare_by_identity() -> None:
    assert Plain(1) != Plain(1)
    assert len({Node("a"), Node("a")}) == 2


def test_frozen_records_refuse_writes_and_deletes() -> None:
    node = Node("a")
    with pytest.raises(FrozenInstanceError, match="'name'"):
        node.name = "b"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del node.name  # type: ignore[misc]
    assert isinstance(FrozenInstanceError(), AttributeError)
    assert node.name == "a"


def test_eq_hash_and_order_follow_the_fields() -> None:
    assert Value(2001) == Value(2001, 0)
    assert hash(Value(2001, 2)) == hash(Value(2001, 2))
    assert Value(2001) != Value(2001, 1)
    assert sorted([Value(2002), Value(2001, 5), Value(2001)]) == [
        Value(2001),
        Value(2001, 5),
        Value(2002),
    ]
    assert Value(2001) <= Value(2001) < Value(2001, 1) and Value(2002) >= Value(2001)
    assert Value(1).__eq__(1) is NotImplemented


def test_repr_pickle_and_copy() -> None:
    tree = Node("child", Node("root"))
    assert repr(tree) == "Node(name='child', parent=Node(name='root', parent=None))"
    unpickled = pickle.loads(pickle.dumps(tree))  # noqa: S301 - our own bytes
    for clone in (unpickled, copy.deepcopy(tree)):
        assert type(clone) is Node and clone is not tree
        assert (clone.name, clone.parent and clone.parent.name) == ("child", "root")
    assert pickle.loads(pickle.dumps(Value(2001, 3))) == Value(2001, 3)  # noqa: S301
    assert copy.copy(Plain(1, "z")).b == "z"
    plain = pickle.loads(pickle.dumps(Plain(1, "z", [2])))  # noqa: S301 - our own bytes
    assert (plain.a, plain.b, plain.c) == (1, "z", [2])


def test_names_and_docs_survive() -> None:
    assert Node.__qualname__ == "Node" and Node.__init__.__qualname__ == "Node.__init__"
    assert Node.__module__ == __name__


def test_misuse_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default"):

        @record
        class Bad:
            a: int = 0
            b: int

    with pytest.raises(TypeError, match="frozen"):

        @record(eq=True)
        class Unhashable:
            a: int


def test_the_generated_methods_are_up_to_date() -> None:
    """core/record_code.py holds the methods every record of vrmc makes now: a field added,
    renamed or given a default without `python -m vrmc_cli.core.record` fails here."""
    from pathlib import Path

    from vrmc_cli.core import record as module

    made = module.make_all()
    text = Path(module.__file__).with_name("record_code.py").read_text(encoding="utf-8")
    assert module.generated_source(made) == text, "run: python -m vrmc_cli.core.record"
    # ...and so every record class of vrmc takes its methods from there: no run compiles any.
    compiled = [f"{m}.{q}" for m, q, _, generated in made if m[:9] == "vrmc_cli." and not generated]
    assert not compiled


def test_a_record_the_generated_file_lacks_is_compiled_alike() -> None:
    """A record whose fields changed since record_code.py was written (or one outside vrmc)
    gets the same methods from the same source, compiled when it is defined."""
    from vrmc_cli.core.record import MADE, methods_source

    @record(frozen=True, eq=True)
    class Changed:
        a: int
        b: tuple[int, ...] = field(default_factory=tuple)
        c: str = "c"

    assert MADE[-1][2:] == ("FE:a,b(),c=", False)
    assert Changed(1) == Changed(1, (), "c") and Changed(1).b == ()
    assert Changed.__init__.__defaults__[1:] == ("c",)  # type: ignore[misc]
    source = "\n".join(methods_source("FE:a,b(),c=", "_r9"))
    assert "def _r9__init__(self, a, b=_MISSING, c=_MISSING):" in source
    assert "b = _r9_f_b()" in source and "def _r9__hash__(self):" in source
