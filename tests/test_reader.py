"""Issue 14, as a new reader meets the bundled corpus: names resolve the same way everywhere,
search finds designations however they are written, tables keep ids and dates whole, date
filters say what they did, and lists are in the order they are shown."""

from __future__ import annotations

import csv
import functools
import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import invoke, run_on_a_terminal, run_vrmc

# These tests read the bundled corpus: parsed once for the session, not in every test.
pytestmark = pytest.mark.usefixtures("warm_cache")


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


# --------------------------------------------------------------------------- pty helper


def run_in_pty(*args: str, columns: int, env: dict[str, str] | None = None) -> str:
    """vrmc (bundled corpus) with stdout on a pseudo-terminal `columns` wide: what it wrote
    there, line endings as the program wrote them."""
    shown = run_on_a_terminal(*args, "--no-pager", columns=columns, env=env)
    return shown.decode("utf-8").replace("\r\n", "\n")


def as_on_a_terminal(*args: str, columns: int) -> str:
    """What `run_in_pty` shows, made in-process: the rich format in colour, `columns` wide
    (test_a_terminal_shows_what_the_in_process_run_shows checks that they are the same
    bytes), at a small part of a real process's cost."""
    env = {"COLUMNS": str(columns), "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    result = invoke(*args, "--no-pager", "-f", "rich", env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


# --------------------------------------------------------------------------- 2. search


def search_refs(*args: str) -> list[tuple[str, str]]:
    result = invoke("search", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return [(r["kind"], r["ref"]) for r in json.loads(result.stdout)["results"]]


@pytest.mark.parametrize("query", ["S300", "s-300", "S 300", "s300"])
def test_search_finds_a_designation_however_it_is_written(query: str) -> None:
    found = search_refs(query, "--kind", "event")
    assert ("event", "s300vm-delivery-2013") in found
    assert found == search_refs("S-300", "--kind", "event")


@pytest.mark.parametrize(
    ("query", "written"), [("tu160", "Tu-160"), ("Su30MK2", "Su-30MK2"), ("TU 160", "Tu-160")]
)
def test_search_finds_tu160_and_su30mk2(query: str, written: str) -> None:
    result = invoke("search", query, "--kind", "event", "-f", "json")
    results = json.loads(result.stdout)["results"]
    assert len(results) >= 3
    for hit in results:
        assert any(written.lower() in m["text"].lower() for m in hit["matches"])


def _joins(before: str, sep: str, after: str) -> bool:
    """Whether `sep` between two characters joins them (search.squash as first written)."""
    if not (before.isalnum() and after.isalnum()):
        return False
    if sep in "-\u2010\u2011":
        return True
    return sep == " " and before.isdigit() != after.isdigit()


def _squash_one_character_at_a_time(text: str) -> tuple[object, ...]:
    """search.squash (and the fold under it) as first written, a character at a time: the
    specification the faster run-at-a-time version must match."""
    from vrmc_cli.analysis.search import _fold_char
    from vrmc_cli.core.spelling import respell_map

    pieces = [c.casefold() if c.isascii() else _fold_char(c) for c in text]
    # Then the respelling (core.spelling), over the whole folded text: its rules span
    # several characters (`ii`, `sch`, `ks`).
    folded, respelt = respell_map("".join(pieces))
    folded_origin = [i for i, piece in enumerate(pieces) for _ in piece]
    origin = [folded_origin[k] for k in respelt]
    out: list[str] = []
    where: list[int] = []
    starts: list[bool] = []
    ends: list[bool] = []
    n = len(folded)
    for i, char in enumerate(folded):
        if char.isalnum():
            out.append(char)
            where.append(origin[i])
            starts.append(i == 0 or not folded[i - 1].isalnum())
            ends.append(i + 1 == n or not folded[i + 1].isalnum())
        elif 0 < i < n - 1 and _joins(folded[i - 1], char, folded[i + 1]):
            continue
        elif out and out[-1] != " ":
            out.append(" ")
            where.append(origin[i])
            starts.append(False)
            ends.append(False)
    return ("".join(out), tuple(where), tuple(starts), tuple(ends))


def _snippet_as_first_written(
    text: str, ranges: tuple[tuple[int, int], ...], before: int = 6, after: int = 10
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """search.snippet as first written, a character at a time: the specification its
    shortcut for words between single spaces must match."""
    if not ranges:
        return " ".join(text.split()), ()
    first, last = ranges[0]
    start = first
    for _ in range(before):
        cut = text.rfind(" ", 0, max(0, start - 1))
        if cut < 0:
            start = 0
            break
        start = cut + 1
    if before and start > 0 and text.rfind(" ", 0, start - 1) < 0:
        start = 0
    end = last
    for _ in range(after + 1):
        cut = text.find(" ", end + 1)
        if cut < 0:
            end = len(text)
            break
        end = cut
    # One line: each run of whitespace becomes one space; `at[i]` is where text[i] went.
    out: list[str] = ["…"] if start > 0 else []
    at: dict[int, int] = {}
    for i in range(start, end):
        char = text[i]
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(char)
        at[i] = len(out) - 1
    if end < len(text):
        out.append("…")
    shifted = tuple((at[a], at[b - 1] + 1) for a, b in ranges if a >= start and b <= end and a < b)
    return "".join(out), shifted


@given(
    (
        st.text(alphabet="ab c\t\n\u00a0  .", max_size=80)
        | st.lists(st.text("abc", min_size=1, max_size=4), max_size=40).map(" ".join)
    ).flatmap(
        lambda text: st.tuples(
            st.just(text),
            st.lists(
                st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted),
                max_size=3,
            ).map(sorted),
            st.integers(0, 4),
            st.integers(0, 6),
        )
    )
)
def test_snippet_matches_its_first_definition(case: tuple[str, list[list[int]], int, int]) -> None:
    from vrmc_cli.analysis.search import snippet

    text, ranges, before, after = case
    found = tuple((a, b) for a, b in ranges)
    assert snippet(text, found, before, after) == _snippet_as_first_written(
        text, found, before, after
    )


@given(st.text(alphabet="aB3 -_.,éÉß²ﬁ\u2010\u2011 9zZ\u0301İ\t", max_size=16) | st.text())
def test_squash_matches_its_one_character_at_a_time_definition(text: str) -> None:
    from vrmc_cli.analysis.search import squash

    sq = squash(text)
    assert (sq.text, sq.origin, sq.starts, sq.ends) == _squash_one_character_at_a_time(text)


@given(st.text(alphabet="aB3 -_.,éÉß²ﬁ\u2010\u2011 9zZ\u0301İǅŉΣς\u1e9e½", max_size=16) | st.text())
def test_the_search_screen_never_drops_an_entry_squash_would_match(text: str) -> None:
    """Every word squash makes of a text (hence every term it can match) is in the folded
    letters the search screens entries with."""
    from vrmc_cli.analysis.search import _letters, squash

    letters = _letters(text)
    assert all(word in letters for word in squash(text).text.split())


def test_search_matches_the_start_of_words_only() -> None:
    # `bomb` starts `bombers`; `ombers` starts no word.
    assert search_refs("bomb", "--kind", "event")
    assert search_refs("ombers") == []


def test_search_ranks_title_hits_first_and_dates_each_dated_hit() -> None:
    result = invoke("search", "S-300", "--kind", "event", "-f", "json")
    results = json.loads(result.stdout)["results"]
    in_title = ["s-300" in r["label"].lower() for r in results]
    assert in_title[0] and in_title == sorted(in_title, reverse=True)
    assert all(r["date"] for r in results)
    text = invoke("search", "S-300", "--kind", "event", "-f", "text").stdout
    assert "(s300vm-delivery-2013) — Apr 2013" in " ".join(text.split())


def test_search_shows_the_words_around_the_match_not_the_whole_field() -> None:
    result = invoke("search", "Antey-2500", "--kind", "event", "-f", "json")
    (hit,) = json.loads(result.stdout)["results"]
    (summary,) = [m for m in hit["matches"] if m["field"] == "summary"]
    assert len(summary["text"]) > 400
    assert summary["snippet"].startswith("…") and summary["snippet"].endswith("…")
    assert "Antey-2500" in summary["snippet"] and len(summary["snippet"]) < 160
    text = invoke("search", "Antey-2500", "--kind", "event", "-f", "text").stdout
    assert "Antey-2500" in text and "SIPRI" not in text


def test_search_highlights_the_match_on_a_terminal() -> None:
    shown = run_in_pty("search", "Antey-2500", "--kind", "event", columns=100)
    assert "\x1b[" in shown
    marked = re.findall(r"\x1b\[[0-9;]*m(Antey-2500)\x1b\[0m", shown)
    assert marked


@functools.cache
def venezuela() -> list[tuple[str, str]]:
    """Every hit of "venezuela", searched once for the six cases below."""
    return search_refs("venezuela")


@pytest.mark.parametrize("kind", ["event", "point", "actor", "source", "transfer", "scenario"])
def test_search_kind_narrows_to_one_kind(kind: str) -> None:
    everything = venezuela()
    narrowed = search_refs("venezuela", "--kind", kind)
    assert narrowed
    assert narrowed == [h for h in everything if h[0] == kind]


def test_search_finds_ach_hypotheses_and_questions() -> None:
    """Hypotheses by their statement or id, each with its question in its ref; questions by
    their text or summary."""
    assert search_refs("treaty", "--kind", "hypothesis") == [
        ("hypothesis", "russia-maduro-2026/h-treaty")
    ]
    by_id = invoke("search", "h-surprise", "--kind", "hypothesis", "-f", "json")
    (hit,) = json.loads(by_id.stdout)["results"]
    assert hit["ref"] == "russia-maduro-2026/h-surprise"
    assert hit["label"].startswith("Russia was caught by surprise")
    assert [(m["field"], m["text"]) for m in hit["matches"]] == [("id", "h-surprise")]
    assert search_refs("defend maduro", "--kind", "question") == [
        ("question", "russia-maduro-2026")
    ]
    # "strategic partnership" is only in the question's summary.
    assert ("question", "russia-maduro-2026") in search_refs("strategic partnership")
    text = invoke("search", "treaty", "--kind", "hypothesis", "-f", "text").stdout
    assert "ACH hypotheses\n---" in text and "(russia-maduro-2026/h-treaty)" in text
    # Like themes and sources, they have nothing a filter could keep: only without one.
    assert search_refs("treaty", "--kind", "hypothesis", "--since", "2020") == []


def test_an_unknown_search_kind_is_a_usage_error() -> None:
    result = invoke("search", "x", "--kind", "evnt")
    assert result.exit_code == 2
    assert "did you mean 'event'" in result.stderr


# --------------------------------------------------------------------------- 3. tables

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _atoms(command: str) -> list[str]:
    """The ids, dates, quantities, country pairs and names `command` prints in its table."""
    from vrmc_cli.core.doc import pieces, text_of
    from vrmc_cli.corpus.roots import bundled_root, load_corpus
    from vrmc_cli.views.base import event_when
    from vrmc_cli.views.register import transfer_rows

    corpus = load_corpus([str(bundled_root())], use_cache=False)
    if command == "timeline":  # a range of dates may break between its two dates only
        return [a for e in corpus.events for a in (e.id, *pieces(event_when(e)))]
    if command == "transfers":  # the pieces of the register's whole columns, as shown
        rows = transfer_rows(corpus.transfers)
        return [p for row in rows for i in (2, 3, 4, 5) for p in pieces(text_of(row[i]))]
    if command == "sources":
        return [s.id for s in corpus.sources] + [
            s.published.human() for s in corpus.sources if s.published
        ]
    if command == "actors":
        return [a.id for a in corpus.actors]
    assert command == "countries"
    return [c.code for c in corpus.countries] + [
        w for c in corpus.countries for w in c.name.split()
    ]


TABLES = [("timeline", "--short"), ("transfers",), ("sources",), ("actors",), ("countries",)]


def _whole_on_a_line(output: str, atoms: list[str]) -> list[str]:
    lines = [ANSI.sub("", line) for line in output.splitlines()]
    return [a for a in atoms if not any(a in line for line in lines)]


@pytest.mark.parametrize("args", TABLES, ids=lambda a: a[0])
def test_a_terminal_shows_what_the_in_process_run_shows(args: tuple[str, ...]) -> None:
    """A real process on a pseudo-terminal writes the bytes `as_on_a_terminal` gives, so
    the width sweeps below can run in-process."""
    assert run_in_pty(*args, columns=60) == as_on_a_terminal(*args, columns=60)


# The narrowest width and the usual one in the everyday loop; 60 and 120 too in CI.
WIDTHS = [
    40,
    pytest.param(60, marks=pytest.mark.slow),
    80,
    pytest.param(120, marks=pytest.mark.slow),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", TABLES, ids=lambda a: a[0])
def test_rich_tables_on_a_terminal_keep_every_atom_whole(args: tuple[str, ...], width: int) -> None:
    shown = as_on_a_terminal(*args, columns=width)
    broken = _whole_on_a_line(shown, _atoms(args[0]))
    assert not broken, f"broken at {width} columns: {broken[:5]}"
    # Lines stay within the terminal, but for a word longer than the whole line (an id of
    # 45 characters at 40 columns), which stands alone on its line rather than break.
    for line in ANSI.sub("", shown).splitlines():
        assert len(line) <= width or len(line.split()) == 1, line


@pytest.mark.parametrize("args", TABLES, ids=lambda a: a[0])
def test_text_tables_keep_every_atom_whole_within_78_columns(args: tuple[str, ...]) -> None:
    result = invoke(*args, "-f", "text")
    assert result.exit_code == 0, result.stderr
    assert not _whole_on_a_line(result.stdout, _atoms(args[0]))
    for line in result.stdout.splitlines():  # a URL longer than the line stands alone
        assert len(line) <= 78 or len(line.split()) == 1, line


def test_the_examples_of_the_issue_stay_whole() -> None:
    timeline = as_on_a_terminal("timeline", "--short", columns=80)
    assert "initial-arms-package-2004" in ANSI.sub("", timeline)
    transfers = ANSI.sub("", as_on_a_terminal("transfers", columns=80))
    assert re.search(r"10 Mar 2005", transfers) and "100,000 / 100,000" in transfers
    sources = ANSI.sub("", as_on_a_terminal("sources", columns=80))
    assert "kremlin-2001-05-14" in sources
    countries = ANSI.sub("", as_on_a_terminal("countries", columns=40))
    assert re.search(r"\bArgentina\b", countries)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Oct 2011 – May 2014 (disputed)", ["Oct 2011 –", "May 2014", "(disputed)"]),
        ("30 Nov 2006 – 3 Aug 2008", ["30 Nov 2006 –", "3 Aug 2008"]),
        ("10 Mar 2005", ["10 Mar 2005"]),
        ("100,000 / –", ["100,000 / –"]),
        ("Russia → Venezuela", ["Russia → Venezuela"]),
        ("11–18 (disputed) / disputed", ["11–18", "(disputed) / disputed"]),
        ("–", ["–"]),
    ],
)
def test_a_whole_cell_breaks_only_between_its_dates_and_before_a_mark(
    cell: str, expected: list[str]
) -> None:
    from vrmc_cli.core.doc import pack, pieces

    assert pieces(cell) == expected
    assert pack(cell, len(cell)) == [cell]
    assert pack(cell, 1) == expected  # too narrow: each piece alone, none broken
    assert "\n".join(pack(cell, 14)).replace("\n", " ") == cell


# The narrowest widths at which no cell takes more than three lines (README says so).
@pytest.mark.parametrize(("args", "width"), [(("timeline", "--short"), 107), (("transfers",), 117)])
def test_wide_terminals_get_tables_not_records(args: tuple[str, ...], width: int) -> None:
    """Ranges break between their dates, so the tables fit where README says they do."""
    shown = as_on_a_terminal(*args, columns=width)
    assert "designation:" not in shown
    assert "id:" not in shown
    narrower = ANSI.sub("", as_on_a_terminal(*args, columns=width - 1))
    assert re.search(r"^(date|designation):", narrower, re.M)


def test_an_ach_question_resolves_like_any_other_name() -> None:
    by_word = invoke("ach", "MADURO", "-f", "json")
    assert by_word.exit_code == 0, by_word.stderr
    assert [q["id"] for q in json.loads(by_word.stdout)["questions"]] == ["russia-maduro-2026"]
    unknown = invoke("ach", "zzz")
    assert unknown.exit_code == 2
    assert "unknown question 'zzz'" in unknown.stderr and "russia-maduro-2026" in unknown.stderr


def test_an_id_column_is_no_wider_than_its_longest_id() -> None:
    shown = ANSI.sub("", as_on_a_terminal("themes", columns=120)).splitlines()
    header = next(line for line in shown if line.startswith("theme"))
    longest_id = max(len(t) for t in _theme_ids())
    id_column = header.index("events") - header.index("id") - 2
    assert id_column == longest_id


def _theme_ids() -> list[str]:
    return [t["id"] for t in json.loads(invoke("themes", "-f", "json").stdout)["themes"]]


# --------------------------------------------------------------------------- 4. date filters


def _json(*args: str) -> dict[str, list[dict[str, object]]]:
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, list[dict[str, object]]] = json.loads(result.stdout)
    return data


