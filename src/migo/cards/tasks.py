"""Card jobs: statement PDFs, and print runs of card stock queued from the back office."""

from __future__ import annotations

import uuid

import procrastinate
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.platform import jobs
from migo.platform.db import database
from migo.platform.jobs import queue

from . import programs, statements
from .audit import Actor
from .models import CardStockBatch


@queue.task(name="cards.render_statement", queue="statements", pass_context=False, retry=3)
async def render_statement(statement_id: str) -> None:
    async with database.transaction() as session:
        statement = await statements.produce(session, uuid.UUID(statement_id))
        if statement is not None:
            await events.record(
                session,
                "statement.ready",
                company_id=statement.company_id,
                subject_id=str(statement.id),
                data={
                    "statementId": str(statement.id),
                    "cardId": str(statement.card_id),
                    "month": statement.month,
                    "year": statement.year,
                    "status": statement.status,
                },
            )


@queue.task(
    name="cards.print_stock",
    queue="bulk",
    pass_context=False,
    # The database gone mid-run: tried again, from the first chunk not committed.
    retry=procrastinate.RetryStrategy(max_attempts=30, exponential_wait=2),
)
async def print_stock(batch_id: str) -> None:
    """A print run, a committed chunk at a time, so its progress moves and a run cut short resumes."""
    while True:
        printed, count = await programs.print_next_chunk(uuid.UUID(batch_id))
        if printed >= count:
            return


async def start_printing(
    session: AsyncSession, company_id: uuid.UUID, count: int, *, embossed_name: str | None, printed_by: Actor
) -> CardStockBatch:
    """Queue a print run: the run and its job in the caller's transaction (the job exists exactly when the run
    does); the worker prints it."""
    batch = await programs.open_stock_batch(
        session, company_id, count, embossed_name=embossed_name, printed_by=printed_by
    )
    await jobs.defer(session, print_stock, lock=f"stock:{batch.id}", batch_id=str(batch.id))
    return batch
