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

from ..doc import (
    Block,
    Bullets,
    Callout,
    Doc,
    Fields,
    Footnotes,
    Heading,
    Inline,
    Para,
    Table,
    anchors_of,
)
from ..textsafe import visible

if TYPE_CHECKING:
    from ..commands import Result
    from . import Options

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_MUTED = (0x59, 0x63, 0x6E)


def _text(text: str) -> str:
    # XML 1.0 refuses most control characters: show them as visible escapes.
    return visible(text)


class _Writer:
    def __init__(self, document: Any, known: set[str]) -> None:
        self.document = document
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
        paragraph.add_run("[")
        for at, (number, key) in enumerate(cites):
            if at:
                paragraph.add_run(", ")
            if f"source-{key}" in self.known:
                self.link(paragraph, str(number), f"source_{number}")
            else:
                paragraph.add_run(str(number))
        paragraph.add_run("]")

    def runs(self, paragraph: Any, spans: Inline) -> None:
        from docx.shared import RGBColor

        for span in spans:
            if not span.text:
                continue
            if span.style == "cite" and span.cites:
                self.cite(paragraph, span.cites)
                continue
            run = paragraph.add_run(_text(span.text))
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

    def para(self, spans: Inline, style: str | None = None, indent: int = 0) -> Any:
        from docx.shared import Cm

        paragraph = self.document.add_paragraph(style=style)
        if indent:
            paragraph.paragraph_format.left_indent = Cm(0.75 * indent)
        self.runs(paragraph, spans)
        return paragraph

    def block(self, b: Block, indent: int = 0) -> None:
        if isinstance(b, Heading):
            self.document.add_heading(_text(b.text), level=max(1, min(b.level, 9)))
        elif isinstance(b, Para):
            self.para(b.spans, indent=indent)
        elif isinstance(b, Bullets):
            for n, item in enumerate(b.items, start=1):
                if b.ordered:
                    paragraph = self.para((), "List Paragraph" if indent else None, indent)
                    paragraph.add_run(f"{n}. ")
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
                paragraph.add_run(_text(label) + ": ").bold = True
                self.runs(paragraph, value)
        elif isinstance(b, Callout):
            paragraph = self.para((), indent=indent)
            paragraph.add_run(_text(b.title)).bold = True
            for child in b.blocks:
                self.block(child, indent + 1)
        elif isinstance(b, Footnotes):
            if b.title:
                self.block(Heading(b.level, b.title))
            for number, spans in b.notes:
                paragraph = self.para(())
                self.bookmark(paragraph, f"source_{number}")
                paragraph.add_run(f"{number}. ")
                self.runs(paragraph, spans)
        else:
            raise TypeError(f"unknown block {type(b).__name__}")

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
            cell.paragraphs[0].add_run(_text(name)).bold = True
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
    properties.title = _text(doc.title)
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
