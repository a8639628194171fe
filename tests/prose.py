"""The prose formats (Rich, Markdown, HTML, Word) checked against a command's text golden.

Each command's text, JSON and CSV output has a golden file: they are the contract. The prose
formats render the same document model (core/doc.py) with other markup, so a golden per
command and prose format would restate the text golden: one wording change would rewrite
four files per command. Instead:
- one synthetic document holding every block kind and every span style has a golden per
  format (tests/test_golden.py::test_every_block_kind_in_every_prose_format): how each
  format draws each block is pinned once;
- each command's output in each prose format carries the same words as its text golden
  (`check_same_words`), so it is still tested per command, without a file each.

"The same words": the sets of case-folded words of the two outputs are equal, the markup
read as its reader sees it (HTML's and Markdown's text with an ordered list's numbers, the
Word document's paragraphs and table cells). Pictures are drawn differently by design (the
text formats draw charts and the timeline strip with characters, HTML with SVG and a
caption, Word as a PNG picture with a numbered caption), so a word may differ only where the
document's pictures put it: a word the prose format has and the text golden lacks is one that
leaving out the pictures takes out of the prose format, and the other way round.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from html.parser import HTMLParser
from typing import Any
from xml.etree import ElementTree as ET

from conftest import invoke
from vrmc_cli.core.doc import Chart, Doc, Locator, Strip
from vrmc_cli.core.formats import DOC, Format
from vrmc_cli.render import Options, declared, render

# Every format that renders the document model, the text format left out (it has goldens).
PROSE = [f for f in Format if declared(f).needs == DOC and f is not Format.text]
PICTURES = (Chart, Strip, Locator)

WORD = re.compile(r"\w+(?:['’.-]\w+)*")

# HTML elements that flow inside a line; every other element starts and ends a block.
_INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span"}
_INLINE |= {"strong", "sub", "sup", "u"}


class _Text(HTMLParser):
    """An HTML page's text as a reader sees it: no head, style or script; a block's text
    apart from the next, and a badge's (a box of its own); an ordered list's items
    numbered."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0
        self.lists: list[int | None] = []  # per open list: the last number, None if unordered
        self.spans: list[bool] = []  # per open span: whether it is a badge (a box of its own)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("head", "style", "script"):
            self.hidden += 1
        if tag in ("ol", "ul"):
            self.lists.append(0 if tag == "ol" else None)
        if tag == "span":
            self.spans.append("badge" in (dict(attrs).get("class") or "").split())
        if tag not in _INLINE or (tag == "span" and self.spans[-1]):
            self.out.append(" ")
        number = self.lists[-1] if self.lists else None
        if tag == "li" and number is not None:
            given = dict(attrs).get("value")
            self.lists[-1] = int(given) if given and given.isdigit() else number + 1
            self.out.append(f"{self.lists[-1]}. ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("head", "style", "script"):
            self.hidden -= 1
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        badge = tag == "span" and bool(self.spans) and self.spans.pop()
        if tag not in _INLINE or badge:
            self.out.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.out.append(data)


def html_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return "".join(parser.out)


def markdown_text(source: str) -> str:
    """Markdown's text as a reader of the rendered page sees it (CommonMark with tables)."""
    from markdown_it import MarkdownIt

    return html_text(MarkdownIt("commonmark").enable("table").render(source))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes) -> str:
    """A Word document's body as text: one line per paragraph, `[Style]` before it when it
    has one, a table row's cells joined by ` | `; captions (a numbered "Table 3." or "Figure
    1." that Word fills in) are kept, as what the reader sees."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
    body = ET.fromstring(xml).find(f"{_W}body")  # noqa: S314 - vrmc's own output
    assert body is not None
    lines: list[str] = []
    for block in body:
        if block.tag == f"{_W}p":
            lines.append(_paragraph(block))
        elif block.tag == f"{_W}tbl":
            for row in block.iter(f"{_W}tr"):
                cells = row.findall(f"{_W}tc")
                lines.append(
                    " | ".join(" ".join(_runs(p) for p in c.iter(f"{_W}p")) for c in cells)
                )
    return "\n".join(lines) + "\n"


def _paragraph(p: ET.Element) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    name = style.get(f"{_W}val") if style is not None else None
    return f"[{name}] {_runs(p)}" if name else _runs(p)


def _runs(p: ET.Element) -> str:
    out = []
    for node in p.iter():
        if node.tag == f"{_W}t":
            out.append(node.text or "")
        elif node.tag in (f"{_W}noBreakHyphen", f"{_W}softHyphen"):
            out.append("-" if node.tag == f"{_W}noBreakHyphen" else "")
        elif node.tag in (f"{_W}tab", f"{_W}br"):
            out.append(" ")
        elif node.tag == f"{_W}drawing":
            out.append("[picture]")
    return "".join(out)


def _docx_words(data: bytes) -> set[str]:
    # The style names and the picture marks are docx_text's notation, not the document's
    # words; a caption ("Table 3. Arms-transfer register") is Word's numbering of the
    # heading or title it restates.
    lines = _ORDINAL.sub(r"\1", docx_text(data)).splitlines()
    text = "\n".join(
        re.sub(r"^\[[^\]]*\] ?", "", x) for x in lines if not x.startswith("[Caption]")
    )
    return words(text.replace("[picture]", " "))


def shown_text(fmt: Format, output: str | bytes) -> str:
    """What a reader of `output` (in `fmt`) reads."""
    if fmt is Format.docx:
        assert isinstance(output, bytes)
        return docx_text(output)
    assert isinstance(output, str)
    if fmt is Format.html:
        return html_text(output)
    if fmt is Format.markdown:
        return markdown_text(output)
    return output


def words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


def words_of(fmt: Format, output: str | bytes) -> set[str]:
    if fmt is Format.docx:
        assert isinstance(output, bytes)
        return _docx_words(output)
    return words(shown_text(fmt, output))


# The Word document's contents list is a field that lists the headings without the numbers
# the text formats give them: list numbers are left out of both sides for Word.
_ORDINAL = re.compile(r"^(\s*)\d+\. ", re.M)


@contextmanager
def _results() -> Iterator[list[tuple[Any, Options]]]:
    """The results and options the runner renders while the block runs."""
    from vrmc_cli import runner

    seen: list[tuple[Any, Options]] = []
    original = runner._render

    def keep(fmt: Format, output: Any, options: Options) -> str | bytes:
        seen.append((output, options))
        return original(fmt, output, options)

    runner._render = keep
    try:
        yield seen
    finally:
        runner._render = original


def _without_pictures(fmt: Format, result: Any, options: Options) -> set[str]:
    """The words of `result` in `fmt` with the document's pictures left out."""
    doc: Doc = result.doc()
    kept = Doc(doc.title, tuple(b for b in doc.blocks if not isinstance(b, PICTURES)), doc.running)
    bare = type(result)(selection=result.selection, doc=lambda: kept, data=result.data)
    return words_of(fmt, render(fmt, bare, options))


