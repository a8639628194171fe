"""Living briefings: indicators as entries (`vrmc watch`), key judgments in one list
(`vrmc judgments`) and what changed between two versions of a corpus (`vrmc diff`)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURE, GOLDEN, check_golden, invoke, write_corpus

B = ("-b", str(FIXTURE))

# --------------------------------------------------------------------------- watch


def _board(root: str | None, *options: str) -> dict[str, dict[str, object]]:
    result = invoke(*(("-b", root) if root else ()), "watch", *options, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return {i["text"]: i for s in data["scenarios"] for i in s["indicators"]}


def test_watch_statuses_counts_and_days_since_to_as_of() -> None:
    board = _board(str(FIXTURE))
    assert board["New orders"]["status"] == "not seen"
    assert board["New orders"]["id"] is None  # a plain-text indicator stays valid
    deliveries = board["More fighters delivered"]
    assert deliveries["status"] == "seen"
    assert deliveries["signals"] == 1
    assert deliveries["latest"] == {
        "id": "deliveries",
        "date": "2006-11-30",
        "title": "Fighters delivered",
    }
    # From the event's last day (2008-08-03) to the corpus's as_of (2020-06-30), not today.
    assert deliveries["days_since"] == 4349
    assert deliveries["deadline"] == "2010-12-31"
    assert deliveries["counts"] == "A delivery confirmed by either government."
    assert board["Leaders keep meeting"]["days_since"] == 463
    assert board["Leaders keep meeting"]["horizon"] == "the 2020s"


def test_watch_since_limits_the_evidence_window_not_the_scenarios() -> None:
    board = _board(str(FIXTURE), "--since", "2010")
    assert board["More fighters delivered"]["status"] == "not seen"
    assert board["More fighters delivered"]["latest"] is None
    assert board["Leaders keep meeting"]["status"] == "seen"


def test_watch_text_says_how_days_are_counted_and_summarises_each_scenario() -> None:
    out = " ".join(invoke(*B, "watch", "-f", "text").stdout.split())
    assert "as-of date, 30 Jun 2020, not to today's date" in out
    assert "3 indicators: 2 seen, 0 contrary, 1 not seen" in out


def test_watch_csv_has_one_row_per_indicator() -> None:
    rows = list(csv.DictReader(io.StringIO(invoke(*B, "watch", "-f", "csv").stdout)))
    assert [(r["indicator"], r["status"], r["days_since"]) for r in rows] == [
        ("", "not seen", ""),
        ("more-deliveries", "seen", "4349"),
        ("summits-continue", "seen", "463"),
    ]


LIVE = {
    "topic.yaml": "version: 1\ntopic: {title: T, as_of: 2024-01-31}\n",
    "base.yaml": """\
version: 1
themes: [{id: th, title: Theme}]
scenarios:
  - id: sc
    title: Scenario
    summary: S.
    indicators:
      - {id: talks, text: Talks go on}
      - {id: troops, text: Troops arrive}
events:
  - id: e1
    date: 2024-01-10
    title: Talks held
    themes: [th]
    signals: [{indicator: talks, direction: for}]
  - id: e2
    date: 2024-01-20
    title: Talks broken off
    themes: [th]
    signals: [{indicator: talks, direction: against, note: walked out}]
