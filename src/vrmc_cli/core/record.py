"""`Record`: vrmc's value classes (the corpus model, the document IR, query results, options).

A record is a slotted class with an __init__ taking its fields in order: the annotations
name its fields; a class attribute of the same name is the field's default, and
`field(default_factory=...)` a default made afresh for each instance. It is what
`dataclasses.dataclass(slots=True)` makes, without what vrmc does not use, and without the
start-up cost of importing `dataclasses` (it pulls in `inspect`, `ast`, `dis` and
`tokenize`; docs/performance.md).

vrmc's records subclass `Record`, options as class keywords: `class Event(Record,
frozen=True):`. Its metaclass turns the class body into the record's namespace (slots,
methods, defaults) before the class is made, so each record class is made once (and with
`object` as its only base: `Record` names the metaclass and, for the type checker, the
transform; it is not in the made class's `__mro__`). The
decorator `@record` (`@record(frozen=True)`) makes the same record of a plain class: the
class statement has made a class already, which it makes a second time with slots (what
`dataclass(slots=True)` does), so it is for records outside vrmc (tests/test_record.py
holds every record of vrmc to `Record`).

The methods of vrmc's own records are generated source, checked in: core/record_code.py,
written by `python -m vrmc_cli.core.record` from the classes themselves. A run compiles
nothing: `Record` (or `record`) takes the class's methods from that module, after checking
that they were made for the fields and options the class has now. tests/test_record.py
fails when the file is out of date (a field added, renamed or given a default without
regenerating), and until then such a class, like a record defined outside vrmc (the
tests'), has the same methods compiled from the same source by `exec` when it is defined.

Options (what a dataclass of the same flags does, unless said otherwise):
- `frozen=True`: assignment raises `FrozenInstanceError` at run time. Every record is frozen
  for the type checker (PEP 681 `frozen_default`), so `mypy --strict`, which CI runs, rejects
  a write to any record's field; the run-time guard is for the corpus model, the contract
  that every command reads.
- `eq=True` (frozen records only): equal and hashed by the tuple of their fields. Otherwise
  a record is equal only to itself, hashed by identity.
- `order=True`: `<`, `<=`, `>`, `>=` compare the tuples of fields.

Every record has a repr naming its fields, and pickles (and copies) as a call of its class
with its fields in order.
"""

from __future__ import annotations

from .record_code import METHODS, MISSING

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, overload

    from typing_extensions import dataclass_transform

    T = TypeVar("T")
else:

    def dataclass_transform(**_: object):  # only the type checker reads the transform
        return lambda decorator: decorator

    def overload(function):  # the last definition is the one that runs
        return function


class FrozenInstanceError(AttributeError):
    """An assignment to a field of a frozen record."""


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], T]) -> T:
    """A field whose default is `default_factory()`, called for each new record."""
    return _Factory(default_factory)  # type: ignore[return-value]  # read by `record` only


_MISSING: Any = MISSING
# (module, qualname) -> (shape, prefix, {method name: function}): record_code.py's table.
_METHODS: dict[tuple[str, str], Any] = METHODS

# Every record class made in this process: (module, qualname, shape, generated, once). The
# shape names the options and the fields, each with "=" for a default and "()" for a
# factory; `generated` says the methods came from record_code.py rather than from `exec`;
# `once` that the class was made once (a `Record`), not made again by `@record`.
MADE: list[tuple[str, str, str, bool, bool]] = []
_USED: set[tuple[str, str]] = set()  # the classes that took their methods from record_code


def _repr(self: Any) -> str:
    parts = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
    return f"{type(self).__qualname__}({parts})"


