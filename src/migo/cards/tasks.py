"""Card jobs: statement PDFs."""

from __future__ import annotations

import uuid

from migo.events import service as events
from migo.platform.db import database
from migo.platform.jobs import queue

from . import statements


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
