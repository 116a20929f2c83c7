"""Billing periods by calendar: month-end anchoring without drift."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from migo.subscriptions.periods import add_months, boundary


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 10, 30, tzinfo=UTC)


def test_a_month_end_anchor_clamps_and_comes_back():
    anchor = at(2027, 1, 31)
    ends = [boundary(anchor, "month", 1, n) for n in range(5)]
    assert [(e.month, e.day) for e in ends] == [(1, 31), (2, 28), (3, 31), (4, 30), (5, 31)]
    assert boundary(at(2028, 1, 31), "month", 1, 1) == at(2028, 2, 29)  # a leap year


def test_yearly_and_multi_month_periods():
    assert boundary(at(2028, 2, 29), "year", 1, 1) == at(2029, 2, 28)
    assert boundary(at(2028, 2, 29), "year", 1, 4) == at(2032, 2, 29)
    assert boundary(at(2026, 11, 30), "month", 3, 1) == at(2027, 2, 28)
    assert boundary(at(2026, 11, 30), "month", 3, 2) == at(2027, 5, 30)


@pytest.mark.parametrize(("interval", "count", "days"), [("day", 1, 1), ("day", 10, 10), ("week", 2, 14)])
def test_day_and_week_periods_are_exact(interval, count, days):
    anchor = at(2026, 12, 30)
    assert (boundary(anchor, interval, count, 3) - anchor).days == 3 * days


def test_add_months_across_years():
    assert add_months(at(2026, 12, 31), 2) == at(2027, 2, 28)
    assert add_months(at(2027, 3, 31), -1) == at(2027, 2, 28)
