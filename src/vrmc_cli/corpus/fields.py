"""The value types of the topic-file format's fields, one object each.

kinds.py declares each field with one of these objects (`Field("date", DATE)`).
"""

from __future__ import annotations


class FieldType:
    """A type of field value."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name  # as docs/format.md names it

    def __repr__(self) -> str:
        return self.name


TEXT = FieldType("text")
URL = FieldType("url")
TEXTS = FieldType("texts")
DATE = FieldType("date")
BOOL = FieldType("bool")
INT = FieldType("int")
NUMBER = FieldType("number")
ID = FieldType("id")
KEBAB = FieldType("kebab")
CODE = FieldType("code")
CHOICE = FieldType("choice")
INT_RANGE = FieldType("int-range")
NUMBER_RANGE = FieldType("number-range")
DISPUTED = FieldType("disputed")
REF = FieldType("ref")
REFS = FieldType("refs")
REFS1 = FieldType("refs1")
ENTRIES = FieldType("entries")
POINTS = FieldType("points")
ITEMS = FieldType("items")
RATINGS = FieldType("ratings")
