"""The index of events' keys (corpus/keys.py) and the corpus cache's two parts (cache.py).

A filter of events runs over the index: each distinct key of an active dimension is tested
once, with the Filter's own test. For any corpus and any filters, what it keeps must be what
the filters' meaning (FORMAT.md "Filters across commands", stated again below, entry by entry)
keeps, whether the index was worked out from the events or read from the cache (where the
events themselves are not read until asked for).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE, examples, invoke
from vrmc_cli.analysis.geo import distance_km
from vrmc_cli.analysis.query import Filter, build_filter, pick_events, select_events
from vrmc_cli.core.dates import overlaps, span, window
from vrmc_cli.core.errors import VrmcError
from vrmc_cli.corpus import cache, keys, model
from vrmc_cli.corpus.model import Corpus, Event
from vrmc_cli.corpus.roots import load_corpus

THEMES = [("th-root", None), ("th-child", "th-root"), ("th-leaf", "th-child"), ("th-other", None)]
COUNTRIES = ["AA", "BB", "CC"]
ACTORS = [("ac-one", "AA"), ("ac-two", "BB"), ("ac-three", None)]
PLACES = [
    ("pl-north", "AA", 10.0, 20.0),
    ("pl-near", "AA", 10.1, 20.1),
    ("pl-far", "BB", -30.0, 40.0),
]
DATES = ["2001", "2003-04", "2003-04-09", "2005-06-07", "2008", "2010-12"]


def _some(items: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(items), unique=True, max_size=len(items))


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A topic file: a theme tree, countries, actors (some with a country), places, and
    events with any themes, countries, actors, places, routes and spans."""
    theme_ids = [t for t, _ in THEMES]
    actor_ids = [a for a, _ in ACTORS]
    place_ids = [p for p, *_ in PLACES]
    events = []
    for n in range(draw(st.integers(0, 8))):
        start, end = sorted(draw(st.lists(st.sampled_from(DATES), min_size=2, max_size=2)))
        event: dict[str, Any] = {
            "id": f"ev-{n}",
            "date": start,
            "title": f"Event {n}",
            "themes": draw(_some(theme_ids).filter(bool)),
            "countries": draw(_some(COUNTRIES)),
            "actors": draw(_some(actor_ids)),
            "places": draw(_some(place_ids)),
        }
        if end != start and not end.startswith(start):
            event["end"] = end
        if draw(st.booleans()):
            event["origin"], event["destination"] = draw(
                st.lists(st.sampled_from(place_ids), min_size=2, max_size=2, unique=True)
            )
        events.append(event)
    document: dict[str, Any] = {
        "themes": [
            {"id": t, "title": t.title(), **({"parent": p} if p else {})} for t, p in THEMES
        ],
        "countries": [{"code": c, "name": f"Land {c}"} for c in COUNTRIES],
        "actors": [
            {"id": a, "name": a.title(), "kind": "person", **({"country": c} if c else {})}
            for a, c in ACTORS
        ],
        "places": [
            {"id": p, "name": p.title(), "country": c, "latitude": lat, "longitude": lon}
            for p, c, lat, lon in PLACES
        ],
        "events": events,
    }
    if events:
        document["briefings"] = [
            {
                "id": "br-one",
                "title": "Briefing",
                "summary": "Bottom line.",
                "themes": ["th-other"],
                "key_judgments": [{"text": "Judged.", "basis": [e["id"] for e in events[:2]]}],
                "sections": [{"heading": "Points", "points": ["A point."]}],
            }
        ]
    return document


FILTERS = st.fixed_dictionaries(
    {
        "themes": _some([t for t, _ in THEMES]),
        "countries": _some(COUNTRIES),
        "actors": _some([a for a, _ in ACTORS]),
        "since": st.none() | st.sampled_from(DATES),
        "until": st.none() | st.sampled_from(DATES),
        "places": _some([p for p, *_ in PLACES]),
        "near": st.none() | st.sampled_from(["pl-north", "pl-far", "10,20"]),
        "within": st.none() | st.sampled_from([1.0, 25.0, 5000.0]),
    }
)


