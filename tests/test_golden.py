"""Golden outputs: every command in every format on the fixture corpus, plus parse-backs."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest

from conftest import FIXTURE, GOLDEN, check_golden, invoke
from vrmc_cli.commands import names, spec
from vrmc_cli.core.formats import FILE, Format
from vrmc_cli.render import declared, formats_for

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
    """Every text format that serves the case's command, as the declarations say."""
    found = spec(COMMANDS[case][0])
    assert found is not None
    return [f for f in formats_for(found.gives) if not declared(f).binary]


CASES = [(case, fmt.value) for case in COMMANDS for fmt in formats_of(case)]


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
    elif fmt == "html":
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
