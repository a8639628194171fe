"""vrmc ach: the worked example of docs/ach.md, goldens, validation and the bundled question."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, GOLDEN, check_golden, examples, invoke, write_corpus
from vrmc_cli.analysis import ach
from vrmc_cli.core.dates import parse_date
from vrmc_cli.corpus.model import Event, Hypothesis, Question, Rating, Source

EXAMPLE = DATA / "ach"
DOC = Path(__file__).parent.parent / "docs" / "ach.md"
EXTENSIONS = {
    "text": "txt",
    "rich": "rich.txt",
    "markdown": "md",
    "json": "json",
    "csv": "csv",
    "html": "html",
}


def run(*args: str, corpus: Path = EXAMPLE) -> str:
    result = invoke("-b", str(corpus), "ach", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def doc_table(header: str) -> list[dict[str, str]]:
    """The rows of the table in docs/ach.md whose header row starts with `header`."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    names = [c.strip() for c in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        rows.append(dict(zip(names, cells, strict=True)))
    return rows


# --------------------------------------------------------------------------- the worked example


def test_the_documented_weights_are_the_weights_used() -> None:
    grades = {r["grade"]: Fraction(r["weight"]) for r in doc_table("| grade | weight |")}
    assert grades.pop("none") == ach.UNGRADED_WEIGHT
    assert grades == ach.RELIABILITY_WEIGHT
    confidences = {r["confidence"]: Fraction(r["weight"]) for r in doc_table("| confidence |")}
    assert confidences.pop("none") == ach.CONFIDENCE_WEIGHT[None]
    assert confidences == {k: v for k, v in ach.CONFIDENCE_WEIGHT.items() if k}
    scale = {r["rating"]: int(r["inconsistency"]) for r in doc_table("| rating | meaning |")}
    assert scale == ach.INCONSISTENCY


def test_the_worked_example_scores_follow_from_its_table() -> None:
    """The doc's scores, recomputed by hand from the doc's own evidence table and weights."""
    grades = {r["grade"]: Fraction(r["weight"]) for r in doc_table("| grade | weight |")}
    confidences = {r["confidence"]: Fraction(r["weight"]) for r in doc_table("| confidence |")}
    scale = {r["rating"]: int(r["inconsistency"]) for r in doc_table("| rating | meaning |")}
    evidence = doc_table("| # | evidence |")
    assert len(evidence) == 6
    for row in evidence:
        weight = grades[row["best grade"]] * confidences[row["confidence"]]
        assert weight == Fraction(row["credibility"]), row
    scores = doc_table("| hypothesis | I | II | score |")
    for s in scores:
        h = s["hypothesis"]
        total = sum(Fraction(r["credibility"]) * scale[r[h]] for r in evidence)
        assert total == Fraction(s["score"]), h
        assert int(s["I"]) == sum(r[h] == "I" for r in evidence)
        assert int(s["II"]) == sum(r[h] == "II" for r in evidence)
    ordered = sorted(scores, key=lambda s: Fraction(s["score"]))
    assert [int(s["rank"]) for s in ordered] == [1, 2, 3]


def test_vrmc_ach_prints_the_documented_figures() -> None:
    data = json.loads(run("-f", "json"))["questions"][0]
    evidence = doc_table("| # | evidence |")
    assert [Fraction(str(e["credibility"])) for e in data["evidence"]] == [
        Fraction(r["credibility"]) for r in evidence
    ]
    assert [e["diagnostic"] for e in data["evidence"]] == [
        len({r["h1"], r["h2"], r["h3"]}) > 1 for r in evidence
    ]
    for e, row in zip(data["evidence"], evidence, strict=True):
        for h in ("h1", "h2", "h3"):
            assert e["ratings"].get(h, {"rating": "N"})["rating"] == row[h]
    documented = {s["hypothesis"]: s for s in doc_table("| hypothesis | I | II | score |")}
    for h in data["hypotheses"]:
        row = documented[h["id"]]
        assert Fraction(str(h["score"])) == Fraction(row["score"])
        assert h["rank"] == int(row["rank"])
        assert (h["inconsistent"], h["very_inconsistent"]) == (int(row["I"]), int(row["II"]))
    assert data["ranking"] == ["h2", "h1", "h3"]
    assert data["sensitivity"]["evidence"] == 6 and data["sensitivity"]["others"] == 1
    assert data["sensitivity"]["changes_lead"] is False
    # The sensitivity line quoted in the doc is what the text format prints.
    quoted = DOC.read_text(encoding="utf-8").split("```text\n")[-1].split("```")[0]
    assert quoted in run("-f", "text")


# --------------------------------------------------------------------------- goldens

