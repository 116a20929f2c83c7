"""The job queue: procrastinate on the same PostgreSQL.

A job deferred during a request is inserted on the request's own connection, inside its transaction: it
exists exactly when the change that asked for it committed. `migo worker` runs the jobs, periodic ones
included; more throughput is more worker processes.
"""

from __future__ import annotations

from typing import Any

import procrastinate
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.db import libpq_url
from migo.platform.settings import get_settings

TASK_MODULES = [
    "migo.platform.tasks",
    "migo.identity.tasks",
    "migo.cards.tasks",
    "migo.payments.tasks",
    "migo.webhooks.tasks",
]

queue = procrastinate.App(connector=procrastinate.PsycopgConnector(), import_paths=TASK_MODULES)


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


async def run_worker() -> None:
    with queue.replace_connector(database_connector()):
        async with queue.open_async():
            await queue.run_worker_async(
                concurrency=get_settings().worker_concurrency, install_signal_handlers=True, name="migo-worker"
            )
