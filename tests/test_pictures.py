"""Charts and the actor network: the numbers, the layout, and each format read back by the
program or library it is for (Graphviz, networkx, Chromium)."""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from conftest import FIXTURE, HEADLESS, invoke, run_vrmc, write_corpus

# Corpora read, never changed by the cache: one warm cache for the session (conftest).
pytestmark = pytest.mark.usefixtures("warm_cache")

BUNDLED: list[str] = []  # the bundled corpus: no -b


def need(*programs: str) -> str:
    """The path of the first program found; a skip on a developer's machine without it, a
    failure in CI (CI=true), where .ci/run installs it."""
    for program in programs:
        found = shutil.which(program)
        if found:
            return found
    message = f"{' or '.join(programs)} is not installed"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI must install it: see .ci/run)")
    pytest.skip(message)


def need_module(name: str) -> Any:
    """The module (networkx: a test extra); a skip on a developer's machine without it, a
    failure in CI (CI=true), where `pip install '.[test]'` installs it."""
    try:
        return importlib.import_module(name)
    except ImportError:
        message = f"{name} is not installed (it is in the test extras: pip install '.[test]')"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


def vrmc_json(*args: str) -> dict[str, object]:
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


# --------------------------------------------------------------------------- chart numbers


def test_events_chart_counts_every_selected_event_once_per_year() -> None:
    charts = vrmc_json("chart", "events", "--since", "2005")["charts"]
    events = vrmc_json("timeline", "--since", "2005")["events"]
    assert isinstance(charts, list) and isinstance(events, list)
    (chart,) = charts
    assert chart["series"] == ["events"]
    by_year: dict[int, int] = {}
    for e in events:
        by_year[int(e["date"][:4])] = by_year.get(int(e["date"][:4]), 0) + 1
    shown = {b["year"]: b["total"] for b in chart["bars"]}
    assert {y: n for y, n in shown.items() if n} == by_year
    years = [b["year"] for b in chart["bars"]]
    assert years == list(range(years[0], years[-1] + 1)), "empty years stay on the axis"


def test_events_by_theme_stack_by_top_level_theme() -> None:
    (chart,) = vrmc_json("-b", str(FIXTURE), "chart", "events", "--by", "theme")["charts"]
    themes = vrmc_json("-b", str(FIXTURE), "themes")["themes"]
    roots = {t["title"] for t in themes if t["parent"] is None}
    assert set(chart["series"]) <= roots
    for bar in chart["bars"]:
        assert bar["total"] == sum(bar["values"].values())


def test_split_draws_one_chart_per_group() -> None:
    stacked = vrmc_json("chart", "events", "--by", "country")["charts"][0]
    split = vrmc_json("chart", "events", "--by", "country", "--split")["charts"]
    assert all(len(c["series"]) == 1 for c in split)
    # The stacked bars count an event under its first-listed country, the split charts
    # under every country it is about: each ranks its own busiest groups first.
    assert len(stacked["series"]) <= 8 and len(split) <= 8, "beyond eight: 'other'"
    assert split[-1]["series"] == ["other"]


def test_transfer_charts_count_orders_and_deliveries_by_category() -> None:
    orders, deliveries = vrmc_json("-b", str(FIXTURE), "chart", "transfers")["charts"]
    transfers = vrmc_json("-b", str(FIXTURE), "transfers")["transfers"]
    assert orders["title"].startswith("Orders") and deliveries["title"].startswith("Deliveries")
    ordered = sum(1 for t in transfers if t["ordered"])
    assert sum(b["total"] for b in orders["bars"]) == ordered
    assert set(orders["series"]) == {t["category"] for t in transfers if t["ordered"]}


def test_both_transfer_charts_give_a_category_the_same_place_in_the_legend() -> None:
    """A category keeps one fill and colour in the orders and the deliveries chart, and a
    category with no dated entry (the bundled Bal-E missiles) is in neither legend."""
    result = invoke("chart", "transfers", "-f", "json")  # the bundled corpus
    assert result.exit_code == 0, result.stderr
    orders, deliveries = json.loads(result.stdout)["charts"]
    assert orders["series"] == deliveries["series"]
    drawn = {
        name
        for chart in (orders, deliveries)
        for bar in chart["bars"]
        for name, value in bar["values"].items()
        if value
    }
    assert set(orders["series"]) == drawn
    assert "missile" not in orders["series"]


