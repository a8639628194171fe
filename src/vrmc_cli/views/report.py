"""The whole briefing report (`vrmc report`): its sections, one declaration each, in order,
with the contents and the numbered Sources list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..analysis.provenance import SourceSummary, summarize, summary_sentences
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
from ..core.record import Record
from ..corpus.model import Actor, Event, KeyJudgment, Relation, Scenario, Source, Topic, Transfer
from .actors import actor_entries
from .base import (
    Citer,
    confidence_badge,
    likelihood_legend,
    likelihood_style,
    likelihood_words,
    paragraphs,
)
from .briefing import briefing_anchor, briefing_blocks, judgment_item
from .register import transfers_blocks
from .scenarios import scenario_blocks
from .timeline import timeline_blocks

if TYPE_CHECKING:
    from ..analysis.ach import Analysis
    from ..analysis.signposts import Board


class Report(Record, frozen=True):
    """What a report shows: the selection, in order, and its bibliography (every source it
    relies on, in the order its Sources list numbers them; the command computes it)."""

    topic: Topic | None
    labels: Sequence[str]
    briefings: Sequence[BriefingView]
    events: Sequence[Event]
    actors: Sequence[Actor]
    transfers: Sequence[Transfer]
    scenarios: Sequence[Scenario]
    board: Board | None
    analyses: Sequence[Analysis]
    bibliography: Sequence[Source]
    cite: bool = True  # off: no citation markers (the Sources list stays)
    ids: bool = False  # show the corpus ids (events, actors, hypotheses, indicators)
    edition: str = "full"  # or "brief": EDITIONS
    relations: Sequence[Relation] = ()  # the ties of the actors shown, under each actor


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


def _judgments(report: Report, citer: Citer) -> list[Block]:
    if not any(v.key_judgments for v in report.briefings):
        return []
    return [judgments_table(report.briefings, citer), likelihood_legend()]


def _briefings(report: Report, citer: Citer) -> list[Block]:
    if report.edition == "brief":
        return [b for view in report.briefings for b in brief_blocks(view, citer)]
    return [b for view in report.briefings for b in briefing_blocks(view, citer, level=2)]


def brief_blocks(view: BriefingView, citer: Citer) -> list[Block]:
    """A briefing in the short edition: its bottom line and key judgments."""
    b = view.briefing
    blocks: list[Block] = [
        Heading(2, b.title, anchor=briefing_anchor(b.id)),
        Callout("Bottom line", tuple(paragraphs(b.summary)), tone="bottom-line"),
    ]
    if view.key_judgments:
        blocks.append(Heading(3, "Key judgments"))
        # The events each rests on are the full report's.
        items = tuple(judgment_item(j, citer, basis=False) for j in view.key_judgments)
        blocks.append(Bullets(items))
    return blocks


def _timeline(report: Report, citer: Citer) -> list[Block]:
    if not report.events:
        return []
    return timeline_blocks(report.events, citer, level=2, ids=report.ids)


def _actors(report: Report, citer: Citer) -> list[Block]:
    if not report.actors:
        return []
    as_of = report.topic.as_of if report.topic else None
    return [actor_entries(report.actors, report.relations, citer, as_of, ids=report.ids)]


def _transfers(report: Report, citer: Citer) -> list[Block]:
    if not report.transfers:
        return []
    return transfers_blocks(report.transfers, citer, level=2, ids=report.ids)


def _scenarios(report: Report, citer: Citer) -> list[Block]:
    return scenario_blocks(report.scenarios, level=2) if report.scenarios else []


def _watch(report: Report, citer: Citer) -> list[Block]:
    from .living import watch_blocks

    board = report.board
    if board is None or not any(w.indicators for w in board.scenarios):
        return []
    return watch_blocks(board, level=2, ids=report.ids, summary_only=report.edition == "brief")


def _ach(report: Report, citer: Citer) -> list[Block]:
    """Each question in its own subsection (no rating notes), anchored as #ach-ID."""
    from .living import ach_blocks

    return [
        b for a in report.analyses for b in ach_blocks(a, 3, anchor_prefix="ach-", ids=report.ids)
    ]


def _glance(report: Report, citer: Citer) -> list[Block]:
    """The timeline strip and the events and transfers charts."""
    if not (report.events or report.transfers):
        return []
    from ..analysis.charts import report_pictures  # here: only this section draws charts

    return report_pictures(report.events, report.transfers)


