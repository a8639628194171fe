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
from prose import PROSE, check_same_words
from vrmc_cli.core.formats import Format

# Corpora read, never changed by the cache: one warm cache for the session (conftest).
pytestmark = pytest.mark.usefixtures("warm_cache")

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
    assert [(x["id"], x["start"], x["end"], x["last_day"]) for x in deliveries["latest"]] == [
        ("deliveries", "2006-11-30", "2008-08-03", "2008-08-03")
    ]
    # From the event's last day (2008-08-03) to the corpus's as_of (2020-06-30), not today.
    assert deliveries["days_since"] == 4349
    assert deliveries["deadline"] == "2010-12-31"
    assert deliveries["counts"] == "A delivery confirmed by either government."
    assert deliveries["criteria"] == "A delivery confirmed by either government."
    assert (deliveries["type"], deliveries["lapsed"]) == (None, False)
    assert board["Leaders keep meeting"]["days_since"] == 463
    assert board["Leaders keep meeting"]["horizon"] == "the 2020s"


def test_watch_since_limits_the_evidence_window_not_the_scenarios() -> None:
    board = _board(str(FIXTURE), "--since", "2010")
    # Unseen in the window, and its deadline (2010-12-31) is before the as-of date.
    assert board["More fighters delivered"]["status"] == "lapsed"
    assert board["More fighters delivered"]["latest"] == []
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


def _typed(tmp_path: Path, indicators: str, events: str, as_of: str = "2024-06-30") -> Path:
    return write_corpus(
        tmp_path,
        {
            "topic.yaml": f"version: 1\ntopic: {{title: T, as_of: {as_of}}}\n",
            "base.yaml": "version: 1\nthemes: [{id: th, title: Theme}]\n"
            "scenarios:\n  - id: sc\n    title: Scenario\n    summary: S.\n"
            "    likelihood: roughly-even\n"
            f"    indicators:\n{indicators}events:\n{events}",
        },
    )


def _event(ident: str, date: str, indicator: str, direction: str, end: str = "") -> str:
    return (
        f"  - id: {ident}\n    date: '{date}'\n    title: {ident}\n    themes: [th]\n"
        + (f"    end: '{end}'\n" if end else "")
        + f"    signals: [{{indicator: {indicator}, direction: {direction}}}]\n"
    )


def test_an_occurrence_stays_seen_once_seen(tmp_path: Path) -> None:
    """Lavrov's 3 January call satisfied leader-contacts-q1-2026; a later 'no Putin call
    planned' turned it contrary."""
    root = _typed(
        tmp_path,
        "      - {id: call, text: A call, type: occurrence, criteria: A call announced.}\n",
        _event("called", "2024-01-03", "call", "for")
        + _event("no-more", "2024-01-19", "call", "against"),
    )
    call = _board(str(root))["A call"]
    assert (call["status"], call["type"], call["criteria"]) == (
        "seen",
        "occurrence",
        "A call announced.",
    )
    strict = invoke("-b", str(root), "validate", "--strict")
    assert strict.exit_code == 1
    assert "event 'no-more': a signal against occurrence indicator 'call'" in strict.stderr


def test_a_deadline_passed_unseen_lapses(tmp_path: Path) -> None:
    indicators = (
        "      - {id: soon, text: Soon, type: occurrence, criteria: C., deadline: 2024-03-31}\n"
        "      - {id: late, text: Late, type: occurrence, criteria: C., deadline: 2024-12-31}\n"
        "      - {id: none, text: None, type: absence, criteria: C., deadline: 2024-03-31}\n"
        "      - {id: held, text: Held, type: absence, criteria: C.}\n"
        "      - {id: broke, text: Broke, type: absence, criteria: C.}\n"
        "      - {id: st, text: State, type: state, criteria: C., deadline: 2024-03-31}\n"
    )
    events = _event("x", "2024-02-01", "broke", "against") + _event(
        "y", "2024-02-02", "st", "against"
    )
    board = _board(str(_typed(tmp_path, indicators, events)))
    got = {k: (v["status"], v["lapsed"]) for k, v in board.items()}
    assert got == {
        "Soon": ("lapsed", True),
        "Late": ("not seen", False),
        "None": ("lapsed", True),
        "Held": ("seen", False),
        "Broke": ("contrary", False),
        "State": ("lapsed", True),
    }
    text = " ".join(invoke("-b", str(tmp_path), "watch", "-f", "text").stdout.split())
    assert "3 lapsed" in text


