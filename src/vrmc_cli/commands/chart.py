"""vrmc chart: events or arms transfers counted by year, as bar charts."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from . import FLAG, TEXT, Argument, Call, Option, Result, Spec

SPEC = Spec(
    "chart",
    "Bar charts by year: `events` (stacked by top-level theme or country with --by) or "
    "`transfers` (orders and deliveries by category).\n\n"
    "Bars on a terminal and in text, inline SVG in HTML; -f json and -f csv give the "
    "numbers. Each event counts once: under its first-listed theme or country (with "
    "--split, in the chart of every theme or country it is under).",
    (
        "vrmc chart events",
        "vrmc chart events --by theme --since 2005",
        "vrmc chart events --by country --split -f html > countries.html",
        "vrmc chart transfers -f csv",
    ),
    options=(
        Option(
            "by",
            ("--by",),
            TEXT,
            "chart events: stack each year's bar by top-level `theme` or by `country`.",
            "theme|country",
        ),
        Option("split", ("--split",), FLAG, "One chart per group instead of stacked bars."),
    ),
    arguments=(Argument("what", "events|transfers", "What to count: events or transfers."),),
    gives=frozenset({DOC, DATA, ROWS}),
)

WHAT = ("events", "transfers")
BY = ("theme", "country")


def _choice(value: str, choices: tuple[str, ...], what: str) -> str:
    from ..analysis.query import did_you_mean
    from ..core.errors import UsageError
    from ..core.textsafe import quote

    folded = value.strip().lower()
    if folded in choices:
        return folded
    hint = did_you_mean(folded, choices) or " (known: " + ", ".join(choices) + ")"
    raise UsageError(f"unknown {what} {quote(value)}{hint}")


def run(call: Call) -> Result:
    from ..analysis import charts
    from ..analysis.query import select_events, select_transfers
    from ..core.doc import Block, Doc, Heading, Para, plain
    from ..views.base import plural
    from ._common import none_match

    what = _choice(call.params["what"], WHAT, "chart")
    by = call.params["by"]
    by = _choice(by, BY, "--by value") if by is not None else None
    if by and what != "events":
        from ..core.errors import UsageError

        raise UsageError("--by is for `vrmc chart events`; transfers are always by category")
    corpus, f = call.corpus(), call.filter()
    if what == "events":
        events = select_events(corpus, f)
        selection: dict[str, list[object]] = {"events": list(events)}
        drawn = [charts.events_chart(events, by)]
        title = drawn[0].title
        lead = plural(len(events), "event")
        notes = none_match(events, len(corpus.events), "events")
    else:
        transfers = select_transfers(corpus, f)
        selection = {"transfers": list(transfers)}
        drawn = list(charts.transfer_charts(transfers))
        title = "Arms transfers per year"
        undated = sum(1 for t in transfers if t.ordered is None)
        lead = plural(len(transfers), "register entry", "register entries")
        lead += f" ({undated} without an order date)" if undated else ""
        notes = none_match(transfers, len(corpus.transfers), "transfers")
    if notes:  # nothing to count: no empty charts, the note says why
        drawn = []
    shown = drawn
    if call.params["split"] and what == "events" and by and drawn:
        shown = charts.events_split(events, by)
    elif call.params["split"]:
        shown = [c for chart in drawn for c in charts.split(chart)]

    def doc() -> Doc:
        blocks: list[Block] = [Heading(1, title), Para(plain(lead))]
        blocks.extend(shown)
        return Doc(title, tuple(blocks))

    return Result(
        selection,
        doc,
        lambda: {"charts": [charts.chart_data(c) for c in shown]},
        charts.CHART_COLUMNS,
        lambda: charts.chart_rows(shown),
        notes,
    )
