"""Charts from a selection: events and transfers counted by year, the timeline strip, and
the bar layout the text formats share.

Counting is here once, so the picture (doc.Chart, doc.Strip) and the data (JSON, CSV rows)
come from the same numbers. No plotting library: bars are characters or SVG rectangles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from ..core.doc import Block, Chart, Mark, Para, Strip, plain
from ..corpus.model import Event, Theme, Transfer, countries_of

JSONObject = dict[str, object]

MAX_SERIES = 8  # distinct fills available; the rest go to "other"
OTHER = "other"


def root(theme: Theme) -> Theme:
    return theme.path[0]


def event_groups(event: Event, by: str | None) -> list[str]:
    """Every group an event is under: each top-level theme it is under, or each country it
    is about (its actors' countries too); one group, "events", without `by`."""
    if by == "theme":
        return list(dict.fromkeys(root(t).title for t in event.themes))
    if by == "country":
        found = countries_of(event.countries, event.actors)
        return sorted(c.name for c in found) or ["no country"]
    return ["events"]


def event_group(event: Event, by: str | None) -> str:
    """The one group a stacked bar counts an event in: its first-listed theme's top-level
    theme, or its first-listed country (else its first-listed actor's country), so each
    event is counted once and a bar's segments add up to the events of its year."""
    if by == "theme":
        return root(event.themes[0]).title if event.themes else "no theme"
    if by == "country":
        if event.countries:
            return event.countries[0].name
        for actor in event.actors:
            if actor.country is not None:
                return actor.country.name
        return "no country"
    return "events"


RULES = {
    "theme": "each once, under its first-listed theme",
    "country": "each once, under its first-listed country (else its first actor's)",
}


def caption(chart: Chart) -> str:
    """What a chart's bars count, for the line under it."""
    rule = f", {chart.rule}" if chart.rule else ""
    return f"bars count {chart.unit}{rule}; the number is each bar's total"


def _years(years: Iterable[int]) -> list[int]:
    found = sorted(set(years))
    return list(range(found[0], found[-1] + 1)) if found else []


def count(
    items: Sequence[object],
    year_of: Callable[[object], list[int]],
    groups: Callable[[object], list[str]],
    ranked: Sequence[str] = (),
) -> tuple[tuple[str, ...], list[tuple[int, tuple[int, ...]]]]:
    """Series (the biggest first, ties by name, unless `ranked` gives their order; beyond
    MAX_SERIES merged into "other") and one bar per year from the first to the last, empty
    years included."""
    totals: dict[str, int] = {}
    for item in items:
        for group in groups(item):
            totals[group] = totals.get(group, 0) + 1
    ranked = list(ranked) or sorted(totals, key=lambda g: (-totals[g], g))
    if len(ranked) > MAX_SERIES:
        kept = ranked[: MAX_SERIES - 1]
        merged = dict.fromkeys(ranked[MAX_SERIES - 1 :], OTHER)
        series = (*kept, OTHER)
    else:
        merged, series = {}, tuple(ranked)
    index = {g: n for n, g in enumerate(series)}
    # An item counts once per year and series: two of its groups merged into "other" are
    # one item there, not two.
    cells: set[tuple[int, int, int]] = set()
    for n, item in enumerate(items):
        for year in year_of(item):
            for group in groups(item):
                cells.add((year, index[merged.get(group, group)], n))
    bars: dict[int, list[int]] = {y: [0] * len(series) for y in _years(y for y, _, _ in cells)}
    for year, at, _ in cells:
        bars[year][at] += 1
    return series, [(y, tuple(v)) for y, v in sorted(bars.items())]


def events_chart(events: Sequence[Event], by: str | None) -> Chart:
    """Events per year, each counted once (stacked by `by` under its first-listed theme or
    country: `event_group`), so a bar's total is the number of events in its year."""
    series, bars = count(
        events,
        lambda e: [e.date.year],  # type: ignore[attr-defined]
        lambda e: [event_group(e, by)],  # type: ignore[arg-type]
    )
    title = "Events per year" + (f", by {by}" if by else "")
    return Chart(title, series, _labelled(bars), "events", RULES.get(by or "", ""))


def events_split(events: Sequence[Event], by: str) -> list[Chart]:
    """Small multiples: one chart per theme or country, each counting every event under it
    (an event under two themes is in both charts, once in each)."""
    series, bars = count(
        events,
        lambda e: [e.date.year],  # type: ignore[attr-defined]
        lambda e: event_groups(e, by),  # type: ignore[arg-type]
    )
    by_plural = {"theme": "themes", "country": "countries"}
    rule = f"one under several {by_plural[by]} in each of their charts"
    return [
        Chart(
            f"Events per year, by {by}: {name}",
            (name,),
            tuple((str(y), (v[n],)) for y, v in bars),
            "events",
            rule,
        )
        for n, name in enumerate(series)
    ]


def delivery_years(t: Transfer) -> list[int]:
    """The years a transfer was being delivered: from its first to its last delivery date."""
    start = t.delivered_from or t.delivered_to
    if start is None:
        return []
    end = t.delivered_to or start
    return list(range(start.year, max(start.year, end.year) + 1))


def transfer_charts(transfers: Sequence[Transfer]) -> tuple[Chart, Chart]:
    """Orders per year (by order date) and deliveries per year (each year of the delivery
    span), stacked by category, counting register entries. Both charts list the same
    categories in the same order (the most entries first), so a category has one fill and
    colour in both; one a chart has no bar for still shows in its legend, one with no
    date in neither."""
    entries: dict[str, int] = {}
    for t in transfers:
        if t.ordered or delivery_years(t):  # in one chart at least
            entries[t.category] = entries.get(t.category, 0) + 1
    categories = sorted(entries, key=lambda c: (-entries[c], c))
    orders = count(
        transfers,
        lambda t: [t.ordered.year] if t.ordered else [],  # type: ignore[attr-defined]
        lambda t: [t.category],  # type: ignore[attr-defined]
        categories,
    )
    deliveries = count(
        transfers,
        delivery_years,  # type: ignore[arg-type]
        lambda t: [t.category],  # type: ignore[attr-defined]
        categories,
    )
    return (
        Chart("Orders per year, by category", orders[0], _labelled(orders[1]), "transfers"),
        Chart(
            "Deliveries per year, by category",
            deliveries[0],
            _labelled(deliveries[1]),
            "transfers",
            "an entry in each year from its first to its last delivery",
        ),
    )


def _labelled(bars: list[tuple[int, tuple[int, ...]]]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    return tuple((str(y), v) for y, v in bars)


def split(chart: Chart) -> list[Chart]:
    """One chart per series (small multiples), on the same years."""
    return [
        Chart(
            f"{chart.title}: {name}",
            (name,),
            tuple((y, (v[n],)) for y, v in chart.bars),
            chart.unit,
            chart.rule,
        )
        for n, name in enumerate(chart.series)
    ]


def chart_data(chart: Chart) -> JSONObject:
    return {
        "title": chart.title,
        "unit": chart.unit,
        "rule": chart.rule,
        "series": list(chart.series),
        "bars": [
            {
                "year": int(label),
                "values": dict(zip(chart.series, values, strict=True)),
                "total": sum(values),
            }
            for label, values in chart.bars
        ],
    }


CHART_COLUMNS = ("chart", "year", "series", "value")


def chart_rows(charts: Sequence[Chart]) -> list[list[object]]:
    """Long form: one row per chart, year and series."""
    return [
        [c.title, int(label), name, value]
        for c in charts
        for label, values in c.bars
        for name, value in zip(c.series, values, strict=True)
    ]


def new_year(year: int) -> int:
    """The day number (`date.toordinal`) of 1 January of `year`; of 10000 too, the day after
    the last a `date` can hold, so that a strip reaching 9999-12-31 has an end."""
    return date(year, 1, 1).toordinal() if year <= date.max.year else date.max.toordinal() + 1


# Over 60 years, a labelled tick every this many years (the first that gives at most 12).
_CENTURY_STEPS = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)


def year_ticks(strip: Strip) -> list[tuple[int, int, bool, bool]]:
    """(year, its first day's number, long tick, labelled) for the ticks of a strip's axis, which
    runs from its first year's 1 January to the 1 January after its last: a tick every year
    and a label every 5 (every year up to 12 years), and over 60 years labelled ticks only."""
    span = strip.last_year - strip.first_year + 1
    step = 1 if span <= 12 else 5
    if span > 60:
        step = next(n for n in _CENTURY_STEPS if span // n <= 12)
    out = []
    for year in range(strip.first_year, strip.last_year + 2):
        major = year % step == 0 or span <= 12
        if major or span <= 60:
            out.append((year, new_year(year), major, major and year <= strip.last_year))
    return out


def timeline_strip(events: Sequence[Event]) -> Strip:
    """Every event as a mark at its first day, in one lane per top-level theme it is under."""
    lanes: dict[str, list[Mark]] = {}
    for e in events:
        for title in event_groups(e, "theme"):
            label = f"{e.date.human()}: {e.title}"
            lanes.setdefault(title, []).append(
                Mark(e.date.first_day.toordinal(), label, f"event-{e.id}")
            )
    years = [e.date.year for e in events]
    first, last = (min(years), max(years)) if years else (0, 0)
    # The busiest lane first, as the events chart orders its series: lane n and series n
    # share their colour in HTML.
    order = sorted(lanes, key=lambda k: (-len(lanes[k]), k))
    return Strip("Timeline at a glance", first, last, tuple((k, tuple(lanes[k])) for k in order))


def report_pictures(events: Sequence[Event], transfers: Sequence[Transfer]) -> list[Block]:
    """The body of the report's "At a glance" section (its heading is the report's): the
    timeline strip and the events and transfers charts."""
    blocks: list[Block] = []
    if events:
        blocks.append(timeline_strip(events))
        blocks.append(events_chart(events, "theme"))
    if transfers:
        blocks.extend(transfer_charts(transfers))
    if not blocks:
        blocks.append(Para(plain("Nothing dated to show.")))
    return blocks


# --------------------------------------------------------------------------- text layout

# Fills for plain text: distinct characters, so a printout in one colour still tells the
# series apart.
TEXT_FILLS = ("#", "=", "+", "o", "x", "%", ":", "*")


def legend(chart: Chart, fills: Sequence[str], width: int) -> list[list[tuple[str, int | None]]]:
    """`## military  == diplomacy`: each series' fill and name, as lines of pieces (text,
    series), an entry never split between lines."""
    lines: list[list[tuple[str, int | None]]] = [[]]
    used = 0
    for n, name in enumerate(chart.series):
        size = len(fills[n]) * 2 + 1 + len(name)
        if lines[-1] and used + 2 + size > width:
            lines.append([])
            used = 0
        if lines[-1]:
            lines[-1].append(("  ", None))
            used += 2
        lines[-1] += [(fills[n] * 2, n), (f" {name}", None)]
        used += size
    return lines


def bar_lines(chart: Chart, width: int, fills: Sequence[str]) -> list[list[tuple[str, int | None]]]:
    """One line per bar, `width` characters at most: label, bar (each series in its fill,
    non-zero values at least one character) and the bar's total after it."""
    if not chart.bars:
        return []
    label_width = max(len(label) for label, _ in chart.bars)
    totals = [sum(v) for _, v in chart.bars]
    number_width = len(str(max(totals)))
    room = max(1, width - label_width - number_width - 3 - len(chart.series))
    top = max(*totals, 1)
    out: list[list[tuple[str, int | None]]] = []
    for (label, values), total in zip(chart.bars, totals, strict=True):
        line: list[tuple[str, int | None]] = [(label.rjust(label_width) + " |", None)]
        for n, value in enumerate(values):
            if value:
                length = max(1, round(value * room / top))
                line.append((fills[n] * length, n))
        line.append((" " + str(total), None))
        out.append(line)
    return out


def strip_lines(strip: Strip, width: int) -> list[str]:
    """Each lane as a row of years: a digit for the number of marks in a year (`+` for ten
    or more, `.` for none), under a ruler of years. Wide ranges fold years together."""
    years = strip.last_year - strip.first_year + 1
    label_width = max((len(name) for name, _ in strip.lanes), default=0)
    label_width = min(label_width, max(8, width // 3))
    room = max(10, width - label_width - 3)
    per = max(1, -(-years // room))  # years per column
    columns = -(-years // per)
    lines = []
    for name, marks in strip.lanes:
        counts = [0] * columns
        for m in marks:
            year = date.fromordinal(m.day).year
            counts[(year - strip.first_year) // per] += 1
        cells = "".join("." if c == 0 else str(c) if c < 10 else "+" for c in counts)
        shown = name if len(name) <= label_width else name[: label_width - 1] + "…"
        lines.append(f"{shown.ljust(label_width)} |{cells}|")
    ruler = [" "] * columns
    free = 0  # the first column a label may start at
    for at in range(columns):
        number = strip.first_year + at * per
        text = str(number)
        due = number % 5 == 0 if per == 1 else at % 5 == 0
        if at >= free and due and at + len(text) <= columns:
            ruler[at : at + len(text)] = list(text)
            free = at + len(text) + 1
    lines.append(" " * label_width + "  " + "".join(ruler).rstrip())
    note = "one column per year" if per == 1 else f"one column per {per} years"
    lines.append(f"({note}; a digit counts the events, '.' none, '+' ten or more)")
    return lines