CASES = [(case, fmt) for case in ("ach", "ach-notes") for fmt in EXTENSIONS]


@pytest.mark.parametrize(("case", "fmt"), CASES, ids=[f"{c}-{f}" for c, f in CASES])
def test_golden(case: str, fmt: str, update_goldens: bool) -> None:
    extra = ("--notes",) if case == "ach-notes" else ()
    output = run(*extra, "--format", fmt)
    check_golden(GOLDEN / case / f"{fmt}.{EXTENSIONS[fmt]}", output, update_goldens)
    assert "\x1b" not in output
    if fmt == "json":
        json.loads(output)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(output)))
        assert len({len(r) for r in rows}) == 1
        # One row per written rating; summing `inconsistency` per hypothesis gives the score.
        totals: dict[str, Fraction] = {}
        for row in rows[1:]:
            totals[row[9]] = totals.get(row[9], Fraction(0)) + Fraction(row[11])
        assert totals == {"h1": Fraction("0.825"), "h2": Fraction("0.1"), "h3": Fraction("0.95")}
    elif fmt == "html":
        HTMLParser().feed(output)
        assert output.startswith("<!DOCTYPE html>") and "<script" not in output


REPORT_FORMATS = ("text", "markdown", "html", "json")


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_report_golden(fmt: str, update_goldens: bool) -> None:
    """The report of the worked example: its "Competing hypotheses" section (and the
    report's "ach" key) shows what `vrmc ach` shows, nested one level deeper."""
    result = invoke("-b", str(EXAMPLE), "report", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    check_golden(GOLDEN / "report-ach" / f"{fmt}.{EXTENSIONS[fmt]}", result.stdout, update_goldens)
    if fmt == "json":
        assert json.loads(result.stdout)["ach"] == json.loads(run("-f", "json"))["questions"]
    elif fmt == "html":
        HTMLParser().feed(result.stdout)
        assert '<h3 id="ach-yland-navy">' in result.stdout


def test_notes_are_shown_only_with_the_flag() -> None:
    note = "A promise is what this hypothesis denies."
    assert note not in run("-f", "text")
    assert note in run("-f", "text", "--notes")
    assert note in run("-f", "json")


# --------------------------------------------------------------------------- filters, arguments


def test_filters_select_the_evidence_and_the_scores_follow() -> None:
    data = json.loads(run("--since", "2026-01-08", "-f", "json"))["questions"][0]
    events = [e["id"] for e in data["evidence"] if e["kind"] == "event"]
    assert events == ["yland-condemns", "promise-rumour"]
    # Points have no dates: a date filter keeps them, as it does everywhere.
    assert [e["kind"] for e in data["evidence"]] == ["event", "event", "point"]
    scores = {h["id"]: h["score"] for h in data["hypotheses"]}
    assert scores == {"h1": 0.375, "h2": 0.1, "h3": 0.95}
    themed = json.loads(run("--theme", "navy", "-f", "json"))["questions"][0]
    assert [e["id"] for e in themed["evidence"]] == ["fleet-north"]
    assert themed["sensitivity"] is None
    text = " ".join(run("--theme", "navy", "-f", "text").split())
    assert "removing any single piece of evidence leaves the ranking as it is" in text


def test_a_question_by_id_or_prefix_and_unknown_ones() -> None:
    assert run("yland-navy", "-f", "json") == run("yl", "-f", "json")
    bad = invoke("-b", str(EXAMPLE), "ach", "yland-navi")
    assert bad.exit_code == 2
    assert "unknown question 'yland-navi'" in bad.stderr and "yland-navy" in bad.stderr


def test_a_corpus_without_questions_says_so() -> None:
    result = invoke("-b", str(DATA / "corpus"), "ach", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"questions": []}
    assert "the corpus has no ACH questions" in result.stderr


def test_several_questions_each_get_their_own_matrix(tmp_path: Path) -> None:
    extra = (
        "version: 1\nquestions:\n  - id: second\n    text: Another question?\n"
        "hypotheses:\n  - id: k1\n    question: second\n    statement: One.\n"
        "  - id: k2\n    question: second\n    statement: Two.\n"
    )
    root = tmp_path / "c"
    root.mkdir()
    (root / "ach.yaml").write_text(
        (EXAMPLE / "ach.yaml")
        .read_text(encoding="utf-8")
        .replace("      h2: N\n      h3: N\n", "      h2: N\n      h3: N\n      k2: II\n"),
        encoding="utf-8",
    )
    (root / "more.yaml").write_text(extra, encoding="utf-8")
    data = json.loads(run("-f", "json", corpus=root))["questions"]
    assert [q["id"] for q in data] == ["yland-navy", "second"]
    assert [e["id"] for e in data[1]["evidence"]] == ["fleet-north"]
    assert [h["score"] for h in data[1]["hypotheses"]] == [0, 2]
    assert "k2" not in data[0]["evidence"][0]["ratings"]
    # The report gives each question its own subsection, in corpus order.
    report = invoke("-b", str(root), "report", "-f", "markdown").stdout
    section = report.split("\n## Competing hypotheses\n")[1]
    assert re.findall(r"^### (.+)$", section, re.M) == [
        "Why did Yland not send its navy to defend Xanadu?",
        "Another question?",
    ]


# --------------------------------------------------------------------------- validation


def corpus_with(tmp_path: Path, consistency: str, hypotheses: str = "") -> str:
    root = write_corpus(
        tmp_path / "bad",
        {
            "a.yaml": (
                "version: 1\nthemes:\n  - id: t\n    title: T\n"
                "questions:\n  - id: q\n    text: Why?\n"
                "hypotheses:\n  - id: h-one\n    question: q\n    statement: One.\n"
                f"{hypotheses}"
                "events:\n  - id: e\n    date: 2020\n    title: E\n    themes: [t]\n"
                f"    consistency: {consistency}\n"
            )
        },
    )
    result = invoke("-b", str(root), "validate")
    assert result.exit_code == 1
    return result.stderr


def test_an_unknown_hypothesis_is_located_with_the_closest_id(tmp_path: Path) -> None:
    err = corpus_with(tmp_path, "{h-on: C}")
    assert "a.yaml:17:19: consistency: unknown hypothesis 'h-on' (did you mean 'h-one'?)" in err


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{h-one: X}", "events[0].consistency.h-one: 'X' is not one of CC, C, N, I, II"),
        ("{h-one: {note: why}}", "events[0].consistency.h-one: missing required field 'rating'"),
        ("{h-one: {rating: C, nots: x}}", "unknown field 'nots' (did you mean 'note'?)"),
        ("{h-one: }", "events[0].consistency.h-one: needs a rating, one of CC, C, N, I, II"),
        ("{h-one: C, h-one: I}", "duplicate key 'h-one'"),
        ("[h-one]", "events[0].consistency: expected a mapping, got a list"),
        ("{H1: C}", "'H1' is not a valid hypothesis id"),
        ("{h-one: {rating: C, note: ''}}", "events[0].consistency.h-one.note: must not be empty"),
    ],
)
def test_bad_ratings_are_reported_precisely(tmp_path: Path, value: str, message: str) -> None:
    assert message in corpus_with(tmp_path, value)


