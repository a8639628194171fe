"""The truth suite: every figure vrmc prints is the count of what it selected, and every
statement it makes about the corpus is true (issue 23).

For generated corpora (hypothesis, with the generators of test_selection.py) and for the
bundled corpus: chart bars and their segments, header counts, register totals and graph
counts in every format; the current-role rule; spellings and romanisations in search and in
every name look-up.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import examples
from test_selection import FILTERS, corpora
from vrmc_cli.cli import app
from vrmc_cli.commands import Result, invoke, names
from vrmc_cli.core.errors import UsageError
from vrmc_cli.core.formats import Format
from vrmc_cli.corpus.link import link
from vrmc_cli.corpus.load import parse_text
from vrmc_cli.corpus.model import Corpus
from vrmc_cli.render import Options, render

# The corpora are read, never changed: one warm cache for the session (conftest), so the
# bundled corpus is parsed once per worker, not once per test.
pytestmark = pytest.mark.usefixtures("warm_cache")

runner = CliRunner()
SETTINGS = settings(
    max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout


def shown(result: Result, fmt: Format, width: int = 200) -> str:
    return render(fmt, result, Options(width=width))


# --------------------------------------------------------------------------- charts


@SETTINGS
@given(corpus=corpora(), filters=FILTERS, by=st.sampled_from([None, "theme", "country"]))
def test_chart_bars_count_each_selected_event_once(
    corpus: Corpus, filters: dict[str, Any], by: str | None
) -> None:
    """A bar's total is the number of selected events of its year, and its segments add up
    to it: an event under several themes or countries is counted once (finding 1)."""
    try:
        result = invoke("chart", corpus, what="events", by=by, **filters)
    except UsageError:
        return
    events = result.selection["events"]
    per_year = Counter(e.date.year for e in events)  # type: ignore[attr-defined]
    data = json.loads(shown(result, Format.json))
    for chart in data["charts"]:
        for bar in chart["bars"]:
            assert bar["total"] == per_year.get(bar["year"], 0) == sum(bar["values"].values())
    text = shown(result, Format.text)
    for year, count in per_year.items():
        assert re.search(rf"^{year} \|\S* {count}$", text, re.M), (year, count, text)


@SETTINGS
@given(corpus=corpora(), filters=FILTERS, by=st.sampled_from(["theme", "country"]))
def test_split_charts_count_each_event_once_per_chart(
    corpus: Corpus, filters: dict[str, Any], by: str
) -> None:
    try:
        result = invoke("chart", corpus, what="events", by=by, split=True, **filters)
    except UsageError:
        return
    from vrmc_cli.analysis.charts import event_groups

    events = result.selection["events"]
    for chart in json.loads(shown(result, Format.json))["charts"]:
        (group,) = chart["series"]
        for bar in chart["bars"]:
            under = [
                e
                for e in events
                if e.date.year == bar["year"]  # type: ignore[attr-defined]
                and (group == "other" or group in event_groups(e, by))  # type: ignore[arg-type]
            ]
            assert bar["total"] <= len(under) if group == "other" else bar["total"] == len(under)


@SETTINGS
@given(corpus=corpora(), filters=FILTERS)
def test_transfer_charts_count_register_entries(corpus: Corpus, filters: dict[str, Any]) -> None:
    try:
        result = invoke("chart", corpus, what="transfers", **filters)
    except UsageError:
        return
    transfers = result.selection["transfers"]
    ordered = Counter(t.ordered.year for t in transfers if t.ordered)  # type: ignore[attr-defined]
    charts = json.loads(shown(result, Format.json))["charts"]
    if charts:
        assert {b["year"]: b["total"] for b in charts[0]["bars"] if b["total"]} == dict(ordered)


def test_a_small_corpus_counts_two_events_as_two(tmp_path: Any) -> None:
    """The 3-event corpus of the issue: 2024 has two events, under three themes."""
    document = {
        "themes": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
        "events": [
            {"id": "e1", "date": "2024-01", "title": "One", "themes": ["a", "b"]},
            {"id": "e2", "date": "2024-05", "title": "Two", "themes": ["b"]},
            {"id": "e3", "date": "2025", "title": "Three", "themes": ["a"]},
        ],
    }
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    text = run("-b", str(tmp_path), "chart", "events", "--by", "theme")
    assert re.search(r"^2024 \|\S+ 2$", text, re.M), text
    assert "each once, under its first-listed theme" in " ".join(text.split())


def test_bundled_chart_counts_17_events_in_2026() -> None:
    for by in ("theme", "country"):
        text = run("chart", "events", "--by", by)
        timeline = json.loads(run("timeline", "-f", "json"))
        count = sum(1 for e in timeline["events"] if str(e["date"]).startswith("2026"))
        assert count == 17
        assert re.search(rf"^2026 \|\S+ {count}$", text, re.M), text


# --------------------------------------------------------------------------- the network


ACTOR_IDS = [f"ac-{n}" for n in range(7)]


@st.composite
def networks(draw: st.DrawFn) -> Corpus:
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(ACTOR_IDS), st.sampled_from(ACTOR_IDS)).filter(
                lambda p: p[0] != p[1]
            ),
            unique=True,
            max_size=12,
        )
    )
    document = {
        "actors": [{"id": a, "name": a.upper(), "kind": "person"} for a in ACTOR_IDS],
        "relations": [
            {"from": a, "to": b, "kind": draw(st.sampled_from(["ally", "supplier"]))}
            for a, b in pairs
        ],
    }
    return link([parse_text("n.yaml", yaml.safe_dump(document))])


def _header(text: str) -> tuple[int, int]:
    found = re.search(r"(\d+) actors?, (\d+) relations?", text)
    assert found, text
    return int(found.group(1)), int(found.group(2))


@SETTINGS
@given(
    corpus=networks(),
    actor=st.sampled_from(ACTOR_IDS),
    depth=st.sampled_from([None, 1, 2, 3]),
)
def test_graph_counts_agree_in_every_format(corpus: Corpus, actor: str, depth: int | None) -> None:
    """The header counts the actors and relations the tree shows, and dot, mermaid, graphml
    and json give the same network, `--depth` included (finding 4)."""
    result = invoke("graph", corpus, actor=[actor], depth=depth)
    actors, relations = _header(shown(result, Format.text))
    data = json.loads(shown(result, Format.json))
    assert (len(data["nodes"]), len(data["edges"])) == (actors, relations)
    tree = shown(result, Format.text)
    ties = [line for line in tree.splitlines() if re.search(r"[|`]-- [→←]", line)]
    assert len(ties) == relations, tree
    assert {n for line in tree.splitlines() for n in re.findall(r"\bac-\d\b", line)} == {
        n["id"] for n in data["nodes"]
    } or not relations
    dot = shown(result, Format.dot)
    assert dot.count(" -> ") == relations
    mermaid = shown(result, Format.mermaid)
    assert len(re.findall(r"-->|-\.->|==>|--\s*\S.*?-->", mermaid)) >= relations
    graphml = ET.fromstring(shown(result, Format.graphml))  # noqa: S314 (our own output)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(graphml.findall(".//g:edge", ns)) == relations
    assert len(graphml.findall(".//g:node", ns)) == actors


@SETTINGS
@given(corpus=networks(), actor=st.sampled_from(ACTOR_IDS), depth=st.integers(1, 4))
def test_deeper_reaches_at_least_as_far(corpus: Corpus, actor: str, depth: int) -> None:
    near = invoke("graph", corpus, actor=[actor], depth=depth).selection["relations"]
    far = invoke("graph", corpus, actor=[actor], depth=depth + 1).selection["relations"]
    assert set(map(id, near)) <= set(map(id, far))


def test_bundled_graph_depth_two_in_dot() -> None:
    text = run("graph", "--actor", "rosoboronexport", "--depth", "2")
    _, relations = _header(text)
    dot = run("graph", "--actor", "rosoboronexport", "--depth", "2", "-f", "dot")
    assert dot.count(" -> ") == relations > 3
    one = run("graph", "--actor", "rosoboronexport", "-f", "dot")
    assert one.count(" -> ") < relations


def test_depth_without_an_actor_is_a_usage_error() -> None:
    result = runner.invoke(app, ["graph", "--depth", "2"])
    assert result.exit_code == 2
    assert "--actor" in result.stderr


# --------------------------------------------------------------------------- spelling


def _hits(query: str) -> set[str]:
    data = json.loads(run("search", query, "-f", "json"))
    return {f"{h['kind']}:{h['ref']}" for h in data["results"]}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("air defense", "air defence"),
        ("armor", "armour"),
        ("program", "programme"),
        ("center", "centre"),
        ("modernize", "modernise"),
    ],
)
def test_search_folds_british_and_american_spelling(one: str, other: str) -> None:
    assert _hits(one) == _hits(other)


def test_air_defense_finds_the_british_spelling_too() -> None:
    assert len(_hits("air defense")) > 16


# The rules as first written (core/spelling.py), one alternation of them in order, each in
# its own group: they are now gathered under their first letter, each pattern known by an
# empty group at its end. Both must find the same matches (place, length, rule) in any text.
_FIRST_RULES = (
    "кс|ии(?![а-яё])|[а-яёіїєґў]",
    "tsch",
    "sch",
    "tch",
    "(?<!c)ks(?=[a-z])",
    "kh",
    r"(?:iy|ii|yi|yy)\b",
    r"ej\b",
    "(?<=[bcdfghjklmnpqrstvwxz])gu(?=[eiy])",
    r"(?:def|off|lic|pret)enc(?=es?\b)",
    "(?:arm|col|fav|hon|lab|behavi|neighb|harb|rum|vig|endeav|sav|flav|hum|vap|rig|val|parl)our",
    r"programme(?=s?\b)",
    r"(?:cent|theat|met|lit|fib|calib|sab|spect|lust|somb|meag)re(?=s?\b)",
    r"(?:cent|theat|calib)r(?=ed\b|ing\b)",
    r"(?<=[a-z]{3})[iy][sz](?=e\b|ed\b|es\b|ing\b|ation|er\b|ers\b)",
    "dgement",
    "manoeuvred",
    "manoeuvre?",
    "(?:catal|dial|anal|monol|prol|epil)ogue",
    r"\bgrey",
    "(?:travel|model|fuel|label|cancel|signal|counsel|level|marshal|channel|total|dial|equal|"
    r"rival|tunnel|jewel|quarrel)l(?=ed|ing|er|ation)",
    r"\bscept",
    "y",
)


def _same_matches(text: str) -> None:
    from vrmc_cli.core import spelling

    first = re.compile("|".join(f"({p})" for p in _FIRST_RULES))
    now, rules = spelling._compiled()
    assert now.groups == len(rules)
    assert [(m.span(), rules[(m.lastindex or 0) - 1]) for m in now.finditer(text)] == [
        (m.span(), (m.lastindex or 0) - 1) for m in first.finditer(text)
    ], text


def test_the_spelling_rules_match_as_first_written_in_the_corpus() -> None:
    """Every field of the bundled corpus, folded as search folds it."""
    from vrmc_cli.analysis.query import Filter
    from vrmc_cli.analysis.search import _describe, _fold_map, _walk
    from vrmc_cli.core import spelling
    from vrmc_cli.corpus.roots import bundled_root, load_corpus

    assert len(_FIRST_RULES) == len(spelling._RULES)
    corpus = load_corpus([bundled_root()], use_cache=False)
    for _, kind, item in _walk(corpus, Filter(), frozenset()):
        for _, text in _describe(kind, item)[3]:
            if text:
                _same_matches(_fold_map(text)[0])
    for text in (
        "aks cks ks- kso sergei serguei aguero gue grey -grey agrey 1grey scepter asceptic"
        " _scept dmitriy iy ii- organise ise-ise anise cyses centred theatring manoeuvres"
        " rosoboroneksport кс дмитрии ии шойгу",
    ):
        _same_matches(text)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdegiklmnoprstuvyz 1-_'éкийсяе"), max_size=40))
def test_the_spelling_rules_match_as_first_written(text: str) -> None:
    _same_matches(text)


@pytest.mark.parametrize(
    ("query", "ref"),
    [
        ("Shoygu", "actor:sergei-shoigu"),
        ("Schoigu", "actor:sergei-shoigu"),
        ("Шойгу", "actor:sergei-shoigu"),
        ("Serguéi Shoigú", "actor:sergei-shoigu"),
        ("Tchemezov", "actor:sergei-chemezov"),
        ("Rosoboroneksport", "actor:rosoboronexport"),
        ("Sergey Lavrov", "actor:sergei-lavrov"),
        ("Dmitriy Peskov", "actor:dmitry-peskov"),
    ],
)
def test_search_and_look_ups_fold_romanisations(query: str, ref: str) -> None:
    assert ref in _hits(query)
    shown_actor = run("actor", query)
    assert shown_actor.splitlines()[0].strip()  # resolved, no error


def test_look_ups_gain_no_false_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every id, name, alias and word of the bundled corpus names the same entries with the
    spelling rules as without them (they only merge spellings of one word)."""
    from vrmc_cli.analysis import query
    from vrmc_cli.corpus.roots import bundled_root, load_corpus

    corpus = load_corpus([bundled_root()], use_cache=False)

    def resolved(value: str, named: list[query.Named]) -> list[str]:
        for tier in query.match_tiers(value, named):
            if tier:
                return sorted(n.id for n in tier)
        return []

    values: dict[str, list[str]] = {}
    for kind, make in query.NAMED.items():
        for entry in make(corpus):
            values.setdefault(kind, []).extend(entry.spelled.values())
    with_rules = {}
    for kind, vs in values.items():
        named = query.NAMED[kind](corpus)
        with_rules[kind] = {v: resolved(v, named) for v in vs}
    from vrmc_cli.core import spelling

    # query.name_key imports respell when it runs (off the start-up path), so the rules are
    # switched off where they live.
    monkeypatch.setattr(spelling, "respell", lambda text: text)
    for kind, vs in values.items():
        named = query.NAMED[kind](corpus)
        for v in vs:
            plain = resolved(v, named)
            assert len(with_rules[kind][v]) == len(plain), (kind, v, with_rules[kind][v], plain)


