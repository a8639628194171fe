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
from prose import PROSE, check_same_words
from vrmc_cli.analysis import ach
from vrmc_cli.core.dates import parse_date
from vrmc_cli.core.formats import Format
from vrmc_cli.corpus.model import Event, Hypothesis, Question, Rating, Source

# Corpora read, never changed by the cache: one warm cache for the session (conftest).
pytestmark = pytest.mark.usefixtures("warm_cache")

EXAMPLE = DATA / "ach"
DOC = Path(__file__).parent.parent / "docs" / "ach.md"
# The goldens: text, JSON and CSV (the prose formats carry the text golden's words).
EXTENSIONS = {"text": "txt", "json": "json", "csv": "csv"}


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
    relevances = {r["relevance"]: Fraction(r["weight"]) for r in doc_table("| relevance |")}
    assert relevances == {k or "none": v for k, v in ach.RELEVANCE_WEIGHT.items()}
    scale = {r["rating"]: r["inconsistency"] for r in doc_table("| rating | meaning |")}
    assert scale.pop("NA") == "excluded"
    assert {k: int(v) for k, v in scale.items()} == ach.INCONSISTENCY
    assert "min(1, best + 0.1 × (origins − 1)) × confidence weight" in DOC.read_text("utf-8")
    assert Fraction(1, 10) == ach.CORROBORATION


def _doc_weights() -> tuple[dict[str, Fraction], dict[str, Fraction], dict[str, Fraction]]:
    grades = {r["grade"]: Fraction(r["weight"]) for r in doc_table("| grade | weight |")}
    confidences = {r["confidence"]: Fraction(r["weight"]) for r in doc_table("| confidence |")}
    relevances = {r["relevance"]: Fraction(r["weight"]) for r in doc_table("| relevance |")}
    return grades, confidences, relevances


def _doc_effect(row: dict[str, str], h: str) -> Fraction:
    _, _, relevances = _doc_weights()
    step = {"CC": 0, "C": 0, "N": 0, "NA": 0, "–": 0, "I": 1, "II": 2}[row[h]]
    return Fraction(row["credibility"]) * relevances[row["relevance"]] * step


def test_the_worked_example_follows_from_its_tables() -> None:
    """The doc's credibility, diagnosticity, scores and lead changes, recomputed by hand
    from the doc's own tables and the formula it states."""
    grades, confidences, _ = _doc_weights()
    evidence = doc_table("| # | evidence |")
    assert len(evidence) == 7
    for row in evidence:
        best = max([grades[g] for g in row["grades"].split()] + [grades["none"]])
        bonus = Fraction(1, 10) * max(0, int(row["origins"]) - 1)
        reliability = min(Fraction(1), best + bonus)
        assert reliability * confidences[row["confidence"]] == Fraction(row["credibility"]), row
        effects = [_doc_effect(row, h) for h in ("h1", "h2", "h3")]
        assert max(effects) - min(effects) == Fraction(row["diagnosticity"]), row
    scores = doc_table("| hypothesis | I | II | score |")
    totals = {}
    for s in scores:
        h = s["hypothesis"]
        totals[h] = sum((_doc_effect(r, h) for r in evidence), Fraction(0))
        assert totals[h] == Fraction(s["score"]), h
        assert int(s["I"]) == sum(r[h] == "I" for r in evidence)
        assert int(s["II"]) == sum(r[h] == "II" for r in evidence)
    ordered = sorted(scores, key=lambda s: Fraction(s["score"]))
    assert [int(s["rank"]) for s in ordered] == [1, 2, 3]
    # Each documented lead change: the scores after it, from the table's own figures.
    for change in doc_table("| change | scores after |"):
        after = dict(totals)
        words = change["change"].split()
        row = evidence[int(words[-1 if words[0] == "removing" else 0].lstrip("#")) - 1]
        if words[0] == "removing":
            for h in after:
                after[h] -= _doc_effect(row, h)
        else:
            h, old, new = words[1], words[2], words[4]
            assert row[h] == old
            after[h] += _doc_effect({**row, h: new}, h) - _doc_effect(row, h)
        shown = dict(pair.split() for pair in change["scores after"].split(", "))
        assert {h: Fraction(v) for h, v in shown.items()} == after, change


