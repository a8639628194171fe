"""Briefings: the list of briefings and one briefing (`vrmc brief`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.provenance import briefing_summary
from ..analysis.query import BriefingView
from ..core.doc import Block, Bullets, Callout, Doc, Fields, Heading, Item, Para, Span, Table, plain
from ..corpus.model import KeyJudgment, Point
from .base import (
    Citer,
    confidence_badge,
    credibility_badge,
    event_ref,
    joined,
    likelihood_legend,
    likelihood_sentences,
    one_line,
    origins_note,
    paragraphs,
    summary_blocks,
)


def briefing_list(views: Sequence[BriefingView]) -> Doc:
    rows = tuple(
        (plain(v.briefing.id), plain(v.briefing.title), plain(one_line(v.briefing.summary)))
        for v in views
    )
    blocks: list[Block] = [
        Heading(1, "Briefings"),
        Table(("id", "title", "bottom line"), rows),
        Para((Span("Read one with "), Span("vrmc brief ID", "code"), Span("."))),
    ]
    return Doc("Briefings", tuple(blocks))


def judgment_item(judgment: KeyJudgment, citer: Citer, *, basis: bool = True) -> Item:
    """A key judgment, its likelihood and confidence, and with `basis` the events it rests
    on (under it); without, the likelihood and confidence follow it on its line."""
    spans: list[Span] = [Span(judgment.text)]
    spans.extend(citer.marks(judgment.sources))
    if citer.enabled:
        spans.extend(origins_note(judgment, " with its basis" if judgment.basis else ""))
    detail: list[Span] = likelihood_sentences(judgment.likelihood, judgment.confidence)
    if judgment.basis and basis:
        detail.append(Span(" · Basis: ", "muted"))
        detail.extend(joined(event_ref(e) for e in judgment.basis))
    if not basis:
        return Item((*spans, Span(" — "), *detail) if detail else tuple(spans))
    children: tuple[Block, ...] = (Para(tuple(detail)),) if detail else ()
    return Item(tuple(spans), children)


def point_item(point: Point, citer: Citer) -> Item:
    origins = origins_note(point) if citer.enabled else ()
    return Item(
        (
            Span(point.text),
            *confidence_badge(point.confidence),
            *credibility_badge(point.credibility),
            *citer.marks(point.sources),
            *origins,
        )
    )


def briefing_blocks(view: BriefingView, citer: Citer, level: int = 1) -> list[Block]:
    b = view.briefing
    blocks: list[Block] = [Heading(level, b.title, anchor=briefing_anchor(b.id))]
    blocks.append(Callout("Bottom line", tuple(paragraphs(b.summary)), tone="bottom-line"))
    if view.key_judgments:
        blocks.append(Heading(level + 1, "Key judgments"))
        blocks.append(Bullets(tuple(judgment_item(j, citer) for j in view.key_judgments)))
        if level == 1 and any(j.likelihood for j in view.key_judgments):
            blocks.append(likelihood_legend())
    for section in view.sections:
        blocks.append(Heading(level + 1, section.heading))
        if section.points:
            blocks.append(Bullets(tuple(point_item(p, citer) for p in section.points)))
    points = [p for s in view.sections for p in s.points]
    blocks.extend(summary_blocks(briefing_summary(b, view.key_judgments, points), level + 1))
    if view.see_also:
        # In a report the title links to the briefing; alone, the id is what `vrmc brief`
        # takes next.
        refs = (
            (Span(other.title, anchor=briefing_anchor(other.id)),)
            + (() if level > 1 else (Span(" ("), Span(other.id, "code"), Span(")")))
            for other in view.see_also
        )
        blocks.append(Fields((("See also", joined(refs)),)))
    return blocks


def briefing_anchor(briefing_id: str) -> str:
    return f"briefing-{briefing_id}"


def briefing_doc(view: BriefingView, *, cite: bool = True) -> Doc:
    citer = Citer(enabled=cite)
    blocks = briefing_blocks(view, citer)
    citer.number(view.briefing.sources)
    if citer.sources:
        blocks.append(citer.footnotes())
    return Doc(view.briefing.title, tuple(blocks))
