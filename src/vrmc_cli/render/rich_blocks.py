"""Rich renderables for what the terminal view does not lay out itself: tables, panels,
and lists that hold them (as_rich.py does the rest)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Span as RichSpan
from rich.text import Text

from ..textsafe import visible
from .as_rich import STYLES
from .doc import (
    Block,
    Bullets,
    Callout,
    Fields,
    Footnotes,
    Heading,
    Inline,
    Para,
    Table,
    text_of,
)

if TYPE_CHECKING:
    from rich.console import RenderableType


def text(spans: Inline, *, one_line: bool = False) -> Text:
    # One Text made from the joined string and its style ranges: Text.append would check
    # every span for control codes again (`visible` has escaped them all).
    parts: list[str] = []
    styles: list[RichSpan] = []
    at = 0
    for s in spans:
        part = visible(s.text, one_line=one_line)
        parts.append(part)
        if s.style and part:
            styles.append(RichSpan(at, at + len(part), STYLES[s.style]))
        at += len(part)
    return Text("".join(parts), spans=styles)


def _grid() -> RichTable:
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def block(b: Block, width: int) -> RenderableType:
    """`b` for a console `width` columns wide (tables size their columns to fit it)."""
    if isinstance(b, Heading):
        title = Text(visible(b.text, one_line=True))
        if b.level == 1:
            title.stylize("bold")
            return Rule(title, style="blue", align="left")
        if b.level == 2:
            title.stylize("bold blue")
            return Padding(title, (1, 0, 0, 0))
        title.stylize("bold")
        return title
    if isinstance(b, Para):
        return text(b.spans)
    if isinstance(b, Bullets):
        return _bullets(b, width)
    if isinstance(b, Table):
        table = RichTable(
            box=box.SIMPLE_HEAD,
            header_style="bold",
            pad_edge=False,
            expand=False,
            show_edge=False,
            collapse_padding=True,
        )
        numeric = b.numeric or (False,) * len(b.columns)
        for name, is_number, fixed in zip(
            b.columns, numeric, _column_widths(b, width), strict=True
        ):
            table.add_column(
                Text(visible(name, one_line=True)),
                overflow="fold",
                justify="right" if is_number else "left",
                width=fixed,
            )
        for row in b.rows:
            table.add_row(*(text(c, one_line=True) for c in row))
        return table
    if isinstance(b, Fields):
        grid = _grid()
        for label, value in b.pairs:
            grid.add_row(Text(visible(label) + ":", style="dim"), text(value))
        return grid
    if isinstance(b, Callout):
        border = "green" if b.tone == "bottom-line" else "blue"
        parts: list[RenderableType] = []
        for n, child in enumerate(b.blocks):
            if n:
                parts.append(Text(""))
            parts.append(block(child, width - 4))
        return Panel(
            Group(*parts),
            title=Text(visible(b.title), style="bold"),
            title_align="left",
            border_style=border,
            box=box.ROUNDED,
            padding=(0, 1),
        )
    if isinstance(b, Footnotes):
        grid = _grid()
        for number, spans in b.notes:
            grid.add_row(Text(f"[{number}]", style="dim cyan"), text(spans))
        return Group(block(Heading(b.level, b.title), width), grid)
    raise TypeError(f"unknown block {type(b).__name__}")


def _column_widths(b: Table, width: int) -> list[int | None]:
    """Column widths for a table that is too wide for `width`, or None each when it fits.

    Rich would narrow such a table itself, but a column given a minimum it then has to break
    is widened again after the narrowing and the table cropped at the edge: data lost. So
    vrmc narrows it, the widest column first, as Rich does, but each column only down to its
    longest word (at most 14, so that text wraps between words and only ids and URLs fold)
    while any other can still give way."""
    columns = range(len(b.columns))
    cells = [[b.columns[n], *(text_of(row[n]) for row in b.rows)] for n in columns]
    cells = [[visible(t, one_line=True) for t in texts] for texts in cells]
    natural = [max(map(cell_len, texts)) for texts in cells]
    room = width - 2 * (len(natural) - 1)  # two spaces between columns, none at the edges
    if sum(natural) <= room:
        return [None] * len(natural)
    least = []
    for most, texts in zip(natural, cells, strict=True):
        longest_word = max((cell_len(w) for t in texts for w in t.split()), default=1)
        least.append(max(1, min(14, most, longest_word)))
    fitted = list(natural)
    while sum(fitted) > room:
        # The widest column that can still give way, down to its longest word; then the
        # widest of all, down to one character.
        above = [n for n in columns if fitted[n] > least[n]] or [
            n for n in columns if fitted[n] > 1
        ]
        if not above:
            break
        fitted[max(above, key=lambda n: fitted[n])] -= 1
    return list(fitted)


def _bullets(b: Bullets, width: int) -> RenderableType:
    """A list with hanging indents. Items with children are not nested in one grid: Rich
    measures a nested table again for every table around it, which made a long timeline take
    most of a second. Runs of items without children share a grid; an item's children are
    indented under its text."""
    markers = [f"{n}." if b.ordered else "•" for n in range(1, len(b.items) + 1)]
    marker_width = max(map(len, markers), default=1)
    parts: list[RenderableType] = []
    grid: RichTable | None = None
    for n, (marker, item) in enumerate(zip(markers, b.items, strict=True), start=1):
        if grid is None:
            grid = RichTable.grid(padding=(0, 1))
            grid.add_column(no_wrap=True, width=marker_width)
            grid.add_column(overflow="fold")
            parts.append(grid)
        grid.add_row(Text(marker, style="blue"), text(item.spans))
        if item.children:
            indent = marker_width + 1
            parts.extend(
                Padding(block(child, width - indent), (0, 0, 0, indent)) for child in item.children
            )
            if n < len(b.items):
                parts.append(Text(""))
            grid = None
    return Group(*parts)
