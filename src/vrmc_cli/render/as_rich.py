"""The terminal view: colour that carries meaning, Rich tables and panels.

Everything is laid out here, line by line: headings, paragraphs, lists, fields and
footnotes, with the SGR codes of Rich's styles. Rich draws only tables and panels
(rich_blocks.py, imported only when a document has one: Rich's console and layout modules
take longer to import than the rest of a run), and their lines join the others. Data only
ever reaches Rich as `Text` (never as markup), after `visible()` has made control and bidi
characters harmless; the console is built with markup, emoji and highlighting off.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.cells import cell_len, chop_cells
from rich.color import ColorSystem
from rich.style import Style

from ..core.doc import (
    Block,
    Bullets,
    Callout,
    Chart,
    Doc,
    Fields,
    Footnotes,
    Heading,
    Inline,
    Locator,
    Para,
    Span,
    Strip,
    Table,
    Tree,
    column_widths,
    text_of,
    unbroken,
)
from ..core.formats import DOC
from ..core.textsafe import visible
from . import Options, Renderer, table_cells

if TYPE_CHECKING:
    from rich.console import Console

    from ..commands import Result


DECLARED = Renderer(DOC, "a terminal view in colour", ())

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


# --------------------------------------------------------------------------- flowing text

# Headings, paragraphs, lists, fields and footnotes are laid out here, line by line, and
# written out directly: the lines Rich's grids would give (words wrapped where Rich wraps
# them, long words folded, the same styles), without their cost (docs/performance.md).

Piece = tuple[str, "str | Style | None"]  # text and its Rich style ("" or None for none)
Line = list[Piece]
# Lays out what Rich draws (a table, a panel) `width` cells wide, as lines.
Drawn = Callable[[Block, int], list[Line]]

_WORD = re.compile(r"\s*\S+\s*")
_TAB_OR_NEWLINE = re.compile("(\t|\n)")
# Characters Rich measures one cell wide (Latin, Greek, Cyrillic, general punctuation): in a
# line of only these, a character is a cell, and measuring words needs no table look-ups.
_NARROW = re.compile("[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u2010-\u2027]*")


def styled(spans: Inline, *, one_line: bool = False) -> tuple[str, list[tuple[int, int, str]]]:
    """The visible text of `spans`, tabs expanded as Rich expands them, and where each style
    applies."""
    parts: list[str] = []
    length = 0
    ranges: list[tuple[int, int, str]] = []
    tabs = _TabStops()
    for s in spans:
        part = tabs.expand(visible(s.text, one_line=one_line))
        if s.style and part:
            ranges.append((length, length + len(part), STYLES[s.style]))
        parts.append(part)
        length += len(part)
    return "".join(parts), ranges


class _TabStops:
    """Tabs as spaces to the next multiple of 8 cells: what Rich's Text.expand_tabs gives.

    Rich measures each stretch of a line up to and including a tab whole (`❤` and U+FE0F
    are two cells together, one apart) and adds the stretches up. So does this, each
    character measured once however many tabs a line has: linear in the text."""

    def __init__(self) -> None:
        self.cells = 0  # cells on the line before the current stretch
        self.stretch: list[str] = []  # the text since the last tab or newline

    def expand(self, text: str) -> str:
        if "\t" not in text:
            self._add(text)
            return text
        out = []
        for piece in _TAB_OR_NEWLINE.split(text):
            if piece == "\t":
                self.cells += cell_len("".join(self.stretch))
                spaces = " " * (8 - self.cells % 8)
                self.cells += len(spaces)
                self.stretch = []
                out.append(spaces)
            else:
                self._add(piece)
                out.append(piece)
        return "".join(out)

    def _add(self, text: str) -> None:
        line_end = text.rfind("\n")
        if line_end < 0:
            self.stretch.append(text)
        else:
            self.cells, self.stretch = 0, [text[line_end + 1 :]]


def breaks(line: str, width: int, *, fold: bool = True) -> list[tuple[int, int]]:
    """Where Rich's word wrap (rich._wrap.divide_line, with folding) cuts one line of text
    into lines at most `width` cells wide: (start, end) of each, trailing spaces left out.
    Without `fold`, a word longer than a line stands whole on a line of its own."""
    cells = len if _NARROW.fullmatch(line) else cell_len
    if cells(line) <= width:
        return [(0, len(line.rstrip()))]
    starts = [0]
    offset = 0  # cells used on the current line
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = cells(word.rstrip())
        if width - offset >= length:
            offset += cells(word)
        elif length > width and fold:  # longer than any line: folded
            for chunk in chop_cells(word, width):
                if start:
                    starts.append(start)
                start += len(chunk)
                offset = cell_len(chunk)
        elif offset and start:
            starts.append(start)
            offset = cells(word)
    ends = [*starts[1:], len(line)]
    return [(a, a + len(line[a:b].rstrip())) for a, b in zip(starts, ends, strict=True)]


def _wrap(spans: Inline, width: int, *, fold: bool = True) -> list[Line]:
    plain, ranges = styled(spans, one_line=not fold)
    ends = [b for _, b, _ in ranges]
    lines: list[Line] = []
    at = 0
    for part in plain.split("\n"):
        for start, end in breaks(part, max(1, width), fold=fold):
            lines.append(_pieces(plain, ranges, ends, at + start, at + end))
        at += len(part) + 1
    return lines


def _pieces(
    plain: str, ranges: list[tuple[int, int, str]], ends: list[int], start: int, end: int
) -> Line:
    """plain[start:end], cut where its style changes. `ranges` are in order and do not
    overlap, `ends` their ends: each line looks only at the ranges it meets, so a paragraph
    with thousands of them (search matches) takes time in proportion to its length."""
    out: Line = []
    at = start
    for index in range(bisect.bisect_right(ends, start), len(ranges)):
        a, b, style = ranges[index]
        if a >= end:
            break
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


def _pairs(pairs: list[tuple[tuple[str, str], Inline]], width: int) -> list[Line]:
    """Two columns: the labels, then text wrapped beside them. Labels that would leave the
    text less than half the line stand on a line of their own, the text indented below."""
    head_width = max((cell_len(label) for (label, _), _ in pairs), default=0)
    out: list[Line] = []
    for label, value in pairs:
        if head_width + 1 > width // 2:
            out += _title(*label, width)
            out += [[("  ", ""), *line] for line in _wrap(value, width - 2)]
        else:
            out += _hang(label, head_width, _wrap(value, width - head_width - 1))
    return out


def flow(b: Block, width: int, drawn: Drawn) -> list[Line]:
    """`b` as lines at most `width` cells wide; tables and panels come from `drawn`."""
    if isinstance(b, Heading) and b.level == 1:
        return _rule(b.text, width)
    if isinstance(b, Heading):
        lines = _title(b.text, "bold blue" if b.level == 2 else "bold", width)
        return [[], *lines] if b.level == 2 else lines
    if isinstance(b, Para):
        return _wrap(b.spans, width)
    if isinstance(b, Fields):
        return _pairs([((visible(k) + ":", "dim"), v) for k, v in b.pairs], width)
    if isinstance(b, Footnotes):
        heading = flow(Heading(b.level, b.title), width, drawn) if b.title else []
        return heading + _pairs([((f"[{n}]", "dim cyan"), v) for n, v in b.notes], width)
    if isinstance(b, Bullets):
        return _bullet_lines(b, width, drawn)
    if isinstance(b, Chart):
        return _chart_lines(b, width)
    if isinstance(b, Strip | Tree):
        from .pictures import UNICODE, picture_lines

        texts = picture_lines(b, width, "", UNICODE)
        plain_lines: list[Line] = [[(t, "")] for t in texts]
        if isinstance(b, Strip):  # the title in bold, without the text view's underline
            return [[(texts[0], "bold")], *plain_lines[2:]]
        return plain_lines
    if isinstance(b, Table) and column_widths(b, table_cells(b), width, cell_len) is None:
        return _records(b, width)
    return drawn(b, width)


# Each series' fill and colour: the fills differ, so the chart reads without colour too.
FILLS = ("█", "▒", "░", "▓", "#", "=", "+", "x")
FILL_STYLES = ("blue", "yellow", "green", "magenta", "cyan", "red", "bright_black", "white")


def _chart_lines(b: Chart, width: int) -> list[Line]:
    from ..analysis.charts import bar_lines, caption, legend

    safe = Chart(
        b.title, tuple(visible(s, one_line=True) for s in b.series), b.bars, b.unit, b.rule
    )
    out: list[Line] = _title(b.title, "bold", width)
    if len(safe.series) > 1:
        for pieces in legend(safe, FILLS, width):
            out.append([(p, FILL_STYLES[n] if n is not None else "") for p, n in pieces])
    for bar in bar_lines(safe, width, FILLS):
        out.append([(piece, FILL_STYLES[n] if n is not None else "") for piece, n in bar])
    if b.unit:
        out += _wrap((Span(caption(b), "muted"),), width)
    return out


def _records(b: Table, width: int) -> list[Line]:
    """A table too narrow for its atoms, one record per row: each column's name, then its
    cell. No word or whole cell is broken: when one would not fit beside the names, the
    names stand on lines of their own, and a word longer than the line runs past it."""
    head_width = max(cell_len(visible(name, one_line=True)) + 1 for name in b.columns)
    keep = unbroken(b)
    records = [
        [
            (visible(name, one_line=True) + ":", cell, keep[i])
            for i, (name, cell) in enumerate(zip(b.columns, row, strict=True))
            if text_of(cell).strip()
        ]
        for row in b.rows
    ]
    atoms = [
        cell_len(visible(text_of(cell), one_line=True))
        if keep
        else max((cell_len(w) for w in visible(text_of(cell), one_line=True).split()), default=0)
        for pairs in records
        for _, cell, keep in pairs
    ]
    # One layout for every record: the names beside the values, or above them all.
    stacked = head_width + 1 + max(atoms, default=0) > width
    out: list[Line] = []
    for n, pairs in enumerate(records):
        if n:
            out.append([])
        for label, cell, _ in pairs:
            if stacked:
                out += _title(label, "dim", width)
                out += [[("  ", ""), *line] for line in _wrap(cell, width - 2, fold=False)]
            else:
                value = _wrap(cell, width - head_width - 1, fold=False)
                out += _hang((label, "dim"), head_width, value)
    return out


def callout_lines(b: Callout, width: int, drawn: Drawn) -> list[Line]:
    """What a callout's panel holds, a blank line between its blocks."""
    out: list[Line] = []
    for n, child in enumerate(b.blocks):
        if n:
            out.append([])
        out += flow(child, width, drawn)
    return out


