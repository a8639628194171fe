"""Reports that survive the trip into Word, PDF and the web (issue 13): one citation style
in every prose format, a real Sources list, references as prose, anchors and links, --output,
native Word output, CSL JSON for reference managers and --sections."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE, invoke, write_corpus

# Corpora read, never changed by the cache: one warm cache for the session (conftest).
pytestmark = pytest.mark.usefixtures("warm_cache")

B = ("-b", str(FIXTURE))
CITE = re.compile(r"\\\[((?:\[\d+\]\(#source-[a-z0-9-]+\)(?:, )?)+)\\\]")


def pandoc() -> str:
    """pandoc from the test extras (pypandoc-binary); a test that needs it fails without it."""
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def run_pandoc(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [pandoc(), *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=300
    )


def source_titles(*extra: str) -> dict[str, str]:
    """Each source's title as the Sources list prints it: without its publication date."""
    from vrmc_cli.core.dates import parse_date
    from vrmc_cli.views.base import title_without_date

    data = json.loads(invoke(*extra, "report", "-f", "json").stdout)
    return {
        s["id"]: title_without_date(
            s["title"], parse_date(s["published"]) if s.get("published") else None
        )
        for s in data["sources"]
    }


def test_sources_list_titles_never_repeat_the_date_and_relayed_reports_read_one_way() -> None:
    """A copy desk's Sources list: `Publisher, Title, date` with the date once (a placeholder
    title loses its own copy of it), and a wire report another outlet carries as
    `Agency, via Outlet`."""
    from vrmc_cli.core.dates import parse_date
    from vrmc_cli.views.base import relayed, title_without_date

    assert title_without_date("Takvim report of 5 April 2006", parse_date("2006-04-05")) == (
        "Takvim report"
    )
    assert title_without_date("Der Tagesspiegel archive, 22 July 2008", parse_date("2008-07")) == (
        "Der Tagesspiegel archive, 22 July 2008"  # not the date it was published: kept
    )
    assert title_without_date(
        "Okaz report (AFP) of 26 March 2019, Sauress archive", parse_date("2019-03-26")
    ) == ("Okaz report (AFP), Sauress archive")
    kept = "Venezuela to begin production of Kalashnikov AK-103 rifles in 2012"
    assert title_without_date(kept, parse_date("2006-11")) == kept
    assert relayed("Stabroek News (Reuters)") == "Reuters, via Stabroek News"
    assert relayed("AFP via Energy Daily") == "AFP, via Energy Daily"
    assert relayed("Kienthuc (Vietnam)") == "Kienthuc (Vietnam)"
    out = invoke("report", "--sections", "sources", "-f", "text").stdout
    listed = " ".join(out.split())
    assert "Takvim report of 5 April 2006" not in listed
    for month in ("January", "February", "March", "April", "May", "June", "July"):
        assert not re.search(rf"of \d+ {month} (\d{{4}}), \d+ {month[:3]} \1", listed), month
    assert "Stabroek News (Reuters)" not in listed and "Reuters, via Stabroek News" in listed


# --------------------------------------------------------------------------- citations


def test_one_bracket_per_point_each_number_linked_each_source_listed_once() -> None:
    out = invoke(*B, "report", "-f", "markdown").stdout
    assert "[^" not in out and "][" not in out.replace("](", "")
    markers = CITE.findall(out)
    assert markers, "points cite their sources"
    listed = re.findall(r'^(\d+)\. <span id="source-([a-z0-9-]+)"></span>', out, re.M)
    ids = [i for _, i in listed]
    assert len(ids) == len(set(ids)), "each source listed once"
    assert [int(n) for n, _ in listed] == list(range(1, len(listed) + 1))
    numbers = {i: int(n) for n, i in listed}
    for marker in markers:
        cited = re.findall(r"\[(\d+)\]\(#source-([a-z0-9-]+)\)", marker)
        assert [int(n) for n, _ in cited] == sorted({int(n) for n, _ in cited})
        for n, i in cited:
            assert numbers[i] == int(n)
    # Numbered by first citation: the first marker cites source 1.
    assert markers[0].startswith("[1](#source-")


