"""The job queue: procrastinate on the same PostgreSQL.

A job deferred during a request is inserted on the request's own connection, inside its transaction: it
exists exactly when the change that asked for it committed. `migo worker` runs the jobs, periodic ones
included; more throughput is more worker processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterator, Sequence
from typing import Any

import procrastinate
import structlog
from procrastinate.types import TimeDeltaParams
from psycopg.types.json import Jsonb
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.db import libpq_url
from migo.platform.settings import get_settings

# The domains' task modules register themselves with `queue` when imported; the worker imports them all
# (`run_worker`'s `task_modules`, which the application names: the platform knows no domain).
queue = procrastinate.App(connector=procrastinate.PsycopgConnector())
log = structlog.get_logger("migo.jobs")


async def defer(
    session: AsyncSession,
    task: procrastinate.tasks.Task[Any, Any, Any],
    *,
    lock: str | None = None,
    schedule_in: TimeDeltaParams | None = None,
    **kwargs: Any,
) -> int:
    """Defer `task` in the session's transaction (jobs with the same `lock` run one at a time), to run now or
    after `schedule_in` (`{"seconds": 30}`); returns the job id."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    configured = task.configure(connection=raw.driver_connection, lock=lock, schedule_in=schedule_in)
    return await configured.defer_async(**kwargs)


def defer_statement(task: procrastinate.tasks.Task[Any, Any, Any], **kwargs: Any) -> tuple[str, dict[str, Any]]:
    """The statement that defers `task` (procrastinate's own defer function, as `defer` runs it), for
    `db.write()`: in a request the job then rides with the COMMIT instead of costing a round trip of its own."""
    return (
        "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW(%(queue)s, %(task)s, 0, NULL, NULL, %(args)s, NULL)"
        "::procrastinate_job_to_defer_v1])",
        {"queue": task.queue, "task": task.name, "args": Jsonb(kwargs)},
    )


def database_connector() -> procrastinate.PsycopgConnector:
    url = get_settings().database_url
    if not url:
        raise RuntimeError("DATABASE_URL is not set")
    return procrastinate.PsycopgConnector(
        conninfo=libpq_url(url), min_size=1, max_size=get_settings().worker_concurrency + 2
    )


@contextlib.contextmanager
def worker_queue(task_modules: Sequence[str]) -> Iterator[procrastinate.App]:
    """The queue as a worker runs it: connected to the database, every task module (the platform's and the
    domains' that the application names) imported."""
    queue.import_paths = ["migo.platform.tasks", *task_modules]
    with queue.replace_connector(database_connector()) as connected:
        yield connected


async def run_worker(task_modules: Sequence[str]) -> None:
    """Run the jobs until SIGTERM or SIGINT (running jobs finish first). procrastinate's worker stops by
    itself when it loses the database (a restart, a failover): it is started again once the database
    answers, so jobs never wait for someone to restart the process."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)
    pause = RESTART_PAUSE
    with worker_queue(task_modules):
        while not stopping.is_set():
            started = loop.time()
            running = asyncio.create_task(_run_until_it_stops())
            stop_asked = asyncio.create_task(stopping.wait())
            await asyncio.wait({running, stop_asked}, return_when=asyncio.FIRST_COMPLETED)
            if stopping.is_set():
                running.cancel()  # procrastinate's graceful stop: no new job, the running ones finish
                with contextlib.suppress(asyncio.CancelledError):
                    await running
                return
            stop_asked.cancel()
            problem = running.exception()
            log.warning("job_worker_stopped", error=repr(problem) if problem else "lost the database")
            pause = RESTART_PAUSE if loop.time() - started > 60 else min(pause * 2, MAX_RESTART_PAUSE)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), timeout=pause)


RESTART_PAUSE, MAX_RESTART_PAUSE = 1.0, 15.0


async def _run_until_it_stops() -> None:
    async with queue.open_async():
        await queue.run_worker_async(
            concurrency=get_settings().worker_concurrency, install_signal_handlers=False, name="migo-worker"
        )
