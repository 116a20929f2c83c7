"""The back office's jobs: its bulk uploads (cardholder batches, conciliation files), run chunk by chunk in
the worker."""

from __future__ import annotations

import uuid

import procrastinate
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import batches, jobs
from migo.platform.jobs import queue

from . import cardholder_batches, conciliation


@queue.task(
    name="backoffice.cardholder_batch",
    queue="bulk",
    pass_context=False,
    # The database gone mid-batch: tried again, from the first line still pending.
    retry=procrastinate.RetryStrategy(max_attempts=30, exponential_wait=2),
)
async def register_cardholder_batch(batch_id: str, company_id: str) -> None:
    """A CSV of cardholders, chunk by chunk; a job run again after a crash picks up at the first pending line."""
    await cardholder_batches.register_all(uuid.UUID(batch_id), uuid.UUID(company_id))


async def start_cardholder_batch(
    session: AsyncSession, partner_id: uuid.UUID, company_id: uuid.UUID | None, data: bytes, idempotency_key: str | None
) -> batches.Batch:
    """Accept an upload and queue its job in the same transaction (the job exists exactly when the batch does)."""
    company = await cardholder_batches.company_of_batch(session, partner_id, company_id)
    batch, new = await cardholder_batches.accept(session, partner_id, company, data, idempotency_key)
    if new:
        await jobs.defer(
            session,
            register_cardholder_batch,
            lock=f"batch:{batch.id}",
            batch_id=str(batch.id),
            company_id=str(company),
        )
    return batch


@queue.task(
    name="backoffice.conciliate",
    queue="bulk",
    pass_context=False,
    # The database gone mid-file: tried again, from the first line still pending.
    retry=procrastinate.RetryStrategy(max_attempts=30, exponential_wait=2),
)
async def run_conciliation(batch_id: str) -> None:
    """A settlement file, chunk by chunk, then what it lacks; a job run again after a crash picks up where it was."""
    await conciliation.conciliate(uuid.UUID(batch_id))


async def start_conciliation(
    session: AsyncSession,
    *,
    partner_id: uuid.UUID,
    operator_id: uuid.UUID,
    source: str | None,
    data: bytes,
    idempotency_key: str | None,
) -> tuple[batches.Batch, bool]:
    """Accept an upload and queue its job in the same transaction (the job exists exactly when the batch does);
    returns the batch and whether it is new."""
    batch, new = await conciliation.accept(
        session,
        partner_id=partner_id,
        operator_id=operator_id,
        source=source,
        data=data,
        idempotency_key=idempotency_key,
    )
    if new:
        await jobs.defer(session, run_conciliation, lock=f"batch:{batch.id}", batch_id=str(batch.id))
    return batch, new
