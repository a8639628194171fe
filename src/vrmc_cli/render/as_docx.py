"""Word (.docx) laid out for reading and printing.

python-docx makes the package's fixed parts (the template, the styles, the page, the header
and footer parts), once, kept in the cache folder. The body's XML is written here directly,
as text (python-docx's per-element objects cost five times what the HTML view costs for the
whole report), and so are the title, the running header, the pictures' parts, the links'
relationships and the zip, as python-docx would write them (docs/performance.md).

What a copy desk gets:
- real heading styles, each heading kept with what follows it, and a table of contents field
  (its entries already filled in, so it reads before Word updates it);
- a running header (the topic and its as-of date) and "Page N of M" in the footer;
- tables whose column widths come from their content (the judgment or event column takes
  the room; dates, ratings and quantities stay narrow), no word or date ever narrower than
  its column, the header row repeated on each page, short rows never split across pages;
  a table too wide for a portrait page gets a landscape section, and one too wide even for
  that is laid out as one record per row;
- charts and the timeline strip as pictures (render/raster.py), each with a numbered
  caption, as every table has.

Arial throughout (LibreOffice prints it as the metric-compatible Liberation Sans), so the
widths measured here are the widths printed. The file is byte-identical for the same
corpus, warm or cold: the zip entries carry a fixed date and the document properties no
clock.
"""

from __future__ import annotations

import io
import os
import re
import sys
from typing import IO, TYPE_CHECKING, Any, TypeGuard

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
    Node,
    Para,
    Strip,
    Table,
    Tree,
    anchors_of,
    column_widths,
    pieces,
    text_of,
    unbroken,
)
from ..core.formats import DOC
from ..core.textsafe import linkable, shorten, visible
from . import Renderer

if TYPE_CHECKING:
    from ..commands import Result
    from . import Options

DECLARED = Renderer(DOC, "a Word document", (".docx",), binary=True)


