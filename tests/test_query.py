"""Filters and selections: OR within a filter, AND across, theme subtrees, actor countries."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURE
from vrmc_cli.analysis.counts import theme_counts
from vrmc_cli.analysis.query import (
    build_filter,
    resolve_actor,
    resolve_briefing,
    resolve_country,
    select_events,
    select_transfers,
    subtree,
    tree_order,
    view_briefing,
)
from vrmc_cli.core.errors import UsageError
from vrmc_cli.corpus.link import link
from vrmc_cli.corpus.load import parse_text
from vrmc_cli.corpus.model import Corpus
from vrmc_cli.corpus.roots import load_corpus


@cache
def corpus() -> Corpus:
    return load_corpus([str(FIXTURE)], use_cache=False)


def event_ids(**filters: object) -> list[str]:
    return [e.id for e in select_events(corpus(), build_filter(corpus(), **filters))]  # type: ignore[arg-type]


def test_no_filter_keeps_everything_in_order() -> None:
    assert event_ids() == ["first-contacts", "fighter-deal", "deliveries", "summit"]


def test_theme_keeps_its_subtree() -> None:
    assert event_ids(themes=["military"]) == ["fighter-deal", "deliveries"]
    assert event_ids(themes=["aircraft-deals"]) == ["fighter-deal", "deliveries"]
    assert event_ids(themes=["diplomacy"]) == ["first-contacts", "summit"]


def test_theme_by_title_any_case() -> None:
    assert event_ids(themes=["ARMS SALES"]) == ["fighter-deal", "deliveries"]


def test_country_counts_the_countries_of_actors() -> None:
    # first-contacts names only the actor ada-xavier, whose country is XA.
    assert event_ids(countries=["XA"]) == ["first-contacts", "fighter-deal", "deliveries"]
    # fighter-deal names the actor yarms (YL) and the country XA.
    assert event_ids(countries=["yland"]) == ["fighter-deal", "deliveries"]


@pytest.mark.parametrize(
    "value",
    [
        "XA",
        "xa",
        "Xanadu",
        "XANADU",
        "republic of xanadu",
        "República de Xanadú",
        "republica de xanadu",
    ],
)
def test_country_matches_code_name_and_aliases_ignoring_case_and_accents(value: str) -> None:
    assert resolve_country(corpus(), value).code == "XA"


def test_repeating_a_filter_is_or_and_different_filters_are_and() -> None:
    assert event_ids(countries=["NO", "YL"]) == ["fighter-deal", "deliveries", "summit"]
    assert event_ids(countries=["XA"], themes=["diplomacy"]) == ["first-contacts"]


def test_dates_keep_overlapping_spans() -> None:
    assert event_ids(since="2006-08") == ["deliveries", "summit"]
    assert event_ids(since="2006-07-15", until="2006-07-15") == ["fighter-deal"]
    assert event_ids(until="2001-12") == ["first-contacts"]
    assert event_ids(since="2008-08", until="2008-08") == ["deliveries"]


def test_until_before_since_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="comes before"):
        event_ids(since="2010", until="2009")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"countries": ["atlantis"]},
            r"unknown country 'atlantis' \(known: Xanadu \(XA\), Yland \(YL\), Norway \(NO\)\)",
        ),
        ({"themes": ["aircraft-deels"]}, "did you mean 'aircraft-deals'"),
        ({"actors": ["ada-xaviar"]}, "did you mean 'ada-xavier'"),
        ({"since": "2019-02-30"}, "--since: invalid date"),
        ({"until": "soon"}, "--until: invalid date"),
    ],
)
def test_unknown_values_are_usage_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        build_filter(corpus(), **kwargs)  # type: ignore[arg-type]


def test_actor_by_alias_name_and_prefix() -> None:
    c = corpus()
    assert resolve_actor(c, "la presidenta").id == "ada-xavier"
    assert resolve_actor(c, "Ada Xavier").id == "ada-xavier"
    assert resolve_actor(c, "yx").id == "yarms"
    assert resolve_actor(c, "yar").id == "yarms"
    with pytest.raises(UsageError, match="several actors"):
        resolve_actor(c, "y")
    with pytest.raises(UsageError):
        resolve_actor(c, "yarz")


@pytest.mark.parametrize("value", ["arms", "ARMS", "ar", " arms "])
def test_briefing_by_id_any_case_or_unique_prefix(value: str) -> None:
    assert resolve_briefing(corpus(), value).id == "arms"


@pytest.mark.parametrize("value", ["../../etc/passwd", "/etc/passwd", "", "armz", "a\x1b[2J"])
def test_briefing_ids_never_reach_the_file_system(value: str) -> None:
    with pytest.raises(UsageError) as caught:
        resolve_briefing(corpus(), value)
    assert "\x1b" not in str(caught.value)


def test_briefing_view_keeps_matching_points_and_inherited_themes() -> None:
    c = corpus()
    arms = c.briefing_by_id["arms"]
    everything = view_briefing(c, arms, build_filter(c))
    assert everything.point_count == 3
    # Points inherit the briefing's theme arms-sales, so a filter on it keeps all of them.
    assert view_briefing(c, arms, build_filter(c, themes=["arms-sales"])).point_count == 3
    only = view_briefing(c, arms, build_filter(c, themes=["aircraft-deals"]))
    assert [p.text for s in only.sections for p in s.points] == ["Twenty-four jets were ordered."]
    actor = view_briefing(c, arms, build_filter(c, actors=["ada-xavier"]))
    assert [p.text for s in actor.sections for p in s.points] == ["Ada drove the deal."]
    assert actor.key_judgments == ()


def test_transfers_filter_on_order_date_and_either_country() -> None:
    c = corpus()
    assert [t.id for t in select_transfers(c, build_filter(c))] == ["rifles", "jets"]
    assert [t.id for t in select_transfers(c, build_filter(c, since="2006"))] == ["jets"]
    assert [t.id for t in select_transfers(c, build_filter(c, countries=["YL"]))] == [
        "rifles",
        "jets",
    ]
    assert [t.id for t in select_transfers(c, build_filter(c), ["AIRCRAFT"])] == ["jets"]
    with pytest.raises(UsageError, match="unknown category"):
        select_transfers(c, build_filter(c), ["boats"])


# --------------------------------------------------------------------------- algebra

THEMES = ["military", "arms-sales", "aircraft-deals", "diplomacy"]
COUNTRIES = ["XA", "YL", "NO"]
ACTORS = ["ada-xavier", "yarms", "yland"]
DATES = ["2001", "2005-06", "2006", "2006-07", "2006-11-30", "2008-08", "2019", "2020-01-01"]
some = st.lists


@given(
    some(st.sampled_from(THEMES), max_size=3),
    some(st.sampled_from(COUNTRIES), max_size=3),
    some(st.sampled_from(ACTORS), max_size=3),
)
def test_different_filters_intersect(
    themes: list[str], countries: list[str], actors: list[str]
) -> None:
    combined = set(event_ids(themes=themes, countries=countries, actors=actors))
    separate = (
        set(event_ids(themes=themes))
        & set(event_ids(countries=countries))
        & set(event_ids(actors=actors))
    )
    assert combined == separate


@given(some(st.sampled_from(COUNTRIES), min_size=1, max_size=3))
def test_repeated_values_unite(countries: list[str]) -> None:
    united = set().union(*(set(event_ids(countries=[c])) for c in countries))
    assert set(event_ids(countries=countries)) == united


@given(st.sampled_from(THEMES))
def test_a_theme_keeps_the_union_of_its_subtree(theme: str) -> None:
    c = corpus()
    tree = subtree(c, c.theme_by_id[theme])
    united = set().union(
        *(
            set(event_ids(themes=[t.id]))
            if t.id != theme
            else {e.id for e in c.events if c.theme_by_id[theme] in e.themes}
            for t in tree
        )
    )
    assert set(event_ids(themes=[theme])) == united


@given(st.sampled_from(DATES), st.sampled_from(DATES), st.sampled_from(DATES))
def test_a_narrower_window_keeps_a_subset(a: str, b: str, c: str) -> None:
    lo, mid, hi = sorted((a, b, c))
    narrow = set(event_ids(since=mid, until=hi))
    wide = set(event_ids(since=lo, until=hi))
    assert narrow <= wide
    assert set(event_ids(since=lo)) | set(event_ids(until=lo)) == set(event_ids())


@given(some(st.sampled_from(THEMES + COUNTRIES), max_size=4))
def test_filters_never_add_events(values: list[str]) -> None:
    themes = [v for v in values if v in THEMES]
    countries = [v for v in values if v in COUNTRIES]
    assert set(event_ids(themes=themes, countries=countries)) <= set(event_ids())


@given(
    some(st.sampled_from(THEMES), max_size=2),
    some(st.sampled_from(COUNTRIES), max_size=2),
    some(st.sampled_from(ACTORS), max_size=2),
    st.sampled_from([None, *DATES]),
    st.sampled_from([None, *DATES]),
)
def test_select_events_keeps_what_event_ok_keeps(
    themes: list[str],
    countries: list[str],
    actors: list[str],
    since: str | None,
    until: str | None,
) -> None:
    """select_events spells its tests out for speed; it must keep what event_ok keeps."""
    if since and until and since > until:
        since, until = until, since
    f = build_filter(
        corpus(), themes=themes, countries=countries, actors=actors, since=since, until=until
    )
    assert select_events(corpus(), f) == [e for e in corpus().events if f.event_ok(e)]


@st.composite
def theme_forests(draw: st.DrawFn) -> tuple[str, list[tuple[str, int]]]:
    """Themes in any order, each with a parent drawn among the others (no cycle: a parent
    has a lower number), and events tagged with some of them; returns the YAML and the
    (event id, theme number) tags."""
    n = draw(st.integers(1, 12))
    parents = [draw(st.none() | st.integers(0, i - 1)) if i else None for i in range(n)]
    order = draw(st.permutations(range(n)))
    lines = ["themes:"]
    for i in order:
        parent = f", parent: t{parents[i]}" if parents[i] is not None else ""
        lines.append(f"  - {{id: t{i}, title: T{i}{parent}}}")
    tags = draw(st.lists(st.lists(st.integers(0, n - 1), min_size=1, max_size=3), max_size=8))
    lines.append("events:" if tags else "events: []")
    for k, themes in enumerate(tags):
        listed = ", ".join(f"t{i}" for i in themes)
        lines.append(f"  - {{id: e{k}, date: 2006, title: E, themes: [{listed}]}}")
    return "\n".join(lines) + "\n", [(f"e{k}", i) for k, ts in enumerate(tags) for i in ts]


@given(theme_forests())
def test_theme_counts_count_each_event_once_per_subtree(
    forest: tuple[str, list[tuple[str, int]]],
) -> None:
    text, tags = forest
    c = link([parse_text("t.yaml", text)])
    order = tree_order(c)
    assert sorted(t.id for t, _ in order) == sorted(t.id for t in c.themes)
    position = {t: k for k, (t, _) in enumerate(order)}
    for theme, depth in order:
        assert depth == len(theme.path) - 1
        if theme.parent is not None:
            assert position[theme.parent] < position[theme]
    for count in theme_counts(c, build_filter(c)):
        # Naively: the events tagged with a theme whose ancestry includes this one.
        below = {e for e, i in tags if count.theme in c.theme_by_id[f"t{i}"].path}
        assert count.events == len(below)
        assert count.depth == len(count.theme.path) - 1
        assert subtree(c, count.theme) == {t for t in c.themes if count.theme in t.path}


def test_a_chain_of_thousands_of_themes_is_counted_without_recursion() -> None:
    lines = ["themes:"] + [
        f"  - {{id: t{i}, title: T{i}{f', parent: t{i - 1}' if i else ''}}}"
        for i in reversed(range(3000))
    ]
    lines.append("events: [{id: e, date: 2006, title: E, themes: [t2999]}]")
    c = link([parse_text("t.yaml", "\n".join(lines) + "\n")])
    counts = theme_counts(c, build_filter(c))
    assert [(n.theme.id, n.depth, n.events) for n in counts[:2]] == [("t0", 0, 1), ("t1", 1, 1)]
    assert (counts[-1].theme.id, counts[-1].depth) == ("t2999", 2999)
    assert len(subtree(c, c.theme_by_id["t0"])) == 3000
