"""The watch board: each scenario indicator with the events that signal it, and its status.

An indicator's status comes from the events that signal it inside the evidence window
(the `--since`/`--until` dates), by the indicator's type (`status_of`): an occurrence stays
seen once seen, a state follows its latest signs, an absence holds until a sign against it;
a deadline that passed unseen makes it `lapsed`. Signs are ordered by the last day their
event covers, and the latest signs are all those of the latest last day. Days since are
counted from that day to the corpus's `as_of` date (topic), never to the clock, so the same
corpus always gives the same board.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ..core.dates import PartialDate
from ..core.record import Record
from ..corpus.model import LIKELIHOODS, Corpus, Event, Indicator, Scenario, Signal
from ..corpus.serialize import entry
from .query import Filter, select_scenarios

SEEN, CONTRARY, NOT_SEEN, LAPSED, MIXED = "seen", "contrary", "not seen", "lapsed", "mixed"
STATUSES = (SEEN, CONTRARY, MIXED, NOT_SEEN, LAPSED)


class Sign(Record, frozen=True):
    """One event's signal of an indicator."""

    event: Event
    signal: Signal

    @property
    def last_day(self) -> date:
        """The last day the event covers: what orders signs (docs/format.md)."""
        return (self.event.end or self.event.date).last_day


class Watched(Record, frozen=True):
    """An indicator with the signs found for it in the window."""

    indicator: Indicator
    signs: tuple[Sign, ...]  # by last day, then first day, then corpus order
    status: str
    days_since: int | None  # from the latest signs' last day to the as-of date
    lapsed: bool = False  # its deadline passed before the as-of date, unseen

    @property
    def latest_signs(self) -> tuple[Sign, ...]:
        """The signs of the latest last day: one, or several that tie."""
        if not self.signs:
            return ()
        day = self.signs[-1].last_day
        return tuple(s for s in self.signs if s.last_day == day)

    @property
    def latest(self) -> Sign | None:
        return self.signs[-1] if self.signs else None

    def count(self, direction: str) -> int:
        return sum(1 for s in self.signs if s.signal.direction == direction)


class ScenarioWatch(Record, frozen=True):
    """A scenario and its watched indicators."""

    scenario: Scenario
    indicators: tuple[Watched, ...]

    def count(self, status: str) -> int:
        return sum(1 for w in self.indicators if w.status == status)

    @property
    def review(self) -> str | None:
        """Why the scenario's likelihood and its indicators disagree, or None (docs/format.md
        "Watch board"): most indicators seen and none contrary while the scenario is judged
        roughly even chance or less; or most contrary or lapsed, or none seen at all, while
        it is judged likely or more."""
        likelihood = self.scenario.likelihood
        total = len(self.indicators)
        if likelihood is None or not total:
            return None
        rank = LIKELIHOODS.index(likelihood)
        seen, against = self.count(SEEN), self.count(CONTRARY) + self.count(LAPSED)
        even = LIKELIHOODS.index("roughly-even-chance")
        if seen * 4 >= total * 3 and not against and rank <= even:
            return f"{seen} of {total} seen"
        if rank > even and (against * 2 > total or (not seen and against)):
            return f"{against} of {total} contrary or lapsed"
        return None


class Board(Record, frozen=True):
    """The whole watch board."""

    as_of: PartialDate | None
    since: PartialDate | None
    until: PartialDate | None
    scenarios: tuple[ScenarioWatch, ...]


def days_between(day: date, as_of: PartialDate | None) -> int | None:
    """Days from `day` to the as-of date's last day (0 when it reaches it)."""
    if as_of is None:
        return None
    return max(0, (as_of.last_day - day).days)


def signs_by_indicator(events: Sequence[Event]) -> dict[str, list[Sign]]:
    found: dict[str, list[Sign]] = {}
    for event in events:  # corpus order: by date, then id
        for signal in event.signals:
            found.setdefault(signal.indicator, []).append(Sign(event, signal))
    order = {id(e): n for n, e in enumerate(events)}
    for signs in found.values():
        signs.sort(key=lambda s: (s.last_day, s.event.date.first_day, order[id(s.event)]))
    return found