_MUTED = "59636E"
_LINK = "0B4F8A"
_FONT = "Arial"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_NAMESPACES = (
    f'xmlns:w="{_W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)

# The page: US Letter, one-inch margins (twentieths of a point).
PAGE_W, PAGE_H, MARGIN = 12240, 15840, 1440
TEXT_W = PAGE_W - 2 * MARGIN  # 9,360: 6.5 inches
WIDE_W = PAGE_H - 2 * MARGIN  # 12,960: 9 inches, landscape
EMU_PER_TWIP = 635
CELL_PAD = 240  # a cell's left and right margins (108 each) and its borders
BODY_PT = 10  # body text size
TABLE_PT = 9  # table text size, and the Sources list's
ROW_KEPT = 14  # rows of at most this many lines never split across pages

# Helvetica's advance widths (Arial's are the same), thousandths of an em, for ASCII from the
# space to the tilde.
_WIDTHS = """
278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278
556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556
1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778
667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556
333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556
556 556 333 500 278 556 500 722 500 500 500 334 260 334 584
"""
_ADVANCE = {chr(32 + n): int(w) for n, w in enumerate(_WIDTHS.split())}
_ADVANCE["-"] = 556  # a non-breaking hyphen may come from a wider fallback font


_WIDE = 722  # a letter outside ASCII: as wide as a capital
_ADVANCES = [_ADVANCE.get(chr(c), 556) for c in range(128)]


class _Advances(dict[str, int]):
    """Every character's advance, each worked out the first time it is asked for."""

    def __missing__(self, c: str) -> int:
        width = _ADVANCE.get(c, _WIDE if c.isalnum() or ord(c) < 0x2000 else 1000)
        self[c] = width
        return width


_ANY_ADVANCE = _Advances()


def measure(text: str, points: float = TABLE_PT, bold: bool = False) -> int:
    """`text`'s printed width in points, rounded up, with room to spare (bold is about a
    tenth wider; a letter outside ASCII is taken as wide as a capital, a symbol as an em)."""
    if text.isascii():
        units = sum(map(_ADVANCES.__getitem__, text.encode()))
    else:
        units = sum(map(_ANY_ADVANCE.__getitem__, text))
    return int(units * points * (1.12 if bold else 1.04) / 1000) + 1


def _clean(text: str) -> str:
    """Data as XML character data: controls shown as escapes (XML refuses most of them),
    markup characters escaped."""
    if not (text.isascii() and text.isprintable()):  # printable ASCII: nothing to show
        text = visible(text).replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _clean(visible(text, one_line=True)).replace('"', "&quot;")


def _t(text: str) -> str:
    """A `w:t`, its spaces kept."""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<w:t{space}>{text}</w:t>"


_RUNS: dict[tuple[str, str, bool], str] = {}  # each run written once a process


def _run(text: str, props: str = "", glue: bool = False) -> str:
    """A run of data: line breaks and tabs as Word's own. `glue` (table cells): a hyphen is
    Word's non-breaking hyphen and nothing breaks after a dash between two words, so a
    column as wide as its widest word never breaks `russian-helicopters` or `2024–2026`."""
    key = (text, props, glue)
    found = _RUNS.get(key)
    if found is None:
        found = _RUNS[key] = _new_run(text, props, glue)
    return found


def _new_run(text: str, props: str, glue: bool) -> str:
    if not text:
        return ""
    clean = _clean(text)
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    if glue and ("-" in clean or "–" in clean):
        clean = _GLUED_DASH.sub("–\u2060", clean)
        if "\n" not in clean and "\t" not in clean:
            inner = "<w:noBreakHyphen/>".join(_t(p) if p else "" for p in clean.split("-"))
            return f"<w:r>{rpr}{inner}</w:r>"
    if "\n" not in clean and "\t" not in clean:
        return f"<w:r>{rpr}{_t(clean)}</w:r>"
    body = []
    for n, line in enumerate(clean.split("\n")):
        if n:
            body.append("<w:br/>")
        for m, part in enumerate(line.split("\t")):
            if m:
                body.append("<w:tab/>")
            if part:
                body.append(_t(part))
    return f"<w:r>{rpr}{''.join(body)}</w:r>"


_GLUED_DASH = re.compile(r"(?<=\S)–(?=\S)")


_STYLE_PROPS = {
    "strong": "<w:b/>",
    "mark": "<w:b/>",
    "em": "<w:i/>",
    "code": '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/>',
    "muted": f'<w:color w:val="{_MUTED}"/>',
}


def _props(style: str, size: str = "") -> str:
    props = _STYLE_PROPS.get(style)
    if props is None:
        props = "<w:i/>" if style.startswith(("confidence-", "likelihood-", "status-")) else ""
    return props + size


def _field(instruction: str, shown: str, props: str = "") -> str:
    """A Word field (PAGE, SEQ, ...) with the text it shows until Word updates it."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}{_t(shown)}</w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def _ppr(
    style: str | None = None,
    *,
    keep: bool = False,
    indent: int = 0,
    align: str | None = None,
    after: int | None = None,
    extra: str = "",
) -> str:
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep:
        parts.append("<w:keepNext/><w:keepLines/>")
    if after is not None:
        parts.append(f'<w:spacing w:before="0" w:after="{after}"/>')
    if indent:
        parts.append(f'<w:ind w:left="{indent}"/>')
    if align:
        parts.append(f'<w:jc w:val="{align}"/>')
    parts.append(extra)
    inner = "".join(parts)
    return f"<w:pPr>{inner}</w:pPr>" if inner else ""


class _Writer:
    def __init__(
        self, package: _Package, known: set[str], with_pictures: bool, cache: bool = True
    ) -> None:
        self.package = package
        self.known = known  # the anchors the document defines: links point at these
        self.parts: list[str] = []
        self.bookmarks: dict[str, str] = {}
        self.marks = 0
        self.pictures = 0
        self.figures = 0
        self.tables = 0
        self.with_pictures = with_pictures
        self.cache = cache  # reuse pictures drawn before (not with --no-cache)
        self.heading = ""  # the last heading's text, for table captions
        self.captioned: set[str] = set()
        self.lead = 0  # where the headings and captions just before the next block began
        self.portrait = ""  # the section properties of a portrait section (set by to_bytes)
        self.landscape = ""
        self.contents_next = False

    # ---------------------------------------------------------------- pieces

    def style(self, name: str) -> str:
        """The style id of paragraph or table style `name` (one of _STYLE_NAMES), or "" when
        the template has no such style."""
        return self.package.styles.get(name, "")

    def bookmark(self, anchor: str) -> str:
        """The Word bookmark name for a document anchor: letters, digits and underscores,
        40 characters at most, distinct."""
        if anchor not in self.bookmarks:
            base = "".join(c if c.isascii() and c.isalnum() else "_" for c in anchor)
            if not base[:1].isalpha():
                base = "a_" + base
            name, n = base[:40], 1
            taken = set(self.bookmarks.values())
            while name in taken:
                n += 1
                name = f"{base[: 40 - len(str(n)) - 1]}_{n}"
            self.bookmarks[anchor] = name
        return self.bookmarks[anchor]

    def mark(self, name: str) -> str:
        self.marks += 1
        return (
            f'<w:bookmarkStart w:id="{self.marks}" w:name="{name}"/>'
            f'<w:bookmarkEnd w:id="{self.marks}"/>'
        )

    def internal(self, text: str, bookmark: str, props: str = "") -> str:
        style = f'<w:color w:val="{_LINK}"/>{props}'
        return f'<w:hyperlink w:anchor="{bookmark}" w:history="1">{_run(text, style)}</w:hyperlink>'

    def external(self, text: str, url: str, props: str = "") -> str:
        style = f'<w:color w:val="{_LINK}"/><w:u w:val="single"/>{props}'
        return (
            f'<w:hyperlink r:id="{self.package.link(url)}" w:history="1">'
            f"{_run(text, style)}</w:hyperlink>"
        )

    def cite(self, cites: tuple[tuple[int, str], ...], size: str) -> str:
        out = [_run("[", size)]
        for at, (number, key) in enumerate(cites):
            if at:
                out.append(_run(", ", size))
            if f"source-{key}" in self.known:
                out.append(self.internal(str(number), f"source_{number}", size))
            else:
                out.append(_run(str(number), size))
        out.append(_run("]", size))
        return "".join(out)

    def runs(self, spans: Inline, size: str = "", whole: bool = False, glue: bool = False) -> str:
        out = []
        for span in spans:
            if not span.text:
                continue
            if span.style == "cite" and span.cites:
                out.append(self.cite(span.cites, size))
                continue
            text = span.text
            if whole:  # a date or a quantity breaks only between its pieces
                text = " ".join(p.replace(" ", "\u00a0") for p in pieces(text))
            props = _props(span.style, size)
            if span.url is not None and span.url == span.text and linkable(span.url):
                out.append(self.external(text, span.url, props))
            elif span.anchor and span.anchor in self.known:
                out.append(self.internal(text, self.bookmark(span.anchor), props))
            else:
                out.append(_run(text, props, glue))
        return "".join(out)

    def para(self, body: str, ppr: str = "") -> None:
        self.parts.append(f"<w:p>{ppr}{body}</w:p>")
        self.lead = len(self.parts)

    def caption(self, kind: str, text: str, *, keep: bool) -> None:
        """A numbered caption (`Table 3. Arms-transfer register`), a SEQ field Word can
        renumber and list."""
        if kind == "Table":
            self.tables += 1
            number = self.tables
        else:
            self.figures += 1
            number = self.figures
        body = (
            _run(f"{kind} ")
            + _field(f"SEQ {kind} \\* ARABIC", str(number))
            + _run(". " + visible(text, one_line=True))
        )
        self.parts.append(f"<w:p>{_ppr(self.style('Caption'), keep=keep)}{body}</w:p>")

    # ---------------------------------------------------------------- blocks

    def block(self, b: Block, indent: int = 0) -> None:
        if isinstance(b, Heading):
            self.heading_block(b)
        elif isinstance(b, Para):
            self.para(self.runs(b.spans), _ppr(indent=indent * 425))
        elif isinstance(b, Bullets):
            if self.contents_next and indent == 0:
                self.contents(b)
            else:
                self.bullets(b, indent)
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, Fields):
            for label, value in b.pairs:
                self.para(
                    _run(label + ": ", "<w:b/>") + self.runs(value), _ppr(indent=indent * 425)
                )
        elif isinstance(b, Callout):
            start = len(self.parts)
            self.para(_run(b.title, "<w:b/>"), _ppr(keep=True, indent=indent * 425))
            for child in b.blocks:
                self.block(child, indent + 1)
            if b.tone in ("bottom-line", "judgment") and len(self.parts) - start <= 12:
                # A short boxed passage is never split across pages.
                for n in range(start, len(self.parts) - 1):
                    self.parts[n] = self.parts[n].replace("<w:pPr>", "<w:pPr><w:keepNext/>", 1)
        elif isinstance(b, Footnotes):
            if b.title:
                self.block(Heading(b.level, b.title))
            for number, spans in b.notes:
                small = f'<w:sz w:val="{TABLE_PT * 2}"/><w:szCs w:val="{TABLE_PT * 2}"/>'
                self.para(
                    self.mark(f"source_{number}")
                    + _run(f"{number}. ", small)
                    + self.runs(spans, small),
                    _ppr(after=60, extra='<w:ind w:left="425" w:hanging="425"/>'),
                )
        elif isinstance(b, Chart | Strip | Locator):
            self.picture(b, indent)
        elif isinstance(b, Tree):
            self.para(self.runs(b.root), _ppr(indent=indent * 425))
            self.nodes(b.children, 1)
        else:
            raise TypeError(f"unknown block {type(b).__name__}")

    def heading_block(self, b: Heading) -> None:
        level = max(1, min(b.level, 9))
        start = len(self.parts)
        mark = self.mark(self.bookmark(b.anchor)) if b.anchor else ""
        if b.anchor == "contents":
            # Word's own table-of-contents heading: not an entry of the contents itself.
            self.parts.append(
                f"<w:p>{_ppr(self.style('TOC Heading'), keep=True)}{mark}{_run(b.text)}</w:p>"
            )
            self.contents_next = True
        else:
            self.parts.append(
                f"<w:p>{_ppr(self.style(f'Heading {level}'), keep=True)}{mark}{_run(b.text)}</w:p>"
            )
            self.heading = b.text
        if self.lead != start:  # the first of a run of headings: a wide table moves them all
            self.lead = start

    def contents(self, b: Bullets) -> None:
        """The contents as a TOC field Word (or LibreOffice) can update, its entries (linked
        to the headings) already written in."""
        self.contents_next = False
        entries = []
        for item in b.items:
            anchor = next((s.anchor for s in item.spans if s.anchor), None)
            text = text_of(item.spans)
            body = (
                self.internal(text, self.bookmark(anchor))
                if anchor and anchor in self.known
                else _run(text)
            )
            entries.append(body)
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "2-2" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        style = self.style("TOC 2") or None
        for n, body in enumerate(entries):
            self.para(
                (begin if n == 0 else "") + body + (end if n == len(entries) - 1 else ""),
                _ppr(style, after=40),
            )

    def bullets(self, b: Bullets, indent: int) -> None:
        for n, item in enumerate(b.items, start=1):
            if b.ordered:
                hang = f'<w:ind w:left="{425 * (indent + 1)}" w:hanging="425"/>'
                self.para(_run(f"{n}. ") + self.runs(item.spans), _ppr(extra=hang))
            else:
                style = self.style("List Bullet" if indent == 0 else "List Bullet 2")
                self.para(self.runs(item.spans), _ppr(style))
            for child in item.children:
                self.block(child, indent + 1)

    def nodes(self, nodes: tuple[Node, ...], depth: int) -> None:
        """A tree's nodes as nested bulleted lists (Word has three bullet levels)."""
        style = self.style("List Bullet" if depth == 1 else f"List Bullet {min(depth, 3)}")
        for node in nodes:
            self.para(self.runs(node.spans), _ppr(style))
            self.nodes(node.children, depth + 1)

    def picture(self, b: Chart | Strip | Locator, indent: int) -> None:
        """The picture, as wide as the text (a short one less), its caption under it."""
        from .raster import caption_note, picture_png

        if not self.with_pictures:
            return
        png, width, height = picture_png(b, self.cache)
        rid = self.package.image(png)
        self.pictures += 1
        n = self.pictures
        cx = (TEXT_W - indent * 425) * EMU_PER_TWIP
        cy = cx * height // width
        most = 3 * 914400 + 914400 // 4  # never taller than three and a quarter inches
        if cy > most:
            cx, cy = cx * most // cy, most
        alt = _attr(b.title)
        drawing = (
            '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{n}" name="Figure {n}" descr="{alt}"/>'
            f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/>'
            "</wp:cNvGraphicFramePr>"
            f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}">'
            f'<pic:pic xmlns:pic="{_PIC}"><pic:nvPicPr>'
            f'<pic:cNvPr id="{n}" name="figure-{n}.png" descr="{alt}"/>'
            "<pic:cNvPicPr/></pic:nvPicPr>"
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            "</pic:blipFill>"
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )
        self.parts.append(f"<w:p>{_ppr(keep=True, indent=indent * 425, after=60)}{drawing}</w:p>")
        note = caption_note(b)
        self.caption("Figure", b.title + (". " + note if note else ""), keep=False)
        self.lead = len(self.parts)

    # ---------------------------------------------------------------- tables

    def table(self, b: Table) -> None:
        size = f'<w:sz w:val="{TABLE_PT * 2}"/><w:szCs w:val="{TABLE_PT * 2}"/>'
        cells = [
            [visible(b.columns[n], one_line=True)]
            + [visible(text_of(row[n]), one_line=True) for row in b.rows]
            for n in range(len(b.columns))
        ]
        whole = unbroken(b)
        numeric = b.numeric or (False,) * len(b.columns)

        def room(width: int) -> list[int] | None:
            # Laid out in points (column_widths leaves two between columns: given back);
            # each column then gets its cell's margins, in twips.
            pad = CELL_PAD // 20
            inner = width // 20 - len(cells) * pad + 2 * (len(cells) - 1)
            found = column_widths(b, cells, inner, _measure, max_lines=0)  # rows may be tall
            return None if found is None else [(w + pad) * 20 for w in found]

        widths = room(TEXT_W)
        landscape = False
        natural = sum(max(_measure(t) for t in texts) * 20 + CELL_PAD for texts in cells)
        if widths is None or (natural > TEXT_W and len(b.columns) >= 6):
            wide = room(WIDE_W)
            if wide is not None:
                widths, landscape = wide, True
        if widths is None:
            self.records(b)
            return
        # Spread what is left of the text width over the columns in proportion.
        full = WIDE_W if landscape else TEXT_W
        if sum(widths) < full and natural > sum(widths):
            spare = full - sum(widths)
            widths[max(range(len(widths)), key=lambda i: widths[i])] += spare
        if landscape:
            self.parts.insert(self.lead, f"<w:p>{_ppr(after=0, extra=self.portrait)}</w:p>")
        heading = self.heading or "Table"
        caption = heading if heading not in self.captioned else f"{heading}, by {b.columns[0]}"
        self.captioned.add(heading)
        self.caption("Table", caption, keep=True)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out = [
            "<w:tbl><w:tblPr>"
            f'<w:tblStyle w:val="{self.style("Table Grid")}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        ]
        keep = _ppr(after=0, keep=True)
        bold = "<w:b/>" + size
        head = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" '
            f'w:fill="E8ECF0"/></w:tcPr><w:p>{keep}{_run(name, bold, glue=True)}</w:p></w:tc>'
            for name, w in zip(b.columns, widths, strict=True)
        )
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" + head + "</w:tr>")
        plain_p = _ppr(after=0)
        right_p = _ppr(after=0, align="right")
        anchors = b.anchors or (None,) * len(b.rows)
        for values, anchor in zip(b.rows, anchors, strict=True):
            lines = max(
                -(-_measure(visible(text_of(v), one_line=True)) * 20 // max(1, w - CELL_PAD))
                for v, w in zip(values, widths, strict=True)
            )
            props = "<w:trPr><w:cantSplit/></w:trPr>" if lines <= ROW_KEPT else ""
            row = []
            for n, (value, w) in enumerate(zip(values, widths, strict=True)):
                mark = self.mark(self.bookmark(anchor)) if n == 0 and anchor else ""
                body = self.runs(value, size, whole[n], glue=True)
                row.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
                    f"<w:p>{right_p if numeric[n] else plain_p}{mark}{body}</w:p></w:tc>"
                )
            out.append(f"<w:tr>{props}{''.join(row)}</w:tr>")
        out.append("</w:tbl>")
        self.parts.append("".join(out))
        if landscape:
            self.parts.append(f"<w:p>{_ppr(after=0, extra=self.landscape)}</w:p>")
        self.lead = len(self.parts)

    def records(self, b: Table) -> None:
        """A table too wide for any page: one record per row, the first column as its
        title, then each other column as `label: value`."""
        anchors = b.anchors or (None,) * len(b.rows)
        for values, anchor in zip(b.rows, anchors, strict=True):
            mark = self.mark(self.bookmark(anchor)) if anchor else ""
            self.para(
                mark + self.runs(values[0], "<w:b/>"),
                _ppr(keep=True, after=40),
            )
            last = len(b.columns) - 1
            for n in range(1, len(b.columns)):
                self.para(
                    _run(b.columns[n] + ": ", "<w:b/>") + self.runs(values[n]),
                    _ppr(keep=n < last, indent=425, after=0 if n < last else 160),
                )