def test_brief_and_report_cite_the_same_way() -> None:
    brief = invoke(*B, "brief", "arms", "-f", "markdown").stdout
    report = invoke(*B, "report", "-f", "markdown").stdout
    point = (
        "- Twenty-four jets were ordered. *(high confidence)* \\[[1](#source-yl-gazette-2006)\\]"
    )
    assert point in brief and point in report
    hidden = invoke(*B, "brief", "arms", "-f", "markdown", "--citations", "none").stdout
    assert "Twenty-four jets were ordered. *(high confidence)*\n" in hidden


# The bundled report through pandoc twice (about 9 s of CPU) runs in CI; the fixture's, whose
# report has every section, in the everyday loop too.
@pytest.mark.parametrize("corpus", ["fixture", pytest.param("bundled", marks=pytest.mark.slow)])
def test_pandoc_converts_the_markdown_without_warnings_and_keeps_every_source(
    corpus: str, tmp_path: Path
) -> None:
    extra = B if corpus == "fixture" else ()
    (tmp_path / "r.md").write_text(invoke(*extra, "report", "-f", "markdown").stdout, "utf-8")
    for target in ("r.docx", "r.html"):
        done = run_pandoc("r.md", "-o", target, "--fail-if-warnings", cwd=tmp_path)
        assert done.returncode == 0 and not done.stderr, done.stderr
    plain = run_pandoc("r.docx", "-t", "plain", "--wrap=none", cwd=tmp_path).stdout
    plain = plain.translate(str.maketrans("’‘“”", "''\"\""))  # pandoc's smart quotes
    html = (tmp_path / "r.html").read_text("utf-8")
    for source_id, title in source_titles(*extra).items():
        assert " ".join(title.split()) in plain, title
        assert f'id="source-{source_id}"' in html
    for target in set(re.findall(r'href="#([^"]+)"', html)):
        assert f'id="{target}"' in html, target


def test_references_read_as_prose() -> None:
    out = " ".join(invoke(*B, "report", "-f", "text").stdout.split())
    assert "Basis: Jul 2006 — Xanadu orders fighters from Yland; 30 Nov 2006 – 3 Aug 2008" in out
    assert "basis: fighter-deal" not in out
    assert "See also: Talks" in out
    brief = invoke(*B, "brief", "arms", "-f", "text").stdout
    assert "See also: Talks (talks)" in brief  # the id `vrmc brief` takes next


def test_html_anchors_every_entry_and_every_link_resolves() -> None:
    html = invoke(*B, "report", "-f", "html").stdout
    ids = set(re.findall(r' id="([^"]+)"', html))
    data = json.loads(invoke(*B, "report", "-f", "json").stdout)
    for kind, prefix in (
        ("events", "event"),
        ("actors", "actor"),
        ("sources", "source"),
        ("briefings", "briefing"),
        ("scenarios", "scenario"),
    ):
        for item in data[kind]:
            assert f"{prefix}-{item['id']}" in ids, (kind, item["id"])
    links = re.findall(r'href="#([^"]+)"', html)
    assert links and set(links) <= ids
    contents = html.split('<h2 id="contents">Contents</h2>')[1].split("</ol>")[0]
    assert contents.count("<li>") == contents.count('<li><a href="#') >= 7
    # Basis events link to their timeline entries.
    assert '<a href="#event-fighter-deal">Jul 2006 — Xanadu orders fighters from Yland</a>' in html


# --------------------------------------------------------------------------- bibliography


