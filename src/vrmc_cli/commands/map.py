"""vrmc map: where things happened, place by place."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from . import Call, Result, Spec

SPEC = Spec(
    "map",
    "Places by country: how many events happened at each, and when.\n\n"
    "A place is declared once (places: in a topic file) and named by events (places, "
    "origin, destination) and transfers. With --near PLACE --within KM (or --place), only "
    "the places of what those filters keep. vrmc export geojson hands the located events "
    "to a map.",
    ("vrmc map", "vrmc map --country venezuela", "vrmc map --near caracas --within 50 -f json"),
    gives=frozenset({DOC, DATA, ROWS}),
)


def run(call: Call) -> Result:
    from ..analysis.query import place_counts
    from ..views.places import map_doc
    from ._common import csv_columns, listing, none_match

    corpus = call.corpus()
    counts, located, unlocated = place_counts(corpus, call.filter())
    chosen = [c.place for c in counts]
    by_id = {c.place.id: c for c in counts}
    notes = none_match(chosen, len(corpus.places), "places")
    return listing(
        "places",
        chosen,
        lambda: map_doc(counts, located, unlocated),
        "places",
        csv_columns("places", last=("events", "transfers", "first", "last")),
        notes,
        extra=lambda p: {
            "events": [e.id for e in by_id[p.id].events],
            "transfers": [t.id for t in by_id[p.id].transfers],
            "first": str(by_id[p.id].first) if by_id[p.id].first else None,
            "last": str(by_id[p.id].last) if by_id[p.id].last else None,
        },
    )