def _measure(text: str) -> int:
    return measure(text, TABLE_PT, bold=True)


# ---------------------------------------------------------------- the package
#
# python-docx makes the package: the template's parts, the styles (Arial throughout), the
# page, the header and footer parts. They are the same for every document but for the title
# and the running header, so they are made once with a placeholder in each and kept in the
# cache folder (as the pictures are, render.kept_picture): a warm run imports neither
# python-docx nor lxml (docs/performance.md). What a document adds is written here: its body,
# its title and running header, its pictures' parts and its links' relationships, in the
# order and form python-docx gives them (tests/test_reports.py checks the bytes against
# python-docx's own save).

_PLACE = "vrmcPlaceholder"  # the title's and the running header's text in the kept parts
_STYLE_NAMES = (
    "Caption",
    "List Bullet",
    "List Bullet 2",
    "List Bullet 3",
    "Table Grid",
    "TOC 2",
    "TOC Heading",
    *(f"Heading {n}" for n in range(1, 10)),
)
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_KEYS = {
    "parts": tuple,  # (member name, bytes) in python-docx's order
    "media_at": int,  # where the pictures' parts go in that order
    "types_png": bytes,  # [Content_Types].xml when there are pictures
    "rids": tuple,  # the document part's relationship ids
    "styles": dict,  # style name -> style id ("" when the template has none)
    "portrait": str,  # a section break's properties, portrait and landscape
    "landscape": str,
    "document": str,  # member names: the document part, its relationships, the parts
    "rels": str,  # holding the title and the running header
    "title_in": str,
    "running_in": str,
}


