"""Plain text: readable in a pager or an e-mail, no ANSI codes, no box drawing, fixed width."""

from __future__ import annotations

import textwrap

from ..textsafe import visible
from .doc import Block, Bullets, Callout, Doc, Fields, Footnotes, Heading, Inline, Para, Table

WIDTH = 78  # fixed, not the terminal's: the same corpus gives the same bytes everywhere
MAX_TABLE_WIDTH = 110  # wider tables are printed as one record per row


def inline(spans: Inline) -> str:
    return visible("".join(s.text for s in spans))


def cell(spans: Inline) -> str:
    return visible("".join(s.text for s in spans), one_line=True).rstrip()


def wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    lines: list[str] = []
    head = indent if first is None else first
    for n, paragraph in enumerate(text.split("\n")):
        wrapped = textwrap.wrap(
            paragraph,
            width=WIDTH,
            initial_indent=head if n == 0 else indent,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines.extend(wrapped or [(head if n == 0 else indent).rstrip()])
    return lines


def table(block: Table, indent: str = "") -> list[str]:
    header = [c for c in block.columns]
    rows = [[cell(c) for c in row] for row in block.rows]
    widths = [max([len(header[i])] + [len(r[i]) for r in rows]) for i in range(len(header))]
    numeric = block.numeric or (False,) * len(header)
    fits = sum(widths) + 2 * (len(widths) - 1) + len(indent) <= MAX_TABLE_WIDTH
    if fits or block.one_line_rows:

        def line(values: list[str]) -> str:
            parts = [
                v.rjust(w) if numeric[i] else v.ljust(w)
                for i, (v, w) in enumerate(zip(values, widths, strict=True))
            ]
            return (indent + "  ".join(parts)).rstrip()

        out = [line(header), indent + "  ".join("-" * w for w in widths)]
        out.extend(line(r) for r in rows)
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
        return wrap(inline(block.spans), indent)
    if isinstance(block, Bullets):
        out: list[str] = []
        spaced = any(item.children for item in block.items)
        for n, item in enumerate(block.items, start=1):
            marker = f"{n}. " if block.ordered else "- "
            if spaced and n > 1:
                out.append("")
            out.extend(wrap(inline(item.spans), indent + " " * len(marker), first=indent + marker))
            for child in item.children:
                out.extend(block_lines(child, indent + " " * len(marker)))
        return out
    if isinstance(block, Table):
        return table(block, indent)
    if isinstance(block, Fields):
        out = []
        for label, value in block.pairs:
            out.extend(wrap(f"{label}: {inline(value)}", indent + "    ", first=indent))
        return out
    if isinstance(block, Callout):
        out = [indent + block.title.upper() + ":"]
        for n, child in enumerate(block.blocks):
            if n:
                out.append("")
            out.extend(block_lines(child, indent + "  "))
        return out
    if isinstance(block, Footnotes):
        out = [*block_lines(Heading(block.level, block.title), indent), ""]
        for number, spans in block.notes:
            marker = f"[{number}] "
            out.extend(wrap(inline(spans), indent + " " * len(marker), first=indent + marker))
        return out
    raise TypeError(f"unknown block {type(block).__name__}")


def render(doc: Doc) -> str:
    parts = ["\n".join(block_lines(block)) for block in doc.blocks]
    return "\n\n".join(parts) + "\n"
