"""Merchant acquiring's jobs: the 23:30 UTC settlement cutoff, the settlements and payouts that come due, and
the terminal payments left pending."""

from __future__ import annotations

from datetime import UTC, datetime

import structlog

from migo.platform import clock
from migo.platform.jobs import queue

from . import pos, settlements

log = structlog.get_logger("migo.merchants")


@queue.periodic(cron="30 23 * * *")
@queue.task(name="merchants.cutoff", queue="maintenance", pass_context=False, lock="merchants.cutoff")
async def close_settlement_cutoff(timestamp: int) -> None:
    """At 23:30 UTC: close the day. The cutoff is the one the run was scheduled for, so a run delayed past
    midnight (a worker that was down) still closes its own day, and everything captured before it."""
    cutoff_date = datetime.fromtimestamp(timestamp, UTC).date()
    made = await settlements.close_cutoff(cutoff_date, settlements.cutoff_instant(cutoff_date))
    log.info("settlement_cutoff_closed", cutoff_date=cutoff_date.isoformat(), settlements=len(made))


@queue.periodic(cron="5 * * * *")
@queue.task(name="merchants.settle", queue="maintenance", pass_context=False, lock="merchants.settle")
async def settle_and_pay_out(timestamp: int) -> None:
    """Hourly: credit the settlements dated today or before, and mark paid the payouts that arrived."""
    today = clock.now().date()
    while await settlements.settle_due(today) == settlements.DUE_BATCH:
        pass
    while await settlements.pay_out_due(today) == settlements.DUE_BATCH:
        pass


@queue.periodic(cron="* * * * *")
@queue.task(name="merchants.recover", queue="maintenance", pass_context=False, lock="merchants.recover")
async def recover_terminal_payments(timestamp: int) -> None:
    """Every minute: the terminal payments and operations whose processor answer was never recorded."""
    for resolved, outcome in await pos.resolve_pending():
        log.info("terminal_call_recovered", id=str(resolved), outcome=outcome)