def test_vrmc_ach_prints_the_documented_figures() -> None:
    data = json.loads(run("-f", "json"))["questions"][0]
    evidence = doc_table("| # | evidence |")
    for e, row in zip(data["evidence"], evidence, strict=True):
        assert Fraction(str(e["credibility"])) == Fraction(row["credibility"])
        assert Fraction(str(e["diagnosticity"])) == Fraction(row["diagnosticity"])
        assert e["diagnostic"] == (row["diagnosticity"] != "0")
        assert (e["relevance"] or "none") == row["relevance"]
        assert e["id"] is None or e["id"] == row["evidence"]
        for h in ("h1", "h2", "h3"):
            assert e["ratings"].get(h, {"rating": "–"})["rating"] == row[h]
    documented = {s["hypothesis"]: s for s in doc_table("| hypothesis | I | II | score |")}
    for h in data["hypotheses"]:
        row = documented[h["id"]]
        assert Fraction(str(h["score"])) == Fraction(row["score"])
        assert h["rank"] == int(row["rank"])
        assert (h["inconsistent"], h["very_inconsistent"]) == (int(row["I"]), int(row["II"]))
    assert data["ranking"] == ["h2", "h3", "h1"]
    coverage = {c["hypothesis"]: (c["rated"], c["applicable"]) for c in data["coverage"]}
    assert coverage == {"h1": (7, 7), "h2": (6, 7), "h3": (6, 6)}
    sens = data["sensitivity"]
    assert (sens["survives"], sens["changes"], sens["removals"]) == (10, 19, 4)
    words = {c["words"].split(": ")[0]: c["words"].split(": ")[1] for c in sens["lead_changes"]}
    for change in doc_table("| change | scores after |"):
        parts = change["change"].split()
        key = (
            change["change"]
            if parts[0] == "removing"
            else f"re-rating {parts[0]} against {parts[1]} from {parts[2]} to {parts[4]}"
        )
        assert words[key] == change["lead"], key
    # The sensitivity line quoted in the doc is what the text format prints.
    quoted = DOC.read_text(encoding="utf-8").split("```text\n")[-1].split("```")[0]
    assert quoted in run("-f", "text")
    assert [(d["evidence"], d["hypothesis"]) for d in data["disagreements"]] == [(3, "h2")]


# --------------------------------------------------------------------------- the findings


def _one_event(sources: tuple[Source, ...], rating: str = "I") -> ach.Evidence:
    q = Question("q", "Q?")
    hs = [Hypothesis("a", q, "A"), Hypothesis("b", q, "B")]
    event = Event(
        "e",
        parse_date("2020"),
        "E",
        (),
        sources=sources,
        consistency=(Rating("a", rating),),  # type: ignore[arg-type]
    )
    return ach.analyse(q, hs, [(event, None)]).evidence[0]


GRADES = st.sampled_from([None, "A", "B", "C", "D", "E", "F"])
ORIGINS = st.sampled_from([None, "o1", "o2", "o3"])


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.tuples(GRADES, ORIGINS), max_size=5), GRADES, ORIGINS)
def test_adding_a_source_never_lowers_credibility(
    sources: list[tuple[str | None, str | None]], grade: str | None, origin: str | None
) -> None:
    """The F-only item weighed 0.5 and dropped to 0.4 when a D source was added."""

    def made(pairs: list[tuple[str | None, str | None]]) -> list[Source]:
        return [
            Source(f"s{n}", "S", reliability=g, origin=o)  # type: ignore[arg-type]
            for n, (g, o) in enumerate(pairs)
        ]

    for confidence in (None, "low", "moderate", "high"):
        before = ach.credibility(made(sources), confidence)
        after = ach.credibility(made([*sources, (grade, origin)]), confidence)
        assert after >= before
    f_only = _one_event((Source("f", "F", reliability="F"),)).credibility
    with_d = _one_event(
        (Source("f", "F", reliability="F"), Source("d", "D", reliability="D"))
    ).credibility
    assert with_d > f_only