class _Package:
    """The kept package parts (`made`) and what one document adds to them."""

    def __init__(self, made: dict[str, Any]) -> None:
        self.made = made
        self.styles: dict[str, str] = made["styles"]
        self.rels: list[str] = []
        self.media: list[tuple[str, bytes]] = []
        self.images: dict[bytes, str] = {}
        self.urls: dict[str, str] = {}
        self.taken = set(made["rids"])

    def image(self, png: bytes) -> str:
        """The relationship id of picture `png`, its part added the first time (as
        python-docx's get_or_add_image: the next free `rIdN`, `media/imageN.png`)."""
        rid = self.images.get(png)
        if rid is None:
            n = 1
            while f"rId{n}" in self.taken:
                n += 1
            rid = self.images[png] = f"rId{n}"
            self.taken.add(rid)
            name = f"media/image{len(self.media) + 1}.png"
            self.media.append(("word/" + name, png))
            self.rels.append(f'<Relationship Id="{rid}" Type="{_RELS}/image" Target="{name}"/>')
        return rid

    def link(self, url: str) -> str:
        """The relationship id of external link `url` (a `linkable` URL)."""
        rid = self.urls.get(url)
        if rid is None:
            rid = self.urls[url] = f"rIdLink{len(self.urls) + 1}"
            self.rels.append(
                f'<Relationship Id="{rid}" Type="{_RELS}/hyperlink" Target="{_attr(url)}" '
                'TargetMode="External"/>'
            )
        return rid

    def write(self, out: IO[bytes], body: bytes, title: str, running: str) -> None:
        """The whole package, its parts in python-docx's order, to `out`."""
        made = self.made
        parts = made["parts"]
        with _Zip(out) as target:
            for n, (name, blob) in enumerate(parts):
                if n == made["media_at"]:
                    for media in self.media:
                        target.write(*media)
                target.write(name, self.filled(name, blob, body, title, running))
            if made["media_at"] == len(parts):
                for media in self.media:
                    target.write(*media)

    def filled(self, name: str, blob: bytes, body: bytes, title: str, running: str) -> bytes:
        """Kept part `name` with what this document puts in it."""
        made = self.made
        if name == made["document"]:
            return blob.replace(b"<w:body>", b"<w:body>" + body, 1)
        if name == made["rels"]:
            head, end, tail = blob.rpartition(b"</Relationships>")
            return head + "".join(self.rels).encode() + end + tail
        if name == "[Content_Types].xml" and self.media:
            return bytes(made["types_png"])
        if name == made["title_in"]:
            title_xml = f"<dc:title>{_clean(title)}</dc:title>".encode()
            blob = blob.replace(f"<dc:title>{_PLACE}</dc:title>".encode(), title_xml, 1)
        if name == made["running_in"]:
            # The header's run keeps its properties; its text is the running header's.
            running_xml = _run(running)[5:-6].encode()
            blob = blob.replace(f"<w:t>{_PLACE}</w:t>".encode(), running_xml, 1)
        return blob