def test_bibliography_entry_has_publisher_title_date_url_reliability_accessed_archive(
    tmp_path: Path,
) -> None:
    root = write_corpus(
        tmp_path / "c",
        {
            "t.yaml": (
                "themes: [{id: t, title: T}]\n"
                "sources:\n"
                "  - id: s1\n    title: The page\n    publisher: The Paper\n"
                "    url: https://paper.example/a\n    published: 2020-03-04\n"
                "    accessed: 2024-05-06\n    archive_url: https://archive.example/a\n"
                "    reliability: B\n    kind: news\n"
                "  - id: s2\n    title: Second\n"
                "events:\n"
                "  - {id: e1, date: 2020, title: One, themes: [t], sources: [s2, s1]}\n"
                "  - {id: e2, date: 2021, title: Two, themes: [t], sources: [s1]}\n"
            )
        },
    )
    text = invoke("-b", str(root), "report", "-f", "text").stdout
    entry = " ".join(text.split("Sources\n-------")[1].split())
    assert entry == (
        "[1] Second [2] The Paper, The page, 4 Mar 2020, https://paper.example/a, accessed "
        "6 May 2024, archived at https://archive.example/a (reliability B, usually reliable)"
    )
    assert entry.count("The page") == 1
    data = json.loads(invoke("-b", str(root), "sources", "-f", "json").stdout)["sources"]
    assert data[0]["accessed"] == "2024-05-06"
    assert data[0]["archive_url"] == "https://archive.example/a"
    csl = json.loads(invoke("-b", str(root), "sources", "-f", "csljson").stdout)
    assert csl[0] == {
        "id": "s1",
        "type": "article-newspaper",
        "title": "The page",
        "container-title": "The Paper",
        "publisher": "The Paper",
        "issued": {"date-parts": [[2020, 3, 4]]},
        "accessed": {"date-parts": [[2024, 5, 6]]},
        "URL": "https://paper.example/a",
        "archive_location": "https://archive.example/a",
        "note": "Reliability B (usually reliable). Archived at https://archive.example/a",
    }
    bad = write_corpus(
        tmp_path / "bad",
        {"t.yaml": "sources:\n  - id: s1\n    title: X\n    accessed: someday\n"},
    )
    result = invoke("-b", str(bad), "sources")
    assert result.exit_code == 1 and "t.yaml:4:15: sources[0].accessed" in result.stderr


# --------------------------------------------------------------------------- reference managers


def test_csljson_and_pandoc_citations_render_through_citeproc(tmp_path: Path) -> None:
    refs = invoke(*B, "sources", "-f", "csljson", "-o", str(tmp_path / "refs.json"))
    assert refs.exit_code == 0 and refs.stdout == ""
    md = invoke(*B, "report", "-f", "markdown", "--citations", "pandoc").stdout
    assert "[@yl-gazette-2006; @xa-ministry]" in md and "::: {#refs}" in md
    (tmp_path / "r.md").write_text(md, "utf-8")
    done = run_pandoc(
        "r.md",
        "--citeproc",
        "--bibliography",
        "refs.json",
        "-t",
        "plain",
        "--wrap=none",
        "--fail-if-warnings",
        cwd=tmp_path,
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
    assert "(Yland Gazette 2006; “Ministry Statement,” n.d.)" in done.stdout
    assert "Yland Gazette. 2006. “Yland Gazette on the Fighter Deal.” July 20." in done.stdout
    assert "@yl-gazette" not in done.stdout


def test_citation_style_is_checked() -> None:
    wrong = invoke(*B, "report", "--citations", "apa", "-f", "markdown")
    assert wrong.exit_code == 2 and "numbers, pandoc, none" in wrong.stderr
    html = invoke(*B, "report", "--citations", "pandoc", "-f", "html")
    assert html.exit_code == 2 and "--format markdown" in html.stderr
    csl = invoke(*B, "timeline", "-f", "csljson")
    assert csl.exit_code == 2 and "csljson is available for: report, sources;" in csl.stderr


# --------------------------------------------------------------------------- output and Word


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "csv", "html", "rich", "csljson"])
def test_output_option_writes_the_same_as_stdout(fmt: str, tmp_path: Path) -> None:
    command = "sources"
    target = tmp_path / f"out.{fmt}"
    written = invoke(*B, command, "-f", fmt, "-o", str(target))
    assert written.exit_code == 0 and written.stdout == ""
    assert target.read_text("utf-8") == invoke(*B, command, "-f", fmt).stdout


def test_output_format_follows_the_extension_and_bad_paths_fail(tmp_path: Path) -> None:
    invoke(*B, "report", "-o", str(tmp_path / "r.md"))
    written = (tmp_path / "r.md").read_text("utf-8")
    shown = invoke(*B, "report", "-f", "markdown").stdout
    # Written to a file, the pictures are PNG files beside it, linked as images; on
    # standard output, the text view's drawing in a fenced block.
    images = re.findall(r"^!\[([^\]]+)\]\((r-images/figure-\d+\.png)\)$", written, re.M)
    assert [name for _, name in images] == [f"r-images/figure-{n}.png" for n in (1, 2, 3, 4)]
    for alt, name in images:
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert alt.split(".")[0] in shown
    assert "```text" in shown and "```text" not in written
    assert re.sub(r"```text\n.*?```\n\n", "", shown, flags=re.S).replace("\n\n", "\n") == (
        re.sub(r"!\[.*\n\n", "", written).replace("\n\n", "\n")
    )
    bad = invoke(*B, "report", "-o", str(tmp_path / "missing" / "r.md"))
    assert bad.exit_code == 1 and "cannot write" in bad.stderr and "Traceback" not in bad.stderr
    assert not (tmp_path / "missing").exists()


