"""The loader against FORMAT.md: one invalid case per rule, each with its expected messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, FIXTURE, write_corpus
from vrmc_cli.core.errors import InvalidCorpus
from vrmc_cli.corpus.files import discover
from vrmc_cli.corpus.load import parse_text
from vrmc_cli.corpus.roots import load_corpus

INVALID = DATA / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))


def problems_for(case: Path, tmp_path: Path) -> list[str]:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copy(INVALID / "_base" / "base.yaml", root)
    shutil.copy(case, root)
    with pytest.raises(InvalidCorpus) as caught:
        load_corpus([str(root)], use_cache=False)
    return [str(p).replace(f"{root}/", "") for p in caught.value.problems]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure-python"])
def test_invalid_case(
    case: Path, pure: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if pure:
        from vrmc_cli.corpus import load

        monkeypatch.setenv("VRMC_PURE_YAML", "1")
        monkeypatch.setattr(load, "_COMPOSER", None)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    actual = problems_for(case, tmp_path)
    if pure and any("invalid YAML" in line for line in expected):
        # Syntax errors are worded differently by the two parsers; the place is the same.
        assert [a.split(": ")[0] for a in actual] == [e.split(": ")[0] for e in expected]
        assert all("invalid YAML" in a for a in actual)
    else:
        assert actual == expected


def test_every_case_has_expected_messages() -> None:
    assert CASES
    for case in CASES:
        assert case.with_suffix(".expected").exists(), case.name


def test_base_of_the_invalid_cases_is_valid(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copy(INVALID / "_base" / "base.yaml", root)
    assert len(load_corpus([str(root)], use_cache=False).events) == 1


def test_fixture_corpus_loads_every_kind() -> None:
    corpus = load_corpus([str(FIXTURE)], use_cache=False)
    assert corpus.topic is not None and corpus.topic.title == "Atlantic test corpus"
    assert [t.id for t in corpus.themes] == [
        "military",
        "arms-sales",
        "aircraft-deals",
        "diplomacy",
    ]
    assert corpus.theme_by_id["aircraft-deals"].parent is corpus.theme_by_id["arms-sales"]
    assert [e.id for e in corpus.events] == [
        "first-contacts",
        "fighter-deal",
        "deliveries",
        "summit",
    ]
    assert [a.id for a in corpus.actors] == ["ada-xavier", "yarms", "yland"]
    ada = corpus.actor_by_id["ada-xavier"]
    assert ada.country is corpus.country_by_code["XA"]
    assert [str(r.start) for r in ada.roles] == ["2001", "2005-07"]
    arms = corpus.briefing_by_id["arms"]
    assert arms.key_judgments[0].basis[0].id == "fighter-deal"
    assert arms.sections[0].points[0].text == "A plain string point."
    assert arms.sections[0].points[0].inherited_themes == arms.themes
    assert corpus.see_also(arms) == (corpus.briefing_by_id["talks"],)
    assert corpus.transfers[0].value_usd == 1500000000
    assert corpus.relations[0].source.id == "yarms"
    assert corpus.country_by_code["NO"].name == "Norway"


def test_discovery_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    write_corpus(
        tmp_path,
        {
            "b.yaml": "",
            "a.yml": "",
            "sub/c.yaml": "",
            ".hidden.yaml": "",
            ".git/x.yaml": "",
            "notes.txt": "",
            "sub/.d.yaml": "",
        },
    )
    files, problems = discover([str(tmp_path)])
    assert [Path(f.shown).relative_to(tmp_path).as_posix() for f in files] == [
        "a.yml",
        "b.yaml",
        "sub/c.yaml",
    ]
    assert problems == []


def test_several_roots_merge(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "one", {"t.yaml": "themes: [{id: a, title: A}]\n"})
    second = write_corpus(
        tmp_path / "two", {"e.yaml": "events: [{id: e, date: 2006, title: E, themes: [a]}]\n"}
    )
    corpus = load_corpus([str(first), str(second)], use_cache=False)
    assert corpus.events[0].themes[0].id == "a"


def test_the_same_root_twice_is_read_once(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {"t.yaml": "themes: [{id: a, title: A}]\n"})
    assert len(load_corpus([str(root), str(root)], use_cache=False).themes) == 1


def test_problems_come_sorted_by_path_and_line(tmp_path: Path) -> None:
    root = write_corpus(
        tmp_path,
        {"b.yaml": "version: 3\n", "a.yaml": "themes:\n  - {id: X, title: A}\n  - {id: y}\n"},
    )
    with pytest.raises(InvalidCorpus) as caught:
        load_corpus([str(root)], use_cache=False)
    where = [(Path(p.path).name, p.line) for p in caught.value.problems]
    assert where == sorted(where)
    assert str(caught.value) == "3 problems in 2 files"


@pytest.mark.parametrize(
    ("yaml_text", "field", "value"),
    [
        ("countries: [{code: NO, name: Norway}]", "code", "NO"),
        ("themes: [{id: a, title: yes}]", "title", "yes"),
        ("themes: [{id: a, title: 1e3}]", "title", "1e3"),
        ("themes: [{id: a, title: 012}]", "title", "012"),
        ("themes: [{id: a, title: 12:30}]", "title", "12:30"),
        ("themes: [{id: a, title: on}]", "title", "on"),
        ("themes: [{id: a, title: 2006-07-17}]", "title", "2006-07-17"),
        ("themes: [{id: a, title: 0x1F}]", "title", "0x1F"),
        ("themes: [{id: a, title: 1_000}]", "title", "1_000"),
        ("themes: [{id: a, title: .inf}]", "title", ".inf"),
    ],
)
def test_text_fields_keep_the_text_written(yaml_text: str, field: str, value: str) -> None:
    fragment = parse_text("t.yaml", yaml_text + "\n")
    assert fragment.problems == []
    record = next(iter(fragment.records.values()))[0]
    assert record[field] == value


@pytest.mark.parametrize(
    "date", ["2006", "'2006'", "2006-07", '"2006-07"', "2006-07-17", "'2006-07-17'"]
)
def test_dates_in_every_form(date: str) -> None:
    fragment = parse_text("t.yaml", f"events: [{{id: e, date: {date}, title: T, themes: [a]}}]\n")
    assert fragment.problems == []
    assert str(fragment.records["events"][0]["date"]) == date.strip("'\"")


@pytest.mark.parametrize(
    "content",
    [
        "",
        "# just a comment\n",
        "---\n",
        "version: 1\n",
        "x-anything: {deep: [1, 2, 3]}\n",
        "events:\n",
    ],
)
def test_files_that_contribute_nothing(content: str) -> None:
    fragment = parse_text("t.yaml", content)
    assert fragment.problems == []
    assert all(not v for v in fragment.records.values())


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {"t.yaml": b"\xef\xbb\xbfthemes: [{id: a, title: X}]\n"})
    assert load_corpus([str(root)], use_cache=False).themes[0].title == "X"


def test_extension_keys_are_ignored_everywhere() -> None:
    text = (
        "x-top: 1\nthemes:\n  - {id: a, title: A, x-note: n}\nevents:\n"
        "  - {id: e, date: 2006, title: E, themes: [a], x-internal: {any: [thing]}}\n"
    )
    assert parse_text("t.yaml", text).problems == []


def test_missing_corpus_path_is_an_error(tmp_path: Path) -> None:
    from vrmc_cli.core.errors import CorpusError

    with pytest.raises(CorpusError, match="no such file or directory"):
        load_corpus([str(tmp_path / "nope")], use_cache=False)
    (tmp_path / "file.yaml").write_text("")
    with pytest.raises(CorpusError, match="not a folder"):
        load_corpus([str(tmp_path / "file.yaml")], use_cache=False)


def test_a_chain_of_thousands_of_themes_links(tmp_path: Path) -> None:
    """Deeper than Python's recursion limit, children written before their parents."""
    lines = ["themes:"]
    for i in reversed(range(3000)):
        parent = f", parent: t{i - 1}" if i else ""
        lines.append(f"  - {{id: t{i}, title: T{i}{parent}}}")
    root = write_corpus(tmp_path / "c", {"themes.yaml": "\n".join(lines) + "\n"})
    corpus = load_corpus([str(root)], use_cache=False)
    deepest = corpus.theme_by_id["t2999"]
    depth = 0
    while deepest.parent is not None:
        deepest, depth = deepest.parent, depth + 1
    assert (deepest.id, depth) == ("t0", 2999)


