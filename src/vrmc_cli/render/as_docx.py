"""Word (.docx), written with python-docx: real headings (Word's navigation pane and table
of contents use them), real tables with a header row repeated on each page, the `[1, 4]`
citations and the numbered Sources list.

python-docx is imported here only, so no other format pays for it. The file is
byte-identical for the same corpus: the zip entries carry a fixed date and the document
properties no clock.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

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
    Node,
    Para,
    Strip,
    Table,
    Tree,
    anchors_of,
)
from ..core.formats import DOC
from ..core.textsafe import shorten, visible
from . import Renderer

if TYPE_CHECKING:
    from ..commands import Result
    from . import Options

DECLARED = Renderer(DOC, "a Word document", (".docx",), binary=True)


_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_MUTED = (0x59, 0x63, 0x6E)


def _text(text: str) -> str:
    # XML 1.0 refuses most control characters: show them as visible escapes.
    return visible(text)


def _run(paragraph: Any, text: str) -> Any:
    """`paragraph.add_run(text)`, without python-docx's character-by-character scan for tabs
    and line breaks when the text has none (the same XML, a fraction of the time)."""
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    if text:
        run._r.add_t(text)
    return run


class _Writer:
    def __init__(self, document: Any, known: set[str]) -> None:
        self.document = document
        self.style_ids: dict[str, str | None] = {}
        self.known = known  # the anchors the document defines: citations link to these
        self.marks = 0

    def bookmark(self, paragraph: Any, name: str) -> None:
        """A Word bookmark (what an internal hyperlink points at) around nothing."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        self.marks += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.marks))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.marks))
        paragraph._p.append(start)
        paragraph._p.append(end)

    def link(self, paragraph: Any, text: str, bookmark: str) -> None:
        """`text` as an internal hyperlink to `bookmark`."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), bookmark)
        link.set(qn("w:history"), "1")
        run = OxmlElement("w:r")
        props = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        props.append(style)
        run.append(props)
        body = OxmlElement("w:t")
        body.text = text
        run.append(body)
        link.append(run)
        paragraph._p.append(link)

    def cite(self, paragraph: Any, cites: tuple[tuple[int, str], ...]) -> None:
        _run(paragraph, "[")
        for at, (number, key) in enumerate(cites):
            if at:
                _run(paragraph, ", ")
            if f"source-{key}" in self.known:
                self.link(paragraph, str(number), f"source_{number}")
            else:
                _run(paragraph, str(number))
        _run(paragraph, "]")

    def runs(self, paragraph: Any, spans: Inline) -> None:
        from docx.shared import RGBColor

        for span in spans:
            if not span.text:
                continue
            if span.style == "cite" and span.cites:
                self.cite(paragraph, span.cites)
                continue
            run = _run(paragraph, _text(span.text))
            style = span.style
            if style in ("strong", "mark"):
                run.bold = True
            elif style == "em" or style.startswith("confidence-"):
                run.italic = True
            elif style == "code":
                run.font.name = "Consolas"
            elif style == "muted":
                run.font.color.rgb = RGBColor(*_MUTED)
            elif style.startswith(("likelihood-", "status-")):
                run.italic = True

    def styled(self, paragraph: Any, name: str) -> None:
        """Give `paragraph` the style `name`, looked up once per document: python-docx looks
        a name up among all the styles on every paragraph."""
        if name not in self.style_ids:
            from docx.enum.style import WD_STYLE_TYPE

            styles = self.document.styles
            self.style_ids[name] = styles.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
        style_id = self.style_ids[name]
        if style_id is not None:
            paragraph._p.get_or_add_pPr().style = style_id

    def para(self, spans: Inline, style: str | None = None, indent: int = 0) -> Any:
        from docx.shared import Cm

        paragraph = self.document.add_paragraph()
        if style is not None:
            self.styled(paragraph, style)
        if indent:
            paragraph.paragraph_format.left_indent = Cm(0.75 * indent)
        self.runs(paragraph, spans)
        return paragraph

    def block(self, b: Block, indent: int = 0) -> None:
        if isinstance(b, Heading):
            heading = self.document.add_paragraph()
            self.styled(heading, f"Heading {max(1, min(b.level, 9))}")
            _run(heading, _text(b.text))
        elif isinstance(b, Para):
            self.para(b.spans, indent=indent)
        elif isinstance(b, Bullets):
            for n, item in enumerate(b.items, start=1):
                if b.ordered:
                    paragraph = self.para((), "List Paragraph" if indent else None, indent)
                    _run(paragraph, f"{n}. ")
                    self.runs(paragraph, item.spans)
                else:
                    style = "List Bullet" if indent == 0 else "List Bullet 2"
                    self.para(item.spans, style)
                for child in item.children:
                    self.block(child, indent + 1)
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, Fields):
            for label, value in b.pairs:
                paragraph = self.para((), indent=indent)
                _run(paragraph, _text(label) + ": ").bold = True
                self.runs(paragraph, value)
        elif isinstance(b, Callout):
            paragraph = self.para((), indent=indent)
            _run(paragraph, _text(b.title)).bold = True
            for child in b.blocks:
                self.block(child, indent + 1)
        elif isinstance(b, Footnotes):
            if b.title:
                self.block(Heading(b.level, b.title))
            for number, spans in b.notes:
                paragraph = self.para(())
                self.bookmark(paragraph, f"source_{number}")
                _run(paragraph, f"{number}. ")
                self.runs(paragraph, spans)
        elif isinstance(b, Chart | Strip):
            self.picture(b, indent)
        elif isinstance(b, Tree):
            self.para(b.root, indent=indent)
            self.nodes(b.children, 1)
        else:
            raise TypeError(f"unknown block {type(b).__name__}")

    def picture(self, b: Chart | Strip, indent: int) -> None:
        """A chart or the timeline strip as the text view draws it, in a fixed-width font:
        one paragraph, a line break between lines."""
        from docx.shared import Pt

        from .pictures import picture_lines

        paragraph = self.para((), indent=indent)
        lines = picture_lines(b, 78)
        for n, line in enumerate(lines):
            run = _run(paragraph, _text(line))
            run.font.name = "Consolas"
            run.font.size = Pt(8)
            if n < len(lines) - 1:
                run.add_break()

    def nodes(self, nodes: tuple[Node, ...], depth: int) -> None:
        """A tree's nodes as nested bulleted lists (Word has three bullet levels)."""
        style = "List Bullet" if depth == 1 else f"List Bullet {min(depth, 3)}"
        for node in nodes:
            self.para(node.spans, style)
            self.nodes(node.children, depth + 1)

    def table(self, b: Table) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        table = self.document.add_table(rows=1 + len(b.rows), cols=len(b.columns))
        table.style = "Table Grid"
        numeric = b.numeric or (False,) * len(b.columns)
        header = table.rows[0]
        # The header row repeats at the top of each page the table runs onto.
        properties = header._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
        for cell, name in zip(header.cells, b.columns, strict=True):
            _run(cell.paragraphs[0], _text(name)).bold = True
        for row, values in zip(table.rows[1:], b.rows, strict=True):
            for cell, value, right in zip(row.cells, values, numeric, strict=True):
                paragraph = cell.paragraphs[0]
                self.runs(paragraph, value)
                if right:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def to_bytes(doc: Doc) -> bytes:
    import zipfile

    import docx

    document = docx.Document()
    properties = document.core_properties
    properties.title = shorten(doc.title, 255)  # the package's limit for a property
    properties.author = "vrmc"
    properties.last_modified_by = "vrmc"
    properties.revision = 1
    properties.comments = ""
    writer = _Writer(document, anchors_of(doc.blocks))
    for b in doc.blocks:
        writer.block(b)
    raw = io.BytesIO()
    document.save(raw)
    # Same corpus, same bytes: rewrite the zip with a fixed date on every entry.
    raw.seek(0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _no_dates(data)
            entry = zipfile.ZipInfo(info.filename, _FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    return out.getvalue()


def _no_dates(core: bytes) -> bytes:
    """The document properties without the creation and modification times python-docx
    may stamp from the clock."""
    import re

    return re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", core)


def render(result: Result, options: Options) -> bytes:
    return to_bytes(result.doc())