def test_docx_refuses_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from vrmc_cli import runner

    monkeypatch.setattr(runner, "_isatty", lambda stream: True)
    result = invoke(*B, "report", "-f", "docx")
    assert result.exit_code == 2 and "--output FILE" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "command",
    [["report"], ["brief", "arms"], ["timeline"], ["actors"], ["transfers"], ["scenarios"]],
)
def test_docx_has_headings_tables_citations_and_sources(command: list[str], tmp_path: Path) -> None:
    import docx

    target = tmp_path / "r.docx"
    assert invoke(*B, *command, "-f", "docx", "-o", str(target)).exit_code == 0
    again = tmp_path / "again.docx"
    invoke(*B, *command, "-f", "docx", "-o", str(again))
    assert target.read_bytes() == again.read_bytes(), "byte-identical"
    document = docx.Document(str(target))
    styles = [p.style.name for p in document.paragraphs]
    assert "Heading 1" in styles
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    if command[0] in ("report", "actors", "transfers"):
        assert document.tables
    if command[0] in ("report", "brief", "timeline", "transfers"):
        assert "[1" in text + cells
        assert "1. Yland Gazette, Yland Gazette on the fighter deal" in text
    back = run_pandoc(str(target), "-t", "markdown", cwd=tmp_path)
    assert back.returncode == 0 and "# " in back.stdout
    if command[0] in ("report", "brief", "timeline", "transfers"):
        # Each citation number is an internal link to its Sources entry's bookmark.
        assert "[1](#source_1)" in back.stdout and "[]{#source_1 .anchor}1." in back.stdout


# python-docx reads the bundled report's 125 pages (about 6 s of CPU): CI only. In the everyday
# loop test_truth checks the bundled docx's Sources list by its XML, and
# test_docx_has_headings_tables_citations_and_sources the fixture's through python-docx.
@pytest.mark.slow
def test_docx_report_holds_every_cited_source(tmp_path: Path) -> None:
    import docx

    target = tmp_path / "r.docx"
    invoke("report", "-f", "docx", "-o", str(target))
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    for title in source_titles().values():
        assert title in text
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[0] == "Key judgments at a glance" and "Sources" in headings
    # The contents: Word's own heading style and a TOC field Word can update.
    assert [p.text for p in document.paragraphs if p.style.name == "TOC Heading"] == ["Contents"]
    assert 'TOC \\o "2-2"' in document.element.xml


def test_docx_is_imported_only_for_docx() -> None:
    code = (
        "import sys\n"
        "from vrmc_cli.__main__ import main\n"
        "sys.argv = ['vrmc', '-b', sys.argv[1], 'report', '-f', 'html']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(str('docx' in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(FIXTURE)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "VRMC_NO_CACHE": "1"},
    )
    assert done.stderr.endswith("False")


# --------------------------------------------------------------------------- sections and order


def test_default_order_puts_key_judgments_first() -> None:
    out = invoke(*B, "report", "-f", "markdown").stdout
    # Headings outside the fenced pictures (a chart's legend may start with "## ").
    prose = re.sub(r"^```text\n.*?^```$", "", out, flags=re.M | re.S)
    headings = re.findall(r"^## (.+)$", prose, re.M)
    assert headings == [
        "Contents",
        "Key judgments at a glance",
        "At a glance",
        "Arms from Yland",
        "Talks",
        "Timeline",
        "Actors",
        "Arms-transfer register",
        "Outlook scenarios",
        "Watch board",
        "Sources",
    ]
    table = out.split("## Key judgments at a glance")[1].split("##")[0]
    assert "| Xanadu will keep buying from Yland." in table and "| likely | *moderate* |" in table
    actors = out.split("## Actors")[1].split("##")[0]
    names = re.findall(r"^\| \*\*(.+?)\*\*", actors, re.M)
    assert names == sorted(names, key=str.casefold)


