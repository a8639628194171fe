"""Plain text: readable in a pager or an e-mail, no ANSI codes, no box drawing, fixed width."""

from __future__ import annotations

from functools import cache

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
    Strip,
    Table,
    Tree,
    column_widths,
    pack,
    text_of,
    unbroken,
)
from ..core.formats import DOC
from ..core.textsafe import printable_as_is, visible
from . import Renderer

# Not `typing.TYPE_CHECKING`: a warm run imports neither typing nor `re` (docs/performance.md);
# type checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

    from ..commands import Result
    from . import Options


DECLARED = Renderer(DOC, "plain text", (".txt",))

WIDTH = 78  # fixed, not the terminal's: the same corpus gives the same bytes everywhere


def inline(spans: Inline) -> str:
    return visible(text_of(spans))


def inline_lines(spans: Inline, indent: str = "", first: str | None = None) -> list[str]:
    """`wrap(inline(spans), indent, first)`, asking once whether the text is printable
    (str.isprintable looks every character up; `visible` and `fill` both need to know)."""
    text = text_of(spans)
    if printable_as_is(text):  # one paragraph: filled at once
        head = indent if first is None else first
        return fill(text, WIDTH, head, indent, printable=True) or [head.rstrip()]
    return wrap(visible(text), indent, first)


def cell(spans: Inline) -> str:
    return visible(text_of(spans), one_line=True).rstrip()


def wrap(
    text: str, indent: str = "", first: str | None = None, *, printable: bool = False
) -> list[str]:
    """`text` filled to the page's width, each of its lines a paragraph (`printable`: the
    caller knows it to be printable, so one paragraph)."""
    head = indent if first is None else first
    if printable or "\n" not in text:  # one paragraph (nearly always)
        return fill(text, WIDTH, head, indent, printable=printable) or [head.rstrip()]
    lines: list[str] = []
    for n, paragraph in enumerate(text.split("\n")):
        start = head if n == 0 else indent
        lines.extend(fill(paragraph, WIDTH, start, indent) or [start.rstrip()])
    return lines


@cache
def _other_space() -> re.Pattern[str]:
    """Whitespace other than the space: where `fill` leaves the work to textwrap."""
    import re

    return re.compile(r"[^\S ]")