def test_independent_origins_raise_credibility_up_to_one() -> None:
    c = Source("c", "C", reliability="C")
    wire = [Source(f"w{n}", "W", reliability="C", origin="Reuters") for n in range(3)]
    assert ach.independent_origins(wire) == 1
    assert ach.credibility(wire, "high") == Fraction(3, 5)
    assert ach.credibility([*wire, Source("own", "O", reliability="C")], "high") == Fraction(7, 10)
    assert ach.credibility([c], "high", origins=1) == Fraction(3, 5)
    assert ach.credibility([c], "high", origins=3) == Fraction(4, 5)
    assert ach.credibility([c], "high", origins=9) == 1
    assert ach.credibility([], None) == Fraction(3, 20)


def test_diagnosticity_is_the_spread_of_the_scores_not_a_difference_of_letters() -> None:
    """C against CC moves no score: it was marked diagnostic."""
    q = Question("q", "Q?")
    hs = [Hypothesis("a", q, "A"), Hypothesis("b", q, "B")]
    event = Event(
        "e",
        parse_date("2020"),
        "E",
        (),
        consistency=(Rating("a", "C"), Rating("b", "CC")),
    )
    e = ach.analyse(q, hs, [(event, None)]).evidence[0]
    assert e.diagnosticity == 0 and not e.diagnostic
    text = run("-f", "text")
    assert "0 (none)" in text


def test_not_applicable_is_left_out_and_is_not_neutral() -> None:
    data = json.loads(run("-f", "json"))["questions"][0]
    h3 = next(c for c in data["coverage"] if c["hypothesis"] == "h3")
    assert (h3["rated"], h3["applicable"], h3["not_applicable"], h3["neutral"]) == (6, 6, 1, 2)
    # NA is never re-rated: no lead change or count involves row 1 against h3.
    assert not any(
        c["evidence"] == 1 and c["hypothesis"] == "h3" for c in data["sensitivity"]["lead_changes"]
    )


def test_relevance_weighs_the_effects() -> None:
    data = json.loads(run("-f", "json"))["questions"][0]
    envoy = data["evidence"][2]
    assert (envoy["relevance"], envoy["relevance_weight"]) == ("high", 1.5)
    assert envoy["diagnosticity"] == 0.675


def _matrix(
    rows: list[dict[str, str]], hypotheses: tuple[str, ...] = ("a", "b", "c")
) -> ach.Analysis:
    q = Question("q", "Q?")
    hs = [Hypothesis(h, q, h) for h in hypotheses]
    events = [
        (
            Event(
                f"e{n}",
                parse_date("2020"),
                f"E{n}",
                (),
                sources=(Source("s", "S", reliability="A"),),
                confidence="high",
                consistency=tuple(Rating(h, r) for h, r in row.items()),  # type: ignore[arg-type]
            ),
            None,
        )
        for n, row in enumerate(rows, 1)
    ]
    return ach.analyse(q, hs, events)


def test_a_removal_that_only_ties_says_so() -> None:
    """Removing #5 only tied h-washington with the leader, and was worded as changing the
    lead."""
    a = _matrix([{"a": "I"}, {"b": "I"}, {"b": "I"}, {"c": "II"}])
    s = a.sensitivity
    texts = [f"{ach.change_words(c)}: {ach.outcome(c, s.leaders)}" for c in s.lead_changes]
    assert "removing #2: ties a with b" in texts
    assert "re-rating #1 against a from I to II: ties a with b and c" in texts
    assert "removing #4: c would lead" in texts
    assert "re-rating #4 against c from II to I: ties a with c" in texts
    assert (
        ach.robustness(s) == f"the leader, a, survives {s.survives} of {s.changes} single changes"
    )


