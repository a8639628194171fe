"""vrmc export: the selection as a file for another tool (TimelineJS, STIX, SQLite, iCalendar)."""

from __future__ import annotations

from ..core.formats import FILE
from ..core.record import Record
from . import TEXT, Argument, Call, Option, Result, Spec

# Export format -> what it is, for --help and for messages.
EXPORTS = {
    "timelinejs": "TimelineJS 3 JSON of the events",
    "stix": "a STIX 2.1 bundle of actors, relations, briefings and key judgments",
    "sqlite": "an SQLite database, one table per kind, with full-text search (needs -o)",
    "ics": "an iCalendar file of the events",
    "geojson": "a GeoJSON (RFC 7946) FeatureCollection of the located events",
}

SPEC = Spec(
    "export",
    "Write the selection as a file for another tool: "
    + "; ".join(f"{name}: {what}" for name, what in EXPORTS.items())
    + ".\n\nThe shared filters choose what goes in; --format does not apply. The output is "
    "the same for the same corpus: ids and timestamps come from the corpus, not the clock.",
    (
        "vrmc export timelinejs -o timeline.json",
        "vrmc export stix --country venezuela -o venezuela-stix.json",
        "vrmc export sqlite -o vrmc.db && datasette vrmc.db",
        "vrmc export ics --since 2019 > events.ics",
    ),
    options=(
        Option(
            "output",
            ("--output", "-o"),
            TEXT,
            "Write to FILE (replaced whole) instead of stdout; '-' is stdout.",
            metavar="FILE",
        ),
    ),
    arguments=(
        Argument(
            "export_format",
            "FORMAT",
            "One of: " + ", ".join(EXPORTS) + ".",
            choices=tuple(EXPORTS),
            noun="export format",
        ),
    ),
    gives=frozenset({FILE}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    export_format: str
    output: str | None


def run(call: Call) -> Result:
    import json

    params = call.read(Params)
    from ..analysis.query import (
        select_actors,
        select_briefings,
        select_events,
        select_relations,
        select_scenarios,
        select_transfers,
    )
    from ..core.doc import Doc
    from ..core.errors import UsageError
    from ..corpus.keys import event_places
    from ..corpus.serialize import entries, entry
    from ..views import exports
    from ._common import briefing_json

    name = params.export_format  # one of EXPORTS (commands.checked)
    target = params.output
    if target == "-":
        target = None
    if name == "sqlite" and params.output is None:
        raise UsageError("export sqlite writes a database file: give -o FILE (or -o - for a pipe)")

    corpus, f = call.corpus(), call.filter()
    events = select_events(corpus, f)
    briefings = select_briefings(corpus, f)
    actors = select_actors(corpus, f)
    relations = select_relations(corpus, f)
    transfers = select_transfers(corpus, f) if name == "sqlite" else []
    scenarios = select_scenarios(corpus, f) if name == "sqlite" else []
    selection: dict[str, list[object]] = {"events": list(events)}

    def as_json(obj: object) -> bytes:
        return (json.dumps(obj, ensure_ascii=True, indent=2) + "\n").encode("ascii")

    def build() -> bytes:
        day = exports.stamp_date(corpus.topic, corpus.events)
        if name == "timelinejs":
            return as_json(exports.timelinejs(corpus.topic, events))
        if name == "ics":
            return exports.ics(corpus.topic, events, day).encode("utf-8")
        if name == "geojson":
            return as_json(exports.geojson(corpus.topic, events))
        if name == "stix":
            chosen = [(v.briefing, v.key_judgments) for v in briefings]
            return as_json(exports.stix(corpus.topic, actors, relations, chosen, day))
        return exports.sqlite(
            {
                "topic": [entry("topic", corpus.topic)] if corpus.topic else [],
                # The reference lists go in whole, so every link resolves in the database.
                "themes": entries("themes", corpus.themes),
                "countries": entries("countries", corpus.countries),
                "places": entries("places", corpus.places),
                "sources": entries("sources", corpus.sources),
                "events": entries("events", events),
                "actors": entries("actors", actors),
                "relations": entries("relations", relations),
                "briefings": [briefing_json(v) for v in briefings],
                "transfers": entries("transfers", transfers),
                "scenarios": entries("scenarios", scenarios),
                # ACH questions and hypotheses are reference lists too (docs/ach.md).
                "questions": entries("questions", corpus.questions),
                "hypotheses": entries("hypotheses", corpus.hypotheses),
            }
        )

    unplaced = 0
    if name == "geojson":
        # One feature per located event: the count says what the file holds.
        located = [e for e in events if event_places(e)]
        unplaced = len(events) - len(located)
        selection = {"events": list(located)}
    if name == "stix":
        selection = {
            "actors": list(actors),
            "relations": list(relations),
            "briefings": [v.briefing for v in briefings],
        }
    elif name == "sqlite":
        selection = {
            "events": list(events),
            "actors": list(actors),
            "relations": list(relations),
            "briefings": [v.briefing for v in briefings],
            "transfers": list(transfers),
            "scenarios": list(scenarios),
        }
    notes: tuple[str, ...] = ()
    counted = {k: len(v) for k, v in selection.items()}
    if not any(counted.values()):
        what = "events with a place" if name == "geojson" and unplaced else " or ".join(counted)
        notes = (f"nothing to export: no {what} match the filters",)
    elif target is not None:
        from ..views.base import plural

        parts = ", ".join(plural(n, k[:-1]) for k, n in counted.items())
        notes = (f"wrote {parts} to {target}",)
    if unplaced:
        notes += (
            f"{unplaced} of the {len(events)} selected events left out: "
            f"{'it has' if unplaced == 1 else 'they have'} no place",
        )
    if name == "stix" and any(counted.values()):
        cited = {s.id: s for a in actors for s in a.sources}
        cited.update((s.id, s) for r in relations for s in r.sources)
        cited.update((s.id, s) for v in briefings for s in v.briefing.sources)
        cited.update((s.id, s) for v in briefings for j in v.key_judgments for s in j.sources)
        unusable = sorted(i for i, s in cited.items() if s.url and exports.stix_url(s.url) is None)
        if unusable:
            notes += (
                f"{len(unusable)} source URL{'s' if len(unusable) > 1 else ''} left out of the "
                "STIX references, not being URIs (no scheme, or no host): "
                + ", ".join(unusable[:3])
                + (" …" if len(unusable) > 3 else ""),
            )
    return Result(
        selection,
        lambda: Doc(f"Export {name}", ()),
        lambda: {},
        notes=notes,
        file=build,
        target=target,
        binary=name == "sqlite",
    )