def test_the_latest_signal_is_by_last_day_with_ties_shown(tmp_path: Path) -> None:
    """Month-precision dates sorted first, long events by their start, and same-day
    opposite signals by alphabetical id."""
    indicators = (
        "      - {id: m, text: Month, type: state, criteria: C.}\n"
        "      - {id: long, text: Long, type: state, criteria: C.}\n"
        "      - {id: tie, text: Tie, type: state, criteria: C.}\n"
    )
    events = (
        _event("a-month", "2024-03", "m", "against")
        + _event("b-day", "2024-03-20", "m", "for")
        + _event("c-long", "2024-01-01", "long", "for", end="2024-04-30")
        + _event("d-short", "2024-03-01", "long", "against")
        + _event("e-first", "2024-05-05", "tie", "against")
        + _event("f-second", "2024-05-05", "tie", "for")
    )
    board = _board(str(_typed(tmp_path, indicators, events)))
    assert [x["id"] for x in board["Month"]["latest"]] == ["a-month"]  # ends 31 March
    assert board["Month"]["status"] == "contrary"
    assert board["Month"]["days_since"] == 91  # 31 Mar -> 30 Jun
    assert [x["id"] for x in board["Long"]["latest"]] == ["c-long"]
    assert board["Long"]["status"] == "seen"
    assert [x["id"] for x in board["Tie"]["latest"]] == ["e-first", "f-second"]
    assert board["Tie"]["status"] == "mixed"
    rows = list(
        csv.DictReader(io.StringIO(invoke("-b", str(tmp_path), "watch", "-f", "csv").stdout))
    )
    long = next(r for r in rows if r["indicator"] == "long")
    assert (long["latest_start"], long["latest_end"], long["latest_last_day"]) == (
        "2024-01-01",
        "2024-04-30",
        "2024-04-30",
    )
    assert long["days_since"] == "61"  # from the last day shown, 30 Apr
    tie = next(r for r in rows if r["indicator"] == "tie")
    assert tie["latest_ties"] == "1"


def test_a_scenario_whose_indicators_and_likelihood_disagree_is_flagged(tmp_path: Path) -> None:
    indicators = "".join(
        f"      - {{id: i{n}, text: I{n}, type: occurrence, criteria: C.}}\n" for n in range(4)
    )
    events = "".join(_event(f"e{n}", "2024-02-0" + str(n + 1), f"i{n}", "for") for n in range(3))
    root = _typed(tmp_path, indicators, events)
    data = json.loads(invoke("-b", str(root), "watch", "-f", "json").stdout)
    assert data["scenarios"][0]["review"] == "3 of 4 seen"
    text = " ".join(invoke("-b", str(root), "watch", "-f", "text").stdout.split())
    assert "3 of 4 seen; judged roughly even chance — review" in text
    assert "Likelihood (ICD 203, the chance that a judgment holds): almost no chance 1–5%" in text


def test_strict_flags_indicators_without_type_or_criteria(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, LIVE)
    result = invoke("-b", str(root), "validate", "--strict")
    assert result.exit_code == 1
    assert "indicator 'talks' of scenario 'sc' has no type and no criteria" in result.stderr
    fixed = dict(LIVE)
    fixed["base.yaml"] = fixed["base.yaml"].replace(
        "{id: talks, text: Talks go on}",
        "{id: talks, text: Talks go on, type: state, counts: Talks.}",
    )
    again = invoke("-b", str(write_corpus(tmp_path / "b", fixed)), "validate", "--strict")
    assert "'talks'" not in again.stderr and "'troops' of scenario 'sc' has no type" in again.stderr


def test_every_bundled_indicator_has_a_type_and_criteria() -> None:
    """Only 1 of 25 said what would count as seeing it."""
    data = json.loads(invoke("watch", "-f", "json").stdout)
    indicators = [i for s in data["scenarios"] for i in s["indicators"]]
    assert len(indicators) == 25
    for i in indicators:
        assert i["type"] in ("occurrence", "state", "absence"), i["id"]
        assert i["criteria"] and len(i["criteria"]) > 40, i["id"]
    assert invoke("validate", "--strict").exit_code == 0


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
    assert seen["leader-contacts-q1-2026"] == "seen"  # an occurrence stays seen
    assert len(seen) >= 8


# --------------------------------------------------------------------------- judgments


LIKELIHOOD_ORDER = ["almost-certain", "very-likely", "likely", "roughly-even-chance", "unlikely"]


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