def _title(title: str, style: str, width: int) -> list[Line]:
    """A heading's text on one line or more, all in `style`."""
    lines = _wrap((Span(visible(title, one_line=True)),), width)
    return [[(piece, style) for piece, _ in line] for line in lines]


def _rule(title: str, width: int) -> list[Line]:
    """The title in bold, then a blue rule to the edge (Rich's left-aligned Rule). A title
    too long for one line wraps instead of being cut short, the rule after its last line."""
    lines = _title(title, "bold", width - 2)
    rest = width - 1 - sum(cell_len(t) for t, _ in lines[-1])
    if rest > 0:
        lines[-1] += [(" ", ""), ("─" * rest, "blue")]
    return lines


def _bullet_lines(b: Bullets, width: int, drawn: Drawn) -> list[Line]:
    markers = [f"{n}." if b.ordered else "•" for n in range(1, len(b.items) + 1)]
    marker_width = max(map(len, markers), default=1)
    indent = (" " * (marker_width + 1), "")
    out: list[Line] = []
    for n, (marker, item) in enumerate(zip(markers, b.items, strict=True), start=1):
        out += _hang((marker, "blue"), marker_width, _wrap(item.spans, width - marker_width - 1))
        for child in item.children:
            lines = flow(child, width - marker_width - 1, drawn)
            out += [[indent, *line] if line else line for line in lines]
        if item.children and n < len(b.items):
            out.append([])
    return out