# --------------------------------------------------------------------------- roles


def _role_corpus(roles: list[dict[str, str]], as_of: str | None = "2026-02-11") -> Corpus:
    document: dict[str, Any] = {
        "actors": [{"id": "p", "name": "P", "kind": "person", "roles": roles}],
    }
    if as_of:
        document["topic"] = {"title": "T", "as_of": as_of}
    return link([parse_text("r.yaml", yaml.safe_dump(document))])


def _current(corpus: Corpus) -> str:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(shown(invoke("actors", corpus), Format.csv))))
    return rows[1][rows[0].index("current_role")]


@pytest.mark.parametrize(
    ("roles", "current"),
    [
        # Putin as the issue found him: a dated ended role, then undated ones.
        (
            [
                {"title": "President", "from": "2000", "to": "2008-05"},
                {"title": "Prime Minister"},
                {"title": "President again"},
            ],
            "President again",
        ),
        # The dated open role wins over an undated one listed after it.
        (
            [{"title": "Minister", "from": "2012-05"}, {"title": "Undated post"}],
            "Minister",
        ),
        # Of two dated open roles, the later start.
        (
            [{"title": "Later", "from": "2020"}, {"title": "Earlier", "from": "2010"}],
            "Later",
        ),
        # A role that starts after as_of is not open yet; one that ended is marked.
        (
            [{"title": "Future", "from": "2027"}, {"title": "Past", "from": "2001", "to": "2005"}],
            "Past (until 2005)",
        ),
        # Open at as_of: ended after it.
        ([{"title": "Envoy", "from": "2020", "to": "2030"}], "Envoy"),
    ],
)
def test_current_role_is_the_one_open_at_as_of(roles: list[dict[str, str]], current: str) -> None:
    assert _current(_role_corpus(roles)) == current