def test_one_step_re_ratings_are_tested_not_only_removals() -> None:
    a = _matrix([{"a": "N", "b": "I"}, {"a": "C", "b": "C"}])
    s = a.sensitivity
    # Removing #1, a N -> I and b I -> N each tie a with b; b I -> II changes no lead.
    kinds = {(c.removal, c.hypothesis.id if c.hypothesis else None) for c in s.lead_changes}
    assert (False, "a") in kinds and (True, None) in kinds
    assert (s.changes, s.removals, s.survives) == (4, 1, 1)


MATRICES = st.lists(
    st.dictionaries(
        st.sampled_from("abcd"), st.sampled_from(["CC", "C", "N", "NA", "I", "II"]), min_size=1
    ),
    min_size=1,
    max_size=7,
)


@settings(max_examples=examples(60), deadline=None)
@given(MATRICES)
def test_the_lead_after_every_single_change_matches_a_recomputation(
    rows: list[dict[str, str]],
) -> None:
    """The incremental sensitivity test against recomputing the whole matrix per change."""
    a = _matrix(rows, tuple("abcd"))
    found = {
        (c.evidence.number, c.hypothesis.id if c.hypothesis else None, c.after): tuple(
            h.id for h in c.leaders
        )
        for c in a.sensitivity.lead_changes
    }
    leaders = tuple(h.id for h in a.sensitivity.leaders)
    expected: dict[tuple[int, str | None, str | None], tuple[str, ...]] = {}
    changes = 0
    for n in range(len(rows)):
        rest = rows[:n] + rows[n + 1 :]
        options: list[tuple[str | None, str | None, list[dict[str, str]]]] = [(None, None, rest)]
        for h, r in rows[n].items():
            if r == "NA":
                continue
            i = ach.STEPS.index(r)
            for j in (i - 1, i + 1):
                if 0 <= j < 5:
                    options.append(
                        (
                            h,
                            ach.STEPS[j],
                            [*rows[:n], {**rows[n], h: ach.STEPS[j]}, *rows[n + 1 :]],
                        )
                    )
        before = {s.hypothesis.id: s.score for s in a.scores}
        for h, to, changed in options:
            b = _matrix(changed, tuple("abcd"))
            after = {s.hypothesis.id: s.score for s in b.scores}
            if after == before:
                continue
            changes += 1
            now = tuple(x for x in "abcd" if after[x] == min(after.values()))
            if now != leaders:
                expected[(n + 1, h, to)] = now
    assert found == expected
    assert a.sensitivity.changes == changes


def test_coverage_warns_of_an_under_tested_hypothesis() -> None:
    """h-capacity was rated on 5 of 24 items and h-treaty on 6, invisibly."""
    a = _matrix([{"a": "C", "b": "I"}, {"b": "C"}, {"b": "CC"}, {"b": "N", "c": "NA"}])
    cov = {c.hypothesis.id: c for c in a.coverage}
    assert cov["a"].under_tested and (cov["a"].rated, cov["a"].applicable) == (1, 4)
    assert not cov["b"].under_tested
    assert cov["c"].applicable == 3 and cov["c"].under_tested


def test_the_coverage_warning_is_printed(tmp_path: Path) -> None:
    events = "".join(
        f"  - id: e{n}\n    date: 2020\n    title: E{n}\n    themes: [t]\n"
        f"    consistency: {{{ratings}}}\n"
        for n, ratings in enumerate(["h-one: C, h-two: I", "h-two: C", "h-two: CC"], 1)
    )
    root = write_corpus(
        tmp_path / "c",
        {
            "a.yaml": "version: 1\nthemes:\n  - id: t\n    title: T\n"
            "questions:\n  - id: q\n    text: Why?\n"
            "hypotheses:\n  - id: h-one\n    question: q\n    statement: One.\n"
            "  - id: h-two\n    question: q\n    statement: Two.\n"
            f"events:\n{events}"
        },
    )
    text = " ".join(run("-f", "text", corpus=root).split())
    assert (
        "Warning: h-one is under-tested: rated against 1 of the 3 items that apply to it, "
        "none of them inconsistent." in text
    )
    assert "h-two is under-tested" not in text


