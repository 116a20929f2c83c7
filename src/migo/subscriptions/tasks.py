"""Recurring billing's jobs: renewals (and every other step that comes due), and the charges left pending."""

from __future__ import annotations

import uuid

import procrastinate
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import batches, jobs
from migo.platform.jobs import queue

from . import bulk, charges

log = structlog.get_logger("migo.subscriptions")


@queue.periodic(cron="* * * * *")
@queue.task(name="subscriptions.renew", queue="maintenance", pass_context=False, lock="subscriptions.renew")
async def renew_subscriptions(timestamp: int) -> None:
    """Every minute: every subscription whose next step is due, batch by batch. One lock: a second worker's
    run waits; and each charge is made once whoever makes it (its charge key)."""
    while await charges.renew_due() == charges.DUE_BATCH:
        pass


@queue.periodic(cron="* * * * *")
@queue.task(name="subscriptions.settle", queue="maintenance", pass_context=False, lock="subscriptions.settle")
async def settle_subscription_charges(timestamp: int) -> None:
    """Every minute: finish the charges whose outcome was never applied (a crash, a processor that did not answer)."""
    settled = await charges.settle_pending_charges()
    if settled:
        log.info("subscription_charges_settled", count=settled)


@queue.task(
    name="subscriptions.bulk_charge",
    queue="bulk",
    pass_context=False,
    # The database gone mid-batch: tried again, from the first line still pending.
    retry=procrastinate.RetryStrategy(max_attempts=30, exponential_wait=2),
)
async def run_bulk_charges(batch_id: str, merchant_slug: str) -> None:
    """A CSV of charges, chunk by chunk; a job run again after a crash picks up at the first pending line."""
    batch = uuid.UUID(batch_id)
    await batches.run(batch, bulk.charger(merchant_slug, batch))


async def start_bulk_charges(
    session: AsyncSession, merchant_slug: str, data: bytes, idempotency_key: str | None
) -> batches.Batch:
    """Accept an upload and queue its job in the same transaction (the job exists exactly when the batch does)."""
    batch, new = await bulk.accept(session, merchant_slug, data, idempotency_key)
    if new:
        await jobs.defer(
            session, run_bulk_charges, lock=f"batch:{batch.id}", batch_id=str(batch.id), merchant_slug=merchant_slug
        )
    return batch