def deadline_passed(indicator: Indicator, as_of: PartialDate | None) -> bool:
    """Whether the whole of the deadline lies before the as-of date."""
    deadline = indicator.deadline
    return deadline is not None and as_of is not None and deadline.last_day < as_of.first_day


def status_of(
    signs: Sequence[Sign], kind: str | None = None, passed: bool = False
) -> tuple[str, bool]:
    """An indicator's status by its type (docs/format.md "indicators"), and whether it lapsed:

    - occurrence: seen once any sign is for it, and it stays seen; else contrary when a sign
      is against it; else not seen; unseen when its deadline has passed, lapsed;
    - state (and an indicator without a type): follows its latest signs, seen or contrary
      (mixed when signs of the same last day disagree); not seen, or lapsed once its deadline
      has passed, while it has no sign or its latest is against it;
    - absence: seen until a sign is against it (then contrary, for good); once its deadline
      has passed with none against it, its watch is over: lapsed.
    """
    directions = {s.signal.direction for s in signs}
    if kind == "occurrence":
        if "for" in directions:
            return SEEN, False
        if passed:
            return LAPSED, True
        return (CONTRARY if signs else NOT_SEEN), False
    if kind == "absence":
        if "against" in directions:
            return CONTRARY, False
        return (LAPSED, True) if passed else (SEEN, False)
    if not signs:
        return (LAPSED, True) if passed else (NOT_SEEN, False)
    day = signs[-1].last_day
    latest = {s.signal.direction for s in signs if s.last_day == day}
    if len(latest) > 1:
        return MIXED, False
    if latest == {"for"}:
        return SEEN, False
    return (LAPSED, True) if passed else (CONTRARY, False)


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
            days = days_between(mine[-1].last_day, as_of) if mine else None
            status, lapsed = status_of(mine, indicator.type, deadline_passed(indicator, as_of))
            watched.append(Watched(indicator, mine, status, days, lapsed))
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


# The columns of the board in CSV: one row per indicator. `latest_*` is the latest sign (by
# its last day; `latest_ties` counts others of the same last day), `days_since` counts from
# `latest_last_day`.
COLUMNS = (
    "scenario",
    "indicator",
    "type",
    "text",
    "criteria",
    "status",
    "lapsed",
    "signals",
    "for",
    "against",
    "latest_start",
    "latest_end",
    "latest_last_day",
    "latest_event",
    "latest_title",
    "latest_ties",
    "days_since",
    "deadline",
    "horizon",
    "review",
)


def _sign_json(s: Sign) -> dict[str, Any]:
    return {
        "id": s.event.id,
        "start": str(s.event.date),
        "end": str(s.event.end) if s.event.end else None,
        "last_day": s.last_day.isoformat(),
        "title": s.event.title,
        "direction": s.signal.direction,
        "note": s.signal.note,
    }


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
                **{status.replace(" ", "_"): w.count(status) for status in STATUSES},
                "review": w.review,
                "indicators": [
                    {
                        **entry("indicator", i.indicator),
                        "criteria": i.indicator.what_counts,
                        "status": i.status,
                        "lapsed": i.lapsed,
                        "signals": len(i.signs),
                        "for": i.count("for"),
                        "against": i.count("against"),
                        "latest": [_sign_json(s) for s in i.latest_signs],
                        "days_since": i.days_since,
                        "events": [_sign_json(s) for s in i.signs],
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
                    i.indicator.type,
                    i.indicator.text,
                    i.indicator.what_counts,
                    i.status,
                    i.lapsed,
                    len(i.signs),
                    i.count("for"),
                    i.count("against"),
                    str(latest.event.date) if latest else None,
                    str(latest.event.end) if latest and latest.event.end else None,
                    latest.last_day.isoformat() if latest else None,
                    latest.event.id if latest else None,
                    latest.event.title if latest else None,
                    len(i.latest_signs) - 1 if latest else None,
                    i.days_since,
                    str(i.indicator.deadline) if i.indicator.deadline else None,
                    i.indicator.horizon,
                    w.review,
                ]
            )
    return rows
