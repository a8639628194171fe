"""The watch board: each scenario indicator with the events that signal it, and its status.

An indicator's status comes from the events that signal it inside the evidence window
(the `--since`/`--until` dates): `seen` when the latest of them is a sign for it,
`contrary` when the latest is a sign against it, `not seen` when none signals it. Days
since are counted to the corpus's `as_of` date (topic), never to the clock, so the same
corpus always gives the same board.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.dates import PartialDate
from ..core.record import record
from ..corpus.model import Corpus, Event, Indicator, Scenario, Signal
from ..corpus.serialize import entry
from .query import Filter, select_scenarios

SEEN, CONTRARY, NOT_SEEN = "seen", "contrary", "not seen"
STATUSES = (SEEN, CONTRARY, NOT_SEEN)


@record(frozen=True)
class Sign:
    """One event's signal of an indicator."""

    event: Event
    signal: Signal


@record(frozen=True)
class Watched:
    """An indicator with the signs found for it in the window."""

    indicator: Indicator
    signs: tuple[Sign, ...]  # oldest first
    status: str
    days_since: int | None  # from the latest sign to the as-of date; None without either

    @property
    def latest(self) -> Sign | None:
        return self.signs[-1] if self.signs else None

    def count(self, direction: str) -> int:
        return sum(1 for s in self.signs if s.signal.direction == direction)


@record(frozen=True)
class ScenarioWatch:
    """A scenario and its watched indicators."""

    scenario: Scenario
    indicators: tuple[Watched, ...]

    def count(self, status: str) -> int:
        return sum(1 for w in self.indicators if w.status == status)


@record(frozen=True)
class Board:
    """The whole watch board."""

    as_of: PartialDate | None
    since: PartialDate | None
    until: PartialDate | None
    scenarios: tuple[ScenarioWatch, ...]


def _last_day(event: Event) -> PartialDate:
    return event.end or event.date


def days_between(event: Event, as_of: PartialDate | None) -> int | None:
    """Days from the last day an event covers to the as-of date (0 when it reaches it)."""
    if as_of is None:
        return None
    return max(0, (as_of.last_day - _last_day(event).last_day).days)


def signs_by_indicator(events: Sequence[Event]) -> dict[str, list[Sign]]:
    found: dict[str, list[Sign]] = {}
    for event in events:  # corpus order: by date, then id
        for signal in event.signals:
            found.setdefault(signal.indicator, []).append(Sign(event, signal))
    return found


def status_of(signs: Sequence[Sign]) -> str:
    if not signs:
        return NOT_SEEN
    return SEEN if signs[-1].signal.direction == "for" else CONTRARY


def watch_board(corpus: Corpus, f: Filter) -> Board:
    """The scenarios the filter keeps (by theme, country), with the evidence its dates keep:
    the other filters choose scenarios, not evidence."""
    as_of = corpus.topic.as_of if corpus.topic else None
    events = [e for e in corpus.events if e.signals and f.dates_ok(e.date, e.end)]
    signs = signs_by_indicator(events)
    scenarios = []
    for scenario in select_scenarios(corpus, f):
        watched = []
        for indicator in scenario.indicators:
            mine = tuple(signs.get(indicator.id, ())) if indicator.id else ()
            days = days_between(mine[-1].event, as_of) if mine else None
            watched.append(Watched(indicator, mine, status_of(mine), days))
        scenarios.append(ScenarioWatch(scenario, tuple(watched)))
    return Board(as_of, f.since, f.until, tuple(scenarios))


def indicator_statuses(board: Board) -> dict[str, tuple[Scenario, Watched]]:
    """Every indicator with an id, by id."""
    return {
        w.indicator.id: (s.scenario, w)
        for s in board.scenarios
        for w in s.indicators
        if w.indicator.id
    }


# The columns of the board in CSV: one row per indicator.
COLUMNS = (
    "scenario",
    "indicator",
    "text",
    "status",
    "signals",
    "for",
    "against",
    "latest_date",
    "latest_event",
    "latest_title",
    "days_since",
    "deadline",
    "horizon",
)


def board_json(board: Board) -> dict[str, Any]:
    """The board as data: every indicator with its status and the events that signal it."""
    return {
        "as_of": str(board.as_of) if board.as_of else None,
        "since": str(board.since) if board.since else None,
        "until": str(board.until) if board.until else None,
        "scenarios": [
            {
                "id": w.scenario.id,
                "title": w.scenario.title,
                "likelihood": w.scenario.likelihood,
                "seen": w.count("seen"),
                "contrary": w.count("contrary"),
                "not_seen": w.count("not seen"),
                "indicators": [
                    {
                        **entry("indicator", i.indicator),
                        "status": i.status,
                        "signals": len(i.signs),
                        "for": i.count("for"),
                        "against": i.count("against"),
                        "latest": {
                            "id": i.latest.event.id,
                            "date": str(i.latest.event.date),
                            "title": i.latest.event.title,
                        }
                        if i.latest
                        else None,
                        "days_since": i.days_since,
                        "events": [
                            {
                                "id": s.event.id,
                                "date": str(s.event.date),
                                "title": s.event.title,
                                "direction": s.signal.direction,
                                "note": s.signal.note,
                            }
                            for s in i.signs
                        ],
                    }
                    for i in w.indicators
                ],
            }
            for w in board.scenarios
        ],
    }


def board_rows(board: Board) -> list[list[object]]:
    rows: list[list[object]] = []
    for w in board.scenarios:
        for i in w.indicators:
            latest = i.latest
            rows.append(
                [
                    w.scenario.id,
                    i.indicator.id,
                    i.indicator.text,
                    i.status,
                    len(i.signs),
                    i.count("for"),
                    i.count("against"),
                    str(latest.event.date) if latest else None,
                    latest.event.id if latest else None,
                    latest.event.title if latest else None,
                    i.days_since,
                    str(i.indicator.deadline) if i.indicator.deadline else None,
                    i.indicator.horizon,
                ]
            )
    return rows
