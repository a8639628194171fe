"""Filters and selections: which events, points, actors, transfers... a command shows.

Semantics (FORMAT.md "Filters across commands"): values of one filter are ORed, different
filters are ANDed; a theme keeps its whole subtree; an item's countries include those of the
actors it names; dates keep items whose span overlaps the window. A filter on a dimension an
item kind does not have (themes of a transfer, dates of a briefing point) does not remove it.
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections.abc import Iterable, Sequence

from .dates import PartialDate, overlaps, parse_date, span, window
from .errors import UsageError
from .model import (
    Actor,
    Briefing,
    Corpus,
    Country,
    Event,
    KeyJudgment,
    Point,
    Relation,
    Scenario,
    Section,
    Source,
    Theme,
    Transfer,
    countries_of,
)
from .record import record
from .textsafe import fold, quote, shorten


@record
class Filter:
    """Resolved filter values; an empty set means "no filter on this dimension"."""

    themes: frozenset[Theme] = frozenset()  # already expanded with every subtheme
    countries: frozenset[Country] = frozenset()
    actors: frozenset[Actor] = frozenset()
    since: PartialDate | None = None
    until: PartialDate | None = None
    # The values as the user named them, for notes and report titles.
    labels: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.themes or self.countries or self.actors or self.since or self.until)

    # -- single dimensions -----------------------------------------------------------------

    def theme_ok(self, themes: Iterable[Theme]) -> bool:
        return not self.themes or any(t in self.themes for t in themes)

    def country_ok(self, countries: Iterable[Country | None]) -> bool:
        return not self.countries or any(c in self.countries for c in countries)

    def actor_ok(self, actors: Iterable[Actor]) -> bool:
        return not self.actors or any(a in self.actors for a in actors)

    def dates_ok(self, start: PartialDate | None, end: PartialDate | None = None) -> bool:
        if not (self.since or self.until) or start is None:
            return True
        return overlaps(span(start, end), window(self.since, self.until))

    # -- item kinds ------------------------------------------------------------------------

    def event_ok(self, event: Event) -> bool:
        return (
            self.theme_ok(event.themes)
            and self.country_ok(item_countries(event.countries, event.actors))
            and self.actor_ok(event.actors)
            and self.dates_ok(event.date, event.end)
        )

    def point_ok(self, point: Point | KeyJudgment) -> bool:
        return (
            self.theme_ok((*point.themes, *point.inherited_themes))
            and self.country_ok(item_countries(point.countries, point.actors))
            and self.actor_ok(point.actors)
        )

    def actor_entry_ok(self, actor: Actor) -> bool:
        return (
            self.theme_ok(actor.themes)
            and self.country_ok((actor.country,))
            and self.actor_ok((actor,))
        )

    def transfer_ok(self, transfer: Transfer) -> bool:
        return self.country_ok((transfer.supplier, transfer.recipient)) and self.dates_ok(
            transfer.ordered
        )

    def scenario_ok(self, scenario: Scenario) -> bool:
        return self.theme_ok(scenario.themes) and self.country_ok(scenario.countries)

    def relation_ok(self, relation: Relation) -> bool:
        ends = (relation.source, relation.target)
        return (
            self.country_ok(a.country for a in ends)
            and self.actor_ok(ends)
            and self.relation_dates_ok(relation)
        )

    def relation_dates_ok(self, relation: Relation) -> bool:
        """A relation lasts from `since` to `until`; without `until` it still holds, and
        without `since` it held since before the sources say."""
        if not (self.since or self.until) or not (relation.since or relation.until):
            return True
        start = relation.since.first_day if relation.since else _dt.date.min
        end = relation.until.last_day if relation.until else _dt.date.max
        return overlaps((start, end), window(self.since, self.until))


item_countries = countries_of


# --------------------------------------------------------------------------- resolving names


def _did_you_mean(value: str, options: Iterable[str], listing: Sequence[str] = ()) -> str:
    """The closest known values; all of them (or `listing`) when there are only a few."""
    known = sorted(set(options))
    close = difflib.get_close_matches(fold(value), known, n=3, cutoff=0.5)
    if close:
        return " (did you mean " + " or ".join(repr(c) for c in close) + "?)"
    shown = list(listing) or known
    if not shown:
        return " (there are none in this corpus)"
    if len(shown) <= 8:
        return " (known: " + ", ".join(shown) + ")"
    return ""


def resolve_theme(corpus: Corpus, value: str) -> Theme:
    key = fold(value.strip())
    for theme in corpus.themes:
        if key in (theme.id, fold(theme.title)):
            return theme
    raise UsageError(
        f"unknown theme {quote(value)}"
        f"{_did_you_mean(value, (t.id for t in corpus.themes))}; see 'vrmc themes'"
    )


def resolve_country(corpus: Corpus, value: str) -> Country:
    key = fold(value.strip())
    for country in corpus.countries:
        if key in (fold(country.code), fold(country.name), *(fold(a) for a in country.aliases)):
            return country
    names = [n for c in corpus.countries for n in (c.code.lower(), fold(c.name))]
    listing = [f"{c.name} ({c.code})" for c in corpus.countries]
    hint = _did_you_mean(value, names, listing)
    raise UsageError(f"unknown country {quote(value)}{hint}; see 'vrmc countries'")


def resolve_actor(corpus: Corpus, value: str, *, prefix: bool = False) -> Actor:
    """An actor by id, name or alias (case and accents ignored); with `prefix`, a unique prefix."""
    key = fold(value.strip())
    if key:
        for actor in corpus.actors:
            if key in (actor.id, fold(actor.name), *(fold(a) for a in actor.aliases)):
                return actor
        if prefix:
            hits = [
                a for a in corpus.actors if a.id.startswith(key) or fold(a.name).startswith(key)
            ]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                listed = ", ".join(a.id for a in hits[:6])
                raise UsageError(f"{quote(value)} matches several actors: {listed}")
    names = [n for a in corpus.actors for n in (a.id, fold(a.name))]
    raise UsageError(f"unknown actor {quote(value)}{_did_you_mean(key, names)}; see 'vrmc actors'")


def resolve_briefing(corpus: Corpus, value: str) -> Briefing:
    """A briefing by id, case-insensitive, or by a unique prefix of its id."""
    key = value.strip().lower()
    if key in corpus.briefing_by_id:
        return corpus.briefing_by_id[key]
    hits = [b for b in corpus.briefings if key and b.id.startswith(key)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise UsageError(
            f"{quote(value)} matches several briefings: " + ", ".join(b.id for b in hits)
        )
    raise UsageError(
        f"unknown briefing {quote(value)}"
        f"{_did_you_mean(key, corpus.briefing_by_id)}; see 'vrmc brief'"
    )


def resolve_date(value: str, option: str) -> PartialDate:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {shorten(str(exc), 120)}") from None


def _children(corpus: Corpus) -> dict[Theme, list[Theme]]:
    """Each theme's children, in corpus order."""
    children: dict[Theme, list[Theme]] = {t: [] for t in corpus.themes}
    for theme in corpus.themes:
        if theme.parent is not None:
            children[theme.parent].append(theme)
    return children