""",
}


def test_the_latest_signal_decides_the_status(tmp_path: Path) -> None:
    board = _board(str(write_corpus(tmp_path, LIVE)))
    talks = board["Talks go on"]
    assert (talks["status"], talks["for"], talks["against"]) == ("contrary", 1, 1)
    assert talks["days_since"] == 11
    assert [e["direction"] for e in talks["events"]] == ["for", "against"]  # type: ignore[union-attr]
    assert board["Troops arrive"]["status"] == "not seen"
    early = _board(str(tmp_path), "--until", "2024-01-15")
    assert early["Talks go on"]["status"] == "seen"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("indicator: talks, direction: for", "indicator: tlaks, direction: for"),
            "events[0].signals[0].indicator: unknown indicator 'tlaks' (did you mean 'talks'?)",
        ),
        (("direction: for}", "direction: maybe}"), "direction: 'maybe' is not one of for, against"),
        (("id: troops", "id: talks"), "duplicate indicator id 'talks'"),
        (("text: Troops arrive", "txt: Troops arrive"), "unknown field 'txt'"),
    ],
)
def test_bad_indicators_and_signals_are_located(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    files = dict(LIVE)
    files["base.yaml"] = files["base.yaml"].replace(*change, 1)
    result = invoke("-b", str(write_corpus(tmp_path, files)), "watch")
    assert result.exit_code == 1
    assert "base.yaml:" in result.stderr and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_bundled_corpus_links_events_to_indicators() -> None:
    data = json.loads(invoke("watch", "-f", "json").stdout)
    indicators = [i for s in data["scenarios"] for i in s["indicators"]]
    assert all(i["id"] for i in indicators)
    seen = {i["id"]: i["status"] for i in indicators if i["signals"]}
    assert seen["friendly-russian-statements"] == "seen"
    assert seen["leader-contacts-q1-2026"] == "contrary"
    assert len(seen) >= 8


# --------------------------------------------------------------------------- judgments


LIKELIHOOD_ORDER = ["almost-certain", "very-likely", "likely", "roughly-even", "unlikely"]


def test_judgments_lists_every_key_judgment_with_its_basis() -> None:
    data = json.loads(invoke("judgments", "-f", "json").stdout)
    from vrmc_cli.corpus.roots import bundled_root, load_corpus

    corpus = load_corpus([bundled_root()], use_cache=False)
    assert len(data["judgments"]) == sum(len(b.key_judgments) for b in corpus.briefings)
    first = data["judgments"][0]
    assert first["briefing"] == corpus.briefings[0].id
    assert [e["id"] for e in first["basis_events"]] == [
        e.id for e in corpus.briefings[0].key_judgments[0].basis
    ]
    assert all({"date", "title"} <= set(e) for j in data["judgments"] for e in j["basis_events"])


@pytest.mark.parametrize(
    ("sort", "field", "order"),
    [
        ("likelihood", "likelihood", LIKELIHOOD_ORDER),
        ("confidence", "confidence", ["high", "moderate", "low"]),
    ],
)
def test_judgments_sort(sort: str, field: str, order: list[str]) -> None:
    data = json.loads(invoke("judgments", "--sort", sort, "-f", "json").stdout)
    ranks = [order.index(j[field]) if j[field] else len(order) for j in data["judgments"]]
    assert ranks == sorted(ranks) and len(set(ranks)) > 1


def test_judgments_filters_and_bad_sort() -> None:
    data = json.loads(invoke("judgments", "--country", "CN", "-f", "json").stdout)
    everything = json.loads(invoke("judgments", "-f", "json").stdout)
    assert 0 < len(data["judgments"]) < len(everything["judgments"])
    bad = invoke("judgments", "--sort", "likelyhood")
    assert bad.exit_code == 2
    assert "did you mean 'likelihood'?" in bad.stderr


# --------------------------------------------------------------------------- diff


def _git(repo: Path, *args: str) -> None:
    if shutil.which("git") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("git is needed for the diff tests")
        pytest.skip("git is not installed")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo),
    }
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


V1 = {
    "topic.yaml": "version: 1\ntopic: {title: Versions, as_of: 2024-06-01}\n",
    "corpus.yaml": """\
version: 1
themes: [{id: th, title: Theme}]
countries: [{code: XA, name: Xanadu}]
actors:
  - {id: ada, name: Ada, kind: person, country: XA}
  - {id: bob, name: Bob, kind: person}
sources:
  - {id: s1, title: First source}
events:
  - id: e1
    date: 2024-01-10
    title: Something happened
    themes: [th]
    actors: [ada]
    sources: [s1]