def test_bundled_putin_is_president_now() -> None:
    lines = run("actors", "-c", "russia", "-f", "csv").splitlines()
    putin = next(line for line in lines if line.startswith('"vladimir-putin",'))
    assert "President of Russia" in putin and "until" not in putin, putin


@pytest.mark.parametrize("command", ["actors", "report"])
def test_a_date_window_keeps_actors_by_their_events_and_roles(command: str) -> None:
    """`--since 2019` keeps Putin (events and roles after 2019) and Medvedev, whose
    premiership ran to January 2020 (not as president: that role ended in 2012), and drops
    García Carneiro, defence minister until 2005 with no later event (finding 2)."""
    data = json.loads(run(command, "--since", "2019", "-f", "json"))
    actors = {a["id"]: a for a in data["actors"]}
    assert "vladimir-putin" in actors
    assert "jorge-garcia-carneiro" not in actors
    medvedev = actors["dmitry-medvedev"]["roles"]
    assert [r["title"] for r in medvedev if r.get("to", "9999") >= "2019"] == [
        "Prime Minister of Russia"
    ]


@SETTINGS
@given(corpus=corpora(), since=st.sampled_from(["2001", "2004", "2008", "2011"]))
def test_actors_kept_by_a_window_are_dated_in_it(corpus: Corpus, since: str) -> None:
    """Every actor `--since` keeps has a dated role or an event overlapping the window, or
    neither a dated role nor an event (then the note counts it as undated)."""
    from vrmc_cli.analysis.query import build_filter, dated_roles, open_span, select_actors
    from vrmc_cli.core.dates import overlaps, span, window

    f = build_filter(corpus, since=since)
    kept = select_actors(corpus, f)
    w = window(f.since, None)
    for actor in corpus.actors:
        spans = [open_span(r.start, r.end) for r in dated_roles(actor)]
        spans += [span(e.date, e.end) for e in corpus.events if actor in e.actors]
        expected = not spans or any(overlaps(s, w) for s in spans)
        assert (actor in kept) == expected, actor.id