def test_actors_are_filtered_by_their_roles_dates_with_a_note_for_the_undated() -> None:
    """An actor is dated by its dated roles and by the events naming it (docs/format.md);
    one with neither is kept by a date filter, and the note counts and names those."""
    every = _json("actors")["actors"]
    events = _json("timeline")["events"]
    result = invoke("actors", "--since", "2025", "-f", "json")
    kept = json.loads(result.stdout)["actors"]
    named = {a for e in events for a in e["actors"]}  # type: ignore[union-attr]
    dated_roles = {
        a["id"]
        for a in every
        if any(r.get("from") or r.get("to") for r in a["roles"])  # type: ignore[union-attr, attr-defined]
    }
    no_dates = {a["id"] for a in every} - dated_roles - named
    assert 0 < len(kept) < len(every)
    note = re.search(
        r"^vrmc: note: (\d+) actors? kept: (?:they carry|it carries) no dates "
        r"\((.*?)(?: and (\d+) more)?\)$",
        result.stderr,
        re.M,
    )
    assert note, result.stderr
    listed = note[2].split(", ")
    assert int(note[1]) == len(no_dates) == len(listed) + int(note[3] or 0)
    assert set(listed) <= no_dates and len(listed) <= 3
    last_event = {
        a: max(str(e.get("end") or e["date"]) for e in events if a in e["actors"])  # type: ignore[operator]
        for a in named
    }
    for actor in kept:
        roles = [r for r in actor["roles"] if r.get("from") or r.get("to")]  # type: ignore[union-attr, attr-defined]
        reaches = any(str(r.get("to") or "9999") >= "2025" for r in roles)
        assert reaches or last_event.get(actor["id"], "0") >= "2025" or actor["id"] in no_dates


