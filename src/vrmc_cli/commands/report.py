"""vrmc report: the whole briefing document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import FLAG, Call, Option, Result, Spec

if TYPE_CHECKING:
    from ..model import KeyJudgment, Point
    from ..query import BriefingView

SPEC = Spec(
    "report",
    "The whole briefing document: briefings, timeline, actors, arms register, scenarios and "
    "a numbered bibliography.",
    (
        "vrmc report --format markdown > brief.md",
        "vrmc report -c colombia --cite -f html > colombia.html",
    ),
    options=(
        Option(
            "cite",
            ("--cite",),
            FLAG,
            "Attach numbered source references to points and events (footnotes in Markdown).",
        ),
    ),
)


def run(call: Call) -> Result:
    from .. import views
    from ..query import (
        select_actors,
        select_briefings,
        select_events,
        select_scenarios,
        select_transfers,
        undated,
    )
    from ..serialize import entries, entry
    from ._common import briefing_json, undated_note

    corpus, f = call.corpus(), call.filter()
    briefings = select_briefings(corpus, f)
    events = select_events(corpus, f)
    chosen_actors = select_actors(corpus, f)
    chosen_transfers = select_transfers(corpus, f)
    chosen_scenarios = select_scenarios(corpus, f)
    doc, bibliography = views.report_doc(
        corpus.topic,
        f.labels,
        briefings,
        events,
        chosen_actors,
        chosen_transfers,
        chosen_scenarios,
        cite=call.params["cite"],
    )
    from ..doc import Doc, Footnotes, Heading
    from ..signposts import board_json, watch_board

    board = watch_board(corpus, f)
    if any(w.indicators for w in board.scenarios):
        # The watch board goes after the scenarios, before the bibliography.
        blocks = list(doc.blocks)
        at = next((i for i, b in enumerate(blocks) if isinstance(b, Footnotes)), len(blocks))
        blocks[at:at] = [Heading(2, "Watch board"), *views.watch_blocks(board, level=2)]
        doc = Doc(doc.title, tuple(blocks))
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
            "sources": entries("sources", bibliography),
        },
        notes=undated_note(
            undated(f, [p for v in briefings for p in _points(v)]),
            "briefing point or key judgment",
            "briefing points and key judgments",
        )
        + undated_note(undated(f, chosen_actors), "actor")
        + undated_note(undated(f, chosen_transfers), "transfer")
        + undated_note(undated(f, chosen_scenarios), "scenario"),
    )


def _points(view: BriefingView) -> list[Point | KeyJudgment]:
    return [*view.key_judgments, *(p for s in view.sections for p in s.points)]
