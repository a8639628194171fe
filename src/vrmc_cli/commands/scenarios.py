"""vrmc scenarios: the outlook."""

from __future__ import annotations

from . import Call, Result, Spec

SPEC = Spec(
    "scenarios",
    "Outlook scenarios: likelihood, horizon, drivers and indicators to watch.",
    ("vrmc scenarios", "vrmc scenarios -f markdown"),
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
    from .. import views
    from ..query import select_scenarios, undated
    from ._common import listing, none_match, undated_note

    corpus, f = call.corpus(), call.filter()
    chosen = select_scenarios(corpus, f)
    return listing(
        "scenarios",
        chosen,
        lambda: views.scenarios_doc(chosen),
        "scenarios",
        COLUMNS,
        none_match(chosen, len(corpus.scenarios), "scenarios")
        + undated_note(undated(f, chosen), "scenario"),
    )