def test_no_note_without_a_date_filter() -> None:
    assert "kept" not in invoke("actors").stderr


def test_transfers_are_filtered_by_all_their_dates() -> None:
    # Ordered in 2006, delivered until 2008: a window on 2008 alone keeps it.
    kept = {t["id"] for t in _json("transfers", "--since", "2008", "--until", "2008")["transfers"]}
    every = _json("transfers")["transfers"]
    spans = {
        t["id"]: [d for d in (t["ordered"], t["delivered_from"], t["delivered_to"]) if d]
        for t in every
    }
    for tid, dates in spans.items():
        overlaps = bool(dates) and min(map(str, dates))[:4] <= "2008" <= max(map(str, dates))[:4]
        assert (tid in kept) == (overlaps or not dates), tid
    assert any(d and str(d[0])[:4] < "2008" for tid in kept for d in [spans[tid]])


def test_relations_of_an_actor_are_filtered_by_their_span_with_a_note() -> None:
    every = _json("actor", "vladimir-putin")["relations"]
    later = invoke("actor", "vladimir-putin", "--since", "2025", "-f", "json")
    kept = json.loads(later.stdout)["relations"]
    undated = [r for r in every if not (r["since"] or r["until"])]
    assert len(kept) < len(every)
    assert all(r in kept for r in undated)
    if undated:
        assert f"{len(undated)} relation" in later.stderr


