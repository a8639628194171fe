"""The Word report as a copy desk prints it: LibreOffice (headless) turns the docx into a PDF,
pdftotext reads it back, python-docx and pandoc read the file itself.

One LibreOffice run prints the two documents the tests here read (the full report and the
brief edition), once per session (conftest keeps this module on one worker). In CI
(CI=true) a missing LibreOffice or pdftotext is a failure, not a skip: .ci/run installs
them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import IN_CI, invoke

# LibreOffice prints the full report (125 pages) and the brief edition once, about 10 s of CPU:
# CI runs it (CI=true or --run-slow); the everyday loop checks the same Word file through
# python-docx, pandoc and the synthetic document's golden (tests/golden/blocks/docx.txt).
pytestmark = pytest.mark.slow

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PRINTED = ("full", "brief")


def pandoc() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def corpus_json() -> dict[str, object]:
    import json

    return dict(json.loads(invoke("report", "-f", "json").stdout))


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str, int]]:
    """Each document's docx, its printed text (pdftotext -layout) and its page count."""
    if SOFFICE is None or PDFTOTEXT is None:
        missing = "LibreOffice (soffice)" if SOFFICE is None else "pdftotext (poppler-utils)"
        if IN_CI:
            pytest.fail(f"{missing} is missing: .ci/run must install it")
        pytest.skip(f"{missing} is not installed")
    folder = tmp_path_factory.mktemp("print")
    assert invoke("report", "-f", "docx", "-o", str(folder / "full.docx")).exit_code == 0
    brief = invoke("report", "--edition", "brief", "-f", "docx", "-o", str(folder / "brief.docx"))
    assert brief.exit_code == 0, brief.stderr
    assert invoke("report", "-o", str(folder / "r.md")).exit_code == 0
    done = subprocess.run(
        [pandoc(), "r.md", "-o", "pandoc.docx", "--fail-if-warnings"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
    profile = (folder / "profile").as_uri()  # its own, so parallel runs never share a lock
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{name}.docx") for name in PRINTED),
        ],
        capture_output=True,
        check=True,
        timeout=600,
        env={**os.environ, "HOME": str(folder)},
    )
    out: dict[str, tuple[Path, str, int]] = {"pandoc": (folder / "pandoc.docx", "", 0)}
    for name in PRINTED:
        text = subprocess.run(
            [PDFTOTEXT, "-layout", str(folder / f"{name}.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        out[name] = (folder / f"{name}.docx", text, text.count("\f"))
    return out


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _body(path: Path) -> Any:
    from lxml import etree

    return etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))  # our own file


def table_words(path: Path) -> list[str]:
    """The words of every table cell (a non-breaking hyphen as a hyphen)."""
    words = []
    for cell in _body(path).iter(f"{W}tc"):
        text = "".join(
            node.text or "" if node.tag == f"{W}t" else "-"
            for node in cell.iter(f"{W}t", f"{W}noBreakHyphen")
        )
        words.extend(text.replace("\u2060", "").split())
    return words


def printed_words(text: str) -> set[str]:
    # The non-breaking hyphen prints as itself; pdftotext may give it as a plain hyphen.
    return set(text.replace("\u2011", "-").replace("\u00a0", " ").split())


def test_every_table_word_prints_whole_and_every_page_is_numbered(
    printed: dict[str, tuple[Path, str, int]],
) -> None:
    for name in ("full", "brief"):
        path, text, pages = printed[name]
        words = table_words(path)
        assert words, "the report has tables"
        tokens = printed_words(text)
        broken = sorted({w for w in words if w not in tokens})
        assert not broken, f"{name}: table words split in print: {broken[:20]}"
        for page in range(1, pages + 1):
            assert f"Page {page} of {pages}" in text, (name, page)
        # No heading ends a page: the last line before the page number is never one.
        headings = {
            " ".join(p.text.split())
            for p in __import__("docx").Document(str(path)).paragraphs
            if p.style.name.startswith(("Heading", "Caption"))
        }
        for number, page in enumerate(text.split("\f")[:pages], start=1):
            lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
            body = [line for line in lines if not line.startswith("Page ")]
            if "Contents" in body:
                continue  # its entries are the headings' words
            assert body and body[-1] not in headings, (name, number, body[-1:])
        # The running header: the topic and its as-of date, on every page.
        assert text.count("Venezuela–Russia military cooperation — as of 11 Feb 2026") >= pages


def test_the_brief_edition_prints_in_fifteen_pages_and_the_full_report_has_its_parts(
    printed: dict[str, tuple[Path, str, int]],
) -> None:
    _, brief, pages = printed["brief"]
    assert pages <= 15, pages
    for part in ("Key judgments at a glance", "At a glance", "Bottom line", "Watch board"):
        assert part in brief, part
    assert "Likelihood (ICD 203" in brief
    _, full, full_pages = printed["full"]
    assert full_pages > 3 * pages
    # At a glance follows the key judgments, before the first briefing.
    body = full.split("Sources", 1)[0]
    assert full.index("Key judgments at a glance") < full.index("Figure 1. Timeline at a glance")
    assert body


def test_docx_layout_columns_pictures_contents_and_no_raw_ids(
    printed: dict[str, tuple[Path, str, int]],
) -> None:
    import docx

    path, _, _ = printed["full"]
    document = docx.Document(str(path))
    judgments = document.tables[0]
    assert [c.text for c in judgments.rows[0].cells] == [
        "judgment",
        "likelihood",
        "confidence",
        "briefing",
    ]
    widths = [c.width for c in judgments.rows[0].cells]
    assert widths[0] > 2 * widths[1] and widths[0] > 2 * widths[2], widths
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    # Every table's header row repeats on each page; short rows never split.
    assert xml.count("<w:tblHeader/>") == len(document.tables)
    assert "<w:cantSplit/>" in xml
    # Wide tables (the ACH matrix) get a landscape section; Word's own TOC field.
    assert 'w:orient="landscape"' in xml and 'TOC \\o "2-2"' in xml
    # The charts, the strip and the places map are pictures with numbered captions; no
    # chart in characters.
    assert len(document.inline_shapes) == 5
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert sum(c.startswith("Figure ") for c in captions) == 5
    assert sum(c.startswith("Table ") for c in captions) == len(document.tables)
    fixed = [r.text for p in document.paragraphs for r in p.runs if r.font.name == "Consolas"]
    assert not [t for t in fixed if "\n" in t or "|" in t or "##" in t]
    # No raw ids where a reader looks (the ids with a hyphen, which no word of prose has).
    data = corpus_json()
    ids = {
        str(entry["id"])
        for kind in ("events", "actors")
        for entry in data[kind]  # type: ignore[attr-defined]
        if "-" in str(entry["id"])
    }
    ids |= {h["id"] for q in data["ach"] for h in q["hypotheses"]}  # type: ignore[attr-defined]
    prose = " ".join(
        node.text or "" if node.tag == f"{W}t" else "-"
        for node in _body(path).iter(f"{W}t", f"{W}noBreakHyphen")
    )
    pattern = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    shown = sorted(set(re.findall(rf"(?<![\w/.-])(?:{pattern})(?![\w/-])", prose)))
    assert not shown, shown[:10]
    assert "H1" in prose


def test_pandoc_reads_the_docx_without_warnings(
    printed: dict[str, tuple[Path, str, int]],
) -> None:
    path, _, _ = printed["brief"]
    done = subprocess.run(
        [pandoc(), str(path), "-t", "markdown", "--fail-if-warnings"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
    assert "# Key judgments at a glance" in done.stdout and "![" in done.stdout


def test_the_markdown_route_through_pandoc_keeps_the_pictures(
    printed: dict[str, tuple[Path, str, int]],
) -> None:
    """`vrmc report -o r.md` then `pandoc r.md -o r.docx`: the pictures come through as
    pictures (pandoc gives no page numbers, running header or landscape pages)."""
    import docx

    path, _, _ = printed["pandoc"]
    document = docx.Document(str(path))
    assert len(document.inline_shapes) == 4
    captions = [p.text for p in document.paragraphs if p.style.name == "Image Caption"]
    assert any(c.startswith("Timeline at a glance") for c in captions), captions
