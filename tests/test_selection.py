"""One selection, many views: for any corpus and any filters, every format of a command names
exactly the entries the command selected (commands.Result.selection)."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from vrmc_cli.commands import Result, invoke, spec
from vrmc_cli.core.errors import UsageError
from vrmc_cli.core.formats import Format
from vrmc_cli.corpus.link import link
from vrmc_cli.corpus.load import parse_text
from vrmc_cli.corpus.model import Corpus
from vrmc_cli.render import Options, declared, formats_for, render

THEMES = [("th-root", None), ("th-child", "th-root"), ("th-other", None)]
COUNTRIES = ["AA", "BB", "CC"]
ACTORS = [("ac-one", "AA"), ("ac-two", "BB"), ("ac-three", None)]
DATES = st.sampled_from(["2001", "2003-04", "2005-06-07", "2008", "2010-12"])


def _some(items: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(items), unique=True, max_size=len(items))


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    theme_ids = [t for t, _ in THEMES]
    actor_ids = [a for a, _ in ACTORS]
    sources = [
        {
            "id": f"so-{n}",
            "title": f"Source {n}",
            **({"reliability": g} if (g := draw(st.sampled_from(["", "A", "C", "F"]))) else {}),
            **({"origin": o} if (o := draw(st.sampled_from(["", "Agency", "Issuer"]))) else {}),
            **({"state_media": True} if draw(st.booleans()) else {}),
        }
        for n in range(4)
    ]
    source_ids = [s["id"] for s in sources]
    events = [
        {
            "id": f"ev-{n}",
            "date": draw(DATES),
            "title": f"Event {n}",
            "themes": draw(_some(theme_ids).filter(bool)),
            "countries": draw(_some(COUNTRIES)),
            "actors": draw(_some(actor_ids)),
            "sources": draw(_some(source_ids)),
        }
        for n in range(draw(st.integers(0, 6)))
    ]
    transfers = [
        {
            "id": f"tr-{n}",
            "supplier": draw(st.sampled_from(COUNTRIES)),
            "recipient": draw(st.sampled_from(COUNTRIES)),
            "designation": f"Type {n}",
            "category": draw(st.sampled_from(["aircraft", "naval"])),
            "description": "A row.",
            "sources": draw(_some(source_ids)),
            **({"ordered": draw(DATES)} if draw(st.booleans()) else {}),
        }
        for n in range(draw(st.integers(0, 4)))
    ]
    scenarios = [
        {
            "id": f"sc-{n}",
            "title": f"Scenario {n}",
            "summary": "What may come.",
            "themes": draw(_some(theme_ids)),
            "countries": draw(_some(COUNTRIES)),
        }
        for n in range(draw(st.integers(0, 3)))
    ]
    points = [
        {"text": f"Point {n}", "themes": draw(_some(theme_ids)), "actors": draw(_some(actor_ids))}
        for n in range(draw(st.integers(1, 4)))
    ]
    document = {
        "themes": [
            {"id": t, "title": t.title(), **({"parent": p} if p else {})} for t, p in THEMES
        ],
        "countries": [{"code": c, "name": f"Land {c}"} for c in COUNTRIES],
        "actors": [
            {
                "id": a,
                "name": a.title(),
                "kind": "person",
                **({"country": c} if c else {}),
                "sources": draw(_some(source_ids)),
            }
            for a, c in ACTORS
        ],
        "sources": sources,
        "events": events,
        "transfers": transfers,
        "scenarios": scenarios,
        "briefings": [
            {
                "id": "br-one",
                "title": "Briefing",
                "summary": "Bottom line.",
                "themes": ["th-other"],
                "sections": [{"heading": "Points", "points": points}],
            }
        ],
    }
    fragment = parse_text("generated.yaml", yaml.safe_dump(document, sort_keys=False))
    assert not fragment.problems, fragment.problems
    return link([fragment])


FILTERS = st.fixed_dictionaries(
    {
        "theme": _some([t for t, _ in THEMES]),
        "country": _some(COUNTRIES),
        "actor": _some([a for a, _ in ACTORS]),
        "since": st.none() | DATES,
        "until": st.none() | DATES,
    }
)

# Command -> the kinds it lists, each under this JSON key.
LISTS = {
    "timeline": {"events": "events"},
    "actors": {"actors": "actors"},
    "transfers": {"transfers": "transfers"},
    "scenarios": {"scenarios": "scenarios"},
    "themes": {"themes": "themes"},
    "countries": {"countries": "countries"},
    "sources": {"sources": "sources"},
    "report": {
        "events": "events",
        "actors": "actors",
        "transfers": "transfers",
        "scenarios": "scenarios",
        "sources": "sources",
    },
}


def _key(entry: Any) -> str:
    return str(getattr(entry, "code", None) or entry.id)


def _named(text: str, ref: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(ref)}(?![\w-])", text) is not None


def _shown(result: Result, fmt: Format) -> str:
    return render(fmt, result, Options(width=200))


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(corpus=corpora(), filters=FILTERS, command=st.sampled_from(sorted(LISTS)))
def test_every_format_names_what_the_command_selected(
    corpus: Corpus, filters: dict[str, Any], command: str
) -> None:
    try:
        result = invoke(command, corpus, **filters)
    except UsageError:
        return  # --until before --since: refused before anything is selected
    data = json.loads(_shown(result, Format.json))
    for kind, key in LISTS[command].items():
        selected = [_key(e) for e in result.selection[kind]]
        listed = [e.get("id") or e.get("code") for e in data[key]]
        assert listed == selected, (kind, listed, selected)
    if command == "report":
        return
    (kind,) = LISTS[command]
    selected = [_key(e) for e in result.selection[kind]]
    everyone = [_key(e) for e in getattr(corpus, kind)]
    declared_spec = spec(command)
    assert declared_spec is not None
    # Every format that serves the command, as the renderers and the command declare it.
    for fmt in formats_for(declared_spec.gives):
        if fmt is Format.json or declared(fmt).binary:
            continue  # JSON checked above; a binary format is checked in test_hostile.py
        shown = _shown(result, fmt)
        if fmt is Format.csv:
            rows = list(csv.reader(io.StringIO(shown)))
            assert [r[0] for r in rows[1:]] == selected
            continue
        assert [r for r in everyone if _named(shown, r)] == [
            r for r in everyone if r in selected
        ], fmt


def test_the_actor_view_and_its_json_list_the_same_relations() -> None:
    """`vrmc actor X --since Y`: the relations shown are the ones the JSON lists."""
    document = {
        "themes": [{"id": "t", "title": "T"}],
        "actors": [
            {"id": "ac-a", "name": "Alpha", "kind": "person"},
            {"id": "ac-b", "name": "Beta", "kind": "person"},
            {"id": "ac-c", "name": "Gamma", "kind": "person"},
        ],
        "relations": [
            {"from": "ac-a", "to": "ac-b", "kind": "ally", "since": 2001, "until": 2013},
            {"from": "ac-a", "to": "ac-c", "kind": "partner", "since": 2019},
        ],
    }
    corpus = link([parse_text("a.yaml", yaml.safe_dump(document))])
    result = invoke("actor", corpus, name="ac-a", since="2020")
    data = json.loads(_shown(result, Format.json))
    assert [r["to"] for r in data["relations"]] == ["ac-c"]
    text = _shown(result, Format.text)
    assert "Gamma" in text and "Beta" not in text


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(
    corpus=corpora(),
    filters=FILTERS,
    edition=st.sampled_from(["full", "brief"]),
)
def test_the_report_source_summary_counts_its_sources_list(
    corpus: Corpus, filters: dict[str, Any], edition: str
) -> None:
    """The words "This report rests on N sources": N, the grades, the copies and the state media are
    those of the Sources list the report numbers, in both editions (the summary once counted
    only the briefings', events' and transfers' sources while the list also held the
    actors')."""
    try:
        result = invoke("report", corpus, edition=edition, **filters)
    except UsageError:
        return
    data = json.loads(_shown(result, Format.json))
    listed = data["sources"]
    summary = data["source_summary"]
    assert summary["sources"] == len(listed)
    graded: dict[str, int] = {}
    for source in listed:
        grade = source.get("reliability") or "ungraded"
        graded[grade] = graded.get(grade, 0) + 1
    assert summary["grades"] == graded
    assert summary["copies"] == sum(1 for s in listed if s.get("origin") or s.get("via"))
    assert summary["state_media"] == sum(1 for s in listed if s.get("state_media"))
    expected = (
        f"This report rests on {len(listed)} source{'' if len(listed) == 1 else 's'}"
        if listed
        else "This report cites no source."
    )
    assert summary["statement"].startswith(expected)
    if listed:  # the same words in the prose the reader sees
        assert expected in " ".join(_shown(result, Format.text).split())
