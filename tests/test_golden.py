"""Golden outputs on the fixture corpus: every command's text, JSON, CSV and graph formats
have a golden file (the contract); its Rich, Markdown, HTML and Word output carries the words
of its text golden (tests/prose.py), and one synthetic document of every block kind has a
golden per prose format. Plus parse-backs."""

from __future__ import annotations

import ast
import csv
import io
import json
from html.parser import HTMLParser
from typing import get_args

import pytest

from conftest import FIXTURE, GOLDEN, check_golden, invoke
from prose import PROSE, check_same_words, docx_text
from vrmc_cli.commands import Result, names, spec
from vrmc_cli.core.doc import (
    STYLES,
    Block,
    Bullets,
    Callout,
    Chart,
    Doc,
    Fields,
    Footnotes,
    Heading,
    Item,
    Locator,
    Mark,
    Node,
    Para,
    Span,
    Spot,
    Strip,
    Table,
    Tree,
    plain,
)
from vrmc_cli.core.formats import FILE, Format
from vrmc_cli.render import Options, declared, formats_for
from vrmc_cli.render import render as render_doc

# Corpora read, never changed by the cache: one warm cache for the session (conftest).
pytestmark = pytest.mark.usefixtures("warm_cache")

COMMANDS = {
    "brief-list": ["brief"],
    "brief-arms": ["brief", "arms"],
    "brief-arms-filtered": ["brief", "arms", "--theme", "aircraft-deals"],
    "timeline": ["timeline"],
    "timeline-short": ["timeline", "--short", "--reverse"],
    "actors": ["actors"],
    "actor-ada": ["actor", "ada"],
    "transfers": ["transfers"],
    "scenarios": ["scenarios"],
    "themes": ["themes"],
    "countries": ["countries"],
    "sources": ["sources"],
    "search": ["search", "yland"],
    "report": ["report"],
    "report-cite": ["report", "--cite", "--country", "xanadu"],
    "watch": ["watch"],
    "judgments": ["judgments", "--sort", "likelihood"],
    "chart-events": ["chart", "events", "--by", "theme"],
    "chart-transfers": ["chart", "transfers"],
    "graph": ["graph"],
    "graph-actor": ["graph", "--actor", "ada-xavier", "--depth", "2"],
    "validate": ["validate"],
}
# Commands whose goldens live with their own tests (their own corpora or set-ups), or that
# have none: a new command fails test_every_command_has_goldens until it is in one or other.
ELSEWHERE = {
    "ach": "tests/test_ach.py (the worked example of docs/ach.md)",
    "diff": "tests/test_living.py (two versions of a corpus)",
    "init": "none: it writes a new folder and says which",
    "import": "tests/test_import.py (a worked example of each format it reads)",
    "map": "tests/test_places.py (a corpus with places, in every format)",
}
# A golden's file name: the format and its first declared extension (rich and csljson
# declare none).
SUFFIXES = {"rich": "rich.txt", "csljson": "json"}


def suffix(fmt: Format) -> str:
    extensions = declared(fmt).extensions
    return extensions[0][1:] if extensions else SUFFIXES[fmt.value]


def formats_of(case: str) -> list[Format]:
    """Every format that serves the case's command, as the declarations say."""
    found = spec(COMMANDS[case][0])
    assert found is not None
    return formats_for(found.gives)


# Goldens: the text format and the formats for programs (JSON, CSV, graphs...).
CASES = [
    (case, fmt.value)
    for case in COMMANDS
    for fmt in formats_of(case)
    if fmt not in PROSE and not declared(fmt).binary
]
# The prose formats: the words of the text golden (tests/prose.py).
PROSE_CASES = [(case, fmt.value) for case in COMMANDS for fmt in formats_of(case) if fmt in PROSE]


def test_every_command_has_goldens() -> None:
    given = {line[0] for line in COMMANDS.values()}
    for name in names():
        declared_spec = spec(name)
        assert declared_spec is not None
        assert FILE in declared_spec.gives or name in given or name in ELSEWHERE, name


def render(case: str, fmt: str) -> str:
    result = invoke("-b", str(FIXTURE), *COMMANDS[case], "--format", fmt)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("case", "fmt"), CASES, ids=[f"{c}-{f}" for c, f in CASES])
def test_golden(case: str, fmt: str, update_goldens: bool) -> None:
    output = render(case, fmt)
    check_golden(GOLDEN / case / f"{fmt}.{suffix(Format(fmt))}", output, update_goldens)
    assert "\x1b" not in output
    if fmt == "json":
        json.loads(output, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(output)))
        assert len({len(r) for r in rows}) == 1, "every CSV row has the header's columns"


