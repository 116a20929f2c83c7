"""Platform housekeeping jobs."""

from __future__ import annotations

from sqlalchemy import delete

from migo.platform import clock
from migo.platform.db import database
from migo.platform.idempotency import IdempotencyRecord
from migo.platform.jobs import queue
from migo.platform.ratelimit import RateLimitHit


@queue.periodic(cron="7 * * * *")
@queue.task(name="platform.purge_expired", queue="maintenance", pass_context=False)
async def purge_expired(timestamp: int) -> None:
    """Drop stored idempotent answers and rate-limit windows past their expiry."""
    now = clock.now()
    async with database.transaction() as session:
        await session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= now))
        await session.execute(delete(RateLimitHit).where(RateLimitHit.expires_at <= now))