def meant(corpus: Corpus, f: Filter) -> list[str]:
    """The ids of the events the filters keep, by their meaning, event by event: a theme
    keeps its subtree (build_filter expands it), an event's countries include its actors',
    a span overlaps the window, a place is one of the event's places or route ends, near is
    within the distance of one of them."""
    themes = {t.id for t in f.themes}
    codes = {c.code for c in f.countries}
    actors = {a.id for a in f.actors}
    places = {p.id for p in f.places}

    def kept(e: Event) -> bool:
        located = [*e.places, *(p for p in (e.origin, e.destination) if p is not None)]
        own = {c.code for c in e.countries} | {a.country.code for a in e.actors if a.country}
        if themes and not themes & {t.id for t in e.themes}:
            return False
        if codes and not codes & own:
            return False
        if actors and not actors & {a.id for a in e.actors}:
            return False
        if (f.since or f.until) and not overlaps(span(e.date, e.end), window(f.since, f.until)):
            return False
        if places and not places & {p.id for p in located}:
            return False
        if f.near is not None:
            lat, lon, km = f.near
            if not any(distance_km(lat, lon, p.latitude, p.longitude) <= km for p in located):
                return False
        return True

    return [e.id for e in corpus.events if kept(e)]


def _filter(corpus: Corpus, names: dict[str, Any]) -> Filter:
    since, until = names["since"], names["until"]
    if since and until and until < since:
        since, until = until, since
    return build_filter(
        corpus,
        themes=names["themes"],
        countries=names["countries"],
        actors=names["actors"],
        since=since,
        until=until,
        places=names["places"],
        near=names["near"],
        within=names["within"] if names["near"] else None,
    )


def _unread(corpus: Corpus) -> bool:
    """Whether the corpus's events are still in its cache file, not read."""
    found = model.UNREAD.get(id(corpus))
    return found is not None and found[0] is corpus