@pytest.mark.parametrize(("case", "fmt"), PROSE_CASES, ids=[f"{c}-{f}" for c, f in PROSE_CASES])
def test_prose_formats_carry_the_words_of_the_text_golden(case: str, fmt: str) -> None:
    golden = (GOLDEN / case / "text.txt").read_text(encoding="utf-8")
    output = check_same_words(["-b", str(FIXTURE), *COMMANDS[case]], golden, Format(fmt))
    if isinstance(output, bytes):
        return
    assert "\x1b" not in output
    if fmt == "html":
        HTMLParser().feed(output)
        assert output.startswith("<!DOCTYPE html>") and "<script" not in output
        assert "http" not in output.split("<body>")[0], "no external assets"


@pytest.mark.parametrize("case", sorted(COMMANDS))
def test_output_is_deterministic(case: str) -> None:
    assert render(case, "text") == render(case, "text")


def test_csv_is_refused_for_documents() -> None:
    result = invoke("-b", str(FIXTURE), "brief", "arms", "-f", "csv")
    assert result.exit_code == 2 and result.stdout == ""
    # Every command whose result has rows, as the commands declare it (Spec.gives).
    assert "--format csv is available for: ach, actors, chart, countries, diff, graph, " in (
        result.stderr
    )


def test_json_matches_the_documented_contract() -> None:
    timeline = json.loads(render("timeline", "json"))
    assert list(timeline) == ["events"]
    first = timeline["events"][0]
    assert first["id"] == "first-contacts" and first["date"] == "2001" and first["circa"] is True
    actors = json.loads(render("actors", "json"))["actors"]
    assert [a["id"] for a in actors] == sorted(a["id"] for a in actors)
    briefing = json.loads(render("brief-arms-filtered", "json"))["briefing"]
    points = [p["text"] for s in briefing["sections"] for p in s["points"]]
    assert points == ["Twenty-four jets were ordered."]
    transfers = json.loads(render("transfers", "json"))["transfers"]
    assert [t["id"] for t in transfers] == ["rifles", "jets"]
    assert transfers[1]["ordered"] == "2006-07" and transfers[1]["value_usd"] == 1500000000
    themes = json.loads(render("themes", "json"))["themes"]
    assert [t["id"] for t in themes] == ["military", "arms-sales", "aircraft-deals", "diplomacy"]


def test_markdown_parses_and_nests() -> None:
    from markdown_it import MarkdownIt

    output = invoke("-b", str(FIXTURE), "report", "-f", "markdown", "--heading-level", "3").stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(output)
    levels = {t.tag for t in tokens if t.type == "heading_open"}
    assert min(levels) == "h3"
    assert any(t.type == "table_open" for t in tokens)


@pytest.mark.parametrize("case", ["report", "report-cite", "brief-arms", "transfers", "search"])
def test_markdown_converts_with_pandoc_without_warnings(case: str) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    output = render(case, "markdown")
    html = pypandoc.convert_text(
        output, "html", format="gfm+footnotes", extra_args=["--fail-if-warnings"]
    )
    assert "<script" not in html
    if case == "report-cite":
        # Citations link to the Sources list's anchors; no footnotes.
        assert 'href="#source-yl-gazette-2006"' in html and 'id="source-yl-gazette-2006"' in html
        assert "footnote" not in html


# --------------------------------------------------------------------------- every block kind


