"""A small document model that every command builds and every prose format renders.

Commands describe *what* to show (headings, paragraphs, lists, tables, badges); the text,
Markdown, HTML and Rich renderers decide *how*. Data stays plain `str` here: each renderer
escapes it for its own format, so nothing in a corpus is ever read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .record import Record

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False

# How a span is meant, not how it looks: renderers map each to their own styling. (STYLES
# at run time, `Style` for the type checker: tests/test_warm_path.py holds them equal.)
STYLES: tuple[Style, ...] = (
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
)
if TYPE_CHECKING:
    from typing import Literal

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
else:
    Style = str  # at run time, for modules that import the name


class Span(Record):
    """A run of text with one style."""

    text: str
    style: Style = ""
    url: str | None = None  # shown as text (never as a live terminal link) where it matters
    anchor: str | None = None  # links to this anchor of the same document, where it has one
    # A "cite" span: the sources it cites, as (number, source id), in the order shown.
    cites: tuple[tuple[int, str], ...] = ()


Inline = tuple[Span, ...]


def plain(text: str) -> Inline:
    return (Span(text),)


def text_of(spans: Inline) -> str:
    """The text of some spans, styles dropped (and nothing escaped)."""
    if len(spans) == 1:  # most are one span (`plain`)
        return spans[0].text
    return "".join([s.text for s in spans])


class Heading(Record):
    """A heading; level 1 is the document's title."""

    level: int  # 1 = document title
    text: str
    anchor: str | None = None


class Para(Record):
    """A paragraph."""

    spans: Inline


class Item(Record):
    """A list item, with blocks nested under it."""

    spans: Inline
    children: tuple[Block, ...] = ()
    anchor: str | None = None  # a stable anchor (HTML id) for the entry this item shows


class Bullets(Record):
    """A list, numbered when `ordered`."""

    items: tuple[Item, ...]
    ordered: bool = False


class Table(Record):
    """Rows of cells under named columns."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    numeric: tuple[bool, ...] = ()  # right-aligned columns; their cells never wrap
    whole: tuple[bool, ...] = ()  # columns whose cells never wrap (dates, quantities)
    anchors: tuple[str | None, ...] = ()  # a stable anchor per row, where it shows an entry


# Where a whole cell (a date, a quantity) may go on to a next line: after the dash between
# the two ends of a range of dates (`Nov 2006 –` / `Aug 2008`), and before a bracketed mark
# (`Sep 2009` / `(disputed)`). Each date, quantity pair and country pair stays whole.
# That is, the cell split at each space `(?<=\S –) (?=\S)| (?=\()` matches, found without
# `re` (a warm run does not import it).


def pieces(cell: str) -> list[str]:
    """The parts of a whole cell that never break: `Oct 2011 – May 2014 (disputed)` ->
    `Oct 2011 –`, `May 2014`, `(disputed)`; `100,000 / –` and `Russia → Venezuela` stay one."""
    out: list[str] = []
    start, at = 0, cell.find(" ")
    while at >= 0:
        after = cell[at + 1 : at + 2]
        if after == "(" or (
            after
            and not after.isspace()
            and at >= 3
            and cell[at - 2 : at] == " –"
            and not cell[at - 3].isspace()
        ):
            out.append(cell[start:at])
            start = at + 1
        at = cell.find(" ", at + 1)
    out.append(cell[start:])
    return out


def pack(cell: str, width: int, measure: Callable[[str], int] = len) -> list[str]:
    """A whole cell's lines for a column `width` wide: as many of its pieces on each line as
    fit, a space between them; a piece wider than the column stands alone on its line."""
    lines: list[str] = []
    for piece in pieces(cell):
        if lines and measure(lines[-1]) + 1 + measure(piece) <= width:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return lines


def unbroken(table: Table) -> list[bool]:
    """Which columns' cells break only between their `pieces` (numeric and whole columns)."""
    return [
        (table.numeric[i] if i < len(table.numeric) else False)
        or (table.whole[i] if i < len(table.whole) else False)
        for i in range(len(table.columns))
    ]


def column_widths(
    table: Table,
    cells: Sequence[Sequence[str]],
    width: int,
    measure: Callable[[str], int] = len,
    max_lines: int | None = None,
) -> list[int] | None:
    """The width of each column of `table` laid out `width` cells wide, two cells between
    columns; None when it cannot fit without breaking an atom, and must be shown one record
    per row instead.

    `cells[i]` are column i's texts as they will be shown (header first). Atoms never
    break: a word (an id, a country pair, a name), and each of the `pieces` of a cell in a
    `numeric` or `whole` column (a date, a quantity). A column is as wide as its widest cell
    when the table fits; otherwise each starts at its widest atom and the room left goes, a
    cell at a time, to the columns whose text is cut the most."""
    n = len(cells)
    whole = unbroken(table)
    natural = [max((measure(t) for t in texts), default=0) for texts in cells]
    room = width - 2 * (n - 1)
    if sum(natural) <= room:
        return natural
    widths = _share(cells, natural, whole, room, measure)
    if widths is None:
        return None
    # A cell wrapped to more than MAX_CELL_LINES lines reads badly (a word a line): then
    # one record per row reads better. `max_lines` sets another limit; 0, none (the Word
    # view: a printed page's tall rows read well).
    limit = MAX_CELL_LINES if max_lines is None else max_lines
    if limit <= 0:
        return widths
    for i, texts in enumerate(cells):
        for text in texts[1:]:
            if measure(text) > widths[i] and _lines(text, widths[i], whole[i], measure) > limit:
                return None
    return widths