def tree_order(corpus: Corpus) -> list[tuple[Theme, int]]:
    """Every theme with its depth, each parent before its children (corpus order among
    siblings); without recursion, as a chain of themes may be thousands deep."""
    children = _children(corpus)
    out: list[tuple[Theme, int]] = []
    stack = [(t, 0) for t in reversed(corpus.themes) if t.parent is None]
    while stack:
        theme, depth = stack.pop()
        out.append((theme, depth))
        stack.extend((child, depth + 1) for child in reversed(children[theme]))
    return out


def subtree(corpus: Corpus, theme: Theme) -> set[Theme]:
    """The theme and every theme below it."""
    children = _children(corpus)
    found = {theme}
    pending = [theme]
    while pending:
        for child in children[pending.pop()]:
            found.add(child)
            pending.append(child)
    return found


def build_filter(
    corpus: Corpus,
    *,
    themes: Sequence[str] = (),
    countries: Sequence[str] = (),
    actors: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
) -> Filter:
    """Resolve what the user typed into a Filter; unknown values raise UsageError."""
    theme_set: set[Theme] = set()
    for value in themes:
        theme_set |= subtree(corpus, resolve_theme(corpus, value))
    # `is not None`: an empty `--since ''` is a mistake to report, not a missing option.
    start = resolve_date(since, "--since") if since is not None else None
    end = resolve_date(until, "--until") if until is not None else None
    if start and end and end.last_day < start.first_day:
        raise UsageError(f"--until {end} comes before --since {start}")
    labels = (
        *(f"theme {v}" for v in themes),
        *(f"country {v}" for v in countries),
        *(f"actor {v}" for v in actors),
        *((f"since {start}",) if start else ()),
        *((f"until {end}",) if end else ()),
    )
    return Filter(
        themes=frozenset(theme_set),
        countries=frozenset(resolve_country(corpus, v) for v in countries),
        actors=frozenset(resolve_actor(corpus, v) for v in actors),
        since=start,
        until=end,
        labels=labels,
    )


