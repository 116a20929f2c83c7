"""Billing periods: the n-th period boundary from a subscription's anchor, by calendar.

Monthly and yearly periods anchor on the start day and clamp to a shorter month's end, without drifting:
each boundary is computed from the anchor (Jan 31 → Feb 28 or 29 → Mar 31), never from the boundary before.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta
from typing import Literal

Interval = Literal["day", "week", "month", "year"]
INTERVALS: tuple[Interval, ...] = ("day", "week", "month", "year")
# The longest period a plan may have, as Stripe bounds it: a year.
MAX_COUNT: dict[str, int] = {"day": 365, "week": 52, "month": 12, "year": 1}


def add_months(moment: datetime, months: int) -> datetime:
    """`moment` moved by whole months, its day clamped to the target month's last day."""
    index = moment.year * 12 + (moment.month - 1) + months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def boundary(anchor: datetime, interval: str, count: int, periods: int) -> datetime:
    """The end of the `periods`-th period after `anchor` (0: the anchor itself)."""
    steps = count * periods
    if interval == "day":
        return anchor + timedelta(days=steps)
    if interval == "week":
        return anchor + timedelta(weeks=steps)
    if interval == "month":
        return add_months(anchor, steps)
    if interval == "year":
        return add_months(anchor, 12 * steps)
    raise ValueError(f"unknown interval {interval!r}")


def shortest_period_days(interval: str, count: int) -> int:
    """The fewest whole days a period of the plan can last (a month: 28), which a grace period may not outlast."""
    return count * {"day": 1, "week": 7, "month": 28, "year": 365}[interval]
