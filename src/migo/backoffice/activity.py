"""What the dashboard's home shows of a scope's transactions (a partner's, or one Payment Link client's): the
volume of today and of this month, approvals against declines, refunds, and the daily volume of the last 30 days.
Counted over the one transaction search (transactions.search), so the home counts exactly what the search lists.

Days are UTC days: a partner's operators may sit in several time zones, and a day's total must not change with
the viewer. Volume is per currency (never summed across currencies): what was approved, refunded or not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock

from .transactions import PartnerScope, TransactionFilter, search

DAYS = 30
# A payment that was approved counts in the volume, though refunded or reversed since: the volume is what the
# customers paid; refunds are counted apart.
_PAID = frozenset({"approved", "authorized", "refunded", "reversed", "subscribed"})
_DECLINED = frozenset({"denied"})


@dataclass
class CurrencyActivity:
    currency: str
    today: Decimal = Decimal(0)
    month: Decimal = Decimal(0)
    daily: dict[date, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Activity:
    """The last DAYS days of a scope's transactions, as the home shows them."""

    days: list[date]  # oldest first, today last
    currencies: list[CurrencyActivity]  # the largest volume of the month first
    approved: int
    declined: int
    refunded: int

    @property
    def approval_rate(self) -> Decimal | None:
        decided = self.approved + self.declined
        return (Decimal(self.approved) / decided * 100).quantize(Decimal("0.1")) if decided else None


async def activity(session: AsyncSession, scope: PartnerScope) -> Activity:
    now = clock.now().astimezone(UTC)
    today = now.date()
    first = today - timedelta(days=DAYS - 1)
    start = min(first, today.replace(day=1))
    since = datetime(start.year, start.month, start.day, tzinfo=UTC)
    merged = search(scope, TransactionFilter(created_from=since)).subquery("recent")
    day = func.date(func.timezone("UTC", merged.c.created_at)).label("day")
    rows = await session.execute(
        select(day, merged.c.currency, merged.c.status, func.count(), func.sum(merged.c.amount)).group_by(
            day, merged.c.currency, merged.c.status
        )
    )
    by_currency: dict[str, CurrencyActivity] = {}
    counts: dict[str, int] = defaultdict(int)
    for on, currency, status, count, total in rows:
        in_window = on >= first
        if in_window:
            counts[status] += count
        if status not in _PAID:
            continue
        found = by_currency.setdefault(currency, CurrencyActivity(currency))
        if on == today:
            found.today += total
        if on.year == today.year and on.month == today.month:
            found.month += total
        if in_window:
            found.daily[on] = found.daily.get(on, Decimal(0)) + total
    return Activity(
        days=[first + timedelta(days=n) for n in range(DAYS)],
        currencies=sorted(by_currency.values(), key=lambda found: (-found.month, found.currency)),
        approved=sum(counts[status] for status in _PAID),
        declined=sum(counts[status] for status in _DECLINED),
        refunded=counts["refunded"],
    )
