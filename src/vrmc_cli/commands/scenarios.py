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

COLUMNS = (
    "id",
    "title",
    "likelihood",
    "horizon",
    "summary",
    "drivers",
    "indicators",
    "themes",
    "countries",
)


def run(call: Call) -> Result:
    from ..analysis.query import select_scenarios
    from ..corpus.serialize import entries
    from ..views.scenarios import scenarios_doc
    from ._common import listing, none_match, rows_from, undated_note

    corpus, f = call.corpus(), call.filter()
    chosen = select_scenarios(corpus, f)
    result = listing(
        "scenarios",
        chosen,
        lambda: scenarios_doc(chosen),
        "scenarios",
        COLUMNS,
        none_match(chosen, len(corpus.scenarios), "scenarios")
        + undated_note(f, chosen, "scenario"),
    )

    def rows() -> list[list[object]]:
        # A CSV cell lists each indicator's text, whether it was written as text or as an entry.
        objects = entries("scenarios", chosen)
        for obj, scenario in zip(objects, chosen, strict=True):
            obj["indicators"] = [i.text for i in scenario.indicators]
        return rows_from(objects, COLUMNS)

    return Result(result.selection, result.doc, result.data, COLUMNS, rows, result.notes)
