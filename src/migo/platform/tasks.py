"""Platform housekeeping jobs."""

from __future__ import annotations

import procrastinate
import structlog
from sqlalchemy import delete

from migo.platform import clock
from migo.platform.db import database
from migo.platform.idempotency import IdempotencyRecord
from migo.platform.jobs import queue
from migo.platform.ratelimit import RateLimitHit

log = structlog.get_logger("migo.jobs")

# A worker process writes its heartbeat every 10 s; six missed ones and its running jobs are taken as dead.
STALLED_AFTER_SECONDS = 60


@queue.periodic(cron="7 * * * *")
@queue.task(name="platform.purge_expired", queue="maintenance", pass_context=False)
async def purge_expired(timestamp: int) -> None:
    """Drop stored idempotent answers and rate-limit windows past their expiry."""
    now = clock.now()
    async with database.transaction() as session:
        await session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= now))
        await session.execute(delete(RateLimitHit).where(RateLimitHit.expires_at <= now))


@queue.periodic(cron="* * * * *")
@queue.task(name="platform.retry_stalled_jobs", queue="maintenance", pass_context=True)
async def retry_stalled_jobs(context: procrastinate.JobContext, timestamp: int) -> None:
    """Run again the jobs a worker process was running when it died (kill -9, the OOM killer, a stop that
    outlasted its grace). procrastinate leaves them `doing` for good, and a job with a lock then keeps every
    later one with that lock from running: one `payments.recover` killed mid-run, and no payment left pending
    would be resolved again. Every task can be run again: the periodic ones resume from the database, the
    batches from their last committed chunk; a message may go out twice (at least once, never lost)."""
    manager = context.app.job_manager
    for job in await manager.get_stalled_jobs(seconds_since_heartbeat=STALLED_AFTER_SECONDS):
        try:
            await manager.retry_job(job)
        except procrastinate.exceptions.ConnectorException:  # it ended meanwhile: its worker was only late
            continue
        log.warning("job_retried_after_its_worker_died", job_id=job.id, task=job.task_name)
