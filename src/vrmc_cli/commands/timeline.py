"""vrmc timeline: dated events in order."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from ..core.record import Record
from . import COUNT, FLAG, Call, Option, Result, Spec

SPEC = Spec(
    "timeline",
    "Dated events in order, each at its real precision, with countries and sources.",
    (
        "vrmc timeline --country colombia --since 2018",
        "vrmc timeline --short --reverse --limit 10",
    ),
    options=(
        Option("short", ("--short",), FLAG, "One line per event."),
        Option("reverse", ("--reverse",), FLAG, "Newest first."),
        Option("limit", ("--limit", "-n"), COUNT, "Show at most N events.", "N", minimum=1),
    ),
    gives=frozenset({DOC, DATA, ROWS}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    short: bool
    reverse: bool
    limit: int | None


def run(call: Call) -> Result:
    from ..analysis.query import pick_events
    from ..views.timeline import timeline_doc
    from ._common import csv_columns, listing, none_match

    params = call.read(Params)
    corpus = call.corpus()
    # Picked: the corpus's events are rebuilt only when one is read (not by a JSON listing
    # of a warm cache: docs/performance.md).
    events = pick_events(corpus, call.filter())
    if params.reverse:
        events = events.reversed()
    limit = params.limit
    if limit is not None:
        events = events[:limit]
    short = params.short
    return listing(
        "events",
        events,
        lambda: timeline_doc(events, short=short),
        "events",
        csv_columns("events"),
        none_match(events, events.total, "events"),
        corpus=corpus,
    )
