"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD): parsing, ordering, spans and overlap."""

from __future__ import annotations

from .record import Record

# Not `typing.TYPE_CHECKING`, nor `datetime` itself: a warm run imports neither (the C half
# of `datetime`, which it re-exports, is a fifth of its import; docs/performance.md), and
# the C half only when a date is first made (`_day`): a date window's test compares days
# as (year, month, day) (`overlapping`).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as _dt

    def _day(year: int, month: int, day: int) -> _dt.date: ...
else:

    def _day(year, month, day):
        """`datetime.date(year, month, day)`, from the C half of `datetime` where there is
        one; the first call puts the class itself in its place."""
        global _day  # noqa: PLW0603 - the class, once imported, is called directly
        try:
            from _datetime import date
        except ImportError:  # an interpreter without the C module
            from datetime import date
        _day = date
        return date(year, month, day)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class PartialDate(Record, frozen=True, eq=True):
    """A date known to the year, the month or the day; a missing part is 0."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def key(self) -> tuple[int, int, int]:
        """Sort key: a missing part counts as 0, so `2006` < `2006-01` < `2006-01-05`."""
        return (self.year, self.month, self.day)

    @property
    def first_day(self) -> _dt.date:
        return _day(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> _dt.date:
        if self.day:
            return _day(self.year, self.month, self.day)
        month = self.month or 12
        return _day(self.year, month, days_in_month(self.year, month))

    @property
    def first(self) -> tuple[int, int, int]:
        """The first day it covers as (year, month, day): what `first_day` is, compared
        alike (a date compares as its year, month and day)."""
        return (self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> tuple[int, int, int]:
        """The last day it covers as (year, month, day)."""
        if self.day:
            return (self.year, self.month, self.day)
        month = self.month or 12
        return (self.year, month, days_in_month(self.year, month))

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text

    def human(self) -> str:
        """`2006`, `Jul 2006` or `17 Jul 2006`: the date at its real precision."""
        if not self.month:
            return str(self.year)
        month = _MONTHS[self.month - 1]
        if not self.day:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"


def days_in_month(year: int, month: int) -> int:
    """28 to 31 (proleptic Gregorian calendar, as `datetime` counts)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_date(text: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError with a reason otherwise."""
    # `(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?` in full, without `re`: four digits, and two after
    # each dash (decimal digits of any script, as `\d` and int() read them).
    parts = text.strip().split("-")
    if (
        len(parts) > 3
        or len(parts[0]) != 4
        or any(len(part) != 2 for part in parts[1:])
        or not all(part.isdecimal() for part in parts)
    ):
        raise ValueError(f"invalid date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) for part in (*parts, "0", "0")[:3])
    if year < 1:
        raise ValueError(f"invalid date {text!r}: year must be 0001 or later")
    if len(parts) > 1 and not 1 <= month <= 12:
        raise ValueError(f"invalid date {text!r}: month must be 01..12")
    if len(parts) > 2:
        last = days_in_month(year, month)
        if not 1 <= day <= last:
            raise ValueError(f"invalid date {text!r}: day must be 01..{last} in that month")
    return PartialDate(year, month, day)


def span(start: PartialDate, end: PartialDate | None = None) -> tuple[_dt.date, _dt.date]:
    """The days an item covers: from the first day of its start to the last day of its end."""
    return start.first_day, (end or start).last_day


def overlaps(item: tuple[_dt.date, _dt.date], window: tuple[_dt.date, _dt.date]) -> bool:
    """True when two closed day ranges share at least one day."""
    return item[0] <= window[1] and window[0] <= item[1]


def window(since: PartialDate | None, until: PartialDate | None) -> tuple[_dt.date, _dt.date]:
    """The span from the first day of `since` to the last day of `until` (open ends allowed)."""
    return (
        since.first_day if since else _day(1, 1, 1),  # date.min
        until.last_day if until else _day(9999, 12, 31),  # date.max
    )


def overlapping(
    start: PartialDate,
    end: PartialDate | None,
    since: PartialDate | None,
    until: PartialDate | None,
) -> bool:
    """`overlaps(span(start, end), window(since, until))`, each day as (year, month, day),
    without making dates: every partial date is a day of `datetime` (years 1 to 9999), and
    open ends (date.min, date.max) pass every day."""
    return (until is None or start.first <= until.last) and (
        since is None or since.first <= (end or start).last
    )
