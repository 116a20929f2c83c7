"""Payment jobs: the sweep that voids stale authorizations and expires unpaid links."""

from __future__ import annotations

from migo.platform.db import database
from migo.platform.jobs import queue

from . import operations


@queue.periodic(cron="* * * * *")
@queue.task(name="payments.sweep", queue="maintenance", pass_context=False, lock="payments.sweep")
async def sweep_payments(timestamp: int) -> None:
    """Every minute, batch by batch until nothing is left, each batch in its own transaction."""
    while True:
        async with database.transaction() as session:
            voided, expired = await operations.sweep(session)
        if voided < operations.SWEEP_BATCH and expired < operations.SWEEP_BATCH:
            return
