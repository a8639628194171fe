"""The terminal view: Rich tables, panels and colour that carries meaning.

Data only ever enters Rich as `Text` (never as markup), after `visible()` has made control
and bidi characters harmless; the console is built with markup, emoji and highlighting off.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import COLOR_SYSTEMS, Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Span as RichSpan
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
    Span,
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


# --------------------------------------------------------------------------- flowing text

# Headings, paragraphs, lists, fields and footnotes are laid out here, line by line, and
# written out directly: the lines Rich's grids gave (words wrapped where Rich wraps them,
# long words folded, the same styles), without their cost. A grid measures every cell and
# renders it twice, and Text objects check every piece of text again: the 90-event timeline
# took 0.6 s that way. Tables and panels, and lists that hold them, are still Rich's.

Piece = tuple[str, str]  # text and its Rich style ("" for none)
Line = list[Piece]

_WORD = re.compile(r"\s*\S+\s*")


def _styled(spans: Inline) -> tuple[str, list[tuple[int, int, str]]]:
    """The visible text of `spans`, tabs expanded as Rich expands them, and where each style
    applies."""
    plain = ""
    ranges: list[tuple[int, int, str]] = []
    for s in spans:
        part = visible(s.text)
        if "\t" in part:
            part = _expand_tabs(plain, part)
        if s.style and part:
            ranges.append((len(plain), len(plain) + len(part), STYLES[s.style]))
        plain += part
    return plain, ranges


def _expand_tabs(before: str, part: str) -> str:
    column = cell_len(before[before.rfind("\n") + 1 :])
    out = []
    for char in part:
        if char == "\t":
            out.append(" " * (8 - column % 8))
            column += 8 - column % 8
        else:
            out.append(char)
            column = 0 if char == "\n" else column + cell_len(char)
    return "".join(out)


def breaks(line: str, width: int) -> list[tuple[int, int]]:
    """Where Rich's word wrap (rich._wrap.divide_line, with folding) cuts one line of text
    into lines at most `width` cells wide: (start, end) of each, trailing spaces left out."""
    if cell_len(line) <= width:
        return [(0, len(line.rstrip()))]
    starts = [0]
    offset = 0  # cells used on the current line
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:  # longer than any line: folded
            for chunk in chop_cells(word, width):
                if start:
                    starts.append(start)
                start += len(chunk)
                offset = cell_len(chunk)
        elif offset and start:
            starts.append(start)
            offset = cell_len(word)
    ends = [*starts[1:], len(line)]
    return [(a, a + len(line[a:b].rstrip())) for a, b in zip(starts, ends, strict=True)]


def _wrap(spans: Inline, width: int) -> list[Line]:
    plain, ranges = _styled(spans)
    lines: list[Line] = []
    at = 0
    for part in plain.split("\n"):
        for start, end in breaks(part, max(1, width)):
            lines.append(_pieces(plain, ranges, at + start, at + end))
        at += len(part) + 1
    return lines


def _pieces(plain: str, ranges: list[tuple[int, int, str]], start: int, end: int) -> Line:
    """plain[start:end], cut where its style changes."""
    out: Line = []
    at = start
    for a, b, style in ranges:
        if b <= at or a >= end:
            continue
        if a > at:
            out.append((plain[at:a], ""))
        out.append((plain[max(a, at) : min(b, end)], style))
        at = min(b, end)
    if at < end:
        out.append((plain[at:end], ""))
    return out


def _hang(head: Piece, head_width: int, body: list[Line]) -> list[Line]:
    """`head` before the first line of `body`, the other lines indented to line up."""
    pad = (" " * (head_width + 1 - cell_len(head[0])), "")
    indent = (" " * (head_width + 1), "")
    if not body:
        return [[head]]
    return [[head, pad, *body[0]], *([indent, *line] for line in body[1:])]


def _pairs(pairs: list[tuple[Piece, Inline]], width: int) -> list[Line] | None:
    """Two columns: a narrow label, then text wrapped beside it (a grid, as before)."""
    head_width = max((cell_len(label) for (label, _), _ in pairs), default=0)
    if head_width + 1 > width // 2:
        return None  # labels too wide to hang text beside: Rich's grid decides
    out: list[Line] = []
    for label, value in pairs:
        out += _hang(label, head_width, _wrap(value, width - head_width - 1))
    return out


def flow(b: Block, width: int) -> list[Line] | None:
    """`b` as finished lines when it is flowing text; None for what Rich lays out (tables,
    panels, and lists holding them)."""
    if isinstance(b, Heading) and b.level >= 2:
        style = "bold blue" if b.level == 2 else "bold"
        lines = _wrap((Span(visible(b.text, one_line=True)),), width)
        lines = [[(t, style) for t, _ in line] for line in lines]
        return [[], *lines] if b.level == 2 else lines
    if isinstance(b, Para):
        return _wrap(b.spans, width)
    if isinstance(b, Fields):
        return _pairs([((visible(k) + ":", "dim"), v) for k, v in b.pairs], width)
    if isinstance(b, Footnotes):
        heading = flow(Heading(b.level, b.title), width)
        body = _pairs([((f"[{n}]", "dim cyan"), v) for n, v in b.notes], width)
        return None if heading is None or body is None else heading + body
    if isinstance(b, Bullets):
        return _bullet_lines(b, width)
    return None


def _bullet_lines(b: Bullets, width: int) -> list[Line] | None:
    markers = [f"{n}." if b.ordered else "•" for n in range(1, len(b.items) + 1)]
    marker_width = max(map(len, markers), default=1)
    indent = (" " * (marker_width + 1), "")
    out: list[Line] = []
    for n, (marker, item) in enumerate(zip(markers, b.items, strict=True), start=1):
        out += _hang((marker, "blue"), marker_width, _wrap(item.spans, width - marker_width - 1))
        for child in item.children:
            lines = flow(child, width - marker_width - 1)
            if lines is None:
                return None
            out += [[indent, *line] if line else line for line in lines]
        if item.children and n < len(b.items):
            out.append([])
    return out


class _Ansi:
    """Lines as the console would print them: each styled piece between its SGR codes, as
    Rich writes them, or plain text when there is no colour."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.codes: dict[str, tuple[str, str]] = {}

    def line(self, line: Line) -> str:
        out = []
        for piece, style in line:
            if style and self.console.color_system is not None and piece:
                codes = self.codes.get(style)
                if codes is None:
                    system = COLOR_SYSTEMS[self.console.color_system]
                    rendered = self.console.get_style(style).render("\0", color_system=system)
                    before, _, after = rendered.partition("\0")
                    codes = self.codes[style] = (before, after)
                out.append(codes[0] + piece + codes[1])
            else:
                out.append(piece)
        return "".join(out)


def to_string(doc: Doc, options: Options) -> str:
    """The document as the terminal would show it, ANSI styles included when `options.color`."""
    import io

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
    ansi = _Ansi(console)
    out = console.file
    for n, b in enumerate(doc.blocks):
        padded = isinstance(b, Heading | Footnotes) and b.level == 2
        if n and not padded:
            out.write("\n")
        lines = flow(b, options.width)
        if lines is None:
            console.print(block(b, options.width))
        else:
            out.write("".join(ansi.line(line) + "\n" for line in lines))
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]