def test_a_cycle_is_reported_where_it_is_not_where_the_walk_began(tmp_path: Path) -> None:
    root = write_corpus(
        tmp_path / "c",
        {
            "a.yaml": "themes:\n  - {id: leaf, title: L, parent: t1}\n",
            "b.yaml": "themes:\n  - {id: t1, title: T1, parent: t2}\n"
            "  - {id: t2, title: T2, parent: t1}\n",
        },
    )
    with pytest.raises(InvalidCorpus) as caught:
        load_corpus([str(root)], use_cache=False)
    assert [str(p).replace(f"{root}/", "") for p in caught.value.problems] == [
        "b.yaml:2:5: themes form a cycle: t1 → t2 → t1"
    ]


@pytest.mark.parametrize(
    "newline", ["\n", "\r\n", "\r", "\x85", "\u2028"], ids=["lf", "crlf", "cr", "nel", "ls"]
)
@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (b"\x00", "NUL byte is not allowed"),
        (b"\x01", "control character U+0001"),
        (b"\xff", "invalid UTF-8 byte"),
    ],
    ids=["nul", "control", "bad-utf8"],
)
def test_characters_refused_before_parsing_are_placed_as_yaml_counts_lines(
    newline: str, bad: bytes, message: str
) -> None:
    """Line breaks are what YAML breaks lines at (CR alone too), as in the parser's own
    messages; the column counts characters, not bytes."""
    from vrmc_cli.core.errors import Problem
    from vrmc_cli.corpus.load import decode

    lines = ["themes:", "  - id: é", '    title: "A' + "\x00" + '"']
    data = newline.join(lines).encode("utf-8").replace(b"\x00", bad)
    problem = decode("t.yaml", data)
    assert isinstance(problem, Problem)
    assert (problem.line, problem.column) == (3, 14)
    assert message in problem.message


@pytest.mark.slow  # 1,000 unknown references, each looked up among 1,000 ids: about 3 s
def test_did_you_mean_hints_stop_at_a_budget_and_every_problem_is_still_reported(
    tmp_path: Path,
) -> None:
    from vrmc_cli.corpus import link

    known = 1000
    lines = ["themes: [{id: t, title: T}]", "actors:"]
    lines += [f"  - {{id: actor-{i:04d}, name: A{i}, kind: person}}" for i in range(known)]
    lines += ["relations:"]
    lines += [f"  - {{from: actr-{i:04d}, to: actor-{i:04d}, kind: ally}}" for i in range(known)]
    root = write_corpus(tmp_path / "c", {"a.yaml": "\n".join(lines) + "\n"})
    with pytest.raises(InvalidCorpus) as caught:
        load_corpus([str(root)], use_cache=False)
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == known
    assert (
        messages[0] == "relations[0].from: unknown actor 'actr-0000' (did you mean 'actor-0000'?)"
    )
    hinted = sum("did you mean" in m for m in messages)
    assert hinted == link.HINT_BUDGET // known