def _package(cache: bool) -> _Package:
    """The package parts python-docx makes, kept in the cache folder (unless not `cache`:
    --no-cache, VRMC_NO_CACHE) under a digest of this module, python-docx's files and the
    cache's format tag."""
    from . import kept_picture

    return _Package(kept_picture(_kept_path() if cache else None, _is_made, _made, "package-", 4))


def _is_made(found: object) -> TypeGuard[dict[str, Any]]:
    return (
        isinstance(found, dict)
        and found.keys() == _KEYS.keys()
        and all(isinstance(found[key], kind) for key, kind in _KEYS.items())
    )


def _kept_path() -> str | None:
    import hashlib

    from ..corpus.cache import FORMAT_TAG, private_folder

    folder = private_folder()
    if folder is None:
        return None
    stamps = [FORMAT_TAG]
    # python-docx's files, found as `import docx` would find them, without importing it.
    here = [__file__]
    for entry in sys.path:
        found = os.path.join(entry or os.curdir, "docx")
        if os.path.isfile(os.path.join(found, "__init__.py")):
            here += [os.path.join(found, "__init__.py"), os.path.join(found, "templates")]
            here.append(os.path.join(found, "templates", "default.docx"))
            break
    for path in here:
        try:
            info = os.stat(path)
        except OSError:
            return None
        stamps.append(f"{path} {info.st_size} {info.st_mtime_ns}")
    digest = hashlib.sha256("\0".join(stamps).encode()).hexdigest()[:32]
    return os.path.join(folder, f"package-docx-{digest}.pickle")


