"""Issue 14, as a new reader meets the bundled corpus: names resolve the same way everywhere,
search finds designations however they are written, tables keep ids and dates whole, date
filters say what they did, and lists are in the order they are shown."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, run_vrmc


def actors_named(*args: str) -> set[str]:
    """The actors named by the events `timeline ARGS` selects."""
    result = invoke("timeline", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return {a for e in json.loads(result.stdout)["events"] for a in e["actors"]}


# --------------------------------------------------------------------------- 1. one resolver


@pytest.mark.parametrize(
    ("value", "actor_id"),
    [
        ("rosoboron", "rosoboronexport"),
        ("Rosoboron", "rosoboronexport"),
        ("hugo", "hugo-chavez"),
        ("HUGO", "hugo-chavez"),
        ("padrino", "vladimir-padrino-lopez"),
        ("PADRINO LOPEZ", "vladimir-padrino-lopez"),
        ("putin", "vladimir-putin"),
        ("chavez", "hugo-chavez"),
        ("US", "united-states"),
    ],
)
def test_actor_argument_and_actor_filter_resolve_alike(value: str, actor_id: str) -> None:
    shown = invoke("actor", value, "-f", "json")
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["actor"]["id"] == actor_id
    assert actor_id in actors_named("-a", value)


def test_an_ambiguous_name_lists_the_candidates() -> None:
    result = invoke("actor", "vladimir")
    assert result.exit_code == 2
    assert "'vladimir' matches several actors:" in result.stderr
    for candidate in ("Vladimir Putin (vladimir-putin)", "vladimir-padrino-lopez"):
        assert candidate in result.stderr
    assert invoke("timeline", "-a", "vladimir").stderr == result.stderr


@pytest.mark.parametrize(
    ("args", "suggested"),
    [
        (("timeline", "-a", "putn"), "'Putin' (vladimir-putin)"),
        (("actor", "Untied States"), "'United States' (united-states)"),
        (("timeline", "-c", "argentna"), "'Argentina' (AR)"),
        (("timeline", "-t", "sanctons"), "'sanctions'"),
    ],
)
def test_did_you_mean_ranks_names_and_aliases_by_edit_distance(
    args: tuple[str, ...], suggested: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"(did you mean {suggested}" in result.stderr


def test_a_theme_by_the_start_of_its_name() -> None:
    arms = invoke("timeline", "-t", "arms", "-f", "json")
    sales = invoke("timeline", "-t", "arms-sales", "-f", "json")
    assert arms.exit_code == 0, arms.stderr
    assert arms.stdout == sales.stdout


def test_a_briefing_by_a_word_of_its_title() -> None:
    by_word = invoke("brief", "motiv", "-f", "json")
    assert by_word.exit_code == 0, by_word.stderr
    assert by_word.stdout == invoke("brief", "motivations", "-f", "json").stdout


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("vrmc actor put", b"putin"),
        ("vrmc actor padr", b"padrino"),
        ("vrmc timeline -a chav", b"chavez"),
        ("vrmc timeline -c argen", b"argentina"),
        ("vrmc timeline -t arms", b"arms-sales"),
    ],
)
def test_completion_offers_names_as_well_as_ids(words: str, offered: bytes) -> None:
    result = run_vrmc(
        env={
            "_VRMC_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
    )
    assert result.returncode == 0
    assert offered in result.stdout.split()