def every_block() -> Doc:
    """One document with every block kind of the document model (core/doc.py), every span
    style, links, anchors and citations, nested lists and callouts, a table that fits and one
    too wide for the text formats' 78 columns (shown as records there)."""
    styled = tuple(Span(f"{s or 'plain'} ", s) for s in STYLES if s != "cite")
    cite = Span("[1, 2]", "cite", cites=((1, "src-one"), (2, "src-two")))
    linked = (
        Span("A linked title", "em", url="https://example.org/a?b=1&c=<2>"),
        Span(" and "),
        Span("an entry below", anchor="entry-two"),
        Span(". "),
        cite,
    )
    wide = Table(
        ("judgment", "likelihood", "confidence", "basis", "sources"),
        tuple(
            (
                plain(f"A judgment long enough to need a wrapped cell, number {n}."),
                (Span("roughly even chance", "likelihood-even"),),
                (Span("moderate", "confidence-moderate"),),
                plain("Events of 2006 and 2008, with a dispute over the delivery dates."),
                plain("Ylandian Gazette, Xanadu Ministry of Defence"),
            )
            for n in (1, 2)
        ),
    )
    return Doc(
        "Every block kind",
        (
            Heading(1, "Every block kind"),
            Para(plain("A paragraph of plain text, then one of every style:")),
            Para(styled),
            Para(linked),
            Heading(2, "Lists", anchor="lists"),
            Bullets(
                (
                    Item(plain("First, with nested items"), (Bullets((Item(plain("Inner")),)),)),
                    Item(plain("Second, an entry"), (Para(plain("Its paragraph.")),), "entry-two"),
                )
            ),
            Bullets((Item(plain("One")), Item(plain("Two")), Item(plain("Three"))), ordered=True),
            Heading(3, "Tables"),
            Table(
                ("year", "event", "quantity"),
                (
                    (plain("2006"), plain("Order of fighters"), plain("24 / 20–24 (disputed)")),
                    (plain("Nov 2006 – Aug 2008"), plain("Deliveries"), plain("100,000 / –")),
                ),
                numeric=(False, False, True),
                whole=(True, False, False),
                anchors=("row-one", None),
            ),
            wide,
            Fields((("Likelihood", (Span("likely", "likelihood-high"),)), ("Id", plain("x-1")))),
            Callout("Bottom line", (Para(plain("What matters most.")),), "bottom-line"),
            Callout(
                "Key judgment",
                (Para(plain("Xanadu keeps buying.")), Bullets((Item(plain("Basis")),))),
                "judgment",
            ),
            Callout("Note", (Para(plain("A note.")),)),
            Chart(
                "Events per year",
                ("diplomacy", "arms"),
                (("2005", (1, 0)), ("2006", (2, 3)), ("2007", (0, 0))),
                unit="events",
                rule="each event once, under its first theme",
            ),
            Strip(
                "Timeline at a glance",
                2004,
                2008,
                (
                    ("Diplomacy", (Mark(732000, "Talks", "lists"),)),
                    ("Arms", (Mark(732500, "Order", "entry-two"), Mark(733000, "Delivery", ""))),
                ),
            ),
            Tree(
                plain("Ada Xávier"),
                (Node(plain("supplies Yland Arms"), (Node(plain("owned by Yland")),)),),
            ),
            Locator(
                "Where it happened",
                (
                    Spot(10.5, -66.9, "Caracas", 3, "lists", "VE"),
                    Spot(55.75, 37.62, "Moscow", 1, ""),
                ),
            ),
            Footnotes(
                "Sources",
                2,
                ((1, plain("Source one")), (2, plain("Source two"))),
                ("src-one", "src-two"),
            ),
        ),
        running="Every block kind — as of 30 Jun 2020",
    )


BLOCK_FORMATS = [Format.text, *PROSE]


def test_the_synthetic_document_holds_every_block_kind_and_style() -> None:
    blocks = set()
    stack: list[Block] = list(every_block().blocks)
    while stack:
        b = stack.pop()
        blocks.add(type(b))
        if isinstance(b, Bullets):
            stack.extend(c for item in b.items for c in item.children)
        elif isinstance(b, Callout):
            stack.extend(b.blocks)
    assert blocks == set(get_args(Block))
    shown = [s.style for b in every_block().blocks if isinstance(b, Para) for s in b.spans]
    assert set(shown) == set(STYLES)
    # The callout tones, as Callout's annotation names them.
    tone = ast.parse(str(Callout.__annotations__["tone"]), mode="eval").body
    assert isinstance(tone, ast.Subscript) and isinstance(tone.slice, ast.Tuple)
    tones = {ast.literal_eval(t) for t in tone.slice.elts}
    assert {b.tone for b in every_block().blocks if isinstance(b, Callout)} == tones


@pytest.mark.parametrize("fmt", BLOCK_FORMATS, ids=[f.value for f in BLOCK_FORMATS])
def test_every_block_kind_in_every_prose_format(fmt: Format, update_goldens: bool) -> None:
    """How each format draws each block kind, pinned once (tests/prose.py)."""
    doc = every_block()
    result = Result(selection={}, doc=lambda: doc, data=dict)
    output = render_doc(fmt, result, Options())
    shown = docx_text(output) if isinstance(output, bytes) else output
    name = "docx.txt" if fmt is Format.docx else f"{fmt.value}.{suffix(fmt)}"
    check_golden(GOLDEN / "blocks" / name, shown, update_goldens)
    assert render_doc(fmt, result, Options()) == output


@pytest.mark.parametrize("fmt", PROSE, ids=[f.value for f in PROSE])
def test_the_prose_check_fails_on_a_word_missing_or_added(fmt: Format) -> None:
    """check_same_words can fail: a word the text golden has and the format lacks, and one
    the format has and the golden lacks, are both reported (on the report, whose pictures
    the check sets apart)."""
    golden = (GOLDEN / "report" / "text.txt").read_text(encoding="utf-8")
    changed = golden.replace("Yland", "Zyland")
    with pytest.raises(
        AssertionError, match=r"only in \w+: \['yland'\]; only in text: \['zyland'\]"
    ):
        check_same_words(["-b", str(FIXTURE), "report"], changed, fmt)


def test_no_prose_golden_is_left_beside_the_text_golden() -> None:
    """Rich, Markdown and HTML goldens live only in golden/blocks: a command's are its text
    golden's words (a file left behind would be a golden nothing reads)."""
    prose = {f"{fmt.value}.{suffix(fmt)}" for fmt in PROSE if not declared(fmt).binary}
    left = [
        str(p.relative_to(GOLDEN))
        for p in GOLDEN.rglob("*")
        if p.name in prose and p.parent.name != "blocks"
    ]
    assert not left, left