briefings:
  - id: b1
    title: Briefing
    summary: Bottom line.
    themes: [th]
    key_judgments:
      - {text: It will go on., likelihood: likely, basis: [e1]}
    sections:
      - {heading: Points, points: [A point.]}
""",
}


def _v2(files: dict[str, str]) -> dict[str, str]:
    text = files["corpus.yaml"]
    text = text.replace("date: 2024-01-10", "date: 2024-01-12")  # an event's date
    text = text.replace("  - {id: bob, name: Bob, kind: person}\n", "")  # an actor removed
    text = text.replace(  # a source added
        "  - {id: s1, title: First source}\n",
        "  - {id: s1, title: First source}\n  - {id: s2, title: Second source}\n",
    )
    text = text.replace("likelihood: likely", "likelihood: very-likely")  # a likelihood
    return {**files, "corpus.yaml": text}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose corpus folder has two tagged versions, v1 and v2."""
    root = tmp_path / "repo"
    corpus = root / "corpus"
    write_corpus(corpus, V1)
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "v1")
    _git(root, "tag", "v1")
    write_corpus(corpus, _v2(V1))
    _git(root, "commit", "-q", "-am", "v2")
    _git(root, "tag", "v2")
    return corpus


EXPECTED_KINDS = {
    "actors": {"added": [], "removed": [{"key": "bob", "label": "Bob"}], "changed": []},
    "events": {
        "added": [],
        "removed": [],
        "changed": [
            {
                "key": "e1",
                "label": "Something happened",
                "fields": [{"field": "date", "before": "2024-01-10", "after": "2024-01-12"}],
            }
        ],
    },
    "briefings": {
        "added": [],
        "removed": [],
        "changed": [
            {
                "key": "b1",
                "label": "Briefing",
                "fields": [
                    {
                        "field": "key_judgments[0].likelihood",
                        "before": "likely",
                        "after": "very-likely",
                    }
                ],
            }
        ],
    },
    "sources": {
        "added": [{"key": "s2", "label": "Second source"}],
        "removed": [],
        "changed": [],
    },
}