@settings(max_examples=examples(120), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents(), st.lists(FILTERS, min_size=1, max_size=3))
def test_the_index_keeps_what_the_filters_mean(
    document: dict[str, Any], filters: list[dict[str, Any]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "topic.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
        parsed = load_corpus([folder], use_cache=False)
        cold = load_corpus([folder])  # links, writes the cache
        warm = load_corpus([folder])  # reads it: the events wait in the file
        assert _unread(warm) and not _unread(cold)
        for names in filters:
            expected = meant(parsed, _filter(parsed, names))
            for corpus in (parsed, cold, warm):
                f = _filter(corpus, names)
                picked = pick_events(corpus, f)
                assert len(picked) == len(expected)
                assert picked.total == len(document["events"])
                assert [e.id for e in select_events(corpus, f)] == expected
                assert [e.id for e in corpus.events if f.event_ok(e)] == expected
        # Read at last, the events are the ones the light part refers to: one object each.
        assert not _unread(warm)
        if warm.briefings:
            basis = warm.briefings[0].key_judgments[0].basis
            assert all(any(e is b for e in warm.events) for b in basis)
            assert warm.briefing_by_id["br-one"] is warm.briefings[0]


def test_a_warm_json_timeline_never_reads_the_events(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the entries' JSON kept beside the cache, a warm `timeline -f json` filters on the
    index and writes the kept text: the events stay in the cache file. A text timeline reads
    them."""
    read: list[int] = []
    fill = cache._fill

    def counting(corpus: Corpus, *rest: Any) -> None:
        read.append(id(corpus))
        fill(corpus, *rest)

    monkeypatch.setattr(cache, "_fill", counting)
    monkeypatch.setattr(model, "UNREAD", {})  # none of the other tests' corpora waiting
    for filters in (("--country", "XA", "--reverse"), ("--since", "2005", "--theme", "military")):
        args = ("-b", str(FIXTURE), "timeline", *filters, "-f", "json")
        cold = invoke(*args)  # parses, links, writes the cache and the entries' JSON
        warm = invoke(*args)
        assert cold.exit_code == warm.exit_code == 0
        assert warm.stdout == cold.stdout and '"id"' in warm.stdout
        assert read == []
    text = invoke("-b", str(FIXTURE), "timeline", "--country", "XA", "-f", "text")
    assert text.exit_code == 0 and len(read) == 1


def _cache_file(folder: str) -> str:
    path = cache.cache_path([folder])
    assert path is not None and os.path.exists(path)
    return path


@pytest.mark.parametrize("where", ["in a title", "at the end"])
def test_a_damaged_heavy_part_is_an_error_and_the_cache_is_removed(
    tmp_path: Path, where: str
) -> None:
    """The second section is read after the first, from the same open file: written over in
    place meanwhile (a letter of a title: it unpickles, but its CRC-32 differs; its last
    byte, the pickle's STOP), it is refused, said so, and the cache file removed, so the
    next run parses again."""
    document = {
        "themes": [{"id": "th", "title": "Th"}],
        "events": [{"id": "ev", "date": "2001", "title": "An event", "themes": ["th"]}],
    }
    (tmp_path / "topic.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    folder = str(tmp_path)
    load_corpus([folder])
    path = _cache_file(folder)
    warm = load_corpus([folder])
    assert _unread(warm)
    with open(path, "r+b") as fh:
        first = int.from_bytes(fh.read(12)[4:], "big")
        fh.seek(12 + first)
        second = int.from_bytes(fh.read(12)[4:], "big")
        body = fh.read(second)
        at = body.index(b"An event") + 3 if where == "in a title" else second - 1
        fh.seek(12 + first + 12 + at)
        fh.write(b"E" if where == "in a title" else bytes([body[at] ^ 0xFF]))
    with pytest.raises(VrmcError, match="written over while in use; it is removed"):
        _ = warm.events
    assert not os.path.exists(path)
    again = load_corpus([folder])
    assert [e.title for e in again.events] == ["An event"]


def test_few_corpora_wait_for_their_events(tmp_path: Path) -> None:
    """Reading more corpora than wait at once reads the first's events: each still has its
    own, whichever order they are asked for in."""
    folders = []
    for n in range(cache._UNREAD_AT_MOST + 2):
        folder = tmp_path / f"c{n}"
        folder.mkdir()
        document = {
            "themes": [{"id": "th", "title": "Th"}],
            "events": [{"id": f"ev-{n}", "date": "2001", "title": "Event", "themes": ["th"]}],
        }
        (folder / "topic.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
        load_corpus([str(folder)])
        folders.append(str(folder))
    warm = [load_corpus([f]) for f in folders]
    assert sum(_unread(c) for c in warm) == cache._UNREAD_AT_MOST
    assert not _unread(warm[0]) and _unread(warm[-1])
    for n, corpus in reversed(list(enumerate(warm))):
        assert [e.id for e in corpus.events] == [f"ev-{n}"]
        assert corpus.events[0].themes[0] is corpus.themes[0]


def test_an_index_read_from_the_cache_is_the_one_worked_out(tmp_path: Path) -> None:
    """Each dimension's keys and numbers, the dates made again from their numbers."""
    folder = str(FIXTURE)
    cold = load_corpus([folder])
    warm = load_corpus([folder])
    made, read = keys.event_index(cold), keys.event_index(warm)
    assert made.count == read.count == len(cold.events)
    for d in range(keys.DIMENSIONS):
        (made_keys, made_numbers), (read_keys, read_numbers) = made.dimension(d), read.dimension(d)
        assert list(made_numbers) == list(read_numbers)
        named = [[getattr(x, "id", None) or getattr(x, "code", x) for x in k] for k in made_keys]
        assert named == [
            [getattr(x, "id", None) or getattr(x, "code", x) for x in k] for k in read_keys
        ]