def test_analysts_who_differ_by_two_steps_are_listed(tmp_path: Path) -> None:
    text = run("-f", "text")
    assert "Analysts: ana, ben. 1 rating where they differ by two steps or more" in text
    assert "ana CC, ben N" in text
    q = Question("q", "Q?")
    hs = [Hypothesis("a", q, "A")]
    close = Event(
        "e",
        parse_date("2020"),
        "E",
        (),
        consistency=(Rating("a", "C", analyst="x", analysts=(("y", "N"), ("z", "NA"))),),
    )
    assert ach.analyse(q, hs, [(close, None)]).disagreements == ()


def test_ratings_with_analysts_load_and_are_checked(tmp_path: Path) -> None:
    err = corpus_with(tmp_path, "{h-one: {rating: C, analysts: {bo: X}}}")
    assert "events[0].consistency.h-one.analysts.bo: 'X' is not one of" in err


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
        hypothesis, inconsistency = rows[0].index("hypothesis"), rows[0].index("inconsistency")
        for row in rows[1:]:
            h = row[hypothesis]
            totals[h] = totals.get(h, Fraction(0)) + Fraction(row[inconsistency])
        assert totals == {"h1": Fraction("0.825"), "h2": Fraction("0.4"), "h3": Fraction("0.5")}


PROSE_CASES = [(case, fmt) for case in ("ach", "ach-notes", "report-ach") for fmt in PROSE]


@pytest.mark.parametrize(
    ("case", "fmt"), PROSE_CASES, ids=[f"{c}-{f.value}" for c, f in PROSE_CASES]
)
def test_prose_formats_carry_the_words_of_the_text_golden(case: str, fmt: Format) -> None:
    """Rich, Markdown, HTML and Word show what the text golden shows (tests/prose.py)."""
    args = {"ach": ["ach"], "ach-notes": ["ach", "--notes"], "report-ach": ["report"]}[case]
    golden = (GOLDEN / case / "text.txt").read_text(encoding="utf-8")
    output = check_same_words(["-b", str(EXAMPLE), *args], golden, fmt)
    if fmt is Format.html:
        assert isinstance(output, str)
        HTMLParser().feed(output)
        assert output.startswith("<!DOCTYPE html>") and "<script" not in output
        if case == "report-ach":
            assert '<h3 id="ach-yland-navy">' in output


