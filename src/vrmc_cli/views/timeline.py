"""The timeline (`vrmc timeline`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.doc import Block, Bullets, Doc, Fields, Heading, Inline, Item, Para, Span, Table, plain
from ..corpus.model import Event
from .base import (
    Citer,
    confidence_badge,
    country_names,
    credibility_badge,
    dispute_facts,
    event_anchor,
    event_when,
    names,
    origins_fact,
    paragraphs,
    place_line,
    plural,
)


def event_item(event: Event, citer: Citer, *, with_date: bool = True, ids: bool = True) -> Item:
    head: list[Span] = []
    if with_date:
        head.append(Span(event_when(event), "strong"))
        head.append(Span(" — "))
    head.append(Span(event.title, "strong" if not with_date else ""))
    head.extend(confidence_badge(event.confidence))
    head.extend(credibility_badge(event.credibility))
    if event.status == "lead":
        head.extend(
            (Span(" "), Span("(lead: not yet checked against its sources)", "confidence-low"))
        )
    children: list[Block] = []
    if event.summary:
        children.extend(paragraphs(event.summary))
    meta: list[tuple[str, Inline]] = []
    countries = country_names(event)
    if countries:
        meta.append(("Countries", plain(countries)))
    if event.actors:
        meta.append(("Actors", plain(names(event.actors))))
    where = place_line(event)
    if where:
        meta.append(("Places", plain(where)))
    meta.extend(dispute_facts(event.disputed))
    if event.sources:
        if citer.enabled:
            meta.append(("Sources", citer.cite(event.sources)))
        elif ids:  # citing is off: the ids, for a reader at a terminal; a report leaves them out
            meta.append(("Sources", plain(", ".join(s.id for s in event.sources))))
        meta.append(origins_fact(event))
    if ids:
        meta.append(("Id", (Span(event.id, "code"),)))
    if meta:
        children.append(Fields(tuple(meta)))
    return Item(tuple(head), tuple(children), anchor=event_anchor(event.id))


def _confidence(event: Event) -> str:
    """The short timeline's confidence cell: a lead says so."""
    if event.status == "lead":
        return f"{event.confidence}, lead" if event.confidence else "lead"
    return event.confidence or ""


def timeline_blocks(
    events: Sequence[Event], citer: Citer, *, short: bool = False, level: int = 1, ids: bool = True
) -> list[Block]:
    """The events, a year at a time (each with its id unless not `ids`), or with `short` a
    table of them."""
    if short:
        rows = tuple(
            (plain(event_when(e)), plain(e.title), plain(_confidence(e)), plain(e.id))
            for e in events
        )
        anchors = tuple(event_anchor(e.id) for e in events)
        return [
            Table(
                ("date", "event", "confidence", "id"),
                rows,
                whole=(True, False, True, True),
                anchors=anchors,
            )
        ]
    blocks: list[Block] = []
    year: int | None = None
    batch: list[Item] = []
    for event in events:
        if event.date.year != year:
            if batch:
                blocks.append(Bullets(tuple(batch)))
                batch = []
            year = event.date.year
            blocks.append(Heading(level + 1, str(year)))
        batch.append(event_item(event, citer, ids=ids))
    if batch:
        blocks.append(Bullets(tuple(batch)))
    return blocks


def timeline_extent(events: Sequence[Event]) -> str:
    """`12 events, 2001 to Jan 2026` (in the order shown)."""
    text = plural(len(events), "event")
    if events:
        first, last = events[0].date.human(), events[-1].date.human()
        text += f", {first}" if first == last else f", {first} to {last}"
    return text


def timeline_doc(events: Sequence[Event], *, short: bool, title: str = "Timeline") -> Doc:
    citer = Citer(enabled=not short)
    blocks: list[Block] = [Heading(1, title)]
    blocks.append(Para(plain(timeline_extent(events))))
    blocks.extend(timeline_blocks(events, citer, short=short))
    if citer.sources:
        blocks.append(citer.footnotes())
    return Doc(title, tuple(blocks))