def _places(report: Report, citer: Citer) -> list[Block]:
    """Where the report's events happened: the locator map, then each place by country."""
    from ..analysis.counts import counts_at
    from ..corpus.keys import event_places
    from .places import map_blocks

    found = {p.id: p for e in report.events for p in event_places(e)}
    found.update((p.id, p) for t in report.transfers for p in t.places)
    if not found:
        return []
    places = sorted(found.values(), key=lambda p: p.id)
    counts, located, unlocated = counts_at(places, report.events, report.transfers, every=False)
    seats: dict[str, list[Actor]] = {}
    for actor in report.actors:
        if actor.seat is not None:
            seats.setdefault(actor.seat.id, []).append(actor)
    return map_blocks(counts, located, unlocated, level=3, seats=seats)


def _sources(report: Report, citer: Citer) -> list[Block]:
    if not citer.sources:
        return []
    notes = citer.footnotes()
    return [Footnotes("", 2, notes.notes, notes.anchors)]


class Section(Record, frozen=True):
    """A part of the report: its key (`--sections`, and its anchor), its title (its heading
    and contents entry; none for a part whose blocks bring their own level-2 headings) and
    what builds its blocks (none: the section is left out, heading and all)."""

    key: str
    title: str | None
    build: Callable[[Report, Citer], list[Block]]


# The sections of a report, in the default order.
SECTIONS: tuple[Section, ...] = (
    Section("judgments", "Key judgments at a glance", _judgments),
    Section("glance", "At a glance", _glance),
    Section("briefings", None, _briefings),  # each briefing is a part of its own
    Section("timeline", "Timeline", _timeline),
    Section("places", "Places", _places),
    Section("actors", "Actors", _actors),
    Section("transfers", "Arms-transfer register", _transfers),
    Section("scenarios", "Outlook scenarios", _scenarios),
    Section("watch", "Watch board", _watch),
    Section("ach", "Competing hypotheses", _ach),
    Section("sources", "Sources", _sources),
)
REPORT_SECTIONS = tuple(s.key for s in SECTIONS)  # `vrmc report --sections`
# `vrmc report --edition`: the full report, or the short one (the key judgments with the
# ICD 203 legend, the pictures, each briefing's bottom line and key judgments, the watch
# board's summary, and only the sources these cite).
EDITIONS = ("full", "brief")
BRIEF_SECTIONS = ("judgments", "glance", "briefings", "watch", "sources")
_BY_KEY = {s.key: s for s in SECTIONS}


def report_summary(briefings: Sequence[BriefingView], sources: Sequence[Source]) -> SourceSummary:
    """The source summary of a whole report: the sources its Sources list numbers (the
    bibliography computed with its selection, so "rests on N sources" is the list's N in
    every edition); key judgments named by briefing and number."""
    labelled: list[tuple[str, KeyJudgment]] = []
    for view in briefings:
        labelled += [
            (f"{view.briefing.title}, key judgment {n}", j)
            for n, j in enumerate(view.key_judgments, 1)
        ]
    return summarize(sources, labelled)


def report_doc(report: Report, sections: Sequence[str] = REPORT_SECTIONS) -> Doc:
    """The whole briefing document: `sections` (keys of SECTIONS) in that order, after the
    title, the topic's lead and summary and the contents (every part's level-2 heading)."""
    citer = Citer(enabled=report.cite, numbered=report.bibliography)
    topic = report.topic
    title = topic.title if topic else "Briefing report"
    blocks: list[Block] = [Heading(1, title)]
    lead: list[Span] = []
    if topic and topic.subtitle:
        lead.append(Span(topic.subtitle, "em"))
    if topic and topic.as_of:
        lead.append(Span((" — " if lead else "") + f"as of {topic.as_of.human()}", "muted"))
    if lead:
        blocks.append(Para(tuple(lead)))
    if report.labels:
        blocks.append(Para((Span("Filtered by: " + "; ".join(report.labels), "muted"),)))
    if topic and topic.summary:
        blocks.append(Callout("Summary", tuple(paragraphs(topic.summary)), "bottom-line"))
    overall = report_summary(report.briefings, report.bibliography)
    blocks.append(
        Callout(
            "Source summary",
            (Para((Span(" ".join(summary_sentences(overall, "This report"))),)),),
            "bottom-line",
        )
    )
    body: list[Block] = []
    for key in sections:
        section = _BY_KEY[key]
        built = section.build(report, citer)
        if built and section.title is not None:
            body.append(Heading(2, section.title, anchor=section.key))
        body.extend(built)
    contents = tuple(
        Item((Span(b.text, anchor=b.anchor),))
        for b in body
        if isinstance(b, Heading) and b.level == 2
    )
    if contents:
        blocks.append(Heading(2, "Contents", anchor="contents"))
        blocks.append(Bullets(contents, ordered=True))
    blocks.extend(body)
    running = title + (f" — as of {topic.as_of.human()}" if topic and topic.as_of else "")
    return Doc(title, tuple(blocks), running=running)