def _document(title: str, running: str) -> tuple[Any, str, str]:
    """A python-docx document without a body: its properties, Arial throughout, the page,
    the running header and the page-number footer; and a portrait and a landscape section
    break's properties."""
    import docx

    document = docx.Document()
    properties = document.core_properties
    properties.title = title
    properties.author = "vrmc"
    properties.last_modified_by = "vrmc"
    properties.revision = 1
    properties.comments = ""
    _fonts(document)
    return (document, *_sections(document, running))


def _made() -> dict[str, Any]:
    """What python-docx makes for a document without a body: every part, in the order it
    writes them, with `_PLACE` as the title and the running header."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.constants import CONTENT_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.pkgwriter import PackageWriter, _ContentTypesItem

    document, portrait, landscape = _document(_PLACE, _PLACE)
    # A section break's properties, inside a paragraph: the namespaces are the body's.
    strip = f' xmlns:w="{_W}" xmlns:r="{_RELS}"'
    styles = document.styles
    ids = {}
    for name in _STYLE_NAMES:
        kind = WD_STYLE_TYPE.TABLE if name == "Table Grid" else WD_STYLE_TYPE.PARAGRAPH
        ids[name] = (styles.get_style_id(name, kind) if name in styles else None) or ""
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    written: list[tuple[str, bytes]] = []

    class Capture:
        def write(self, uri: Any, blob: bytes) -> None:
            if uri.membername == "docProps/core.xml":
                blob = _no_dates(blob)
            written.append((uri.membername, blob))

    writer: Any = PackageWriter  # what document.save does, to a list of our own
    types: Any = _ContentTypesItem
    writer._write_content_types_stream(Capture(), parts)
    writer._write_pkg_rels(Capture(), package.rels)
    writer._write_parts(Capture(), parts)
    # A picture is the document part's last relationship: python-docx, walking the parts
    # depth first, writes it after the document's other parts, before the package's next.
    main = parts.index(document.part)
    top = [parts.index(r.target_part) for r in package.rels.values() if not r.is_external]
    names = [name for name, _ in written]
    later = [n for n in top if n > main]
    media_at = names.index(parts[min(later)].partname.membername) if later else len(names)
    picture: Any = type("Picture", (), {})()  # a part as _ContentTypesItem reads one
    picture.partname = PackURI("/word/media/image1.png")
    picture.content_type = CONTENT_TYPE.PNG
    place = _PLACE.encode()
    return {
        "parts": tuple(written),
        "media_at": media_at,
        "types_png": types.from_parts([*parts, picture]).blob,
        "rids": tuple(document.part.rels),
        "styles": ids,
        "portrait": portrait.replace(strip, ""),
        "landscape": landscape.replace(strip, ""),
        "document": document.part.partname.membername,
        "rels": document.part.partname.rels_uri.membername,
        "title_in": next(n for n, b in written if b"<dc:title>" + place in b),
        "running_in": next(n for n, b in written if b"<w:t>" + place in b),
    }


def _sections(document: Any, running: str) -> tuple[str, str]:
    """Set the page, the running header and the page-number footer on the document's one
    section; give back a portrait and a landscape section's properties (each carries the
    header and footer)."""
    from docx.oxml import parse_xml
    from docx.shared import Twips

    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE_W), Twips(PAGE_H)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(MARGIN))
    section.header_distance = section.footer_distance = Twips(708)
    muted = f'<w:color w:val="{_MUTED}"/><w:sz w:val="16"/><w:szCs w:val="16"/>'
    header = section.header.paragraphs[0]._p
    header.append(parse_xml(f'<w:pPr {_NAMESPACES}><w:jc w:val="right"/></w:pPr>'))
    header.append(parse_xml(_run(running, muted).replace("<w:r>", f"<w:r {_NAMESPACES}>", 1)))
    footer = section.footer.paragraphs[0]._p
    footer.append(parse_xml(f'<w:pPr {_NAMESPACES}><w:jc w:val="center"/></w:pPr>'))
    body = (
        _run("Page ", muted)
        + _field("PAGE", "1", muted)
        + _run(" of ", muted)
        + _field("NUMPAGES", "1", muted)
    )
    for element in parse_xml(f"<w:p {_NAMESPACES}>{body}</w:p>"):
        footer.append(element)
    from lxml import etree  # type: ignore[import-untyped]  # python-docx's own XML library

    portrait = etree.tostring(section._sectPr, encoding="unicode")
    landscape = portrait.replace(
        f'w:w="{PAGE_W}" w:h="{PAGE_H}"', f'w:w="{PAGE_H}" w:h="{PAGE_W}" w:orient="landscape"'
    )
    return portrait, landscape


def _fonts(document: Any) -> None:
    """Arial in every style, the theme's fonts (Calibri, Cambria) set aside: what is
    measured is what prints, in Word and in LibreOffice. Body text 10 points, 6 points
    between paragraphs, lines 1.1 apart."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    for size in defaults.iter(qn("w:sz"), qn("w:szCs")):
        size.set(qn("w:val"), str(BODY_PT * 2))
    for spacing in defaults.iter(qn("w:spacing")):
        spacing.set(qn("w:after"), "120")
        spacing.set(qn("w:line"), "264")
    for fonts in styles.iter(qn("w:rFonts")):
        for side in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{side}"), None)
        for side in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{side}"), _FONT)


