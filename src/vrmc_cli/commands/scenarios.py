"""vrmc scenarios: the outlook."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from . import Call, Result, Spec

SPEC = Spec(
    "scenarios",
    "Outlook scenarios: likelihood, horizon, drivers and indicators to watch.",
    ("vrmc scenarios", "vrmc scenarios -f markdown"),
    gives=frozenset({DOC, DATA, ROWS}),
)


def run(call: Call) -> Result:
    from ..analysis.query import select_scenarios
    from ..views.scenarios import scenarios_doc
    from ._common import csv_columns, listing, none_match, undated_note

    corpus, f = call.corpus(), call.filter()
    chosen = select_scenarios(corpus, f)
    return listing(
        "scenarios",
        chosen,
        lambda: scenarios_doc(chosen),
        "scenarios",
        csv_columns("scenarios", lead=("id", "title", "likelihood", "horizon")),
        none_match(chosen, len(corpus.scenarios), "scenarios")
        + undated_note(f, chosen, "scenario"),
    )
