"""Actors: the table of actors and one actor's page (`vrmc actors`, `vrmc actor`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.query import actor_name_order
from ..core.dates import PartialDate
from ..core.doc import Block, Bullets, Doc, Fields, Heading, Inline, Item, Span, Table, plain
from ..corpus.model import Actor, Event, KeyJudgment, Point, Relation
from .base import Citer, current_role, event_when, one_line, paragraphs, role_when


def actors_table(
    actors: Sequence[Actor], as_of: PartialDate | None = None, *, ids: bool = True
) -> Table:
    """The actors by name (JSON keeps them by id), each with its role at `as_of` and its id
    unless not `ids`; a seat column when one of them has a seat."""
    actors = sorted(actors, key=actor_name_order)
    seats = any(a.seat is not None for a in actors)
    rows = tuple(
        (
            (Span(a.name, "strong"), *((Span(" "), Span(a.id, "code")) if ids else ())),
            plain(a.kind),
            plain(a.country.name if a.country else ""),
            *((plain(a.seat.name if a.seat else ""),) if seats else ()),
            plain(current_role(a, as_of)),
        )
        for a in actors
    )
    anchors = tuple(actor_anchor(a.id) for a in actors)
    name = "name and id" if ids else "name"
    columns = (name, "kind", "country", *(("seat",) if seats else ()), "current role")
    return Table(columns, rows, anchors=anchors)


def actor_entries(
    actors: Sequence[Actor],
    relations: Sequence[Relation],
    citer: Citer,
    as_of: PartialDate | None = None,
    *,
    ids: bool = True,
) -> Bullets:
    """The report's actors, compact, each statement with its sources: name and role at
    `as_of`, the summary, then the actor's ties (each relation once: under its `from` actor,
    or under its `to` actor when the other is not shown), as `vrmc actor` shows them."""
    from ..analysis.network import phrase as relation_phrase
    from ..analysis.network import span_text as relation_span

    shown = {a.id for a in actors}
    items = []
    for a in sorted(actors, key=actor_name_order):
        role = current_role(a, as_of)
        head: list[Span] = [Span(a.name, "strong")]
        if ids:
            head += [Span(" "), Span(a.id, "code")]
        head.append(Span(f" — {a.kind}" + (f", {a.country.name}" if a.country else "")))
        if a.seat:
            head.append(Span(f", seat {a.seat.name}"))
        if role:
            head.append(Span(f"; {role}"))
        children: list[Block] = []
        if a.summary or a.sources:
            children.extend(paragraphs(a.summary, citer.marks(a.sources)))
        ties = [
            r for r in relations if r.source is a or (r.target is a and r.source.id not in shown)
        ]
        if ties:
            lines = []
            for r in ties:
                span = relation_span(r)
                spans = [
                    Span(f"{r.source.name} is {relation_phrase(r.kind)} {r.target.name}"),
                    *((Span(f" ({span})", "muted"),) if span else ()),
                ]
                if r.summary:
                    spans.append(Span(": " + one_line(r.summary)))
                spans.extend(citer.marks(r.sources))
                lines.append(Item(tuple(spans)))
            children.append(Bullets(tuple(lines)))
        items.append(Item(tuple(head), tuple(children), anchor=actor_anchor(a.id)))
    return Bullets(tuple(items))


def actor_anchor(actor_id: str) -> str:
    return f"actor-{actor_id}"


def actors_doc(actors: Sequence[Actor], as_of: PartialDate | None = None) -> Doc:
    blocks: list[Block] = [Heading(1, "Actors"), actors_table(actors, as_of)]
    return Doc("Actors", tuple(blocks))


def actor_blocks(
    actor: Actor,
    relations: Sequence[Relation],
    events: Sequence[Event],
    points: Sequence[tuple[str, Point | KeyJudgment]],
    citer: Citer,
    level: int = 1,
) -> list[Block]:
    blocks: list[Block] = [Heading(level, actor.name, anchor=actor_anchor(actor.id))]
    facts: list[tuple[str, Inline]] = [("Kind", plain(actor.kind))]
    if actor.country:
        facts.append(("Country", plain(actor.country.name)))
    if actor.seat:
        facts.append(("Seat", plain(actor.seat.name)))
    if actor.aliases:
        facts.append(("Also known as", plain("; ".join(actor.aliases))))
    facts.append(("Id", (Span(actor.id, "code"),)))
    blocks.append(Fields(tuple(facts)))
    blocks.extend(paragraphs(actor.summary, citer.marks(actor.sources)))
    if actor.stance:
        blocks.append(Fields((("Stance", plain(actor.stance)),)))
    if actor.roles:
        blocks.append(Heading(level + 1, "Roles"))
        blocks.append(
            Bullets(
                tuple(
                    Item(
                        (
                            Span(r.title),
                            *((Span(" (" + role_when(r) + ")", "muted"),) if role_when(r) else ()),
                        )
                    )
                    for r in actor.roles
                )
            )
        )
    if relations:
        blocks.append(Heading(level + 1, "Relations"))
        from ..analysis.network import phrase as relation_phrase  # here: only actor pages need it
        from ..analysis.network import span_text as relation_span

        items = []
        for r in relations:
            span = relation_span(r)
            when = f" ({span})" if span else ""
            # Which way the tie points, in words: FROM is KIND of TO (docs/format.md).
            if r.source is actor:
                spans = [
                    Span(f"→ {actor.name} is {relation_phrase(r.kind)} ", "muted"),
                    Span(r.target.name, "strong"),
                    Span(when, "muted"),
                ]
            else:
                spans = [
                    Span("← ", "muted"),
                    Span(r.source.name, "strong"),
                    Span(f" is {relation_phrase(r.kind)} {actor.name}{when}", "muted"),
                ]
            if r.summary:
                spans.append(Span(": " + one_line(r.summary)))
            spans.extend(citer.marks(r.sources))
            items.append(Item(tuple(spans)))
        blocks.append(Bullets(tuple(items)))
    if events:
        blocks.append(Heading(level + 1, f"Events ({len(events)})"))
        blocks.append(
            Bullets(
                tuple(
                    Item(
                        (
                            Span(event_when(e), "strong"),
                            Span(" — " + e.title),
                            *citer.marks(e.sources),
                        )
                    )
                    for e in events
                )
            )
        )
    if points:
        blocks.append(Heading(level + 1, f"In the briefings ({len(points)})"))
        blocks.append(
            Bullets(
                tuple(
                    Item((Span(f"{bid}: ", "code"), Span(p.text), *citer.marks(p.sources)))
                    for bid, p in points
                )
            )
        )
    return blocks


def actor_doc(
    actor: Actor,
    relations: Sequence[Relation],
    events: Sequence[Event],
    points: Sequence[tuple[str, Point | KeyJudgment]],
) -> Doc:
    citer = Citer()
    blocks = actor_blocks(actor, relations, events, points, citer)
    if citer.sources:
        blocks.append(citer.footnotes())
    return Doc(actor.name, tuple(blocks))
