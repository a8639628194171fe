"""vrmc transfers: the arms-transfer register."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from ..core.record import Record
from . import TEXTS, Call, Option, Result, Spec

SPEC = Spec(
    "transfers",
    "The arms-transfer register, with totals by category and status.\n\n"
    "--country matches the supplier or the recipient; dates filter on all of a transfer's "
    "dates (ordered, delivered from, delivered to); undated transfers are kept, with a note.",
    (
        "vrmc transfers",
        "vrmc transfers --category aircraft --since 2006 --until 2009 -f csv",
    ),
    options=(
        Option(
            "category",
            ("--category",),
            TEXTS,
            "Keep this category (repeat: any of them).",
            "CATEGORY",
            complete="category",
        ),
    ),
    gives=frozenset({DOC, DATA, ROWS}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    category: list[str] | None


def run(call: Call) -> Result:
    from ..analysis.query import select_transfers
    from ..views.register import transfers_doc
    from ._common import csv_columns, listing, none_match, undated_note

    params = call.read(Params)
    corpus, f = call.corpus(), call.filter()
    chosen = select_transfers(corpus, f, tuple(params.category or ()))
    return listing(
        "transfers",
        chosen,
        lambda: transfers_doc(chosen),
        "transfers",
        csv_columns("transfers", last=("description", "notes", "sources", "disputed")),
        none_match(chosen, len(corpus.transfers), "transfers")
        + undated_note(f, chosen, "transfer"),
    )