def test_diff_of_folders_reads_them_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder is loaded as `-b` loads it (issue 28): a second diff parses nothing, an
    edit is seen, and the result is the uncached one's."""
    from vrmc_cli.corpus import load

    old = write_corpus(tmp_path / "old", V1)
    new = write_corpus(tmp_path / "new", {**V1, "corpus.yaml": V1["corpus.yaml"] + "\n"})
    command = ["diff", str(old), str(new)]
    uncached = {f: invoke("--no-cache", *command, "-f", f).stdout for f in ("json", "text")}
    assert invoke(*command, "-f", "json").stdout == uncached["json"]
    parsed: list[str] = []
    real = load.parse_file
    monkeypatch.setattr(load, "parse_file", lambda f: parsed.append(f.shown) or real(f))
    for fmt in ("json", "text"):
        assert invoke(*command, "-f", fmt).stdout == uncached[fmt]
    assert parsed == []
    edited = new / "corpus.yaml"
    edited.write_text(V1["corpus.yaml"].replace("It will go on.", "It will not go on."))
    stat = edited.stat()
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    out = invoke(*command, "-f", "text").stdout
    assert parsed == [str(edited)] and "{+not+}" in out
    assert out == invoke("--no-cache", *command, "-f", "text").stdout


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


# The goldens: text, JSON and CSV; the prose formats carry the text golden's words
# (tests/prose.py).
DIFF_EXTENSIONS = {"text": "txt", "json": "json", "csv": "csv"}
DIFF_FORMATS = [*DIFF_EXTENSIONS, *(f.value for f in PROSE)]


@pytest.mark.parametrize("fmt", DIFF_FORMATS)
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
    if fmt not in DIFF_EXTENSIONS:
        golden = (GOLDEN / "diff" / "text.txt").read_text(encoding="utf-8")
        check_same_words(["diff", "old", "new"], golden, Format(fmt))
        return
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


# --------------------------------------------------------------------------- ICD 203


def _judged(tmp_path: Path, likelihood: str, text: str = "Moscow will protest.") -> Path:
    return write_corpus(
        tmp_path,
        {
            "a.yaml": "version: 1\nthemes: [{id: t, title: T}]\n"
            "events: [{id: e, date: 2020, title: E, themes: [t]}]\n"
            "briefings:\n  - id: b\n    title: B\n    summary: S.\n    themes: [t]\n"
            f"    key_judgments:\n      - text: {text}\n        likelihood: {likelihood}\n"
            "        confidence: high\n        basis: [e]\n"
            "    sections: [{heading: H, points: [P.]}]\n"
        },
    )


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("remote", "almost-no-chance"),
        ("highly-improbable", "very-unlikely"),
        ("improbable", "unlikely"),
        ("roughly-even-odds", "roughly-even-chance"),
        ("roughly-even", "roughly-even-chance"),
        ("probable", "likely"),
        ("highly-probable", "very-likely"),
        ("nearly-certain", "almost-certain"),
        ("almost-no-chance", "almost-no-chance"),
    ],
)
def test_icd_203_second_row_terms_are_aliases_of_the_first(
    tmp_path: Path, written: str, read: str
) -> None:
    """ "remote" came from the directive's second row and the other six from the first."""
    root = _judged(tmp_path, written)
    data = json.loads(invoke("-b", str(root), "judgments", "-f", "json").stdout)
    assert data["judgments"][0]["likelihood"] == read


def test_likelihood_and_confidence_are_two_sentences_with_a_legend(tmp_path: Path) -> None:
    """Prose printed "Very likely, high confidence" as one phrase, and no ranges anywhere."""
    root = str(_judged(tmp_path, "remote"))
    brief = " ".join(invoke("-b", root, "brief", "b", "-f", "text").stdout.split())
    assert "Likelihood: almost no chance (1–5%). Confidence: high." in brief
    assert "Almost no chance, high confidence" not in brief and "remote" not in brief
    legend = "almost no chance 1–5%; very unlikely 5–20%; unlikely 20–45%; roughly even chance"
    assert legend in brief
    judgments = " ".join(invoke("-b", root, "judgments", "-f", "text").stdout.split())
    assert "almost no chance (1–5%)" in judgments and legend in judgments
    report = " ".join(invoke("-b", root, "report", "-f", "markdown").stdout.split())
    assert legend in report
    assert "remote" not in report and "roughly even 45" not in report


def test_strict_flags_a_judgment_stating_several_likelihoods(tmp_path: Path) -> None:
    root = _judged(
        tmp_path,
        "very-likely",
        "Moscow will very likely protest; an intervention is remote and a deal improbable.",
    )
    result = invoke("-b", str(root), "validate", "--strict")
    assert result.exit_code == 1
    assert (
        "key judgment of briefing 'b' states 3 likelihoods (very likely, almost no chance, "
        "unlikely) under one likelihood field" in result.stderr
    )
    single = _judged(tmp_path / "one", "likely", "Moscow will likely protest, as it likely did.")
    assert "likelihoods" not in invoke("-b", str(single), "validate", "--strict").stderr
