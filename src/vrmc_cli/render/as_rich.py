"""The terminal view: Rich tables, panels and colour that carries meaning.

Data only ever enters Rich as `Text` (never as markup), after `visible()` has made control
and bidi characters harmless; the console is built with markup, emoji and highlighting off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text

from ..textsafe import visible
from . import Options
from .doc import (
    Block,
    Bullets,
    Callout,
    Doc,
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

STYLES = {
    "": "",
    "strong": "bold",
    "em": "italic",
    "muted": "dim",
    "mark": "bold black on yellow",
    "code": "cyan",
    "confidence-high": "green",
    "confidence-moderate": "yellow",
    "confidence-low": "red",
    "likelihood-high": "bold green",
    "likelihood-even": "bold yellow",
    "likelihood-low": "bold red",
    "status-ok": "green",
    "status-pending": "yellow",
    "status-bad": "red",
    "cite": "dim cyan",
}


def text(spans: Inline, *, one_line: bool = False) -> Text:
    out = Text()
    for s in spans:
        out.append(visible(s.text, one_line=one_line), style=STYLES[s.style])
    return out


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


def render(doc: Doc, width: int) -> list[RenderableType]:
    """Renderables for a console, with a blank line between blocks."""
    out: list[RenderableType] = []
    for n, b in enumerate(doc.blocks):
        padded = isinstance(b, Heading | Footnotes) and b.level == 2
        if n and not padded:
            out.append(Text(""))
        out.append(block(b, width))
    return out


def to_string(doc: Doc, options: Options) -> str:
    """The document as the terminal would show it, ANSI styles included when `options.color`."""
    import io

    from rich.console import Console

    console = Console(
        file=io.StringIO(),
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system=options.color_system if options.color else None,  # type: ignore[arg-type]
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        soft_wrap=False,
    )
    for renderable in render(doc, options.width):
        console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]
