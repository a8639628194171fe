"""vrmc report: the whole briefing document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formats import DATA, DOC, SOURCES
from . import CITATIONS, FLAG, TEXT, Call, Option, Result, Spec

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..analysis.query import BriefingView
    from ..corpus.model import Event, Source, Transfer

SPEC = Spec(
    "report",
    "The whole briefing document: key judgments at a glance, briefings, timeline, actors, "
    "arms register, scenarios, watch board, competing hypotheses and a numbered Sources "
    "list.\n\n"
    "Every point cites its sources as [1, 4, 9], linked to the Sources list.",
    (
        "vrmc report --format markdown -o brief.md",
        "vrmc report --format docx -o brief.docx",
        "vrmc report -c colombia -f html -o colombia.html",
        "vrmc report --sections judgments,briefings,sources -f markdown",
        "vrmc report -f markdown --citations pandoc -o brief.md",
    ),
    options=(
        Option(
            "sections",
            ("--sections",),
            TEXT,
            "The sections to show, in this order, comma-separated: judgments, briefings, "
            "timeline, actors, transfers, scenarios, watch, ach (competing hypotheses), glance "
            "(the timeline strip and charts), sources (default: all, in that order).",
            metavar="LIST",
        ),
        CITATIONS,
        Option("cite", ("--cite",), FLAG, "No effect: points always cite their sources."),
    ),
    gives=frozenset({DOC, DATA, SOURCES}),
)


def sections_of(value: str | None) -> tuple[str, ...]:
    """The --sections list, checked: an unknown name is a usage error with the closest."""
    from ..core.errors import UsageError
    from ..views.report import REPORT_SECTIONS

    if value is None:
        return REPORT_SECTIONS
    names = [n.strip().lower() for n in value.split(",") if n.strip()]
    if not names:
        raise UsageError(f"--sections needs at least one of {', '.join(REPORT_SECTIONS)}")
    for name in names:
        if name not in REPORT_SECTIONS:
            import difflib

            close = difflib.get_close_matches(name, REPORT_SECTIONS, n=3)
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            raise UsageError(
                f"unknown section {name!r}{hint} (sections: {', '.join(REPORT_SECTIONS)})"
            )
    return tuple(dict.fromkeys(names))


def bibliography(
    sections: Sequence[str],
    briefings: Sequence[BriefingView],
    events: Sequence[Event],
    transfers: Sequence[Transfer],
    *,
    cite: bool,
) -> list[Source]:
    """Every source the report relies on, in the order its Sources list numbers them.

    First the sources the sections shown cite, by first citation (the order a reader meets
    their markers: the sections in `sections` order, each citing as CITED says); then the
    ones nothing shown cites, so the list is the same whichever sections are shown: events,
    key judgments and points, transfers, then the briefings' own sources."""
    cited: list[Sequence[Source]] = []
    if cite:
        for name in sections:
            cited.extend(CITED.get(name, _nothing)(briefings, events, transfers))
    cited.extend(e.sources for e in events)
    cited.extend(p.sources for v in briefings for p in v.statements)
    cited.extend(t.sources for t in transfers)
    cited.extend(v.briefing.sources for v in briefings)
    first: dict[str, Source] = {}
    for sources in cited:
        for source in sources:
            first.setdefault(source.id, source)
    return list(first.values())


def _nothing(*_: object) -> list[Sequence[Source]]:
    return []


# What each section cites, in the order it shows the citations (views/report.py builds them);
# the sections missing here cite nothing.
CITED: dict[
    str,
    Callable[[Sequence[BriefingView], Sequence[Event], Sequence[Transfer]], list[Sequence[Source]]],
] = {
    "judgments": lambda b, e, t: [j.sources for v in b for j in v.key_judgments],
    "briefings": lambda b, e, t: [p.sources for v in b for p in v.statements],
    "timeline": lambda b, e, t: [x.sources for x in e],
    "transfers": lambda b, e, t: [x.sources for x in t],
}


def run(call: Call) -> Result:
    from ..analysis.query import (
        select_actors,
        select_briefings,
        select_events,
        select_scenarios,
        select_transfers,
    )
    from ..analysis.signposts import board_json, watch_board
    from ..corpus.serialize import entries, entry
    from ..views.report import Report, report_doc
    from . import citation_style
    from ._common import ach_analyses, ach_json, briefing_json, undated_note

    style = citation_style(call.params)
    sections = sections_of(call.params["sections"])
    corpus, f = call.corpus(), call.filter()
    briefings = select_briefings(corpus, f)
    events = select_events(corpus, f)
    chosen_actors = select_actors(corpus, f)
    chosen_transfers = select_transfers(corpus, f)
    chosen_scenarios = select_scenarios(corpus, f)
    board = watch_board(corpus, f)
    # Competing hypotheses: each question's evidence narrowed by the shared filters as
    # `vrmc ach` narrows it.
    analyses = ach_analyses(corpus, f, corpus.questions)
    cite = style != "none"
    sources = bibliography(sections, briefings, events, chosen_transfers, cite=cite)
    report = Report(
        corpus.topic,
        f.labels,
        briefings,
        events,
        chosen_actors,
        chosen_transfers,
        chosen_scenarios,
        board,
        analyses,
        sources,
        cite=cite,
    )
    topic = corpus.topic
    return Result(
        {
            "briefings": [v.briefing for v in briefings],
            "events": events,
            "actors": chosen_actors,
            "transfers": chosen_transfers,
            "scenarios": chosen_scenarios,
            "sources": sources,
        },
        lambda: report_doc(report, sections),
        lambda: {
            "topic": entry("topic", topic) if topic else None,
            "filters": list(f.labels),
            "briefings": [briefing_json(v) for v in briefings],
            "events": entries("events", events),
            "actors": entries("actors", chosen_actors),
            "transfers": entries("transfers", chosen_transfers),
            "scenarios": entries("scenarios", chosen_scenarios),
            "watch": board_json(board),
            "ach": [ach_json(a) for a in analyses],
            "sources": entries("sources", sources),
        },
        notes=undated_note(
            f,
            [p for v in briefings for p in v.statements],
            "briefing point or key judgment",
            "briefing points and key judgments",
        )
        + undated_note(f, chosen_actors, "actor")
        + undated_note(f, chosen_transfers, "transfer")
        + undated_note(f, chosen_scenarios, "scenario"),
    )
