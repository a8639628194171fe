"""How many items each theme, country, source and place has: the counts of `vrmc themes`,
`countries`, `sources` and `map` (and a report's map). Apart from query.py, so that a run of
another command does not make their record classes (docs/performance.md)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..core.dates import PartialDate
from ..core.record import Record
from ..corpus.keys import event_places
from ..corpus.model import Corpus, Country, Event, Place, Source, Theme, Transfer
from .query import (
    Filter,
    all_points,
    item_countries,
    select_events,
    transfer_dates,
    tree_order,
)


class ThemeCount(Record):
    """A theme with how many events and points it tags."""

    theme: Theme
    depth: int
    events: int
    points: int


def theme_counts(corpus: Corpus, f: Filter) -> list[ThemeCount]:
    """Every theme in tree order with the events and points a `--theme` filter on it keeps:
    those tagged with it or with any theme below it, each counted once."""
    order = tree_order(corpus)
    events: dict[Theme, set[int]] = {t: set() for t in corpus.themes}
    for i, event in enumerate(select_events(corpus, f)):
        for theme in event.themes:
            events[theme].add(i)
    points: dict[Theme, set[int]] = {t: set() for t in corpus.themes}
    for i, (_, point) in enumerate(all_points(corpus)):
        if f.point_ok(point):
            for theme in (*point.themes, *point.inherited_themes):
                points[theme].add(i)
    # Children before parents: each theme's sets gather its whole subtree's.
    for theme, _ in reversed(order):
        if theme.parent is not None:
            events[theme.parent] |= events[theme]
            points[theme.parent] |= points[theme]
    return [ThemeCount(t, depth, len(events[t]), len(points[t])) for t, depth in order]


class CountryCount(Record):
    """A country with how many events, actors and transfers name it."""

    country: Country
    events: int
    actors: int
    transfers: int


def country_counts(corpus: Corpus, f: Filter) -> list[CountryCount]:
    events = select_events(corpus, f)
    out = []
    for country in corpus.countries:
        if f.countries and country not in f.countries:
            continue
        out.append(
            CountryCount(
                country,
                sum(1 for e in events if country in item_countries(e.countries, e.actors)),
                sum(1 for a in corpus.actors if a.country is country),
                sum(1 for t in corpus.transfers if country in (t.supplier, t.recipient)),
            )
        )
    return out


class SourceCount(Record):
    """A source with how many items cite it."""

    source: Source
    citations: int


def source_counts(corpus: Corpus) -> list[SourceCount]:
    """Each source with how many entries (events, points, actors, ...) cite it."""
    cited: dict[int, int] = {}

    def count(sources: Iterable[Source]) -> None:
        for s in set(sources):
            cited[id(s)] = cited.get(id(s), 0) + 1

    for e in corpus.events:
        count(e.sources)
    for a in corpus.actors:
        count(a.sources)
    for b in corpus.briefings:
        count(b.sources)
    for _, p in all_points(corpus):
        count(p.sources)
    for r in corpus.relations:
        count(r.sources)
    for t in corpus.transfers:
        count(t.sources)
    return [SourceCount(s, cited.get(id(s), 0)) for s in corpus.sources]


class PlaceCount(Record, frozen=True):
    """A place with the selected events and transfers located there, and their dates."""

    place: Place
    events: tuple[Event, ...]
    transfers: tuple[Transfer, ...]
    first: PartialDate | None
    last: PartialDate | None


def place_counts(corpus: Corpus, f: Filter) -> tuple[list[PlaceCount], int, int]:
    """Each place with what the filter selects there (every place when no filter is on;
    with one, only the places something selected is at), and how many selected events
    have a place and how many have none."""
    events = select_events(corpus, f)
    transfers = [t for t in corpus.transfers if f.transfer_ok(t)]
    return counts_at(corpus.places, events, transfers, every=not f.active)


def counts_at(
    places: Sequence[Place], events: Sequence[Event], transfers: Sequence[Transfer], every: bool
) -> tuple[list[PlaceCount], int, int]:
    """Each of `places` with the events and transfers located there (only those with some
    unless `every`), and how many of the events have a place and how many have none."""
    by_place: dict[str, list[Event]] = {}
    located = 0
    for event in events:
        found = event_places(event)
        located += bool(found)
        for place in found:
            by_place.setdefault(place.id, []).append(event)
    moved: dict[str, list[Transfer]] = {}
    for transfer in transfers:
        for place in transfer.places:
            moved.setdefault(place.id, []).append(transfer)
    out: list[PlaceCount] = []
    for place in places:
        at = by_place.get(place.id, [])
        there = moved.get(place.id, [])
        if not every and not at and not there:
            continue
        dates = [d for e in at for d in (e.date, e.end) if d is not None]
        dates += [d for t in there for d in transfer_dates(t)]
        first = min(dates, key=lambda d: d.first_day) if dates else None
        last = max(dates, key=lambda d: d.last_day) if dates else None
        out.append(PlaceCount(place, tuple(at), tuple(there), first, last))
    return out, located, len(events) - located
