"""CommonMark for reports (GFM pipe tables), ready for pandoc and GitHub.

Citations are one bracket per point, `[1, 4, 9]`, each number a link to its entry in the
numbered Sources list (`<span id="source-ID">` anchors, which CommonMark, GitHub and pandoc
all keep), so no renderer runs markers together or multiplies notes. With
`--citations pandoc` they are pandoc citations (`[@id; @other]`) for `pandoc --citeproc`,
and the Sources list is the `#refs` div citeproc fills.

Every piece of data is escaped, so `**x**`, `[a](javascript:…)`, `<b>`, `| cells |` and `# x`
in a corpus come out as the literal text they are.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import TYPE_CHECKING

from ..core.formats import DOC
from ..core.textsafe import linkable, visible
from . import Renderer

if TYPE_CHECKING:
    from ..commands import Result
    from . import Options

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
    anchors_of,
)

DECLARED = Renderer(DOC, "Markdown (CommonMark)", (".md", ".markdown"))

# ASCII punctuation with a meaning somewhere in CommonMark or GFM inline syntax.
# Pandoc's own extensions are covered too: `$` math, `^`/`~` super/subscript, `@` citations,
# `{#id}` attributes. Line-start syntax (`- `, `+ `, `1. `, `2) `, `---`, `===`) is escaped in
# `inline`, at the start of every line and after any indentation (CommonMark allows up to 3
# spaces before a marker: ` - x` in a list item is a nested list).
_LINE_START = re.compile(r"^( *)(?:(\d+)([.)])|([-+=]))", re.MULTILINE)
_SPACE = re.compile(r"\s+")


# Each of them after a backslash: `re.sub(r"([\\`*_{}\[\]<>#|~&$^@])", r"\\\1", text)` as one
# table look-up a character (str.translate; a property test holds them equal).
_ESCAPED = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>#|~&$^@"})


def escape(text: str) -> str:
    """Data as literal Markdown text, on one line."""
    flat = visible(text)
    if not flat.isprintable() or "  " in flat:  # printable text has no white space but " "
        flat = _SPACE.sub(" ", flat)
    return flat.translate(_ESCAPED)


def code(text: str) -> str:
    flat = _SPACE.sub(" ", visible(text)).strip()
    fence = "``" if "`" in flat else "`"
    pad = " " if "`" in flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


# The anchors this document defines (ids are kebab-case, so they need no escaping), and the
# citation style: set by render_doc for the document being written.
_KNOWN: ContextVar[frozenset[str]] = ContextVar("markdown_anchors", default=frozenset())
_CITATIONS: ContextVar[str] = ContextVar("markdown_citations", default="numbers")


def cite(s: Span) -> str:
    if _CITATIONS.get() == "pandoc":
        return "[" + "; ".join(f"@{key}" for _, key in s.cites) + "]"
    known = _KNOWN.get()
    numbers = [
        f"[{n}](#source-{key})" if f"source-{key}" in known else str(n) for n, key in s.cites
    ]
    return "\\[" + ", ".join(numbers) + "\\]"


def span(s: Span) -> str:
    if not s.text:
        return ""
    if s.style == "cite":
        return cite(s) if s.cites else escape(s.text)
    if s.url is not None and s.url == s.text and linkable(s.url):
        return f"<{s.url}>"
    if s.style == "code":
        return code(s.text)
    text = escape(s.text)
    if not text.strip():
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = text.strip()
    if s.style in ("strong", "mark"):
        return f"{lead}**{core}**{trail}"
    if s.style in ("em", "confidence-low", "confidence-moderate", "confidence-high"):
        return f"{lead}*{core}*{trail}"
    return text


def inline(spans: Inline) -> str:
    text = "".join(span(s) for s in spans)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(m: re.Match[str]) -> str:
    indent, number, delimiter, marker = m.groups()
    return f"{indent}{number}\\{delimiter}" if number else f"{indent}\\{marker}"


class _Renderer:
    def __init__(self, heading_level: int, images: str = "") -> None:
        self.offset = max(1, min(heading_level, 6)) - 1
        self.images = images  # the pictures' folder: charts as images, not text
        self.pictures = 0

    def heading(self, level: int, text: str) -> str:
        return "#" * min(level + self.offset, 6) + " " + escape(text)

    def block(self, block: Block) -> str:
        if isinstance(block, Heading):
            return self.heading(block.level, block.text)
        if isinstance(block, Para):
            return inline(block.spans)
        if isinstance(block, Bullets):
            items = []
            for n, item in enumerate(block.items, start=1):
                marker = f"{n}. " if block.ordered else "- "
                pad = " " * len(marker)
                text = marker + inline(item.spans)
                for child in item.children:
                    body = self.block(child)
                    text += "\n\n" + "\n".join(
                        pad + line if line else "" for line in body.split("\n")
                    )
                items.append(text)
            loose = any(item.children for item in block.items)
            return ("\n\n" if loose else "\n").join(items)
        if isinstance(block, Table):
            head = "| " + " | ".join(escape(c) for c in block.columns) + " |"
            numeric = block.numeric or (False,) * len(block.columns)
            rule = (
                "|"
                + "|".join(rule_cell(w, n) for w, n in zip(shares(block), numeric, strict=True))
                + "|"
            )
            rows = ["| " + " | ".join(inline(c) for c in row) + " |" for row in block.rows]
            return "\n".join([head, rule, *rows])
        if isinstance(block, Fields):
            lines = [f"**{escape(label)}:** {inline(value)}" for label, value in block.pairs]
            return "\\\n".join(lines)
        if isinstance(block, Callout):
            body = "\n\n".join(self.block(child) for child in block.blocks)
            quoted = f"**{escape(block.title)}**\n\n{body}"
            return "\n".join("> " + line if line else ">" for line in quoted.split("\n"))
        if isinstance(block, Footnotes):
            titled = [self.heading(block.level, block.title)] if block.title else []
            if _CITATIONS.get() == "pandoc":
                return "\n\n".join([*titled, "::: {#refs}\n:::"])
            anchors = block.anchors or ("",) * len(block.notes)
            listed = "\n".join(
                f"{n}. " + (f'<span id="{a}"></span>' if a else "") + inline(spans)
                for (n, spans), a in zip(block.notes, anchors, strict=True)
            )
            return "\n\n".join([*titled, listed])
        if isinstance(block, Chart | Strip) and self.images:
            self.pictures += 1
            return image(block, picture_name(self.images, self.pictures))
        if isinstance(block, Chart | Strip | Tree):
            return fenced(block)
        if isinstance(block, Locator):
            return ""  # drawn in HTML and Word only: the table beside it lists its places
        raise TypeError(f"unknown block {type(block).__name__}")


def shares(table: Table) -> list[int]:
    """Each column's share of a 100-character line, as its rule's dashes show it: pandoc
    sizes a wide table's columns by them (GitHub ignores them), so the judgment or event
    column takes the room and dates and ratings stay narrow in a Word file too."""
    from ..core.doc import column_widths
    from . import table_cells

    cells = table_cells(table)
    widths = column_widths(table, cells, 100)
    if widths is None:  # too wide to keep every word whole: each as wide as its widest word
        widths = [max((len(w) for t in texts for w in t.split()), default=3) for texts in cells]
    return [w + 3 for w in widths]  # and room for the cell's margins


def rule_cell(width: int, numeric: bool) -> str:
    return "-" * (width - 1) + ":" if numeric else "-" * width


def fenced(block: Chart | Strip | Tree) -> str:
    """A picture as its plain-text lines in a code block, the fence longer than any run of
    backticks inside it."""
    from .pictures import picture_lines

    lines = picture_lines(block, 78)
    longest = max((len(run) for line in lines for run in re.findall("`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence + "text", *lines, fence])


def picture_name(folder: str, number: int) -> str:
    return f"{folder}/figure-{number}.png"


def image(block: Chart | Strip, name: str) -> str:
    """A picture as a Markdown image, its title and note the text a figure's caption shows
    (pandoc makes an image alone in its paragraph a figure with that caption)."""
    from urllib.parse import quote

    from .raster import caption_note

    note = caption_note(block)
    alt = escape(block.title + (". " + note if note else ""))
    return f"![{alt}]({quote(name)})"


def _pictures_in(blocks: tuple[Block, ...]) -> list[Chart | Strip]:
    """The charts and strips among `blocks`, nested ones too, in the order they render."""
    found: list[Chart | Strip] = []
    for b in blocks:
        if isinstance(b, Chart | Strip):
            found.append(b)
        elif isinstance(b, Callout):
            found.extend(_pictures_in(b.blocks))
        elif isinstance(b, Bullets):
            for item in b.items:
                found.extend(_pictures_in(item.children))
    return found


def picture_files(doc: Doc, folder: str, cache: bool = True) -> list[tuple[str, bytes]]:
    """Each picture the Markdown of `doc` links to (rendered with `folder`): its path and
    its PNG (drawn afresh when not `cache`)."""
    from .raster import picture_png

    return [
        (picture_name(folder, n), picture_png(b, cache)[0])
        for n, b in enumerate(_pictures_in(doc.blocks), start=1)
    ]


def render_doc(
    doc: Doc, heading_level: int = 1, citations: str = "numbers", images: str = ""
) -> str:
    known = _KNOWN.set(frozenset(a for a in anchors_of(doc.blocks) if a.startswith("source-")))
    style = _CITATIONS.set(citations)
    try:
        renderer = _Renderer(heading_level, images)
        parts = [renderer.block(block) for block in doc.blocks]
    finally:
        _KNOWN.reset(known)
        _CITATIONS.reset(style)
    return "\n\n".join(p for p in parts if p) + "\n"


def render(result: Result, options: Options) -> str:
    return render_doc(result.doc(), options.heading_level, options.citations, options.images)