def test_sections_pick_and_order() -> None:
    out = invoke(*B, "report", "--sections", "sources,timeline", "-f", "markdown").stdout
    assert re.findall(r"^## (.+)$", out, re.M) == ["Contents", "Sources", "Timeline"]
    bad = invoke(*B, "report", "--sections", "timelime", "-f", "markdown")
    assert bad.exit_code == 2 and "did you mean 'timeline'" in bad.stderr


@pytest.mark.parametrize(
    "sections", [None, "timeline,briefings,transfers,sources", "transfers,judgments,sources"]
)
def test_sources_are_numbered_in_the_order_a_reader_meets_them(sections: str | None) -> None:
    """The bibliography is computed with the selection (commands/report.py), not while the
    document is built: its order must still be the order of first citation in the text, and
    it lists the same sources whichever sections are shown."""
    chosen = ("--sections", sections) if sections else ()
    out = invoke(*B, "report", *chosen, "-f", "markdown").stdout
    met: list[int] = []
    for marker in CITE.findall(out.split("\n## Sources")[0]):
        met.extend(n for n in map(int, re.findall(r"\[(\d+)\]", marker)) if n not in met)
    assert met and met == list(range(1, len(met) + 1))
    listed = re.findall(r"^(\d+)\. ", out.split("\n## Sources")[1], re.M)
    assert listed == [str(n) for n in range(1, len(listed) + 1)] and len(listed) >= len(met)
    assert set(source_titles(*B)) == set(
        s["id"] for s in json.loads(invoke(*B, "report", *chosen, "-f", "json").stdout)["sources"]
    )


def test_briefings_follow_their_declared_order(tmp_path: Path) -> None:
    briefing = (
        "  - id: {id}\n    title: {title}\n    summary: S.\n    themes: [t]\n{order}"
        "    sections: [{{heading: H, points: [P.]}}]\n"
    )
    body = "themes: [{id: t, title: T}]\nbriefings:\n" + "".join(
        briefing.format(id=i, title=t, order=f"    order: {o}\n" if o else "")
        for i, t, o in (("alpha", "Alpha", 3), ("beta", "Beta", None), ("gamma", "Gamma", 1))
    )
    root = write_corpus(tmp_path / "c", {"b.yaml": body})
    out = invoke("-b", str(root), "report", "-f", "markdown").stdout
    assert re.findall(r"^## (.+)$", out, re.M)[1:] == ["Gamma", "Alpha", "Beta"]
    bad = write_corpus(tmp_path / "bad", {"b.yaml": body.replace("order: 3", "order: soon")})
    assert invoke("-b", str(bad), "validate").exit_code == 1


def test_bundled_report_ends_its_briefings_with_the_outlook() -> None:
    data = json.loads(invoke("report", "-f", "json").stdout)
    ids = [b["id"] for b in data["briefings"]]
    assert ids[0] == "history" and ids[-1] == "outlook"
    assert [b["order"] for b in data["briefings"]] == sorted(b["order"] for b in data["briefings"])