def test_docs_state_the_role_rule_the_code_follows() -> None:
    from pathlib import Path

    doc = " ".join(
        (Path(__file__).parent.parent / "docs" / "format.md").read_text(encoding="utf-8").split()
    )
    assert "open at the corpus's `as_of`" in doc
    assert "an undated role never outranks a dated open one" in doc


# --------------------------------------------------------------------------- the register


@SETTINGS
@given(corpus=corpora(), filters=FILTERS)
def test_register_totals_name_the_entries_they_cover(
    corpus: Corpus, filters: dict[str, Any]
) -> None:
    try:
        result = invoke("transfers", corpus, **filters)
    except UsageError:
        return
    chosen = result.selection["transfers"]
    if not chosen:
        return
    text = " ".join(shown(result, Format.text).split())
    valued = sum(1 for t in chosen if t.value_usd is not None)  # type: ignore[attr-defined]
    entries = "entry" if len(chosen) == 1 else "entries"
    if valued == len(chosen):
        assert "reported for " + ("the one entry" if valued == 1 else f"all {valued}") in text
    elif valued:
        assert f"reported for {valued} of {len(chosen)} {entries}" in text
    else:
        assert f"No value is reported for the {len(chosen)} {entries}" in text


def test_bundled_register_says_what_its_sum_covers() -> None:
    text = " ".join(run("transfers").split())
    assert "US$54 m reported for 1 of 22 entries" in text
    assert "US$54 m, 1 of 3" in text


