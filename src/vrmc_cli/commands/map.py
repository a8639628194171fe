"""vrmc map: where things happened, place by place."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from . import Call, Result, Spec

SPEC = Spec(
    "map",
    "Places by country: how many events happened at each, and when.\n\n"
    "A place is declared once (places: in a topic file) and named by events (places, "
    "origin, destination), transfers and actors (seat). With --near PLACE --within KM (or "
    "--place), only the places of what those filters keep. The actors seated at a place are "
    "named under its table, not counted as events. vrmc export geojson hands the located "
    "events to a map.",
    ("vrmc map", "vrmc map --country venezuela", "vrmc map --near caracas --within 50 -f json"),
    gives=frozenset({DOC, DATA, ROWS}),
)


def run(call: Call) -> Result:
    from ..analysis.counts import place_counts
    from ..analysis.query import select_actors
    from ..corpus.model import Actor
    from ..views.places import map_doc
    from ._common import csv_columns, listing, none_match

    corpus = call.corpus()
    f = call.filter()
    counts, located, unlocated = place_counts(corpus, f)
    chosen = [c.place for c in counts]
    by_id = {c.place.id: c for c in counts}
    # The actors the filter keeps, by the place they sit at (by id, in corpus order).
    seats: dict[str, list[Actor]] = {}
    for actor in select_actors(corpus, f):
        if actor.seat is not None:
            seats.setdefault(actor.seat.id, []).append(actor)
    notes = none_match(chosen, len(corpus.places), "places")
    return listing(
        "places",
        chosen,
        lambda: map_doc(counts, located, unlocated, seats),
        "places",
        csv_columns("places", last=("events", "transfers", "first", "last", "seat_of")),
        notes,
        extra=lambda p: {
            "events": [e.id for e in by_id[p.id].events],
            "transfers": [t.id for t in by_id[p.id].transfers],
            "first": str(by_id[p.id].first) if by_id[p.id].first else None,
            "last": str(by_id[p.id].last) if by_id[p.id].last else None,
            "seat_of": [a.id for a in seats.get(p.id, ())],
        },
    )
