"""vrmc countries: countries, their aliases and what involves each."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from . import Call, Result, Spec

SPEC = Spec(
    "countries",
    "Countries with their aliases and how many events, actors and transfers involve each.",
    ("vrmc countries", "vrmc countries -f json"),
    gives=frozenset({DOC, DATA, ROWS}),
)


def run(call: Call) -> Result:
    from ..analysis.counts import country_counts
    from ..analysis.query import country_name_order
    from ..views.lists import countries_doc
    from ._common import csv_columns, listing, none_match

    corpus = call.corpus()
    counts = country_counts(corpus, call.filter())
    by_country = {c.country: c for c in counts}
    chosen = [c.country for c in counts]
    return listing(
        "countries",
        chosen,
        lambda: countries_doc(counts),
        "countries",
        csv_columns("countries", last=("events", "actors", "transfers")),
        none_match(chosen, len(corpus.countries), "countries"),
        extra=lambda c: {
            "events": by_country[c].events,
            "actors": by_country[c].actors,
            "transfers": by_country[c].transfers,
        },
        row_order=country_name_order,
    )
