"""The command line: each command and filter, corpus selection, errors and exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import FIXTURE, invoke, run_vrmc, write_corpus

# Corpora read, never changed by the cache: one warm cache for the session (conftest).
pytestmark = pytest.mark.usefixtures("warm_cache")

B = ("-b", str(FIXTURE))


def ids(result_stdout: str, key: str) -> list[str]:
    return [item["id"] for item in json.loads(result_stdout)[key]]


def test_brief_lists_briefings_without_an_id() -> None:
    result = invoke(*B, "brief")
    assert result.exit_code == 0
    assert "arms" in result.stdout and "Xanadu buys its jets from Yland." in result.stdout


@pytest.mark.parametrize("name", ["arms", "ARMS", "ar"])
def test_brief_by_id_prefix_any_case(name: str) -> None:
    result = invoke(*B, "brief", name)
    assert result.exit_code == 0
    assert result.stdout.startswith("ARMS FROM YLAND\n")
    assert "BOTTOM LINE:" in result.stdout.split("Key judgments")[0]


def test_brief_unknown_id_is_a_usage_error_with_suggestion() -> None:
    result = invoke(*B, "brief", "armz")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr == "vrmc: error: unknown briefing 'armz' (did you mean 'arms'?); "
        "see 'vrmc brief'\n"
    )


def test_brief_filters_keep_matching_points_only() -> None:
    result = invoke(*B, "brief", "arms", "--actor", "ada-xavier", "-f", "json")
    points = [
        p["text"] for s in json.loads(result.stdout)["briefing"]["sections"] for p in s["points"]
    ]
    assert points == ["Ada drove the deal."]


def test_empty_result_is_a_note_not_an_error() -> None:
    result = invoke(*B, "timeline", "--country", "NO", "--theme", "military")
    assert result.exit_code == 0
    assert "0 events" in result.stdout
    assert result.stderr == "vrmc: note: no events match the filters\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ["first-contacts", "fighter-deal", "deliveries", "summit"]),
        (["--reverse"], ["summit", "deliveries", "fighter-deal", "first-contacts"]),
        (["--limit", "2"], ["first-contacts", "fighter-deal"]),
        (["--reverse", "-n", "1"], ["summit"]),
        (["-t", "arms-sales"], ["fighter-deal", "deliveries"]),
        (["-c", "xanadu", "--since", "2006-08"], ["deliveries"]),
        (["-a", "ada-xavier"], ["first-contacts"]),
        (["-c", "NO", "-c", "YL"], ["fighter-deal", "deliveries", "summit"]),
        (["--until", "2006"], ["first-contacts", "fighter-deal", "deliveries"]),
    ],
)
def test_timeline_filters(args: list[str], expected: list[str]) -> None:
    result = invoke(*B, "timeline", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert ids(result.stdout, "events") == expected


def test_timeline_shows_dates_at_their_precision() -> None:
    out = invoke(*B, "timeline", "--short").stdout
    for shown in ("c. 2001", "Jul 2006", "30 Nov 2006 – 3 Aug 2008", "late March 2019"):
        assert shown in out


def test_timeline_groups_by_year() -> None:
    out = invoke(*B, "timeline").stdout
    assert "\n2006\n----\n" in out and "\n2019\n----\n" in out


def test_actors_and_actor() -> None:
    assert ids(invoke(*B, "actors", "-f", "json").stdout, "actors") == [
        "ada-xavier",
        "yarms",
        "yland",
    ]
    assert ids(invoke(*B, "actors", "-c", "yland", "-f", "json").stdout, "actors") == [
        "yarms",
        "yland",
    ]
    profile = invoke(*B, "actor", "la presidenta")
    assert profile.exit_code == 0
    for text in (
        "President of Xanadu (since Jul 2005)",
        "← Yarms Export is supplier of Ada Xávier",
        "→ Ada Xávier is ally of Yland",
        "First contacts",
        "arms: Ada drove the deal.",
    ):
        assert text in profile.stdout


def test_actor_json_lists_relations_both_ways() -> None:
    data = json.loads(invoke(*B, "actor", "ada-xavier", "-f", "json").stdout)
    assert data["actor"]["id"] == "ada-xavier"
    assert [(r["from"], r["to"]) for r in data["relations"]] == [
        ("yarms", "ada-xavier"),
        ("ada-xavier", "yland"),
    ]


def test_unknown_actor_is_a_usage_error() -> None:
    result = invoke(*B, "actor", "nobody")
    assert result.exit_code == 2 and "unknown actor 'nobody'" in result.stderr


def test_transfers_with_totals_and_category() -> None:
    out = invoke(*B, "transfers").stdout
    assert "Totals by category" in out and "Totals by status" in out
    assert ids(
        invoke(*B, "transfers", "--category", "aircraft", "-f", "json").stdout, "transfers"
    ) == ["jets"]
    assert ids(
        invoke(*B, "transfers", "--country", "YL", "--until", "2005", "-f", "json").stdout,
        "transfers",
    ) == ["rifles"]


def test_scenarios_themes_countries_sources() -> None:
    assert ids(invoke(*B, "scenarios", "-f", "json").stdout, "scenarios") == ["steady"]
    themes = json.loads(invoke(*B, "themes", "-f", "json").stdout)["themes"]
    counts = {t["id"]: (t["events"], t["points"]) for t in themes}
    assert counts["military"] == (2, 4) and counts["diplomacy"] == (2, 1)
    countries = json.loads(invoke(*B, "countries", "-f", "json").stdout)["countries"]
    assert {c["code"]: c["events"] for c in countries} == {"XA": 3, "YL": 2, "NO": 1}
    sources = json.loads(invoke(*B, "sources", "-f", "json").stdout)["sources"]
    assert {s["id"]: s["citations"] for s in sources} == {"yl-gazette-2006": 6, "xa-ministry": 3}


def test_search_ignores_case_and_accents_and_groups_by_kind() -> None:
    data = json.loads(invoke(*B, "search", "XAVIER", "-f", "json").stdout)
    assert [r["kind"] for r in data["results"]] == ["actor"]
    assert json.loads(invoke(*B, "search", "xanadú", "-f", "json").stdout)["results"]
    none = invoke(*B, "search", "zebra")
    assert none.exit_code == 0 and "vrmc: note: nothing matches 'zebra'" in none.stderr


def test_report_has_every_part_and_a_bibliography() -> None:
    out = invoke(*B, "report", "-f", "markdown").stdout
    for heading in (
        "# Atlantic test corpus",
        "## Contents",
        "## Arms from Yland",
        "## Timeline",
        "## Actors",
        "## Arms-transfer register",
        "## Outlook scenarios",
        "## Sources",
    ):
        assert heading + "\n" in out
    # The numbered Sources list, each entry an anchor the [1, 2] citations link to.
    assert '\n1. <span id="source-yl-gazette-2006"></span>Yland Gazette' in out
    assert "[^" not in out


def test_report_filters_everything() -> None:
    data = json.loads(invoke(*B, "report", "-c", "NO", "-f", "json").stdout)
    assert [e["id"] for e in data["events"]] == ["summit"]
    assert data["transfers"] == [] and data["filters"] == ["country NO"]


def test_validate_summarises_or_lists_problems(tmp_path: Path) -> None:
    ok = invoke(*B, "validate")
    assert ok.exit_code == 0
    assert ok.stdout.startswith("ok: 7 files, 2 briefings, 4 points, 4 events, 3 actors")
    bad = write_corpus(tmp_path / "bad", {"a.yaml": "themes: [{id: A}]\n"})
    result = invoke("validate", str(bad))
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"{bad}/a.yaml:1:10: themes[0]: missing required field 'title'"
    assert lines[1] == (
        f"{bad}/a.yaml:1:15: themes[0].id: 'A' is not a valid id (lowercase "
        "kebab-case, such as 'arms-sales')"
    )
    assert lines[-1] == "vrmc: error: invalid corpus: 2 problems in 1 file"


def test_corpus_from_environment_and_options(tmp_path: Path) -> None:
    other = write_corpus(tmp_path / "other", {"t.yaml": "themes: [{id: solo, title: Solo}]\n"})
    env = {"VRMC_BRIEFINGS": os.pathsep.join([str(other), str(FIXTURE)])}
    themes = json.loads(invoke("themes", "-f", "json", env=env).stdout)["themes"]
    assert themes[0]["id"] == "solo" and len(themes) == 5
    only = json.loads(invoke("-b", str(other), "themes", "-f", "json", env=env).stdout)
    assert [t["id"] for t in only["themes"]] == ["solo"]


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    result = invoke("-b", str(tmp_path / "missing"), "timeline")
    assert result.exit_code == 1
    assert result.stderr.startswith("vrmc: error: cannot use corpus")
    assert "no such file or directory" in result.stderr


@pytest.mark.parametrize(
    ("env", "expected"), [({}, "TIMELINE\n"), ({"VRMC_FORMAT": "markdown"}, "# Timeline\n")]
)
def test_default_format_is_text_in_a_pipe_and_vrmc_format_overrides(
    env: dict[str, str], expected: str
) -> None:
    assert invoke(*B, "timeline", env=env).stdout.startswith(expected)


def test_unknown_format_is_a_usage_error() -> None:
    assert invoke(*B, "timeline", "-f", "yaml").exit_code == 2
    assert invoke(*B, "timeline", env={"VRMC_FORMAT": "yaml"}).exit_code == 2


def test_version() -> None:
    assert invoke("--version").stdout == "vrmc 1.0.0\n"


def test_completion_offers_corpus_values() -> None:
    result = run_vrmc(
        env={
            "_VRMC_COMPLETE": "complete_bash",
            "COMP_WORDS": "vrmc brief mo",
            "COMP_CWORD": "2",
            "VRMC_BRIEFINGS": str(FIXTURE),
        }
    )
    assert result.returncode == 0
    result = run_vrmc(
        env={
            "_VRMC_COMPLETE": "complete_bash",
            "COMP_WORDS": f"vrmc -b {FIXTURE} timeline --country x",
            "COMP_CWORD": "5",
        }
    )
    assert result.returncode == 0
    assert b"xanadu" in result.stdout.lower()


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("brief", "x"), "briefing"),
        (("actor", "x"), "actor"),
        (("timeline", "--country", "x"), "country"),
    ],
)
def test_an_unknown_name_in_a_corpus_without_any_says_so(
    tmp_path: Path, args: tuple[str, ...], what: str
) -> None:
    root = write_corpus(tmp_path / "c", {"t.yaml": "themes: [{id: a, title: A}]\n"})
    result = invoke("-b", str(root), *args)
    assert result.exit_code == 2
    assert f"unknown {what} 'x' (there are none in this corpus)" in result.stderr


def test_an_empty_register_says_so_once() -> None:
    """A selection with no transfer: one line, not empty tables and totals of nothing
    (which once read "No value is reported for the 0 entries")."""
    result = invoke("transfers", "--place", "havana", "-f", "text")  # no transfer there
    assert result.exit_code == 0, result.stderr
    body = result.stdout.split("\n", 3)[3]
    assert body.strip() == "0 entries: no transfer matches the selection."
    assert "no transfers match the filters" in result.stderr
