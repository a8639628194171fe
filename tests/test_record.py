"""`record`, vrmc's value classes: what each option does at run time."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

from vrmc_cli.core.record import MADE, FrozenInstanceError, Record, field, record


class Plain(Record):
    a: int
    b: str = "x"
    c: list[int] = field(default_factory=list)


class Value(Record, frozen=True, eq=True, order=True):
    year: int
    month: int = 0


class Node(Record, frozen=True):
    name: str
    parent: Node | None = None


# The same records made by the decorator (which makes each class a second time).
@record
class DecoratedPlain:
    a: int
    b: str = "x"
    c: list[int] = field(default_factory=list)


@record(frozen=True, eq=True, order=True)
class DecoratedValue:
    year: int
    month: int = 0


@record(frozen=True)
class DecoratedNode:
    name: str
    parent: DecoratedNode | None = None


BOTH = pytest.mark.parametrize(
    ("Plain", "Value", "Node"),
    [(Plain, Value, Node), (DecoratedPlain, DecoratedValue, DecoratedNode)],
    ids=["Record", "record"],
)


@BOTH
def test_fields_defaults_and_fresh_factories(Plain: Any, Value: Any, Node: Any) -> None:
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


@BOTH
def test_plain_records_compare_by_identity(Plain: Any, Value: Any, Node: Any) -> None:
    assert Plain(1) != Plain(1)
    assert len({Node("a"), Node("a")}) == 2


@BOTH
def test_frozen_records_refuse_writes_and_deletes(Plain: Any, Value: Any, Node: Any) -> None:
    node = Node("a")
    with pytest.raises(FrozenInstanceError, match="'name'"):
        node.name = "b"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del node.name  # type: ignore[misc]
    assert isinstance(FrozenInstanceError(), AttributeError)
    assert node.name == "a"


@BOTH
def test_eq_hash_and_order_follow_the_fields(Plain: Any, Value: Any, Node: Any) -> None:
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


@BOTH
def test_repr_pickle_and_copy(Plain: Any, Value: Any, Node: Any) -> None:
    tree = Node("child", Node("root"))
    name = Node.__name__
    assert repr(tree) == f"{name}(name='child', parent={name}(name='root', parent=None))"
    unpickled = pickle.loads(pickle.dumps(tree))  # noqa: S301 - our own bytes
    for clone in (unpickled, copy.deepcopy(tree)):
        assert type(clone) is Node and clone is not tree
        assert (clone.name, clone.parent and clone.parent.name) == ("child", "root")
    assert pickle.loads(pickle.dumps(Value(2001, 3))) == Value(2001, 3)  # noqa: S301
    assert copy.copy(Plain(1, "z")).b == "z"
    plain = pickle.loads(pickle.dumps(Plain(1, "z", [2])))  # noqa: S301 - our own bytes
    assert (plain.a, plain.b, plain.c) == (1, "z", [2])


@BOTH
def test_names_and_docs_survive(Plain: Any, Value: Any, Node: Any) -> None:
    name = Node.__name__
    assert Node.__qualname__ == name and Node.__init__.__qualname__ == f"{name}.__init__"
    assert Node.__module__ == __name__ and Node.__init__.__name__ == "__init__"


def test_a_record_class_is_made_once_with_its_slots() -> None:
    """`Record`'s metaclass makes the class from its body once; `@record` makes it again."""
    made = {(m, q): once for m, q, _, _, once in MADE if m == __name__}
    assert made[(__name__, "Plain")] and made[(__name__, "Node")]
    assert not made[(__name__, "DecoratedPlain")]
    assert type(Node).__name__ == "_RecordType" and Node.__mro__ == (Node, object)
    assert Record.__slots__ == () and Node.__slots__ == ("name", "parent")
    assert not hasattr(Node("a"), "__dict__") and not hasattr(Plain(1), "__dict__")
    assert type(DecoratedNode) is type


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

    with pytest.raises(TypeError, match="without a default"):

        class BadRecord(Record):
            a: int = 0
            b: int

    with pytest.raises(TypeError, match="frozen"):

        class UnhashableRecord(Record, eq=True):
            a: int

    with pytest.raises(TypeError, match="slotted"):

        class Extended(Node):
            c: int = 0

    with pytest.raises(TypeError, match="slotted"):

        @record
        class ExtendedByDecorator(Node):
            c: int = 0


def test_the_generated_methods_are_up_to_date() -> None:
    """core/record_code.py holds the methods every record of vrmc makes now: a field added,
    renamed or given a default without `python -m vrmc_cli.core.record` fails here."""
    from pathlib import Path

    from vrmc_cli.core import record as module

    made = module.make_all()
    text = Path(module.__file__).with_name("record_code.py").read_text(encoding="utf-8")
    assert module.generated_source(made) == text, "run: python -m vrmc_cli.core.record"
    # ...and so every record class of vrmc takes its methods from there: no run compiles any.
    compiled = [f"{m}.{q}" for m, q, _, gen, _ in made if m[:9] == "vrmc_cli." and not gen]
    assert not compiled
    # ...and each is a `Record`, its class made once: none is made again by `@record`.
    twice = [f"{m}.{q}" for m, q, _, _, once in made if m[:9] == "vrmc_cli." and not once]
    assert not twice, "subclass Record instead of decorating with @record"


def test_a_record_the_generated_file_lacks_is_compiled_alike() -> None:
    """A record whose fields changed since record_code.py was written (or one outside vrmc)
    gets the same methods from the same source, compiled when it is defined."""
    from vrmc_cli.core.record import methods_source

    @record(frozen=True, eq=True)
    class Changed:
        a: int
        b: tuple[int, ...] = field(default_factory=tuple)
        c: str = "c"

    assert MADE[-1][2:] == ("FE:a,b(),c=", False, False)
    assert Changed(1) == Changed(1, (), "c") and Changed(1).b == ()
    assert Changed.__init__.__defaults__[1:] == ("c",)  # type: ignore[misc]

    class ChangedRecord(Record, frozen=True, eq=True):
        a: int
        b: tuple[int, ...] = field(default_factory=tuple)
        c: str = "c"

    assert MADE[-1][2:] == ("FE:a,b(),c=", False, True)
    assert ChangedRecord(1) == ChangedRecord(1, (), "c") and ChangedRecord(1).b == ()
    assert ChangedRecord(1) != Changed(1)
    source = "\n".join(methods_source("FE:a,b(),c=", "_r9"))
    assert "def _r9__init__(self, a, b=_MISSING, c=_MISSING):" in source
    assert "b = _r9_f_b()" in source and "def _r9__hash__(self):" in source
