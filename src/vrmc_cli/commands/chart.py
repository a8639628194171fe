"""vrmc chart: events or arms transfers counted by year, as bar charts."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from ..core.record import Record
from . import FLAG, TEXT, Argument, Call, Option, Result, Spec

WHAT = ("events", "transfers")

BY = ("theme", "country")

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
            choices=BY,
            noun="--by value",
        ),
        Option("split", ("--split",), FLAG, "One chart per group instead of stacked bars."),
    ),
    arguments=(
        Argument(
            "what",
            "events|transfers",
            "What to count: events or transfers.",
            choices=WHAT,
            noun="chart",
        ),
    ),
    gives=frozenset({DOC, DATA, ROWS}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    what: str
    by: str | None
    split: bool


def run(call: Call) -> Result:
    from ..analysis import charts
    from ..analysis.query import select_events, select_transfers
    from ..core.doc import Block, Doc, Heading, Para, plain
    from ..views.base import plural
    from ._common import none_match

    params = call.read(Params)
    what = params.what  # WHAT and BY are checked before run (commands.checked)
    by = params.by
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
    if params.split and what == "events" and by and drawn:
        shown = charts.events_split(events, by)
    elif params.split:
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