def test_a_hypothesis_names_a_known_question_and_scenario(tmp_path: Path) -> None:
    err = corpus_with(
        tmp_path,
        "{h-one: C}",
        "  - id: h-two\n    question: qq\n    statement: Two.\n    scenario: nowhere\n",
    )
    assert "question: unknown question 'qq' (did you mean 'q'?)" in err
    assert "scenario: unknown scenario 'nowhere'" in err


def test_ratings_reach_the_json_of_events() -> None:
    timeline = json.loads(invoke("-b", str(EXAMPLE), "timeline", "-f", "json").stdout)
    first = timeline["events"][0]
    assert first["consistency"] == {
        "h1": {"rating": "CC", "note": "The fleet was away when Xanadu was attacked."},
        "h2": {"rating": "N", "note": None},
        "h3": {"rating": "N", "note": None},
    }


# --------------------------------------------------------------------------- the algebra


def _evidence(ratings: list[tuple[str, str, str]]) -> list[ach.Evidence]:
    out = []
    for n, (grade, rating1, rating2) in enumerate(ratings, 1):
        source = Source(f"s{n}", "S", reliability=grade)  # type: ignore[arg-type]
        event = Event(
            f"e{n}",
            parse_date("2020"),
            "E",
            (),
            sources=(source,),
            consistency=(Rating("a", rating1), Rating("b", rating2)),  # type: ignore[arg-type]
        )
        out.append(event)
    q = Question("q", "Q?")
    hs = [Hypothesis("a", q, "A"), Hypothesis("b", q, "B")]
    return list(ach.analyse(q, hs, [(e, None) for e in out]).evidence)


RATINGS = st.sampled_from(["CC", "C", "N", "I", "II"])
ROWS = st.lists(st.tuples(st.sampled_from("ABCDEF"), RATINGS, RATINGS), max_size=8)


