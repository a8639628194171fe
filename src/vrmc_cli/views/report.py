"""The whole briefing report (`vrmc report`): its sections in order, contents and sources."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.query import BriefingView
from ..core.doc import (
    Block,
    Bullets,
    Callout,
    Doc,
    Footnotes,
    Heading,
    Item,
    Para,
    Span,
    Table,
    plain,
)
from ..corpus.model import Actor, Event, KeyJudgment, Point, Scenario, Source, Topic, Transfer
from .actors import actors_table
from .base import Citer, confidence_badge, likelihood_style, likelihood_words, paragraphs
from .briefing import briefing_anchor, briefing_blocks
from .register import transfers_blocks
from .scenarios import scenario_blocks
from .timeline import timeline_blocks

# The sections of a report, in the default order (`vrmc report --sections`).
REPORT_SECTIONS = (
    "judgments",
    "briefings",
    "timeline",
    "actors",
    "transfers",
    "scenarios",
    "watch",
    "ach",
    "glance",
    "sources",
)
SECTION_TITLES = {
    "judgments": "Key judgments at a glance",
    "timeline": "Timeline",
    "actors": "Actors",
    "transfers": "Arms-transfer register",
    "scenarios": "Outlook scenarios",
    "watch": "Watch board",
    "ach": "Competing hypotheses",
    "glance": "At a glance",
    "sources": "Sources",
}


def judgments_table(briefings: Sequence[BriefingView], citer: Citer) -> Table:
    """Every key judgment, with its likelihood, confidence and briefing."""
    rows = []
    for view in briefings:
        for j in view.key_judgments:
            rows.append(
                (
                    (Span(j.text), *citer.marks(j.sources)),
                    (
                        (Span(likelihood_words(j.likelihood), likelihood_style(j.likelihood)),)
                        if j.likelihood
                        else plain("–")
                    ),
                    (
                        (Span(j.confidence, confidence_badge(j.confidence)[1].style),)
                        if j.confidence
                        else plain("–")
                    ),
                    (
                        Span(
                            view.briefing.title,
                            anchor=briefing_anchor(view.briefing.id),
                        ),
                    ),
                )
            )
    return Table(("judgment", "likelihood", "confidence", "briefing"), tuple(rows))


def report_doc(
    topic: Topic | None,
    labels: Sequence[str],
    briefings: Sequence[BriefingView],
    events: Sequence[Event],
    actors: Sequence[Actor],
    transfers: Sequence[Transfer],
    scenarios: Sequence[Scenario],
    *,
    cite: bool = True,
    sections: Sequence[str] = REPORT_SECTIONS,
    watch: Sequence[Block] = (),
    ach: Sequence[Block] = (),
    glance: Sequence[Block] = (),
) -> tuple[Doc, list[Source]]:
    """The whole briefing document, and its sources: every source the report relies on,
    numbered in order of first citation (sources no point cites follow, in order of use).

    `sections` picks and orders the parts (names from REPORT_SECTIONS); `cite` off leaves
    the citation markers out (the Sources list stays)."""
    citer = Citer(enabled=cite)
    title = topic.title if topic else "Briefing report"
    blocks: list[Block] = [Heading(1, title)]
    lead: list[Span] = []
    if topic and topic.subtitle:
        lead.append(Span(topic.subtitle, "em"))
    if topic and topic.as_of:
        lead.append(Span((" — " if lead else "") + f"as of {topic.as_of.human()}", "muted"))
    if lead:
        blocks.append(Para(tuple(lead)))
    if labels:
        blocks.append(Para((Span("Filtered by: " + "; ".join(labels), "muted"),)))
    if topic and topic.summary:
        blocks.append(Callout("Summary", tuple(paragraphs(topic.summary)), "bottom-line"))
    body: list[Block] = []
    contents: list[Item] = []

    def part(name: str, heading: str | None = None) -> None:
        text = heading or SECTION_TITLES[name]
        body.append(Heading(2, text, anchor=name))
        contents.append(Item((Span(text, anchor=name),)))

    has_judgments = any(v.key_judgments for v in briefings)
    built = {"watch": watch, "ach": ach, "glance": glance}
    at_sources: tuple[int, int] | None = None  # where the Sources list goes, once numbered
    for name in sections:
        if name == "judgments" and has_judgments:
            part(name)
            body.append(judgments_table(briefings, citer))
        elif name == "briefings":
            for view in briefings:
                anchor = briefing_anchor(view.briefing.id)
                contents.append(Item((Span(view.briefing.title, anchor=anchor),)))
                body.extend(briefing_blocks(view, citer, level=2))
        elif name == "timeline" and events:
            part(name)
            body.extend(timeline_blocks(events, citer, level=2))
        elif name == "actors" and actors:
            part(name)
            body.append(actors_table(sorted(actors, key=lambda a: (a.name.casefold(), a.id))))
        elif name == "transfers" and transfers:
            part(name)
            body.extend(transfers_blocks(transfers, citer, level=2))
        elif name == "scenarios" and scenarios:
            part(name)
            body.extend(scenario_blocks(scenarios, level=2))
        elif built.get(name):  # a section the command built: the watch board, ACH, pictures
            part(name)
            body.extend(built[name])
        elif name == "sources":
            at_sources = (len(body), len(contents))
    # Everything the report relies on, cited or not, so the list is the same whichever
    # sections are shown: cited sources first, by first citation.
    cited: list[Event | Point | KeyJudgment | Transfer] = [*events]
    for view in briefings:
        cited.extend(view.key_judgments)
        cited.extend(p for s in view.sections for p in s.points)
    cited.extend(transfers)
    for item in cited:
        citer.number(item.sources)
    for view in briefings:
        citer.number(view.briefing.sources)
    if at_sources is not None and citer.sources:
        notes = citer.footnotes(SECTION_TITLES["sources"], 2)
        body[at_sources[0] : at_sources[0]] = [
            Heading(2, notes.title, anchor="sources"),
            Footnotes("", 2, notes.notes, notes.anchors),
        ]
        contents.insert(at_sources[1], Item((Span(notes.title, anchor="sources"),)))
    if contents:
        blocks.append(Heading(2, "Contents", anchor="contents"))
        blocks.append(Bullets(tuple(contents), ordered=True))
    blocks.extend(body)
    return Doc(title, tuple(blocks)), citer.sources