REPORT_FORMATS = ("text", "json")


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_report_golden(fmt: str, update_goldens: bool) -> None:
    """The report of the worked example: its "Competing hypotheses" section (and the
    report's "ach" key) shows what `vrmc ach` shows, nested one level deeper."""
    result = invoke("-b", str(EXAMPLE), "report", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    check_golden(GOLDEN / "report-ach" / f"{fmt}.{EXTENSIONS[fmt]}", result.stdout, update_goldens)
    if fmt == "json":
        assert json.loads(result.stdout)["ach"] == json.loads(run("-f", "json"))["questions"]


def test_notes_are_shown_only_with_the_flag() -> None:
    note = "A promise is what this hypothesis denies."
    assert note not in run("-f", "text")
    assert note in run("-f", "text", "--notes")
    assert note in run("-f", "json")


# --------------------------------------------------------------------------- filters, arguments


def test_filters_select_the_evidence_and_the_scores_follow() -> None:
    data = json.loads(run("--since", "2026-01-08", "-f", "json"))["questions"][0]
    events = [e["id"] for e in data["evidence"] if e["kind"] == "event"]
    assert events == ["yland-condemns", "convoy-report", "promise-rumour"]
    # Points have no dates: a date filter keeps them, as it does everywhere.
    assert [e["kind"] for e in data["evidence"]] == ["event", "event", "event", "point"]
    scores = {h["id"]: h["score"] for h in data["hypotheses"]}
    assert scores == {"h1": 0.15, "h2": 0.4, "h3": 0.5}
    themed = json.loads(run("--theme", "navy", "-f", "json"))["questions"][0]
    assert [e["id"] for e in themed["evidence"]] == ["fleet-north"]
    # Nothing is inconsistent with anything: only re-rating h2 from N to I moves a score.
    assert themed["sensitivity"]["changes"] == 1
    text = " ".join(run("--theme", "navy", "-f", "text").split())
    assert "the tie for the lead (h1, h2 and h3) survives 0 of 1 single changes" in text
    assert "h2 N → I: h1 and h3 would tie for the lead" in text


def test_a_question_by_id_or_prefix_and_unknown_ones() -> None:
    assert run("yland-navy", "-f", "json") == run("yl", "-f", "json")
    # (`yland-navi` now finds it: name look-ups fold spelling variants such as i and y.)
    bad = invoke("-b", str(EXAMPLE), "ach", "yland-novy")
    assert bad.exit_code == 2
    assert "unknown question 'yland-novy'" in bad.stderr and "yland-navy" in bad.stderr


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
        .replace("      h2: N\n      h3: {", "      h2: N\n      k2: II\n      h3: {"),
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
    assert (
        "a.yaml:17:19: events[0].consistency: unknown hypothesis 'h-on' (did you mean 'h-one'?)"
        in err
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{h-one: X}", "events[0].consistency.h-one: 'X' is not one of CC, C, N, NA, I, II"),
        ("{h-one: {note: why}}", "events[0].consistency.h-one: missing required field 'rating'"),
        ("{h-one: {rating: C, nots: x}}", "unknown field 'nots' (did you mean 'note'?)"),
        ("{h-one: }", "events[0].consistency.h-one: needs a rating, one of CC, C, N, NA, I, II"),
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
        "h3": {
            "rating": "NA",
            "note": "Where the fleet sailed says nothing of what the treaty promised.",
        },
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


RATINGS = st.sampled_from(["CC", "C", "N", "NA", "I", "II"])
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
    # h-capacity and h-treaty were rated on 5 and 6 of 24 items, all C or CC, invisibly.
    coverage = {c["hypothesis"]: c for c in question["coverage"]}
    for h in ("h-capacity", "h-treaty"):
        assert not coverage[h]["under_tested"], h
        assert coverage[h]["rated"] >= 12, h
    # The output says how robust the lead is, and which single changes would alter it.
    sens = question["sensitivity"]
    assert sens["leaders"] == ["h-capacity", "h-treaty", "h-washington"]
    assert sens["summary"] == (
        "the tie for the lead (h-capacity, h-treaty and h-washington) survives "
        f"{sens['survives']} of {sens['changes']} single changes"
    )
    assert len(sens["lead_changes"]) == sens["changes"] - sens["survives"] > 0
    text = " ".join(invoke("ach", "-f", "text").stdout.split())
    assert sens["summary"] in text


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
        # Who gave a rating, and the other analysts' ratings of the same pair (docs/ach.md
        # "Analysts"): the example's only such pair is envoy-to-zed against h2.
        assert db.execute(
            "SELECT id, hypothesis, rating, analyst FROM events_consistency"
            " WHERE analyst IS NOT NULL"
        ).fetchall() == [("envoy-to-zed", "h2", "CC", "ana")]
        assert db.execute("SELECT * FROM events_consistency_analysts").fetchall() == [
            ("envoy-to-zed", "h2", "ben", "N")
        ]
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