# The most lines a table cell may wrap to in the text and terminal views; a table whose
# cells would need more is shown one record per row.
MAX_CELL_LINES = 3


def _lines(text: str, width: int, whole: bool, measure: Callable[[str], int]) -> int:
    """How many lines `text` takes in a column `width` wide, wrapped between its words (or
    its pieces, in a whole column) as the views wrap it."""
    if whole:
        return len(pack(text, width, measure))
    lines, used = 1, -1
    for word in text.split():
        size = measure(word)
        if used < 0:
            used = size
        elif used + 1 + size <= width:
            used += 1 + size
        else:
            lines += 1
            used = size
    return lines


def _share(
    cells: Sequence[Sequence[str]],
    natural: list[int],
    whole: list[bool],
    room: int,
    measure: Callable[[str], int],
) -> list[int] | None:
    """Each column's width when the table is wider than `room`: each starts at its widest
    atom and the room left goes, a cell at a time, to the columns cut the most; None when
    the atoms alone do not fit."""
    n = len(cells)
    least = []
    for i, texts in enumerate(cells):
        words = [w for w in texts[0].split()]  # a header wraps between its words
        words += [w for t in texts[1:] for w in (pieces(t) if whole[i] else t.split())]
        least.append(max((measure(w) for w in words), default=1) or 1)
    if sum(least) > room:
        return None
    widths = list(least)
    spare = room - sum(widths)
    while spare > 0:
        short = [i for i in range(n) if widths[i] < natural[i]]
        if not short:
            break
        i = max(short, key=lambda i: (natural[i] - widths[i], -i))
        widths[i] += 1
        spare -= 1
    return widths


class Fields(Record):
    """Label/value pairs, such as "Confidence: high"."""

    pairs: tuple[tuple[str, Inline], ...]


class Callout(Record):
    """A boxed passage: the bottom line up front, a key judgment."""

    title: str
    blocks: tuple[Block, ...]
    tone: Literal["bottom-line", "judgment", "note"] = "note"


class Footnotes(Record):
    """Numbered source references: footnotes in Markdown, a titled numbered list elsewhere."""

    title: str
    level: int
    notes: tuple[tuple[int, Inline], ...]
    anchors: tuple[str, ...] = ()  # one per note: the anchor the citations link to


def anchors_of(blocks: tuple[Block, ...] | list[Block]) -> set[str]:
    """Every anchor the blocks define (headings, items, table rows, notes), nested ones too."""
    found: set[str] = set()
    stack: list[Block] = list(blocks)
    while stack:
        b = stack.pop()
        if isinstance(b, Heading) and b.anchor:
            found.add(b.anchor)
        elif isinstance(b, Bullets):
            for item in b.items:
                if item.anchor:
                    found.add(item.anchor)
                stack.extend(item.children)
        elif isinstance(b, Table):
            found.update(a for a in b.anchors if a)
        elif isinstance(b, Callout):
            stack.extend(b.blocks)
        elif isinstance(b, Footnotes):
            found.update(b.anchors)
    return found


class Chart(Record):
    """Bars, one per label (a year), each stacked from one value per series, in series
    order. Renderers draw each series with its own fill and say which is which in a legend,
    so colour never carries the meaning alone."""

    title: str
    series: tuple[str, ...]
    bars: tuple[tuple[str, tuple[int, ...]], ...]  # (label, one value per series)
    unit: str = ""  # what a value counts: "events", "systems"
    rule: str = ""  # how an item in several series or bars is counted, for the caption


class Mark(Record):
    """One item on a strip: its day number (date.toordinal), label, and the anchor it
    links to in HTML (only when the page defines that anchor, as for every reference)."""

    day: int
    label: str
    anchor: str


class Strip(Record):
    """Items as marks along a time axis, one lane per group (HTML: linked marks; the text
    formats: how many marks fall in each year)."""

    title: str
    first_year: int
    last_year: int
    lanes: tuple[tuple[str, tuple[Mark, ...]], ...]


class Node(Record):
    """A node of a tree: its text and the nodes below it."""

    spans: Inline
    children: tuple[Node, ...] = ()


class Tree(Record):
    """A tree drawn with guide lines: `root` and its nodes."""

    root: Inline
    children: tuple[Node, ...] = ()


class Spot(Record):
    """One place on a locator map: where it is, its name, how many items happened there
    (the mark's size) and the anchor the mark links to (only when the page defines it)."""

    latitude: float
    longitude: float
    label: str
    count: int
    anchor: str
    country: str = ""  # ISO 3166 alpha-2: its outline is shaded


class Locator(Record):
    """A locator map (HTML: inline SVG; docx: a picture; the text formats leave it out, as
    the table beside it lists the same places): country outlines and one circle per spot,
    its area proportional to its count."""

    title: str
    spots: tuple[Spot, ...]
    unit: str = "events"  # what a count counts, for the caption


Block = (
    Heading | Para | Bullets | Table | Fields | Callout | Footnotes | Chart | Strip | Tree | Locator
)


class Doc(Record):
    """A whole document: its title and its blocks."""

    title: str
    blocks: tuple[Block, ...]
    # The running header of a printed page (docx): the topic and its as-of date; the title
    # when empty.
    running: str = ""
