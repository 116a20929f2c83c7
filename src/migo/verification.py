"""The platform's books, verified from scratch: the ledger's invariants and every domain's records of the
money it moved (what `migo ledger verify`, the tests and the fault drill run)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import text

from migo.cards import service as cards
from migo.ledger import service as ledger
from migo.merchants import service as merchants
from migo.payments import service as payments
from migo.platform.db import database

MOVEMENT_SOURCES = (*cards.MOVEMENT_SOURCES, *payments.MOVEMENT_SOURCES, *merchants.MOVEMENT_SOURCES)
JOURNAL_ONLY = cards.JOURNAL_ONLY


async def verify_books(
    *,
    batch_size: int = 20_000,
    progress: Callable[[ledger.CheckResult], None] | None = None,
    also_journal_only: Sequence[ledger.JournalOnly] = (),
) -> ledger.VerifyReport:
    """Every check on one snapshot of the configured database, in a read-only transaction of its own.
    `also_journal_only`: kinds of entries that have no record by design beyond the domains' own (tests')."""
    async with database.sessionmaker() as session, session.begin():
        # One snapshot for every check: a database that keeps taking writes is seen as of one instant.
        await session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
        return await ledger.verify_ledger(
            session, MOVEMENT_SOURCES, (*JOURNAL_ONLY, *also_journal_only), batch_size=batch_size, progress=progress
        )