def _frozen_setattr(self: Any, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def methods_source(shape: str, prefix: str) -> list[str]:
    """The source of the methods of a record of `shape` (see MADE), each function named
    `prefix` + the method's name: what record_code.py holds, and what `exec` compiles for a
    record it does not hold."""
    flags, _, fields = shape.partition(":")
    frozen, eq, order = "F" in flags, "E" in flags, "O" in flags
    params: list[str] = []
    body: list[str] = []
    names: list[str] = []
    for spec in fields.split(",") if fields else ():
        name = spec.removesuffix("()").removesuffix("=")
        names.append(name)
        if spec.endswith("()"):
            params.append(f"{name}=_MISSING")
            body.append(f"    if {name} is _MISSING:")
            body.append(f"        {name} = {prefix}_f_{name}()")
        elif spec.endswith("="):
            params.append(f"{name}=_MISSING")  # the default itself: __init__.__defaults__
        else:
            params.append(name)
        # A frozen record's field is set through its slot's own setter (`{prefix}_s_{name}`,
        # bound when the class is made): its __setattr__ refuses, and the setter is quicker
        # than object.__setattr__ (a warm run unpickles the corpus through __init__).
        body.append(
            f"    {prefix}_s_{name}(self, {name})" if frozen else f"    self.{name} = {name}"
        )
    mine = "(" + "".join(f"self.{n}, " for n in names) + ")"
    theirs = "(" + "".join(f"other.{n}, " for n in names) + ")"
    compare = "\n".join(
        (
            "    if other.__class__ is self.__class__:",
            "        return {} {} {}",
            "    return NotImplemented",
        )
    )
    source = [f"def {prefix}__init__({', '.join(['self', *params])}):", *(body or ["    pass"])]
    source += [f"def {prefix}__reduce__(self):", f"    return self.__class__, {mine}"]
    if eq:
        source += [f"def {prefix}__eq__(self, other):", compare.format(mine, "==", theirs)]
        source += [f"def {prefix}__hash__(self):", f"    return hash({mine})"]
    if order:
        for method, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            source += [f"def {prefix}{method}(self, other):", compare.format(mine, op, theirs)]
    return source


def _compiled(shape: str) -> dict[str, Any]:
    """The methods of a record of `shape`, compiled now (a record record_code.py lacks)."""
    env: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    exec("\n".join(methods_source(shape, "")), env)  # noqa: S102 - source made from field names
    return env


def _build(
    metaclass: type[Any],
    name: str,
    bases: tuple[type, ...],
    namespace: dict[str, Any],
    flags: tuple[bool, bool, bool],
    once: bool,
) -> type[Any]:
    """The record class `name` of `metaclass` made from its class body's `namespace`, turned
    into the record's namespace: by `type.__new__` when `once` (a `Record`), else by a call
    of the metaclass (`@record`, which has made the class once already)."""
    frozen, eq, order = flags
    qualname = namespace["__qualname__"]
    key = (namespace["__module__"], qualname)
    names = tuple(namespace.get("__annotations__", ()))
    for base in bases:
        for above in base.__mro__[:-1]:
            if getattr(above, "__record_fields__", None) or above.__dict__.get("__slots__"):
                raise TypeError(f"record {qualname}: a record cannot extend a slotted class")
    if eq and not frozen:
        raise TypeError(f"record {qualname}: eq=True needs frozen=True (hashing)")
    # The shape (see MADE), the defaults in order, the factories.
    specs: list[str] = []
    defaults: list[object] = []
    factories: list[tuple[str, Callable[[], object]]] = []
    for field_name in names:
        if field_name in namespace:
            default = namespace.pop(field_name)
            if isinstance(default, _Factory):
                specs.append(field_name + "()")
                factories.append((field_name, default.make))
                default = _MISSING
            else:
                specs.append(field_name + "=")
            defaults.append(default)
        elif defaults:
            raise TypeError(f"record {qualname}: {field_name} without a default follows one")
        else:
            specs.append(field_name)
    shape = "F" * frozen + "E" * eq + "O" * order + ":" + ",".join(specs)
    made: Any = _METHODS.get(key)
    # (A class defined again, by the same name, gets methods of its own: the generated ones
    # set the first one's slots.)
    generated = made is not None and made[0] == shape and key not in _USED
    if generated:
        _USED.add(key)
        prefix, functions = made[1], made[2]
        scope: dict[str, Any] = functions["__init__"].__globals__
    else:
        prefix, scope = "", _compiled(shape)
        functions = {k: v for k, v in scope.items() if k[:2] == "__" and k != "__builtins__"}
    MADE.append((key[0], qualname, shape, generated, once))
    for field_name, make in factories:
        scope[f"{prefix}_f_{field_name}"] = make
    namespace["__slots__"] = namespace["__record_fields__"] = names
    namespace["__repr__"] = _repr
    dotted = qualname + "."
    for method, function in functions.items():
        function.__name__ = method
        function.__qualname__ = dotted + method
        namespace[method] = function
    namespace["__init__"].__defaults__ = tuple(defaults) or None
    if frozen:
        namespace["__setattr__"] = _frozen_setattr
        namespace["__delattr__"] = _frozen_delattr
    result: type[Any] = (
        type.__new__(metaclass, name, bases, namespace)
        if once
        else metaclass(name, bases, namespace)
    )
    if frozen:
        slots = result.__dict__
        prefix += "_s_"
        for field_name in names:
            scope[prefix + field_name] = slots[field_name].__set__
    return result


class _RecordType(type):
    """The metaclass of `Record`: a subclass's body becomes the record's namespace before its
    class is made, so the class is made once, with its slots. `Record` is not among the bases
    of the class it makes (its only base is `object`, as with `@record`): it names the
    metaclass and, for the type checker, the transform; an attribute looked up on a record
    has one class fewer to search."""

    def __new__(
        mcs,
        name: str,
        bases: tuple[type, ...],
        namespace: dict[str, Any],
        /,
        *,
        frozen: bool = False,
        eq: bool = False,
        order: bool = False,
    ) -> _RecordType:
        if not bases:  # Record itself
            return super().__new__(mcs, name, bases, namespace)
        if bases[0] is Record:
            bases = bases[1:]
        made: Any = _build(mcs, name, bases, namespace, (frozen, eq, order), True)
        return made  # type: ignore[no-any-return]  # an instance of mcs


@dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
class Record(metaclass=_RecordType):
    """The base of vrmc's records: `class Event(Record, frozen=True, eq=True): ...` (the
    options of the module's docstring as class keywords). Its class is made once, with its
    slots: what `@record` makes, without making the class a second time."""

    __slots__ = ()

    if TYPE_CHECKING:

        def __init_subclass__(
            cls, *, frozen: bool = False, eq: bool = False, order: bool = False
        ) -> None: ...


def _decorate(cls: type[Any], frozen: bool, eq: bool, order: bool) -> type[Any]:
    namespace = dict(cls.__dict__)
    for key in ("__dict__", "__weakref__"):
        namespace.pop(key, None)
    namespace["__qualname__"] = cls.__qualname__
    metaclass: Any = type(cls)
    return _build(metaclass, cls.__name__, cls.__bases__, namespace, (frozen, eq, order), False)


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(  # noqa: F811 - `overload` is typing's for the type checker
    *, frozen: bool = False, eq: bool = False, order: bool = False
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
def record(  # noqa: F811
    cls: type[T] | None = None, /, *, frozen: bool = False, eq: bool = False, order: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make `cls` a record (see the module's docstring): `@record` or `@record(frozen=True)`.
    Its class statement made a class already, which this makes again with slots: vrmc's own
    records subclass `Record` instead, which makes each once (tests/test_record.py)."""
    if cls is not None:
        return _decorate(cls, frozen, eq, order)
    return lambda c: _decorate(c, frozen, eq, order)


# --------------------------------------------------------------------------- record_code.py

HEADER = '''"""The methods of vrmc's record classes, generated from the classes by
`python -m vrmc_cli.core.record` (core/record.py), so that no run compiles them. Do not
edit: regenerate. tests/test_record.py checks that this file is what the classes make now."""

# fmt: off
# ruff: noqa
# mypy: ignore-errors

MISSING = object()
_MISSING = MISSING
_set = object.__setattr__
'''


def generated_source(made: list[tuple[str, str, str, bool, bool]]) -> str:
    """record_code.py for the records in `made` (those of vrmc_cli's modules, sorted)."""
    classes = sorted({(m, q, s) for m, q, s, _, _ in made if m.startswith("vrmc_cli.")})
    out = [HEADER]
    table = ["METHODS = {"]
    for index, (module, qualname, shape) in enumerate(classes):
        prefix = f"_r{index}"
        source = methods_source(shape, prefix)
        out.append(f"\n# {module}.{qualname}\n" + "\n".join(source) + "\n")
        methods = [line[4 + len(prefix) : line.index("(")] for line in source if line[:4] == "def "]
        entries = ", ".join(f"{m!r}: {prefix}{m}" for m in methods)
        table.append(f"    ({module!r}, {qualname!r}): ({shape!r}, {prefix!r}, {{{entries}}}),")
    table.append("}")
    return "".join(out) + "\n" + "\n".join(table) + "\n"


def make_all() -> list[tuple[str, str, str, bool, bool]]:
    """Import every module of vrmc_cli: MADE then holds every record class it defines."""
    import importlib
    import pkgutil

    import vrmc_cli

    for info in pkgutil.walk_packages(vrmc_cli.__path__, "vrmc_cli."):
        importlib.import_module(info.name)
    return MADE


def main() -> None:
    import importlib
    import os

    # This file runs as __main__: the records register with the module the package imports.
    imported: Any = importlib.import_module("vrmc_cli.core.record")

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "record_code.py")
    text = imported.generated_source(imported.make_all())
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


if __name__ == "__main__":
    main()


__all__ = ["FrozenInstanceError", "Record", "field", "record"]