def test_a_corpus_without_transfers_gets_a_note_not_empty_charts(tmp_path: Path) -> None:
    root = tmp_path / "mine"
    assert invoke("init", str(root)).exit_code == 0  # no transfers
    result = invoke("-b", str(root), "chart", "transfers", "-f", "text")
    assert result.exit_code == 0
    assert result.stderr == "vrmc: note: the corpus has no transfers\n"
    assert "0 register entries" in result.stdout and "per year, by" not in result.stdout
    assert json.loads(invoke("-b", str(root), "chart", "transfers", "-f", "json").stdout) == {
        "charts": []
    }
    one = invoke("-b", str(root), "chart", "events", "-f", "text").stdout
    assert "\n1 event\n" in one


def test_chart_csv_is_the_same_numbers_in_long_form() -> None:
    data = vrmc_json("chart", "transfers")["charts"]
    out = invoke("chart", "transfers", "-f", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["chart", "year", "series", "value"]
    expected = [
        [c["title"], str(b["year"]), s, str(b["values"][s])]
        for c in data
        for b in c["bars"]
        for s in c["series"]
    ]
    assert rows[1:] == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["chart", "event"], "unknown chart 'event' (did you mean 'events'?)"),
        (["chart", "events", "--by", "theem"], "unknown --by value 'theem'"),
        (["chart", "transfers", "--by", "theme"], "--by is for `vrmc chart events`"),
        (["timeline", "-f", "dot"], "--format dot is available for: graph; use json here"),
        (["chart", "events", "-f", "graphml"], "--format graphml is available for: graph;"),
    ],
)
def test_bad_chart_requests_are_usage_errors(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


# --------------------------------------------------------------------------- chart layout


def test_text_chart_is_plain_and_fits_78_columns() -> None:
    out = invoke("chart", "events", "--by", "theme", "-f", "text").stdout
    assert all(len(line) <= 78 for line in out.splitlines())
    assert "\x1b" not in out
    # A legend names each fill: the characters, not colour, tell the series apart.
    legend = out.split("~\n", 1)[1].split("\n20", 1)[0]
    assert "## Military cooperation" in legend and "== Outlook" in legend


@pytest.mark.parametrize("columns", ["40", "80", "200"])
def test_rich_chart_fits_the_terminal(columns: str) -> None:
    from rich.cells import cell_len

    out = invoke(
        "chart", "events", "--by", "country", "-f", "rich", env={"COLUMNS": columns}
    ).stdout
    assert max(cell_len(line) for line in out.splitlines()) <= int(columns)
    assert "██ Russia" in out and "▒▒ Venezuela" in out


def test_rich_chart_colours_are_doubled_by_fills() -> None:
    out = invoke("chart", "events", "--by", "theme", "-f", "rich", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[34m██\x1b[0m Military cooperation" in out


def test_hostile_series_names_stay_text(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path,
        {
            "t.yaml": """
themes:
  - {id: evil, title: "<script>x</script> [bold]\\e]0;t\\a ``` ## & \\"q\\""}
  - {id: fine, title: "Fine"}
events:
  - {id: e1, date: 2001, title: "one", themes: [evil, fine]}
  - {id: e2, date: 2003, title: "two <b>", themes: [fine, evil]}
""",
        },
    )
    for fmt in ("text", "rich", "markdown", "html"):
        result = invoke("-b", str(corpus), "chart", "events", "--by", "theme", "-f", fmt)
        assert result.exit_code == 0, result.stderr
        out = result.stdout
        assert "\x1b" not in out and "\x07" not in out
        if fmt == "html":
            assert "<script>" not in out and "&lt;script&gt;" in out
            svgs = re.findall(r"<svg.*?</svg>", out, re.S)
            assert svgs
            for svg in svgs:  # well-formed XML, its text the data as written
                tree = ElementTree.fromstring(svg)  # noqa: S314 - our own output
                assert any("<script>x</script>" in (t.text or "") for t in tree.iter())
        elif fmt == "markdown":
            assert "````text" in out, "the fence outgrows the backticks in the data"
        else:
            assert "<script>x</script> [bold]\\x1b]0;t\\x07" in out


# --------------------------------------------------------------------------- the report


def test_report_has_the_strip_and_both_charts_and_marks_link_to_events() -> None:
    out = invoke("-b", str(FIXTURE), "report", "-f", "html").stdout
    events = vrmc_json("-b", str(FIXTURE), "timeline")["events"]
    section = out.split('<h2 id="glance">At a glance</h2>', 1)[1].split("<h2 ", 1)[0]
    assert section.count("<svg") == 4  # the strip, events by theme, orders, deliveries
    links = re.findall(r'<a href="#(event-[^"]+)">', section)
    assert sorted(set(links)) == sorted(f"event-{e['id']}" for e in events)
    assert "<script" not in out


class _Links(HTMLParser):
    """Every element id of a page, every in-page link (`href="#..."`), and which of the
    links sit in the timeline strip's figure."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.strip_links: list[str] = []
        self.open: list[str] = []  # the tags open, to know when the strip's figure ends
        self.strip_depth: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        href = found.get("href") or ""
        if href.startswith("#"):
            self.links.append(href[1:])
            if self.strip_depth is not None:
                self.strip_links.append(href[1:])
        if tag == "figure" and "strip" in (found.get("class") or "").split():
            self.strip_depth = len(self.open)
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        while self.open:  # HTML lets some end tags be left out: close up to this one
            if self.open.pop() == tag:
                break
        if self.strip_depth is not None and len(self.open) <= self.strip_depth:
            self.strip_depth = None


def page_links(*args: str) -> _Links:
    result = invoke(*args, "-f", "html")
    assert result.exit_code == 0, result.stderr
    parser = _Links()
    parser.feed(result.stdout)
    parser.close()
    return parser


def test_every_link_of_the_bundled_report_resolves_the_strip_marks_too() -> None:
    """The strip's marks link to the timeline's `#event-ID` anchors: in the HTML report of
    the bundled corpus every in-page link, in the strip and anywhere else, names an id the
    page has, and no id is given twice."""
    page = page_links("report")
    ids = set(page.ids)
    assert len(ids) == len(page.ids), sorted(i for i in ids if page.ids.count(i) > 1)
    events = vrmc_json("timeline")["events"]
    assert isinstance(events, list) and len(events) > 50
    assert set(page.strip_links) == {f"event-{e['id']}" for e in events}, "one mark per event"
    assert set(page.strip_links) <= ids
    assert page.links and set(page.links) <= ids, sorted(set(page.links) - ids)


def test_strip_marks_without_their_events_are_not_links() -> None:
    """Without the timeline section the events have no anchors: the strip still shows
    each mark (with its tooltip) but links nowhere, so no link dangles."""
    page = page_links("report", "--sections", "glance,sources")
    assert not any(i.startswith("event-") for i in page.ids)
    assert page.strip_links == []
    assert set(page.links) <= set(page.ids)
    html = invoke("report", "--sections", "glance,sources", "-f", "html").stdout
    assert html.count('<g class="unlinked"><title>') >= len(vrmc_json("timeline")["events"])
    assert "each links to it" not in html


def test_report_sections_place_the_pictures_where_asked() -> None:
    out = invoke("-b", str(FIXTURE), "report", "--sections", "glance,timeline", "-f", "text")
    assert out.exit_code == 0, out.stderr
    text = out.stdout
    assert text.index("At a glance\n---") < text.index("Timeline\n---")
    assert "Timeline at a glance" in text and "Events per year, by theme" in text
    left_out = invoke("-b", str(FIXTURE), "report", "--sections", "timeline", "-f", "text").stdout
    assert "At a glance" not in left_out and "Events per year" not in left_out


@pytest.mark.parametrize(
    ("args", "expected", "style"),
    [
        # The bundled report's 125 pages read by python-docx: CI only (the synthetic
        # document's golden, tests/golden/blocks/docx.txt, has each picture and caption).
        pytest.param(
            ("report",),
            ("Timeline at a glance", "Orders per year, by category"),
            "Heading 2",
            marks=pytest.mark.slow,
        ),
        (("chart", "events", "--by", "theme"), ("Events per year, by theme",), "Heading 1"),
        (("graph", "--actor", "rosoboronexport"), ("is supplier of",), "List Bullet"),
    ],
)
def test_docx_draws_charts_strips_and_trees(
    args: tuple[str, ...], expected: tuple[str, ...], style: str, tmp_path: Path
) -> None:
    """Word gets the charts and the strip as pictures, each with a numbered caption (no
    fixed-width drawing in characters), and the network tree as nested bullets."""
    import docx

    target = tmp_path / "p.docx"
    result = invoke(*args, "-f", "docx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    for words in expected:
        assert words in text, words
    assert style in {p.style.name for p in document.paragraphs}
    fixed = [r.text for p in document.paragraphs for r in p.runs if r.font.name == "Consolas"]
    assert not [t for t in fixed if "\n" in t or "|" in t or "##" in t], "a chart in characters"
    if args[0] != "graph":
        # The report: the strip, three charts and the locator map of its places.
        assert len(document.inline_shapes) == (5 if args[0] == "report" else 1)
        for shape in document.inline_shapes:
            assert shape.width > 3.5 * 914400  # print size
        captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
        assert any(c.startswith("Figure 1. " + expected[0]) for c in captions), captions


def test_pictures_load_only_for_the_commands_that_draw_them() -> None:
    """Start-up of the other commands is unchanged: they never import the chart or network
    code (nor any plotting library)."""
    code = (
        "import sys; from vrmc_cli.__main__ import main; sys.argv=['vrmc','timeline','-f','text'];"
        "\ntry:\n main()\nexcept SystemExit: pass\n"
        "bad=[m for m in sys.modules if m.startswith(("
        "'vrmc_cli.analysis.charts','vrmc_cli.analysis.network',"
        "'vrmc_cli.render.svg','vrmc_cli.render.pictures','matplotlib','plotly','networkx',"
        "'countryinfo','vrmc_cli.analysis.outlines'))];"
        "sys.stderr.write(repr(bad))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert run.stderr.endswith("[]"), run.stderr


# --------------------------------------------------------------------------- the network

HOSTILE = """
countries:
  - {code: XA, name: "Xa \\"land\\""}
actors:
  - {id: end, name: "end \\"quoted\\" \\\\ back\\\\slash", kind: person, country: XA}
  - {id: subgraph, name: "<b>bold</b> & [x] | {y} #1; %% c", kind: state}
  - {id: n0, name: "a --> b\\nnew line\\e[31m `tick` ]] \\\\n", kind: company}
relations:
  - {from: end, to: subgraph, kind: supplier, since: 2006}
  - {from: subgraph, to: n0, kind: sanctioned-by, since: 2010, until: 2012}
  - {from: n0, to: end, kind: "client"}
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "c", {"h.yaml": HOSTILE})


def graph(corpus: Path, fmt: str, *more: str) -> str:
    result = invoke("-b", str(corpus), "graph", *more, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_graph_json_has_kinds_countries_and_directed_spans(hostile: Path) -> None:
    data = json.loads(graph(hostile, "json"))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["end"]["kind"] == "person" and nodes["end"]["country"] == "XA"
    assert nodes["subgraph"]["country"] is None
    edge = data["edges"][1]
    assert (edge["from"], edge["to"], edge["kind"]) == ("subgraph", "n0", "sanctioned-by")
    assert edge["directed"] is True and (edge["since"], edge["until"]) == ("2010", "2012")
    assert edge["reads"].endswith("is sanctioned by a --> b\nnew line\x1b[31m `tick` ]] \\n")


def test_graphml_reads_back_in_networkx_with_every_name_intact(hostile: Path) -> None:
    networkx = need_module("networkx")
    from vrmc_cli.core.textsafe import visible

    g = networkx.read_graphml(io.BytesIO(graph(hostile, "graphml").encode()))
    assert g.is_directed()
    data = json.loads(graph(hostile, "json"))
    for n in data["nodes"]:
        assert g.nodes[n["id"]]["name"] == visible(n["name"], one_line=True)
        assert g.nodes[n["id"]]["kind"] == n["kind"]
    edges = sorted((u, v, d["kind"]) for u, v, d in g.edges(data=True))
    assert edges == sorted((e["from"], e["to"], e["kind"]) for e in data["edges"])
    attributes = g.get_edge_data("subgraph", "n0")
    if g.is_multigraph():  # networkx reads a multigraph when edges have ids
        (attributes,) = attributes.values()
    assert attributes["since"] == "2010" and attributes["until"] == "2012"


def test_graphml_of_the_bundled_corpus_reads_back() -> None:
    networkx = need_module("networkx")
    g = networkx.read_graphml(io.BytesIO(invoke("graph", "-f", "graphml").stdout.encode()))
    data = vrmc_json("graph")
    assert g.number_of_nodes() == len(data["nodes"]) and g.number_of_edges() == len(data["edges"])
    assert g.has_edge("russia", "venezuela")


def test_dot_is_accepted_by_graphviz_with_every_label_intact(hostile: Path, tmp_path: Path) -> None:
    dot = need("dot")
    source = graph(hostile, "dot")
    run = subprocess.run(
        [dot, "-Tjson"], input=source.encode(), capture_output=True, check=False, timeout=60
    )
    assert run.returncode == 0, run.stderr.decode()
    drawn = json.loads(run.stdout)
    assert {o["name"] for o in drawn["objects"]} == {"end", "subgraph", "n0"}, "ids stay ids"
    assert len(drawn["edges"]) == 3
    picture = subprocess.run(
        [dot, "-Tsvg"], input=source.encode(), capture_output=True, check=True, timeout=60
    ).stdout
    drawn_svg = ElementTree.fromstring(picture)  # noqa: S314 - Graphviz output of our test
    texts = [t.text for t in drawn_svg.iter() if t.tag.endswith("text")]
    # Backslashes and quotes come out as written: none started a Graphviz escape.
    assert 'end "quoted" \\ back\\slash (XA)' in texts
    assert "a --> b\\nnew line\\x1b[31m `tick` ]] \\n" in texts
    svg = subprocess.run(
        [dot, "-Tsvg"],
        input=invoke("graph", "-f", "dot").stdout.encode(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert svg.returncode == 0 and b"<svg" in svg.stdout


MERMAID_NODE = re.compile(r'  n\d+\["[^"\n]*"\]')
MERMAID_EDGE = re.compile(r'  n\d+ -->\|"[^"|\n]*"\| n\d+')


def test_mermaid_is_well_formed_with_hostile_names(hostile: Path) -> None:
    out = graph(hostile, "mermaid")
    lines = out.splitlines()
    assert lines[0] == "flowchart LR"
    for line in lines[1:]:
        assert MERMAID_NODE.fullmatch(line) or MERMAID_EDGE.fullmatch(line), line
    # Nothing in a label can end it, start a comment or become Markdown or HTML.
    body = "".join(re.findall(r'"([^"]*)"', out))
    for bad in ("<", ">", "&", "`", "%", "[", "]", "|", "{", "}", "\\", "\n"):
        assert bad not in body, bad
    assert "#34;quoted#34;" in out and "#60;b#62;bold" in out


def test_graph_formats_name_exactly_the_filtered_relations() -> None:
    data = vrmc_json("graph", "--country", "colombia")
    country = {n["id"]: n["country"] for n in data["nodes"]}
    assert data["edges"]
    assert all("CO" in (country[e["from"]], country[e["to"]]) for e in data["edges"])
    dot = invoke("graph", "--country", "colombia", "-f", "dot").stdout
    mermaid = invoke("graph", "--country", "colombia", "-f", "mermaid").stdout
    graphml = invoke("graph", "--country", "colombia", "-f", "graphml").stdout
    assert (
        dot.count(" -> ") == mermaid.count(" -->|") == graphml.count("<edge ") == len(data["edges"])
    )


def test_actor_neighbourhood_tree_reads_both_ways() -> None:
    out = invoke("-b", str(FIXTURE), "graph", "--actor", "ada-xavier", "-f", "text").stdout
    assert "Ada Xávier ada-xavier\n" in out
    assert "|-- ← Yarms Export is supplier of Ada Xávier yarms" in out
    assert "`-- → is ally of Yland yland (2005 – now)" in out
    rich = invoke("-b", str(FIXTURE), "graph", "--actor", "ada-xavier", "-f", "rich").stdout
    assert "├── ← Yarms Export" in rich and "└── → is ally of Yland" in rich


def test_tree_depth_reaches_further_without_repeating_a_tie() -> None:
    one = invoke("graph", "--actor", "putin", "-f", "text").stdout
    two = invoke("graph", "--actor", "putin", "--depth", "2", "-f", "text").stdout
    assert len(two.splitlines()) > len(one.splitlines())
    assert two.count("is ally of Hugo Chávez") == 1


def test_actor_prose_says_which_way_a_relation_points() -> None:
    out = invoke("-b", str(FIXTURE), "actor", "yarms", "-f", "text").stdout
    assert "→ Yarms Export is supplier of Ada Xávier" in out
    out = invoke("-b", str(FIXTURE), "actor", "ada-xavier", "-f", "text").stdout
    assert "← Yarms Export is supplier of Ada Xávier" in out


# --------------------------------------------------------------------------- in a browser


def chromium(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    binary = need("chromium", "chromium-headless-shell", "chromium-browser")
    return subprocess.run(
        [
            binary,
            *HEADLESS,
            f"--user-data-dir={cwd / 'profile'}",
            *args,
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["chart", "events", "--by", "country"],
        ["chart", "transfers"],
        ["report", "--country", "colombia"],
    ],
    ids=["events", "transfers", "report"],
)
def test_html_charts_render_and_print_within_the_page(args: list[str], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(run_vrmc(*args, "-f", "html").stdout.decode(), encoding="utf-8")
    pdf = tmp_path / "page.pdf"
    # One browser run writes the DOM it built and prints the page.
    dom = chromium(
        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "--dump-dom", page.as_uri(), cwd=tmp_path
    ).stdout.decode()
    assert dom.count("<svg") >= 1 and "<rect" in dom and "<pattern" in dom
    pdftotext = need("pdftotext")
    boxes = subprocess.run(
        [pdftotext, "-bbox", str(pdf), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    pages = re.findall(r'<page width="([\d.]+)"', boxes)
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', boxes)
    assert pages and words
    width = float(pages[0])
    assert all(float(a) >= 0 and float(b) <= width for a, b in words), "text past the page edge"
    # The chart's own numbers and legend come out as text, readable without colour.
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    assert "per year" in text


@pytest.mark.parametrize(
    "args",
    [
        ["graph", "--actor", "rosoboronexport"],
        ["graph", "--actor", "rosoboronexport", "-f", "mermaid"],
    ],
)
def test_the_readme_shows_real_output(args: list[str]) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    shown = " ".join(args)
    out = invoke(*args, "-f", "text").stdout if "-f" not in args else invoke(*args).stdout
    assert f"$ vrmc {shown}\n{out}" in readme


@pytest.mark.parametrize("fmt", ["docx", "markdown"])
def test_no_cache_option_draws_pictures_afresh(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--no-cache bypasses the picture cache as VRMC_NO_CACHE does: it neither writes drawn
    pictures to the cache folder nor reads pictures kept there (one planted in their place
    shows in a cached run, never in a --no-cache one)."""
    import zipfile

    from PIL import Image

    from vrmc_cli.corpus.cache import read_object, write_object

    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    target = tmp_path / ("r.docx" if fmt == "docx" else "r.md")
    args = ("chart", "events", "-f", fmt, "-o", str(target))

    def pictures() -> list[bytes]:
        if fmt == "docx":
            with zipfile.ZipFile(target) as package:
                names = sorted(n for n in package.namelist() if n.startswith("word/media/"))
                return [package.read(n) for n in names]
        return [p.read_bytes() for p in sorted((tmp_path / "r-images").glob("*.png"))]

    assert invoke("--no-cache", *args).exit_code == 0
    fresh = pictures()
    assert fresh and not list((folder / "vrmc").glob("picture-*"))  # nothing written
    assert invoke(*args).exit_code == 0
    kept = sorted((folder / "vrmc").glob("picture-*"))
    assert kept and pictures() == fresh  # the same picture, now kept
    buffer = io.BytesIO()
    Image.new("RGB", (3, 2), "#00ff00").save(buffer, "PNG")
    planted = buffer.getvalue()
    for path in kept:
        found = read_object(str(path))
        assert isinstance(found, tuple)
        write_object(str(path), (planted, found[1], found[2]))
    assert invoke(*args).exit_code == 0
    assert planted in pictures()  # a cached run reads the cache
    assert invoke("--no-cache", *args).exit_code == 0
    assert pictures() == fresh  # --no-cache does not