@pytest.mark.parametrize("revisions", [("v1", "v2"), ("v1",), ("HEAD~1",), ("HEAD~1", "HEAD")])
def test_diff_reports_exactly_the_changes_made(repo: Path, revisions: tuple[str, ...]) -> None:
    result = invoke("-b", str(repo), "diff", *revisions, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kinds"] == EXPECTED_KINDS
    assert [(n["what"], n["key"], n["before"], n["after"]) for n in data["notices"]] == [
        ("likelihood", "b1", "likely", "very-likely")
    ]


def test_diff_of_folders_and_new_events(tmp_path: Path) -> None:
    old = write_corpus(tmp_path / "old", V1)
    files = dict(V1)
    files["more.yaml"] = (
        "version: 1\nevents:\n  - {id: e2, date: 2024-03-01, title: Later, themes: [th]}\n"
    )
    new = write_corpus(tmp_path / "new", files)
    data = json.loads(invoke("diff", str(old), str(new), "-f", "json").stdout)
    assert data["kinds"]["events"]["added"] == [{"key": "e2", "label": "Later"}]
    assert data["notices"][0]["text"] == "new event 2024-03-01 Later e2"


def test_diff_shows_text_changes_as_word_diffs(tmp_path: Path) -> None:
    old = write_corpus(tmp_path / "old", V1)
    files = {**V1, "corpus.yaml": V1["corpus.yaml"].replace("It will go on.", "It will go on.")}
    files["corpus.yaml"] = files["corpus.yaml"].replace(
        "text: It will go on.", "text: It will surely go on."
    )
    new = write_corpus(tmp_path / "new", files)
    out = invoke("diff", str(old), str(new), "-f", "text").stdout
    assert "key_judgments[0].text: It will {+surely+} go on." in out
    assert "key judgment 1 of b1 reworded: It will {+surely+} go on." in out


def test_diff_errors(repo: Path, tmp_path: Path) -> None:
    unknown = invoke("-b", str(repo), "diff", "v3")
    assert unknown.exit_code == 2
    assert "unknown revision 'v3'" in unknown.stderr and "did you mean" in unknown.stderr
    outside = write_corpus(tmp_path / "plain", V1)
    result = invoke("-b", str(outside), "diff", "HEAD~1")
    assert result.exit_code == 2
    assert "not inside a git repository" in result.stderr
    assert "Traceback" not in result.stderr + unknown.stderr


def test_diff_reports_problems_of_an_old_revision_by_revision(repo: Path) -> None:
    root = repo.parent
    (repo / "corpus.yaml").write_text("version: 1\nevents: [{id: x}]\n", encoding="utf-8")
    _git(root, "commit", "-q", "-am", "broken")
    _git(root, "tag", "broken")
    write_corpus(repo, _v2(V1))
    result = invoke("-b", str(repo), "diff", "broken")
    assert result.exit_code == 1
    assert "broken:corpus/corpus.yaml:2:" in result.stderr, result.stderr


DIFF_EXTENSIONS = {
    "text": "txt",
    "rich": "rich.txt",
    "markdown": "md",
    "json": "json",
    "csv": "csv",
    "html": "html",
}


@pytest.mark.parametrize("fmt", sorted(DIFF_EXTENSIONS))
def test_diff_golden(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_goldens: bool
) -> None:
    shutil.copytree(FIXTURE, tmp_path / "new")
    shutil.copytree(FIXTURE, tmp_path / "old")
    events = tmp_path / "old" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    text = text.replace("summary: A deal for 24 jets.", "summary: A deal for 12 jets.")
    text = text.replace("    signals: [{indicator: summits-continue, direction: for}]\n", "")
    events.write_text(text, encoding="utf-8")
    briefings = tmp_path / "old" / "briefings.yaml"
    text = briefings.read_text(encoding="utf-8").replace(
        "likelihood: likely", "likelihood: unlikely"
    )
    briefings.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("diff", "old", "new", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    check_golden(GOLDEN / "diff" / f"{fmt}.{DIFF_EXTENSIONS[fmt]}", result.stdout, update_goldens)
    assert "\x1b" not in result.stdout


HOSTILE = "=cmd|' /C calc'!A0 [bold red]x[/] \x1b]0;PWN\x07 <script>"


@pytest.mark.parametrize("fmt", ["rich", "text", "markdown", "html", "csv", "json"])
@pytest.mark.parametrize("command", ["watch", "judgments", "diff"])
def test_hostile_text_is_never_markup_or_control(tmp_path: Path, command: str, fmt: str) -> None:
    quoted = json.dumps(HOSTILE)
    files = {
        "topic.yaml": "version: 1\ntopic: {title: T, as_of: 2024-01-31}\n",
        "base.yaml": LIVE["base.yaml"]
        .replace("text: Talks go on", f"text: {quoted}")
        .replace("title: Talks held", f"title: {quoted}")
        .replace("note: walked out", f"note: {quoted}")
        + "briefings:\n  - id: b\n    title: B\n    summary: S.\n    themes: [th]\n"
        f"    key_judgments: [{{text: {quoted}, likelihood: likely, basis: [e1]}}]\n"
        "    sections: [{heading: H, points: [P.]}]\n",
    }
    new = write_corpus(tmp_path / "new", files)
    old = write_corpus(tmp_path / "old", {**files, "base.yaml": LIVE["base.yaml"]})
    args = ("diff", str(old), str(new)) if command == "diff" else ("-b", str(new), command)
    result = invoke(*args, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out and "\x07" not in out
    if fmt in ("rich", "text"):
        # Shown as written; in a table cell it may wrap between its words (78-column text).
        assert "[bold red]x[/]" in " ".join(out.split()) or ("[bold" in out and "red]x[/]" in out)
    if fmt == "html":
        assert "<script>" not in out
    if fmt == "csv":
        assert "'=cmd" in out
        assert not any(cell.startswith("=") for row in csv.reader(io.StringIO(out)) for cell in row)
