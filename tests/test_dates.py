"""Partial dates: parsing, precision, order, span and overlap (FORMAT.md "Dates")."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vrmc_cli.core.dates import PartialDate, overlaps, parse_date, span, window


@pytest.mark.parametrize(
    ("text", "expected", "human"),
    [
        ("2006", PartialDate(2006), "2006"),
        ("2006-07", PartialDate(2006, 7), "Jul 2006"),
        ("2006-07-17", PartialDate(2006, 7, 17), "17 Jul 2006"),
        (" 2024-02-29 ", PartialDate(2024, 2, 29), "29 Feb 2024"),
        ("0001", PartialDate(1), "1"),
    ],
)
def test_parse_valid(text: str, expected: PartialDate, human: str) -> None:
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed.human() == human
    assert str(parsed) == text.strip()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2019-02-30", "day must be 01..28"),
        ("2023-02-29", "day must be 01..28"),
        ("2019-13", "month must be 01..12"),
        ("2019-00", "month must be 01..12"),
        ("2019-04-31", "day must be 01..30"),
        ("0000-00-00", "year must be 0001 or later"),
        ("0000", "year must be 0001 or later"),
        ("06", "expected YYYY"),
        ("2006-7", "expected YYYY"),
        ("2006/07", "expected YYYY"),
        ("July 2006", "expected YYYY"),
        ("", "expected YYYY"),
        ("20060", "expected YYYY"),
    ],
)
def test_parse_invalid(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date(text)


def test_sort_order_missing_parts_count_as_zero() -> None:
    dates = [parse_date(t) for t in ("2006-01-05", "2006", "2005-12-31", "2006-01")]
    assert [str(d) for d in sorted(dates, key=lambda d: d.key)] == [
        "2005-12-31",
        "2006",
        "2006-01",
        "2006-01-05",
    ]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2006", dt.date(2006, 1, 1), dt.date(2006, 12, 31)),
        ("2006-02", dt.date(2006, 2, 1), dt.date(2006, 2, 28)),
        ("2008-02", dt.date(2008, 2, 1), dt.date(2008, 2, 29)),
        ("2006-07-17", dt.date(2006, 7, 17), dt.date(2006, 7, 17)),
    ],
)
def test_span_of_one_date(text: str, first: dt.date, last: dt.date) -> None:
    assert span(parse_date(text)) == (first, last)


def test_span_runs_to_the_last_day_of_end() -> None:
    assert span(parse_date("2006-07"), parse_date("2007")) == (
        dt.date(2006, 7, 1),
        dt.date(2007, 12, 31),
    )


def test_since_a_month_keeps_an_event_dated_by_year() -> None:
    # FORMAT.md: "--since 2006-08 keeps an event dated 2006".
    assert overlaps(span(parse_date("2006")), window(parse_date("2006-08"), None))
    assert not overlaps(span(parse_date("2006-07")), window(parse_date("2006-08"), None))


partial_dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).flatmap(
    lambda d: st.sampled_from(
        [PartialDate(d.year), PartialDate(d.year, d.month), PartialDate(d.year, d.month, d.day)]
    )
)


@given(partial_dates)
def test_round_trip_and_span_is_ordered(d: PartialDate) -> None:
    assert parse_date(str(d)) == d
    first, last = span(d)
    assert first <= last
    assert d.first_day == first and d.last_day == last


@given(partial_dates, partial_dates)
def test_sort_key_agrees_with_first_day_when_precision_is_equal(
    a: PartialDate, b: PartialDate
) -> None:
    if (a.month == 0) == (b.month == 0) and (a.day == 0) == (b.day == 0):
        assert (a.key < b.key) == (a.first_day < b.first_day)


@given(partial_dates, partial_dates)
def test_a_coarser_date_sorts_before_the_finer_dates_it_covers(
    a: PartialDate, b: PartialDate
) -> None:
    covers = a.first_day <= b.first_day and b.last_day <= a.last_day
    finer = (a.month, a.day).count(0) > (b.month, b.day).count(0)
    if covers and finer:
        assert a.key < b.key


@given(partial_dates, partial_dates, partial_dates)
def test_overlap_is_symmetric_and_matches_day_ranges(
    a: PartialDate, b: PartialDate, c: PartialDate
) -> None:
    item = span(a)
    lo, hi = sorted((b, c), key=lambda d: d.first_day)
    win = window(lo, hi)
    assert overlaps(item, win) == overlaps(win, item)
    expected = not (item[1] < win[0] or win[1] < item[0])
    assert overlaps(item, win) == expected


@given(partial_dates)
def test_open_window_keeps_everything(d: PartialDate) -> None:
    assert overlaps(span(d), window(None, None))


def test_days_in_month_is_the_calendars() -> None:
    import calendar

    from vrmc_cli.core.dates import days_in_month

    for year in (*range(1, 2101), 2400, 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
