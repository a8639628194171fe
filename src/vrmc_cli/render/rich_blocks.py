"""What Rich draws in the terminal view: tables and callout panels (as_rich.py lays out the
rest, the contents of panels included)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Group
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Span as RichSpan
from rich.text import Text

from ..core.doc import Block, Callout, Inline, Table, column_widths, pack, unbroken
from ..core.textsafe import visible
from . import table_cells

if TYPE_CHECKING:
    from .as_rich import Line

# as_rich's layout, handed in by as_rich (which imports this module only when it needs it):
# the styled text of spans, and the lines of a callout's contents at a width.
Styled = Callable[[Inline, bool], tuple[str, list[tuple[int, int, str]]]]
CalloutLines = Callable[[Callout, int], "list[Line]"]


def text(spans: Inline, styled: Styled, *, one_line: bool = False) -> Text:
    plain, ranges = styled(spans, one_line)
    return Text(plain, spans=[RichSpan(a, b, style) for a, b, style in ranges])


def _text(line: Line) -> Text:
    out = Text()
    for piece, style in line:
        out.append(piece, style or None)
    return out


def drawing(b: Block, width: int, styled: Styled, callout_lines: CalloutLines) -> Panel | RichTable:
    """`b`, a table or a callout, for a console `width` columns wide."""
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
        widths = _column_widths(b, width)
        for name, is_number, fixed in zip(b.columns, numeric, widths, strict=True):
            table.add_column(
                Text(visible(name, one_line=True)),
                overflow="fold",
                justify="right" if is_number else "left",
                width=fixed,
            )
        keep = unbroken(b)
        for row in b.rows:
            cells = [text(c, styled, one_line=True) for c in row]
            for i, cell in enumerate(cells):
                if keep[i] and cell_len(cell.plain) > widths[i]:
                    _break_between_pieces(cell, widths[i])
                elif cell.plain.startswith(" ") and cell_len(cell.plain) > widths[i]:
                    cells[i] = _indented(cell, widths[i])
            table.add_row(*cells)
        return table
    if isinstance(b, Callout):
        # The panel's border and padding take four columns.
        content = [_text(line) for line in callout_lines(b, width - 4)]
        return Panel(
            Group(*content),
            title=Text(visible(b.title), style="bold"),
            title_align="left",
            border_style="green" if b.tone == "bottom-line" else "blue",
            box=box.ROUNDED,
            padding=(0, 1),
        )
    raise TypeError(f"as_rich lays out {type(b).__name__} itself")


def _indented(cell: Text, width: int) -> Text:
    """A cell indented by leading spaces (a subtheme under its theme), wrapped with its
    indent on every line (Rich would start the next lines at the column's edge)."""
    import textwrap

    text = cell.plain.lstrip(" ")
    lead = " " * (len(cell.plain) - len(text))
    lines = textwrap.wrap(
        text,
        width,
        initial_indent=lead,
        subsequent_indent=lead,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return Text("\n".join(lines), style=cell.style)


def _break_between_pieces(cell: Text, width: int) -> None:
    """Lay a whole cell (a date range, a marked quantity) out on lines of at most `width`
    cells, breaking it only between its pieces (doc.pack): the spaces there become line
    breaks, so its styles stay where they were and Rich has nothing left to wrap."""
    lines = pack(cell.plain, width, cell_len)
    if len(lines) > 1:
        cell.plain = "\n".join(lines)


def _column_widths(b: Table, width: int) -> list[int]:
    """The columns' widths (doc.column_widths, measured in cells). as_rich shows a table
    that cannot fit one record per row instead, so it never gets here; should it, every
    column keeps its natural width and the table runs past the edge rather than break."""
    cells = table_cells(b)
    found = column_widths(b, cells, width, cell_len)
    return found if found is not None else [max(map(cell_len, texts)) for texts in cells]
