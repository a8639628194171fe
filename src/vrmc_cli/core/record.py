"""`record`: vrmc's value classes (the corpus model, the document IR, query results, options).

A record is a slotted class with a generated __init__, made by one small exec() per class:
the annotations name its fields, in order; a class attribute of the same name is the field's
default, and `field(default_factory=...)` a default made afresh for each instance. It is what
`dataclasses.dataclass(slots=True)` makes, without what vrmc does not use, and without the
start-up cost of importing `dataclasses` (it pulls in `inspect`, `ast`, `dis` and
`tokenize`; docs/performance.md).

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

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: object):  # only the type checker reads the transform
        return lambda decorator: decorator


T = TypeVar("T")


class FrozenInstanceError(AttributeError):
    """An assignment to a field of a frozen record."""


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], T]) -> T:
    """A field whose default is `default_factory()`, called for each new record."""
    return _Factory(default_factory)  # type: ignore[return-value]  # read by `record` only


_MISSING: Any = object()


def _repr(self: Any) -> str:
    parts = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
    return f"{type(self).__qualname__}({parts})"


def _frozen_setattr(self: Any, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _build(cls: type[Any], frozen: bool, eq: bool, order: bool) -> type[Any]:
    namespace = dict(cls.__dict__)
    names = tuple(namespace.get("__annotations__", {}))
    for base in cls.__mro__[1:-1]:
        if getattr(base, "__record_fields__", None) or base.__dict__.get("__slots__"):
            raise TypeError(f"record {cls.__qualname__}: a record cannot extend a slotted class")
    if eq and not frozen:
        raise TypeError(f"record {cls.__qualname__}: eq=True needs frozen=True (hashing)")
    env: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    params: list[str] = []
    body: list[str] = []
    for name in names:
        default = namespace.pop(name, _MISSING)
        if default is _MISSING:
            if params and "=" in params[-1]:
                raise TypeError(f"record {cls.__qualname__}: {name} without a default follows one")
            params.append(name)
        elif isinstance(default, _Factory):
            env[f"_f_{name}"] = default.make
            params.append(f"{name}=_MISSING")
            body.append(f"  if {name} is _MISSING: {name} = _f_{name}()")
        else:
            env[f"_d_{name}"] = default
            params.append(f"{name}=_d_{name}")
        body.append(f"  _set(self, {name!r}, {name})" if frozen else f"  self.{name} = {name}")
    source = [f"def __init__(self, {', '.join(params)}) -> None:", *(body or ["  pass"])]
    mine = "(" + "".join(f"self.{n}, " for n in names) + ")"
    theirs = "(" + "".join(f"other.{n}, " for n in names) + ")"
    compare = "  if other.__class__ is self.__class__: return {} {} {}\n  return NotImplemented"
    source += ["def __reduce__(self):", f"  return self.__class__, {mine}"]
    if eq:
        source += ["def __eq__(self, other):", compare.format(mine, "==", theirs)]
        source += ["def __hash__(self):", f"  return hash({mine})"]
    if order:
        for method, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            source += [f"def {method}(self, other):", compare.format(mine, op, theirs)]
    exec("\n".join(source), env)  # noqa: S102 - the source is built above from field names
    for key in ("__dict__", "__weakref__"):
        namespace.pop(key, None)
    namespace["__slots__"] = names
    namespace["__qualname__"] = cls.__qualname__
    namespace["__record_fields__"] = names
    namespace["__repr__"] = _repr
    for key, value in env.items():
        if key.startswith("__") and key != "__builtins__":
            value.__qualname__ = f"{cls.__qualname__}.{key}"
            namespace[key] = value
    if frozen:
        namespace["__setattr__"] = _frozen_setattr
        namespace["__delattr__"] = _frozen_delattr
    metaclass: Any = type(cls)
    made: type[Any] = metaclass(cls.__name__, cls.__bases__, namespace)
    return made


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(
    *, frozen: bool = False, eq: bool = False, order: bool = False
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
def record(
    cls: type[T] | None = None, /, *, frozen: bool = False, eq: bool = False, order: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make `cls` a record (see the module's docstring): `@record` or `@record(frozen=True)`."""
    if cls is not None:
        return _build(cls, frozen, eq, order)
    return lambda c: _build(c, frozen, eq, order)


__all__ = ["FrozenInstanceError", "field", "record"]
