"""vrmc actor: one actor in full."""

from __future__ import annotations

from ..core.record import Record
from . import Argument, Call, Result, Spec

SPEC = Spec(
    "actor",
    "One actor: summary, roles over time, stance, relations, events and briefing points.",
    (
        "vrmc actor vladimir-putin",
        "vrmc actor chávez",
        "vrmc actor padrino",
        "vrmc actor rosoboron --since 2019",
    ),
    arguments=(
        Argument(
            "name",
            "ID-OR-NAME",
            "Actor id, name, alias, surname, or the start of one.",
            complete="actor",
        ),
    ),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    name: str


def run(call: Call) -> Result:
    from ..analysis.query import (
        Filter,
        all_points,
        resolve_actor,
        select_events,
        select_relations,
    )
    from ..corpus.model import KeyJudgment, Point
    from ..corpus.serialize import entries, entry
    from ..views.actors import actor_doc
    from ._common import undated_note

    params = call.read(Params)
    corpus, f = call.corpus(), call.filter()
    who = resolve_actor(corpus, params.name)
    events = [e for e in select_events(corpus, f) if who in e.actors]
    points: list[tuple[str, Point | KeyJudgment]] = [
        (b.id, p) for b, p in all_points(corpus) if who in p.actors and f.point_ok(p)
    ]
    # Relations are the actor's own: only the date filter applies to them.
    relations = [
        r
        for r in select_relations(corpus, Filter(since=f.since, until=f.until))
        if who in (r.source, r.target)
    ]
    return Result(
        {"actors": [who], "relations": relations, "events": events},
        lambda: actor_doc(who, relations, events, points),
        lambda: {
            "actor": entry("actors", who),
            "relations": entries("relations", relations),
            "events": [e.id for e in events],
            "points": [{"briefing": bid, "text": p.text} for bid, p in points],
        },
        notes=undated_note(f, relations, "relation")
        + undated_note(f, [p for _, p in points], "briefing point"),
    )