def fill(
    text: str, width: int, first: str = "", indent: str = "", *, printable: bool = False
) -> list[str]:
    """`textwrap.wrap(text, width, initial_indent=first, subsequent_indent=indent,
    break_long_words=False, break_on_hyphens=False)`, line for line (a property test holds
    them equal), without textwrap's word-by-word loop.

    Where the only whitespace is the space (nearly always: newlines are split off before, and
    `visible` has escaped every control but the tab), each line is cut at the last space
    that fits, found with one `rfind`, instead of adding up the words one by one. Other text
    goes to textwrap itself. (Printable text has no whitespace but the space: only other
    text is searched, with `re`. `printable`: the caller knows it is.)"""
    if printable or text.isprintable():
        if len(first) + len(text) <= width:  # one line: the text without its closing spaces
            line = text.rstrip(" ")
            return [first + line] if line else []
    elif _other_space().search(text):
        import textwrap

        return textwrap.wrap(
            text,
            width,
            initial_indent=first,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    lines: list[str] = []
    at, end = 0, len(text)
    prefix, room = first, width - len(first)
    while at < end:
        limit = at + room
        if limit >= end:
            cut = end
        elif limit > at and text[limit] == " ":
            cut = limit
        else:
            cut = text.rfind(" ", at, limit) if limit > at else -1
            if cut < 0:  # a word longer than the line: whole, on a line of its own
                cut = text.find(" ", at)
                if cut < 0:
                    cut = end
        line = text[at:cut].rstrip(" ")
        at = cut
        if line:
            lines.append(prefix + line)
            prefix, room = indent, width - len(indent)
        # Spaces at the start of a line are dropped; so are those that open the text when
        # nothing else fitted on the first line, as textwrap drops them.
        while at < end and text[at] == " ":
            at += 1
    return lines


def _indented(value: str, width: int) -> list[str]:
    """A cell's lines; one indented by leading spaces (a subtheme under its theme) keeps
    its indent on every line."""
    text = value.lstrip(" ")
    lead = " " * (len(value) - len(text))
    return fill(text, width, lead, lead) or [""]


def table(block: Table, indent: str = "") -> list[str]:
    """Aligned columns within the page's width, long text wrapped between its words inside
    its column; one record per row when the columns cannot fit without breaking an atom (a
    word, a date, a quantity: doc.column_widths)."""
    header = list(block.columns)
    rows = [[cell(c) for c in row] for row in block.rows]
    numeric = block.numeric or (False,) * len(header)
    keep = unbroken(block)
    cells = [[name, *(r[i] for r in rows)] for i, name in enumerate(header)]
    widths = column_widths(block, cells, WIDTH - len(indent))
    if widths is not None:

        def lines(values: list[str]) -> list[str]:
            columns = [
                [v]
                if len(v) <= w
                else pack(v, w)
                if keep[i] and values is not header
                else _indented(v, w)
                for i, (v, w) in enumerate(zip(values, widths, strict=True))
            ]
            out = []
            for depth in range(max(len(c) for c in columns)):
                parts = [
                    (c[depth] if depth < len(c) else "").rjust(w)
                    if numeric[i]
                    else (c[depth] if depth < len(c) else "").ljust(w)
                    for i, (c, w) in enumerate(zip(columns, widths, strict=True))
                ]
                out.append((indent + "  ".join(parts)).rstrip())
            return out

        out = [*lines(header), indent + "  ".join("-" * w for w in widths)]
        for row in rows:
            out.extend(lines(row))
        return out
    out = []
    label_width = max(len(h) for h in header)
    for n, row in enumerate(rows):
        if n:
            out.append("")
        for name, value in zip(header, row, strict=True):
            if value:
                out.extend(
                    wrap(
                        value,
                        indent + " " * (label_width + 2),
                        first=indent + f"{name}:".ljust(label_width + 2),
                    )
                )
    return out


def block_lines(block: Block, indent: str = "") -> list[str]:
    if isinstance(block, Heading):
        title = visible(block.text, one_line=True)
        if block.level == 1:
            return [title.upper(), "=" * min(len(title), WIDTH)]
        if block.level == 2:
            return [title, "-" * min(len(title), WIDTH)]
        return [indent + title, indent + "~" * min(len(title), WIDTH)]
    if isinstance(block, Para):
        return inline_lines(block.spans, indent)
    if isinstance(block, Bullets):
        out: list[str] = []
        spaced = any(item.children for item in block.items)
        for n, item in enumerate(block.items, start=1):
            marker = f"{n}. " if block.ordered else "- "
            if spaced and n > 1:
                out.append("")
            out.extend(inline_lines(item.spans, indent + " " * len(marker), indent + marker))
            for child in item.children:
                out.extend(block_lines(child, indent + " " * len(marker)))
        return out
    if isinstance(block, Table):
        return table(block, indent)
    if isinstance(block, Fields):
        out = []
        for label, value in block.pairs:
            text = text_of(value)
            if label.isprintable() and printable_as_is(text):  # as wrap, filled at once
                line = f"{label}: {text}"
                out.extend(fill(line, WIDTH, indent, indent + "    ", printable=True))
            else:
                out.extend(wrap(f"{label}: {visible(text)}", indent + "    ", first=indent))
        return out
    if isinstance(block, Callout):
        out = [indent + block.title.upper() + ":"]
        for n, child in enumerate(block.blocks):
            if n:
                out.append("")
            out.extend(block_lines(child, indent + "  "))
        return out
    if isinstance(block, Footnotes):
        out = [*block_lines(Heading(block.level, block.title), indent), ""] if block.title else []
        for number, spans in block.notes:
            marker = f"[{number}] "
            out.extend(inline_lines(spans, indent + " " * len(marker), indent + marker))
        return out
    if isinstance(block, Chart | Strip | Tree):
        from .pictures import picture_lines

        return picture_lines(block, WIDTH - len(indent), indent)
    raise TypeError(f"unknown block {type(block).__name__}")


def render_doc(doc: Doc) -> str:
    # A locator map is drawn in HTML and Word only: the table beside it lists its places.
    parts = ["\n".join(block_lines(b)) for b in doc.blocks if not isinstance(b, Locator)]
    return "\n\n".join(parts) + "\n"


def render(result: Result, options: Options) -> str:
    return render_doc(result.doc())
