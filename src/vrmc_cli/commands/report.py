"""vrmc report: the whole briefing document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import FLAG, Call, Option, Result, Spec

if TYPE_CHECKING:
    from ..doc import Doc
    from ..model import Event, Transfer

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
    )
    from ..serialize import entries, entry
    from ._common import briefing_json

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
    doc = with_pictures(doc, events, chosen_transfers)
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
    )


def with_pictures(doc: Doc, events: list[Event], transfers: list[Transfer]) -> Doc:
    """The report with its "At a glance" section (timeline strip, events and transfers by
    year) before the bibliography, or at the end when there is none."""
    from ..charts import report_pictures
    from ..doc import Bullets, Footnotes, Heading, Item, plain, text_of
    from ..doc import Doc as Document

    if not (events or transfers):
        return doc
    blocks = list(doc.blocks)
    at = len(blocks) - 1 if blocks and isinstance(blocks[-1], Footnotes) else len(blocks)
    blocks[at:at] = report_pictures(events, transfers)
    # The contents list names the section too, before the bibliography when it has one.
    for n, b in enumerate(blocks[:-1]):
        following = blocks[n + 1]
        contents = isinstance(b, Heading) and b.level == 2 and b.text == "Contents"
        if contents and isinstance(following, Bullets):
            items = list(following.items)
            last = at < len(doc.blocks) and text_of(items[-1].spans) == "Bibliography"
            items.insert(len(items) - 1 if last else len(items), Item(plain("At a glance")))
            blocks[n + 1] = Bullets(tuple(items), following.ordered)
            break
    return Document(doc.title, tuple(blocks))