@settings(max_examples=examples(60))
@given(ROWS, st.randoms())
def test_scores_do_not_depend_on_evidence_order(
    rows: list[tuple[str, str, str]], rnd: random.Random
) -> None:
    q = Question("q", "Q?")
    hs = [Hypothesis("a", q, "A"), Hypothesis("b", q, "B")]
    evidence = _evidence(rows)
    shuffled = list(evidence)
    rnd.shuffle(shuffled)
    first = {s.hypothesis.id: s.score for s in ach.scores_of(hs, evidence)}
    again = {s.hypothesis.id: s.score for s in ach.scores_of(hs, shuffled)}
    assert first == again
    assert all(v >= 0 for v in first.values())
    # Evidence without diagnostic value moves every score by the same amount: never the
    # difference between two hypotheses.
    kept = [e for e in evidence if e.diagnostic]
    less = {s.hypothesis.id: s.score for s in ach.scores_of(hs, kept)}
    assert first["a"] - first["b"] == less["a"] - less["b"]


# --------------------------------------------------------------------------- the bundled corpus


def test_the_bundled_question_is_rated_and_justified() -> None:
    data = json.loads(invoke("ach", "-f", "json").stdout)["questions"]
    assert [q["id"] for q in data] == ["russia-maduro-2026"]
    question = data[0]
    assert len(question["hypotheses"]) >= 4
    assert len(question["evidence"]) >= 20
    for e in question["evidence"]:
        for h, r in e["ratings"].items():
            assert r["note"] and len(r["note"]) > 30, (e["id"], h)
    assert any(not e["diagnostic"] for e in question["evidence"])
    ranking = question["ranking"]
    assert ranking[-1] == "h-surprise"


def test_every_rated_event_says_what_was_read_for_its_ratings() -> None:
    import yaml

    from test_bundled_corpus import bundled_root

    for path in sorted(Path(bundled_root()).rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for event in data.get("events") or ():
            if "consistency" in event:
                assert re.search(r"\bACH\b", event["x-audit"]["note"]), event["id"]


@pytest.mark.parametrize(
    "filters",
    [{}, {"since": "2026-01-05"}, {"until": "2025-12"}, {"actor": ("sergei-lavrov",)}],
)
def test_the_selection_is_what_every_format_shows(filters: dict[str, object]) -> None:
    from test_bundled_corpus import bundled_root
    from vrmc_cli.commands import invoke as run_command
    from vrmc_cli.core.formats import Format
    from vrmc_cli.corpus.roots import load_corpus
    from vrmc_cli.render import Options, render

    corpus = load_corpus([bundled_root()], use_cache=False)
    result = run_command("ach", corpus, **filters)
    selected = [e.id for e in result.selection["events"]]
    data = json.loads(render(Format.json, result, Options()))["questions"][0]
    assert [e["id"] for e in data["evidence"] if e["kind"] == "event"] == selected
    rows = list(csv.reader(io.StringIO(render(Format.csv, result, Options()))))
    assert list(dict.fromkeys(r[3] for r in rows[1:])) == selected
    shown = render(Format.markdown, result, Options())
    for event in corpus.events:
        if event.consistency:
            assert (event.title in shown) == (event.id in selected), event.id


def test_ratings_read_alike_in_a_file_with_anchors(tmp_path: Path) -> None:
    """An `&` anywhere makes the reader track aliases: rating keys must not count as ones."""
    text = (EXAMPLE / "ach.yaml").read_text(encoding="utf-8")
    root = write_corpus(tmp_path / "amp", {"ach.yaml": text + "x-note: Yland & Xanadu\n"})
    assert run("-f", "json", corpus=root) == run("-f", "json")


def test_the_sqlite_export_holds_questions_hypotheses_and_ratings(tmp_path: Path) -> None:
    import sqlite3

    target = tmp_path / "ach.db"
    result = invoke("-b", str(EXAMPLE), "export", "sqlite", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    db = sqlite3.connect(target)
    try:
        assert db.execute("SELECT id, question FROM hypotheses").fetchall() == [
            ("h1", "yland-navy"),
            ("h2", "yland-navy"),
            ("h3", "yland-navy"),
        ]
        rows = db.execute(
            "SELECT hypothesis, rating, note FROM events_consistency WHERE id = 'promise-rumour'"
        ).fetchall()
        assert rows == [
            ("h1", "N", None),
            ("h2", "I", None),
            ("h3", "II", "A promise is what this hypothesis denies."),
        ]
        assert db.execute("SELECT count(*) FROM briefings_sections_points_consistency").fetchone()
    finally:
        db.close()


def test_the_schema_accepts_both_forms_of_a_rating_and_refuses_others() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads(invoke("schema").stdout)
    document = yaml.safe_load((EXAMPLE / "ach.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    document["events"][0]["consistency"]["h2"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
