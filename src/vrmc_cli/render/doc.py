"""A small document model that every command builds and every prose format renders.

Commands describe *what* to show (headings, paragraphs, lists, tables, badges); the text,
Markdown, HTML and Rich renderers decide *how*. Data stays plain `str` here: each renderer
escapes it for its own format, so nothing in a corpus is ever read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# How a span is meant, not how it looks: renderers map each to their own styling.
Style = Literal[
    "",
    "strong",  # a label or a name
    "em",  # a title of a work
    "muted",  # dates, ids, secondary detail
    "mark",  # a search match
    "code",  # an id the user can type
    "confidence-low",
    "confidence-moderate",
    "confidence-high",
    "likelihood-low",
    "likelihood-even",
    "likelihood-high",
    "status-ok",
    "status-pending",
    "status-bad",
    "cite",  # a numbered source reference
]


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    style: Style = ""
    url: str | None = None  # shown as text (never as a live terminal link) where it matters


Inline = tuple[Span, ...]


def plain(text: str) -> Inline:
    return (Span(text),)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 = document title
    text: str
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Para:
    spans: Inline


@dataclass(frozen=True, slots=True)
class Item:
    spans: Inline
    children: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[Item, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    numeric: tuple[bool, ...] = ()  # right-aligned columns
    caption: str | None = None
    one_line_rows: bool = False  # keep one line per row in plain text, however wide


@dataclass(frozen=True, slots=True)
class Fields:
    """Label/value pairs, such as "Confidence: high"."""

    pairs: tuple[tuple[str, Inline], ...]


@dataclass(frozen=True, slots=True)
class Callout:
    """A boxed passage: the bottom line up front, a key judgment."""

    title: str
    blocks: tuple[Block, ...]
    tone: Literal["bottom-line", "judgment", "note"] = "note"


@dataclass(frozen=True, slots=True)
class Footnotes:
    """Numbered source references: footnotes in Markdown, a titled numbered list elsewhere."""

    title: str
    level: int
    notes: tuple[tuple[int, Inline], ...]


Block = Heading | Para | Bullets | Table | Fields | Callout | Footnotes


@dataclass(frozen=True, slots=True)
class Doc:
    title: str
    blocks: tuple[Block, ...]
    # Notes for stderr (an empty result, say): never part of the data.
    notes: tuple[str, ...] = field(default=())