# --------------------------------------------------------------------------- the report


def _cited_by_shown(data: dict[str, Any]) -> set[str]:
    """Every source id cited by an entry the report JSON shows (the Actors section's ties:
    the relations of its actors)."""
    from vrmc_cli.analysis.query import Filter, select_relations
    from vrmc_cli.corpus.roots import bundled_root, load_corpus

    cited = {s for e in data["events"] for s in e["sources"]}
    cited |= {s for t in data["transfers"] for s in t["sources"]}
    cited |= {s for a in data["actors"] for s in a["sources"]}
    for b in data["briefings"]:
        cited |= set(b.get("sources", []))
        for j in b.get("key_judgments", []):
            cited |= set(j.get("sources", []))
        for section in b.get("sections", []):
            for p in section.get("points", []):
                cited |= set(p.get("sources", []) if isinstance(p, dict) else [])
    corpus = load_corpus([bundled_root()], use_cache=False)
    ids = {a["id"] for a in data["actors"]}
    for r in select_relations(corpus, Filter()):
        if r.source.id in ids or r.target.id in ids:
            cited |= {s.id for s in r.sources}
    return cited


def test_report_sources_hold_every_source_its_entries_cite() -> None:
    data = json.loads(run("report", "-f", "json"))
    listed = {s["id"] for s in data["sources"]}
    missing = _cited_by_shown(data) - listed
    assert not missing, sorted(missing)


