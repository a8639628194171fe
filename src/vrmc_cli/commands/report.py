"""vrmc report: the whole briefing document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import CITATIONS, FLAG, TEXT, Call, Option, Result, Spec

if TYPE_CHECKING:
    from ..core.doc import Block

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
)


def sections_of(value: str | None) -> tuple[str, ...]:
    """The --sections list, checked: an unknown name is a usage error with the closest."""
    from ..core.errors import UsageError
    from ..views import REPORT_SECTIONS

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


def run(call: Call) -> Result:
    from .. import views
    from ..analysis.provenance import summary_json
    from ..analysis.query import (
        select_actors,
        select_briefings,
        select_events,
        select_scenarios,
        select_transfers,
    )
    from ..corpus.serialize import entries, entry
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
    from ..analysis.signposts import board_json, watch_board

    board = watch_board(corpus, f)
    # The watch board goes after the scenarios (its own section, "watch").
    watch = views.watch_blocks(board, level=2) if any(w.indicators for w in board.scenarios) else []
    # Competing hypotheses after the watch board, each question in its own subsection, its
    # evidence narrowed by the shared filters as `vrmc ach` narrows it (no rating notes).
    analyses = ach_analyses(corpus, f, corpus.questions)
    ach = (
        [b for a in analyses for b in views.ach_blocks(a, 3, anchor_prefix="ach-")]
        if "ach" in sections
        else []
    )
    glance: list[Block] = []
    if "glance" in sections and (events or chosen_transfers):
        from ..analysis.charts import report_pictures

        # "At a glance": the timeline strip and the events and transfers charts.
        glance = report_pictures(events, chosen_transfers)
    doc, bibliography = views.report_doc(
        corpus.topic,
        f.labels,
        briefings,
        events,
        chosen_actors,
        chosen_transfers,
        chosen_scenarios,
        cite=style != "none",
        sections=sections,
        watch=watch,
        ach=ach,
        glance=glance,
    )
    topic = corpus.topic
    return Result(
        {
            "briefings": [v.briefing for v in briefings],
            "events": events,
            "actors": chosen_actors,
            "transfers": chosen_transfers,
            "scenarios": chosen_scenarios,
            "sources": bibliography,
        },
        lambda: doc,
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
            "sources": entries("sources", bibliography),
            "source_summary": summary_json(
                views.report_summary(briefings, events, chosen_transfers), "This report"
            ),
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
