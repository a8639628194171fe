"""`record`: the class decorator for the values built and dropped on every run: the document
IR (`render/doc.py`), rendering options and query results.

A record is a slotted dataclass with a generated __init__ and nothing else: no __repr__, no
__eq__ (two records are equal only when they are the same object), and no run-time guard
against assignment. Each method a dataclass generates costs an exec() when its class is made,
and a frozen one generates two more; every run of vrmc makes these classes before anything
else. Immutability is kept where it is checked: the type checker is told (PEP 681) that
records are frozen, so `mypy --strict`, which CI runs, rejects any assignment to a field. The
corpus model (`model.py`) stays frozen at run time too: it is the contract everything reads.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: object):  # only the type checker reads the transform
        return lambda decorator: decorator


T = TypeVar("T")


@dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    """Make `cls` a record: a slotted dataclass, frozen for the type checker."""
    return dataclasses.dataclass(slots=True, eq=False, repr=False)(cls)


__all__ = ["record"]