def _docx_text(path: Any) -> str:
    import docx

    document = docx.Document(str(path))
    text = [p.text for p in document.paragraphs]
    text += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return _plain(" ".join(text))


def _plain(text: str) -> str:
    """Words one space apart, typographic quotes (pandoc's smart quotes) as typed."""
    return " ".join(text.translate(str.maketrans("‘’“”", "''\"\"")).split())


# The pandoc route converts the bundled report (about 2.5 s of CPU): in CI (CI=true or
# --run-slow); test_reports.py takes the fixture's report through pandoc in the everyday loop.
@pytest.mark.parametrize("route", [pytest.param("pandoc", marks=pytest.mark.slow), "native"])
def test_docx_report_lists_every_source_the_shown_entries_cite(route: str, tmp_path: Any) -> None:
    """`vrmc report -f markdown | pandoc -o r.docx` and `vrmc report -f docx` (finding 7)."""
    data = json.loads(run("report", "-f", "json"))
    # Each source by its address (the Sources list prints it whole), else its publisher.
    titles = {s["id"]: s["url"] or s["publisher"] or s["title"] for s in data["sources"]}
    cited = _cited_by_shown(data)
    target = tmp_path / "r.docx"
    if route == "pandoc":
        import pypandoc

        pypandoc.convert_text(
            run("report", "-f", "markdown"), "docx", format="markdown", outputfile=str(target)
        )
    else:
        run("report", "-f", "docx", "-o", str(target))
    text = _docx_text(target)
    sources = text[text.rindex("Sources") :]
    missing = [i for i in sorted(cited) if _plain(titles.get(i, i)) not in sources]
    assert not missing, missing


# --------------------------------------------------------------------------- messages


def test_a_field_path_is_whole(tmp_path: Any) -> None:
    document = {
        "themes": [{"id": "t", "title": "T"}],
        "sources": [{"id": "s", "title": "S"}],
        "briefings": [
            {
                "id": "b",
                "title": "B",
                "summary": "S.",
                "themes": ["t"],
                "sections": [
                    {"heading": "One", "points": [{"text": "a"}]},
                    {
                        "heading": "Two",
                        "points": [{"text": "a"}, {"text": "b"}, {"text": "c", "sources": ["x"]}],
                    },
                ],
            }
        ],
    }
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    result = runner.invoke(app, ["-b", str(tmp_path), "--no-cache", "validate"])
    assert result.exit_code == 1
    assert "briefings[0].sections[1].points[2].sources[0]: unknown source 'x'" in result.stderr