def to_bytes(doc: Doc, *, running: str = "", pictures: bool = True, cache: bool = True) -> bytes:
    package = _package(cache)
    writer = _Writer(package, anchors_of(doc.blocks), pictures, cache)
    writer.portrait = package.made["portrait"]
    writer.landscape = package.made["landscape"]
    for b in doc.blocks:
        writer.block(b)
    # The body goes into the document part as the text written here, before the last
    # section's properties (the body python-docx made has only those).
    body = "".join(writer.parts).encode()
    out = io.BytesIO()
    # The package's limit for a property is 255 characters.
    package.write(out, body, shorten(doc.title, 255), visible(running or doc.title, one_line=True))
    return out.getvalue()


class _Zip:
    """The package's zip, written here (the zipfile module costs a warm run more than the
    whole zip): every entry with the same fixed date (same corpus, same bytes), deflated at
    level 3, but pictures, stored as they are (PNG is compressed). The same bytes as
    zipfile's for these entries (tests/test_reports.py)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.offset = 0
        self.directory: list[bytes] = []

    def __enter__(self) -> _Zip:
        return self

    def __exit__(self, *_: object) -> None:
        directory = b"".join(self.directory)
        count = len(self.directory).to_bytes(2, "little")
        self.stream.write(
            directory
            + b"PK\x05\x06\0\0\0\0"
            + count
            + count
            + len(directory).to_bytes(4, "little")
            + self.offset.to_bytes(4, "little")
            + b"\0\0"
        )

    def write(self, name: str, blob: bytes) -> None:
        import zlib

        if name.endswith(".png"):
            method, data = b"\0\0", blob
        else:
            deflate = zlib.compressobj(3, zlib.DEFLATED, -15)
            method, data = b"\x08\0", deflate.compress(blob) + deflate.flush()
        if max(len(blob), self.offset) >= 0xFFFFFFFF or len(self.directory) >= 0xFFFF:
            raise ValueError("a Word package this large needs ZIP64")
        path = name.encode("ascii")  # the package's member names
        # version 2.0, no flags, the method, 00:00 on 1 January 1980, the CRC-32, the sizes,
        # the name's length, no extra field
        fields = (
            b"\x14\0\0\0"
            + method
            + b"\0\0\x21\0"
            + zlib.crc32(blob).to_bytes(4, "little")
            + len(data).to_bytes(4, "little")
            + len(blob).to_bytes(4, "little")
            + len(path).to_bytes(2, "little")
            + b"\0\0"
        )
        # made by version 2.0 on Unix, then the same fields, no comment, disk 0, no internal
        # attributes, mode 0644, where the entry starts
        self.directory.append(
            b"PK\x01\x02\x14\x03"
            + fields
            + b"\0\0\0\0\0\0\0\0\xa4\x01"
            + self.offset.to_bytes(4, "little")
            + path
        )
        self.stream.write(b"PK\x03\x04" + fields + path)
        self.stream.write(data)
        self.offset += 30 + len(path) + len(data)


def _no_dates(core: bytes) -> bytes:
    """The document properties without the creation and modification times python-docx
    may stamp from the clock."""
    import re

    return re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", core)


def render(result: Result, options: Options) -> bytes:
    doc = result.doc()
    return to_bytes(doc, running=doc.running, cache=options.cache)