def test_report_since_notes_the_undated_points_it_keeps() -> None:
    result = invoke("report", "--since", "2025", "-f", "json")
    assert result.exit_code == 0
    assert re.search(
        r"^vrmc: note: \d+ briefing points and key judgments kept: they carry no dates$",
        result.stderr,
        re.M,
    )


# --------------------------------------------------------------------------- 5. order


def _folded(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_actors_are_listed_by_name_in_prose_and_csv_and_by_id_in_json() -> None:
    actors = _json("actors")["actors"]
    assert [a["id"] for a in actors] == sorted(str(a["id"]) for a in actors)
    by_name = [str(a["name"]) for a in sorted(actors, key=lambda a: _folded(str(a["name"])))]
    rows = list(csv.reader(io.StringIO(invoke("actors", "-f", "csv").stdout)))
    assert [row[1] for row in rows[1:]] == by_name
    markdown = invoke("actors", "-f", "markdown").stdout
    shown = re.findall(r"^\| \*\*(.+?)\*\* `", markdown, re.M)
    assert shown == by_name


def test_countries_are_listed_by_name_belarus_before_brazil() -> None:
    text = invoke("countries", "-f", "text").stdout
    assert text.index("Belarus") < text.index("Brazil")
    codes = [c["code"] for c in _json("countries")["countries"]]
    assert codes.index("BR") < codes.index("BY")  # JSON: corpus order, as documented
    rows = csv.reader(io.StringIO(invoke("countries", "-f", "csv").stdout))
    names = [row[1] for row in list(rows)[1:]]
    assert names == sorted(names, key=_folded) and len(names) == len(codes)