# --------------------------------------------------------------------------- selections


def select_events(corpus: Corpus, f: Filter) -> list[Event]:
    """The events `f.event_ok` keeps, in corpus order. It runs over every event of the corpus
    (100,000 in the largest benchmark), so the tests are spelled out: one pass per active
    filter, frozenset.isdisjoint (C) instead of a call and a set per event, the most
    selective (countries, actors) first; an event's actors count for their countries."""
    events: Sequence[Event] = corpus.events
    if f.countries:
        wanted = f.countries
        events = [
            e
            for e in events
            if not wanted.isdisjoint(e.countries)
            or not wanted.isdisjoint([a.country for a in e.actors])
        ]
    if f.actors:
        events = [e for e in events if not f.actors.isdisjoint(e.actors)]
    if f.themes:
        events = [e for e in events if not f.themes.isdisjoint(e.themes)]
    if f.since or f.until:
        events = [e for e in events if f.dates_ok(e.date, e.end)]
    return list(events)


@record
class BriefingView:
    """A briefing with only the key judgments and points that pass the filter."""

    briefing: Briefing
    key_judgments: tuple[KeyJudgment, ...]
    sections: tuple[Section, ...]
    see_also: tuple[Briefing, ...]

    @property
    def point_count(self) -> int:
        return sum(len(s.points) for s in self.sections)


def view_briefing(corpus: Corpus, briefing: Briefing, f: Filter) -> BriefingView:
    sections = []
    for section in briefing.sections:
        points = tuple(p for p in section.points if f.point_ok(p))
        if points or not f.active:
            sections.append(Section(section.heading, points))
    return BriefingView(
        briefing=briefing,
        key_judgments=tuple(j for j in briefing.key_judgments if f.point_ok(j)),
        sections=tuple(sections),
        see_also=corpus.see_also(briefing),
    )


def select_briefings(corpus: Corpus, f: Filter) -> list[BriefingView]:
    """Every briefing that keeps at least one point or judgment under the filter, in the
    order the corpus declares (`order`, lower first; briefings without one after, as
    loaded)."""
    ordered = sorted(corpus.briefings, key=lambda b: (b.order is None, b.order or 0))
    views = [view_briefing(corpus, b, f) for b in ordered]
    if not f.active:
        return views
    return [v for v in views if v.point_count or v.key_judgments]


def select_actors(corpus: Corpus, f: Filter) -> list[Actor]:
    return [a for a in corpus.actors if f.actor_entry_ok(a)]


def transfer_order(transfer: Transfer) -> tuple[bool, tuple[int, int, int], str]:
    """By order date (undated last), then id."""
    key = transfer.ordered.key if transfer.ordered else (0, 0, 0)
    return (transfer.ordered is None, key, transfer.id)


def select_transfers(corpus: Corpus, f: Filter, categories: Sequence[str] = ()) -> list[Transfer]:
    wanted = {fold(c) for c in categories}
    known = {fold(t.category) for t in corpus.transfers}
    for value in categories:
        if fold(value) not in known:
            raise UsageError(f"unknown category {quote(value)}{_did_you_mean(fold(value), known)}")
    chosen = [
        t
        for t in corpus.transfers
        if f.transfer_ok(t) and (not wanted or fold(t.category) in wanted)
    ]
    return sorted(chosen, key=transfer_order)


def select_scenarios(corpus: Corpus, f: Filter) -> list[Scenario]:
    return [s for s in corpus.scenarios if f.scenario_ok(s)]


def relations_of(corpus: Corpus, actor: Actor) -> list[Relation]:
    """Relations in both directions, in corpus order."""
    return [r for r in corpus.relations if actor in (r.source, r.target)]


def select_relations(corpus: Corpus, f: Filter) -> list[Relation]:
    return [r for r in corpus.relations if f.relation_ok(r)]


# --------------------------------------------------------------------------- counts


def all_points(corpus: Corpus) -> list[tuple[Briefing, Point | KeyJudgment]]:
    found: list[tuple[Briefing, Point | KeyJudgment]] = []
    for briefing in corpus.briefings:
        found.extend((briefing, j) for j in briefing.key_judgments)
        for section in briefing.sections:
            found.extend((briefing, p) for p in section.points)
    return found


@record
class ThemeCount:
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


@record
class CountryCount:
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


@record
class SourceCount:
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