def test_pandoc_citations_follow_an_md_output_file(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    done = invoke(*B, "report", "--citations", "pandoc", "-o", str(target))
    assert done.exit_code == 0 and "[@yl-gazette-2006]" in target.read_text("utf-8")


# --------------------------------------------------------------------------- competing hypotheses


def report_headings(*args: str, corpus: tuple[str, ...] = ()) -> list[str]:
    """The report's level-2 headings in markdown, outside the fenced pictures."""
    out = invoke(*corpus, "report", *args, "-f", "markdown").stdout
    prose = re.sub(r"^```text\n.*?^```$", "", out, flags=re.M | re.S)
    return re.findall(r"^## (.+)$", prose, re.M)


def test_report_shows_competing_hypotheses_after_the_watch_board() -> None:
    """The bundled corpus has an ACH question: the report shows it between the watch board
    and the Sources, one subsection per question nested in the section, with the scores,
    sensitivity and matrix of `vrmc ach` but not the rating notes; the hypotheses are H1,
    H2, ... unless --ids."""
    headings = report_headings()
    assert "Competing hypotheses" in headings
    assert (
        headings.index("At a glance")
        < headings.index("Watch board")
        < headings.index("Competing hypotheses")
        < headings.index("Sources")
    )
    out = invoke("report", "-f", "markdown").stdout
    contents = re.findall(r"^\d+\. (.+)$", out.split("## Contents")[1].split("\n## ")[0], re.M)
    assert contents[:3] == ["Key judgments at a glance", "At a glance", contents[2]]
    assert contents[-3:] == ["Watch board", "Competing hypotheses", "Sources"]
    section = out.split("\n## Competing hypotheses\n")[1].split("\n## ")[0]
    assert re.findall(r"^(#+) (.+)$", section, re.M)[:4] == [
        ("###", "Why did Russia not defend Maduro in January 2026?"),
        ("####", "Scores"),
        ("####", "Coverage"),
        ("####", "Matrix"),
    ]
    assert "**Sensitivity:**" in section and "| **H1** |" in section
    assert "h-treaty" not in section
    with_ids = invoke("report", "--ids", "-f", "markdown").stdout
    assert "| h-treaty |" in with_ids.split("\n## Competing hypotheses\n")[1].replace("`", "")
    assert "Ratings and notes" not in section
    note = json.loads(invoke("ach", "-f", "json").stdout)["questions"][0]["evidence"][0]
    assert next(iter(note["ratings"].values()))["note"] not in out


def test_report_ach_section_is_picked_by_sections_and_left_out_without_questions() -> None:
    assert "Competing hypotheses" not in report_headings("--sections", "briefings")
    assert report_headings("--sections", "ach,sources") == [
        "Contents",
        "Competing hypotheses",
        "Sources",
    ]
    # The fixture corpus has no questions: no section, not even an empty one.
    assert "Competing hypotheses" not in report_headings(corpus=B)
    assert "Competing hypotheses" not in invoke(*B, "report", "-f", "text").stdout
    assert json.loads(invoke(*B, "report", "-f", "json").stdout)["ach"] == []


@pytest.mark.parametrize("filters", [(), ("--since", "2026-01"), ("--theme", "us-policy")])
def test_report_json_ach_is_what_vrmc_ach_gives_under_the_same_filters(
    filters: tuple[str, ...],
) -> None:
    report = json.loads(invoke("report", *filters, "-f", "json").stdout)
    questions = json.loads(invoke("ach", *filters, "-f", "json").stdout)["questions"]
    assert report["ach"] == questions and questions
    # Every piece of evidence the section rates is in the report, its sources listed.
    events = {e["id"]: e for e in report["events"]}
    listed = {s["id"] for s in report["sources"]}
    for q in report["ach"]:
        for e in q["evidence"]:
            if e["kind"] == "event":
                assert set(events[e["id"]]["sources"]) <= listed, e["id"]
    if filters:  # the filters narrow the evidence, as they do for `vrmc ach`
        everything = json.loads(invoke("report", "-f", "json").stdout)["ach"][0]["evidence"]
        assert len(report["ach"][0]["evidence"]) < len(everything)


def test_report_ach_anchors_are_their_own_and_every_link_resolves() -> None:
    html = invoke("report", "-f", "html").stdout
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert '<h2 id="ach">Competing hypotheses</h2>' in html
    assert '<h3 id="ach-russia-maduro-2026">' in html
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(ids)


def test_report_edition_and_ids_options() -> None:
    """--edition names the editions when it gets another; --ids brings back the ids a
    report leaves out of its prose (JSON always has them)."""
    bad = invoke(*B, "report", "--edition", "short")
    assert bad.exit_code == 2 and "unknown edition 'short'" in bad.stderr
    assert "full, brief" in bad.stderr and bad.stdout == ""
    plain_text = invoke(*B, "report", "-f", "text").stdout
    with_ids = invoke(*B, "report", "--ids", "-f", "text").stdout
    assert "Id: fighter-deal" not in plain_text and "Id: fighter-deal" in with_ids
    assert "Ada Xávier ada-xavier" in with_ids and "ada-xavier" not in plain_text
    uncited = invoke(*B, "report", "--citations", "none", "-f", "text").stdout
    assert "Sources: yl-gazette" not in uncited and "fighter-deal" not in uncited
    brief = invoke(*B, "report", "--edition", "brief", "-f", "text").stdout
    assert "Likelihood (ICD 203" in brief and "Timeline\n" not in brief
    assert json.loads(invoke(*B, "report", "-f", "json").stdout)["events"][0]["id"]
