"""The HTML report printed to PDF by a real browser (headless Chromium) and read back with
pdftotext: every word of the register and timeline tables comes out whole, and every
in-page link resolves in the DOM the browser built.

In CI (CI=true) a missing browser or pdftotext is a failure, not a skip: .ci/run installs
chromium-headless-shell and poppler-utils.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURE, HEADLESS, invoke, isolated

BROWSER = (
    shutil.which("chromium-headless-shell")
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
)
PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture
def tools() -> tuple[str, str]:
    return found_tools()


def found_tools() -> tuple[str, str]:
    if BROWSER is None or PDFTOTEXT is None:
        missing = "chromium-headless-shell" if BROWSER is None else "pdftotext (poppler-utils)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{missing} is missing: .ci/run must install it")
        pytest.skip(f"{missing} is not installed")
    return BROWSER, PDFTOTEXT


def browser(binary: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            binary,
            *HEADLESS,
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=240,
    )


class Cells(HTMLParser):
    """The words of every table cell, and every id and in-page link of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.cell: list[str] = []
        self.words: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and (found.get("href") or "").startswith("#"):
            self.links.append(str(found["href"])[1:])
        if tag in ("td", "th"):
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.depth -= 1
            self.words.extend("".join(self.cell).split())
            self.cell = []

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.cell.append(data)


def printed(tools: tuple[str, str], html: str, tmp_path: Path, name: str) -> tuple[str, Cells]:
    binary, pdftotext = tools
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    # One browser run prints the page and writes the DOM it built (the same bytes as a run
    # with --dump-dom alone).
    dom = browser(
        binary,
        tmp_path,
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        "--dump-dom",
        page.as_uri(),
    ).stdout
    subprocess.run([pdftotext, "-layout", str(pdf), str(tmp_path / f"{name}.txt")], check=True)
    text = (tmp_path / f"{name}.txt").read_text("utf-8")
    parsed = Cells()
    parsed.feed(dom)
    return text, parsed


@pytest.fixture(scope="module")
def printed_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Cells]:
    """The fixture corpus's HTML report, printed and its DOM read once for the tests below
    that check it (tests/conftest.py keeps this module on one worker)."""
    tools = found_tools()
    folder = tmp_path_factory.mktemp("report")
    with isolated(folder):
        html = invoke("-b", str(FIXTURE), "report", "-f", "html").stdout
    return printed(tools, html, folder, "report")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("report", ("report",)),
        ("bundled-register", ("transfers",)),
        ("bundled-timeline", ("timeline", "--short")),
    ],
)
def test_printed_tables_keep_every_word_whole_and_links_resolve(
    tools: tuple[str, str],
    name: str,
    args: tuple[str, ...],
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    if name == "report":
        text, cells = request.getfixturevalue("printed_report")
    else:
        text, cells = printed(tools, invoke(*args, "-f", "html").stdout, tmp_path, name)
    assert cells.words, "the page has tables"
    tokens = set(text.split())
    broken = sorted({w for w in cells.words if w not in tokens})
    assert not broken, f"words split in print: {broken[:20]}"
    assert set(cells.links) <= cells.ids, sorted(set(cells.links) - cells.ids)


def test_printed_report_is_paged_with_urls_after_links(
    tools: tuple[str, str], printed_report: tuple[str, Cells]
) -> None:
    text, cells = printed_report
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 5, "major sections start on a new page"
    # A linked source title prints its address; an address shown as text is not repeated.
    assert text.count("https://gazette.example/2006/deal") == 1
    assert len(cells.links) >= 10


def test_css_covers_print_scroll_and_dark_mode() -> None:
    html = invoke("-b", str(FIXTURE), "report", "-f", "html").stdout
    assert "@media print" in html and "thead { display: table-header-group; }" in html
    assert "break-before: page" in html and "attr(href)" in html
    assert "prefers-color-scheme: dark" in html and "overflow-x: auto" in html
    assert "overflow-wrap: anywhere; }" not in html.split("th, td {")[1].split("}")[0]
    assert re.search(r'<span class="nw">small-arms</span>', html)
