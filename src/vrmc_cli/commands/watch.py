"""vrmc watch: the watch board of the outlook scenarios' indicators."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from . import Call, Result, Spec

SPEC = Spec(
    "watch",
    "The watch board: each scenario's indicators, seen, contrary or not seen.\n\n"
    "An indicator is seen when the latest event that signals it is a sign for it, contrary "
    "when the latest is a sign against it. --since and --until limit the evidence window; "
    "the other filters choose scenarios. Days since are counted to the corpus's as_of date, "
    "not to today's date, so the board is the same on every run.",
    ("vrmc watch", "vrmc watch --since 2026-01 -f json", "vrmc watch -f csv > board.csv"),
    gives=frozenset({DOC, DATA, ROWS}),
)


def run(call: Call) -> Result:
    from ..analysis.signposts import COLUMNS, board_json, board_rows, watch_board
    from ..views.living import watch_doc
    from ._common import none_match

    corpus = call.corpus()
    board = watch_board(corpus, call.filter())
    chosen = [w.scenario for w in board.scenarios]
    events = sorted(
        {
            id(s.event): s.event for w in board.scenarios for i in w.indicators for s in i.signs
        }.values(),
        key=lambda e: (e.date.key, e.id),
    )
    return Result(
        {"scenarios": chosen, "events": events},
        lambda: watch_doc(board),
        lambda: board_json(board),
        COLUMNS,
        lambda: board_rows(board),
        none_match(chosen, len(corpus.scenarios), "scenarios"),
    )