def test_a_syntax_error_comes_first_and_its_knock_on_problems_say_so(tmp_path: Any) -> None:
    (tmp_path / "a-events.yaml").write_text(
        "events:\n  - {id: e, date: 2020, title: E, themes: [t]}\n", encoding="utf-8"
    )
    (tmp_path / "themes.yaml").write_text('themes:\n  - id: t\n    title: "T\n', encoding="utf-8")
    result = runner.invoke(app, ["-b", str(tmp_path), "--no-cache", "validate"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert "themes.yaml" in lines[0] and "invalid YAML" in lines[0], lines
    assert "events[0].themes[0]: unknown theme 't'" in lines[1]
    assert "could not be read: fix that first" in lines[1]


def _long_folder(tmp_path: Any) -> Any:
    folder = tmp_path / ("a-rather-long-folder-name-" * 4) / "site-packages" / "vrmc_cli"
    shutil.copytree(bundled(), folder / "briefings")
    return folder / "briefings"


def bundled() -> str:
    from vrmc_cli.corpus.roots import bundled_root

    return bundled_root()


def test_diff_outside_a_repository_names_the_whole_path(tmp_path: Any) -> None:
    folder = _long_folder(tmp_path)
    result = runner.invoke(app, ["-b", str(folder), "diff", "HEAD~3"])
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert f"'{folder}'" in message, message
    assert "…" not in message


def test_diff_on_an_installed_bundled_corpus_says_what_to_run(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As from site-packages: the bundled corpus outside any git repository (finding 6)."""
    from vrmc_cli.corpus import roots

    folder = _long_folder(tmp_path)
    monkeypatch.setattr(roots, "bundled_root", lambda: str(folder))
    result = runner.invoke(app, ["diff", "HEAD~3"], env={"VRMC_BRIEFINGS": ""})
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert f"'{folder}'" in message and "…" not in message
    assert "compare two folders (vrmc diff OLD-FOLDER NEW-FOLDER)" in message


def test_diff_inside_a_clone_reads_the_revision() -> None:
    import subprocess

    # The checkout's corpus folder (an installed copy's bundled corpus is not in the clone).
    root = Path(__file__).parent.parent / "briefings"
    probe = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "HEAD~3"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip("not a git clone with three commits of history")
    result = runner.invoke(app, ["-b", str(root), "diff", "HEAD~3"], env={"VRMC_BRIEFINGS": ""})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("CHANGES FROM HEAD~3 TO THE WORKING TREE")


def test_a_long_value_is_shown_whole_in_an_error() -> None:
    value = "no-such-actor-" * 20
    result = runner.invoke(app, ["actor", value])
    assert result.exit_code == 2
    assert value in " ".join(result.stderr.split()).replace(" ", "") or value in result.stderr


# --------------------------------------------------------------------------- 80 columns

VIEWS = [
    ("brief",),
    ("brief", "motivations"),
    ("timeline",),
    ("timeline", "--short"),
    ("actors",),
    ("actor", "putin"),
    ("transfers",),
    ("scenarios",),
    ("themes",),
    ("countries",),
    ("sources",),
    ("watch",),
    ("judgments",),
    ("ach",),
    ("search", "air defence"),
    ("graph", "--actor", "russia"),
    ("report",),
]


def _tables(blocks: Any) -> list[Any]:
    from vrmc_cli.core.doc import Bullets, Table

    found = []
    for block in blocks:
        if isinstance(block, Table):
            found.append(block)
        elif isinstance(block, Bullets):
            found += _tables(b for item in block.items for b in item.children)
    return found


@pytest.mark.parametrize("args", VIEWS, ids=[" ".join(v) for v in VIEWS])
def test_no_table_cell_wraps_past_three_lines_at_80_columns(args: tuple[str, ...]) -> None:
    """Text (78 columns) and Rich (80) lay each table out as the renderers do; a cell that
    would take more than three lines makes the table one record per row (finding 8)."""
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    from vrmc_cli.core.doc import column_widths, pack, unbroken
    from vrmc_cli.corpus.roots import bundled_root, load_corpus
    from vrmc_cli.render import table_cells
    from vrmc_cli.render.as_text import WIDTH, _indented

    corpus = load_corpus([bundled_root()])
    command, *rest = args
    params: dict[str, Any] = {}
    if command == "brief" and rest:
        params["briefing"] = rest[0]
    elif command == "actor":
        params["name"] = rest[0]
    elif command == "search":
        params["text"] = rest[0]
    elif command == "graph":
        params["actor"] = [rest[1]]
    elif command == "timeline" and rest:
        params["short"] = True
    result = invoke(command, corpus, **params)
    console = Console(width=200, color_system=None)
    for table in _tables(result.doc().blocks):
        cells = table_cells(table)
        whole = unbroken(table)
        text_widths = column_widths(table, cells, WIDTH, len)
        if text_widths is not None:
            for i, texts in enumerate(cells):
                for value in texts[1:]:
                    lines = (
                        pack(value, text_widths[i])
                        if whole[i]
                        else _indented(value, text_widths[i])
                    )
                    assert len(lines) <= 3, (table.columns[i], value, lines)
        rich_widths = column_widths(table, cells, 80, cell_len)
        if rich_widths is not None:
            for i, texts in enumerate(cells):
                for value in texts[1:]:
                    if whole[i]:
                        count = len(pack(value, rich_widths[i], cell_len))
                    else:
                        count = len(
                            console.render_lines(
                                Text(value), console.options.update_width(rich_widths[i]), pad=False
                            )
                        )
                    assert count <= 3, (table.columns[i], value)


@pytest.mark.parametrize("command", ["", *names()])
def test_every_help_line_fits_80_columns(command: str) -> None:
    args = [command, "--help"] if command else ["--help"]
    for columns in ("80", None):
        env = {"COLUMNS": columns} if columns else {}
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0
        long = [line for line in result.stdout.splitlines() if len(line) > 80]
        assert not long, long