# Style names as Options gives them -> Rich's colour systems.
_SYSTEMS = {
    "standard": ColorSystem.STANDARD,
    "256": ColorSystem.EIGHT_BIT,
    "truecolor": ColorSystem.TRUECOLOR,
}


class _Ansi:
    """Lines as Rich's console would print them: each styled piece between the SGR codes
    of its style, or plain text when there is no colour."""

    def __init__(self, options: Options) -> None:
        self.system = _SYSTEMS.get(options.color_system or "") if options.color else None
        self.codes: dict[str | Style, tuple[str, str]] = {}

    def line(self, line: Line) -> str:
        if self.system is None:
            return "".join(piece for piece, _ in line)
        out = []
        for piece, style in line:
            if not (style and piece):
                out.append(piece)
                continue
            codes = self.codes.get(style)
            if codes is None:
                parsed = Style.parse(style) if isinstance(style, str) else style
                before, _, after = parsed.render("\0", color_system=self.system).partition("\0")
                codes = self.codes[style] = (before, after)
            out.append(codes[0] + piece + codes[1])
        return "".join(out)


class _Drawn:
    """Tables and panels drawn by Rich, as lines; the console is made on first use."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.console: Console | None = None

    def __call__(self, b: Block, width: int) -> list[Line]:
        from rich.console import Console

        from .rich_blocks import drawing

        if self.console is None:
            self.console = Console(
                file=io.StringIO(),
                width=self.options.width,
                force_terminal=self.options.color,
                no_color=not self.options.color,
                color_system=self.options.color_system if self.options.color else None,  # type: ignore[arg-type]
                markup=False,
                emoji=False,
                highlight=False,
                legacy_windows=False,
                soft_wrap=False,
            )
        console = self.console
        block = drawing(
            b,
            width,
            lambda spans, one_line: styled(spans, one_line=one_line),
            lambda callout, inner: callout_lines(callout, inner, self),
        )
        rendered = console.render_lines(block, console.options.update_width(width), pad=False)
        return [[(s.text, s.style) for s in line if not s.control] for line in rendered]


def to_string(doc: Doc, options: Options) -> str:
    """The document as the terminal would show it, ANSI styles included when `options.color`."""
    ansi = _Ansi(options)
    drawn = _Drawn(options)
    lines: list[Line] = []
    # A locator map is drawn in HTML and Word only: the table beside it lists its places.
    for n, b in enumerate(x for x in doc.blocks if not isinstance(x, Locator)):
        padded = isinstance(b, Heading | Footnotes) and b.level == 2
        if n and not padded:
            lines.append([])
        lines += flow(b, options.width, drawn)
    return "".join(ansi.line(line) + "\n" for line in lines)


def render(result: Result, options: Options) -> str:
    return to_string(result.doc(), options)
