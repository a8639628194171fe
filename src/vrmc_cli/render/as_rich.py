"""The terminal view: Rich tables, panels and colour that carries meaning.

Data only ever enters Rich as `Text` (never as markup), after `visible()` has made control
and bidi characters harmless; the console is built with markup, emoji and highlighting off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text

from ..textsafe import visible
from . import Options
from .doc import Block, Bullets, Callout, Doc, Fields, Footnotes, Heading, Inline, Para, Table

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


def block(b: Block) -> RenderableType:
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
        return _bullets(b)
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
        for n, (name, is_number) in enumerate(zip(b.columns, numeric, strict=True)):
            # Wide enough for the longest word, so narrow terminals wrap between words
            # rather than inside them; only longer words (ids, URLs) are folded.
            words = [w for row in b.rows for s in row[n] for w in s.text.split()]
            longest = max((len(w) for w in [*name.split(), *words]), default=1)
            table.add_column(
                Text(visible(name, one_line=True)),
                overflow="fold",
                justify="right" if is_number else "left",
                min_width=min(longest, 14),
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
            parts.append(block(child))
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
        return Group(block(Heading(b.level, b.title)), grid)
    raise TypeError(f"unknown block {type(b).__name__}")


def _bullets(b: Bullets) -> RenderableType:
    """A list with hanging indents. Items with children are not nested in one grid: Rich
    measures a nested table again for every table around it, which made a long timeline take
    most of a second. Runs of items without children share a grid; an item's children are
    indented under its text."""
    markers = [f"{n}." if b.ordered else "•" for n in range(1, len(b.items) + 1)]
    width = max(map(len, markers), default=1)
    parts: list[RenderableType] = []
    grid: RichTable | None = None
    for n, (marker, item) in enumerate(zip(markers, b.items, strict=True), start=1):
        if grid is None:
            grid = RichTable.grid(padding=(0, 1))
            grid.add_column(no_wrap=True, width=width)
            grid.add_column(overflow="fold")
            parts.append(grid)
        grid.add_row(Text(marker, style="blue"), text(item.spans))
        if item.children:
            parts.extend(Padding(block(child), (0, 0, 0, width + 1)) for child in item.children)
            if n < len(b.items):
                parts.append(Text(""))
            grid = None
    return Group(*parts)


def render(doc: Doc) -> list[RenderableType]:
    """Renderables for a console, with a blank line between blocks."""
    out: list[RenderableType] = []
    for n, b in enumerate(doc.blocks):
        padded = isinstance(b, Heading | Footnotes) and b.level == 2
        if n and not padded:
            out.append(Text(""))
        out.append(block(b))
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
    for renderable in render(doc):
        console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]
