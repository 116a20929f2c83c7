"""The job queue: procrastinate on the same PostgreSQL.

A job deferred during a request is inserted on the request's own connection, inside its transaction: it
exists exactly when the change that asked for it committed. `migo worker` runs the jobs, periodic ones
included; more throughput is more worker processes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

import procrastinate
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.db import libpq_url
from migo.platform.settings import get_settings

# The domains' task modules register themselves with `queue` when imported; the worker imports them all
# (`run_worker`'s `task_modules`, which the application names: the platform knows no domain).
queue = procrastinate.App(connector=procrastinate.PsycopgConnector())


async def defer(session: AsyncSession, task: procrastinate.tasks.Task[Any, Any, Any], **kwargs: Any) -> int:
    """Defer `task` in the session's transaction; returns the job id."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return await task.configure(connection=raw.driver_connection).defer_async(**kwargs)


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
    with worker_queue(task_modules):
        async with queue.open_async():
            await queue.run_worker_async(
                concurrency=get_settings().worker_concurrency, install_signal_handlers=True, name="migo-worker"
            )
