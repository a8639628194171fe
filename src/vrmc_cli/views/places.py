"""Where things happened (`vrmc map`): places by country, with what happened at each."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..analysis.counts import PlaceCount
from ..analysis.query import actor_name_order
from ..core.doc import Block, Doc, Heading, Locator, Para, Span, Spot, Table, plain
from ..corpus.model import Actor
from .base import plural

# The actors seated at each place (by place id): named beside the table, never counted as
# events.
Seats = Mapping[str, Sequence[Actor]]


def degrees(latitude: float, longitude: float) -> str:
    """`10.48°N 66.90°W`: two decimals, about a kilometre; compact, so that a country's table
    of places keeps its columns at 80 columns (a terminal's width)."""
    ns = "N" if latitude >= 0 else "S"
    ew = "E" if longitude >= 0 else "W"
    return f"{abs(latitude):.2f}°{ns} {abs(longitude):.2f}°{ew}"


def span_text(count: PlaceCount) -> str:
    if count.first is None or count.last is None:
        return ""
    first, last = count.first.human(), count.last.human()
    return first if first == last else f"{first} – {last}"


def place_anchor(place_id: str) -> str:
    return f"place-{place_id}"


def locator(counts: Sequence[PlaceCount], title: str = "Where events happened") -> Locator:
    """The locator map of the places with events, each sized by its event count and linking
    to its row in the places table."""
    return Locator(
        title,
        tuple(
            Spot(
                c.place.latitude,
                c.place.longitude,
                c.place.name,
                len(c.events),
                place_anchor(c.place.id),
                c.place.country.code if c.place.country else "",
            )
            for c in sorted(counts, key=lambda c: c.place.id)
            if c.events
        ),
    )


def map_blocks(
    counts: Sequence[PlaceCount],
    located: int,
    unlocated: int,
    level: int = 2,
    seats: Seats | None = None,
) -> list[Block]:
    """The map's summary line and locator, then one table per country: each place with the
    events (and, when any place has some, transfers) located there and their dates; below
    a table, the actors seated at its places (a seat is not an event)."""
    seats = seats or {}
    moved = any(c.transfers for c in counts)
    blocks: list[Block] = []
    events = plural(located + unlocated, "event")
    have = "has" if located + unlocated == 1 else "have"
    line = f"{plural(len(counts), 'place')}; {located} of {events} {have} a place"
    if unlocated:
        line += f", {unlocated} {'has' if unlocated == 1 else 'have'} none"
    blocks.append(Para(plain(line + ".")))
    if any(c.events for c in counts):
        blocks.append(locator(counts))
    groups: dict[str, list[PlaceCount]] = {}
    for count in counts:
        country = count.place.country.name if count.place.country else "No country given"
        groups.setdefault(country, []).append(count)
    for country in sorted(groups, key=lambda c: (c == "No country given", c.casefold())):
        members = sorted(groups[country], key=lambda c: (-len(c.events), c.place.name))
        rows = tuple(
            (
                plain(c.place.name),
                plain(c.place.precision or ""),
                plain(str(len(c.events))),
                *((plain(str(len(c.transfers))),) if moved else ()),
                plain(span_text(c)),
                plain(degrees(c.place.latitude, c.place.longitude)),
            )
            for c in members
        )
        blocks.append(Heading(level, country))
        blocks.append(
            Table(
                (
                    "place",
                    "precision",
                    "events",
                    *(("transfers",) if moved else ()),
                    "dates",
                    "where",
                ),
                rows,
                numeric=(False, False, True, *((True,) if moved else ()), False, False),
                whole=(False, True, True, *((True,) if moved else ()), True, True),
                anchors=tuple(place_anchor(c.place.id) for c in members),
            )
        )
        seated = [
            (c.place.name, sorted(seats[c.place.id], key=actor_name_order))
            for c in members
            if seats.get(c.place.id)
        ]
        if seated:
            said = "; ".join(f"{', '.join(a.name for a in who)} ({name})" for name, who in seated)
            blocks.append(Para(plain(f"Seated here: {said}.")))
    return blocks


def map_doc(
    counts: Sequence[PlaceCount], located: int, unlocated: int, seats: Seats | None = None
) -> Doc:
    heading: list[Block] = [Heading(1, "Map")]
    if not counts:
        return Doc("Map", (*heading, Para((Span("No place matches."),))))
    return Doc("Map", (*heading, *map_blocks(counts, located, unlocated, seats=seats)))