def check_same_words(args: Sequence[str], golden_text: str, fmt: Format) -> str | bytes:
    """Run vrmc `args` in `fmt` and check that it carries the words of `golden_text` (the
    command's text golden), but where the pictures draw them; returns the output."""
    with _results() as seen:
        result = invoke(*args, "--format", fmt.value)
    assert result.exit_code == 0, result.stderr
    output: str | bytes = result.stdout_bytes if fmt is Format.docx else result.stdout
    (shown, options), *_ = seen
    expected = golden_text if fmt is not Format.docx else _ORDINAL.sub(r"\1", golden_text)
    got, want = words_of(fmt, output), words(expected)
    extra, missing = got - want, want - got
    if (extra or missing) and any(isinstance(b, PICTURES) for b in shown.doc().blocks):
        # Words only the pictures carry, in this format and in text, may differ.
        extra -= got - _without_pictures(fmt, shown, options)
        with _results() as seen_text:
            text = invoke(*args, "--format", "text").stdout
        (as_text, text_options), *_ = seen_text
        missing -= words(text) - _without_pictures(Format.text, as_text, text_options)
    assert not extra and not missing, (
        f"{fmt.value} output of {' '.join(args)} differs in words from the text golden: "
        f"only in {fmt.value}: {sorted(extra)}; only in text: {sorted(missing)}"
    )
    return output
