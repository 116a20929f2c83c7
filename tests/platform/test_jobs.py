"""The job queue: a job deferred in a transaction exists exactly when that transaction commits."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from migo.identity.tasks import deliver_message
from migo.platform.db import database
from migo.platform.jobs import defer, queue


async def _jobs_for(marker: str) -> int:
    async with database.transaction() as session:
        return await session.scalar(
            text("SELECT count(*) FROM procrastinate_jobs WHERE args->>'message_id' = :marker"), {"marker": marker}
        )


async def test_a_rolled_back_transaction_leaves_no_job():
    marker = str(uuid.uuid4())

    class Abort(Exception):
        pass

    with pytest.raises(Abort):
        async with database.transaction() as session:
            await defer(session, deliver_message, message_id=marker)
            raise Abort
    assert await _jobs_for(marker) == 0


async def test_a_committed_transaction_leaves_its_job():
    marker = str(uuid.uuid4())
    async with database.transaction() as session:
        job_id = await defer(session, deliver_message, message_id=marker)
    assert job_id > 0
    assert await _jobs_for(marker) == 1


async def test_the_worker_runs_queued_jobs_and_periodic_tasks_are_registered():
    from migo.composition import TASK_MODULES
    from migo.platform.jobs import worker_queue

    marker = str(uuid.uuid4())  # no such message: the task returns without error
    async with database.transaction() as session:
        await defer(session, deliver_message, message_id=marker)
    with worker_queue(TASK_MODULES):
        async with queue.open_async():
            await queue.run_worker_async(queues=["notifications"], wait=False, install_signal_handlers=False)
    async with database.transaction() as session:
        status = await session.scalar(
            text("SELECT status FROM procrastinate_jobs WHERE args->>'message_id' = :marker"), {"marker": marker}
        )
    assert status == "succeeded"
    periodic = {task_name for task_name, _ in queue.periodic_registry.periodic_tasks}
    assert {"platform.purge_expired", "identity.purge_spent_credentials"} <= periodic


async def test_a_job_deferred_by_statement_rides_with_the_commit_and_the_worker_runs_it():
    from migo.composition import TASK_MODULES
    from migo.notifications.tasks import send_notification
    from migo.platform.db import write
    from migo.platform.jobs import defer_statement, worker_queue

    marker = str(uuid.uuid4())  # no such message: the task returns without error
    async with database.transaction() as session:
        await write(session, *defer_statement(send_notification, notification_id=marker))
    with worker_queue(TASK_MODULES):
        async with queue.open_async():
            await queue.run_worker_async(queues=["notifications"], wait=False, install_signal_handlers=False)
    async with database.transaction() as session:
        status = await session.scalar(
            text("SELECT status FROM procrastinate_jobs WHERE args->>'notification_id' = :marker"), {"marker": marker}
        )
    assert status == "succeeded"
    periodic = {task_name for task_name, _ in queue.periodic_registry.periodic_tasks}
    assert "notifications.sweep" in periodic


async def _status_of(job_id: int) -> str:
    async with database.transaction() as session:
        return await session.scalar(text("SELECT status FROM procrastinate_jobs WHERE id = :id"), {"id": job_id})


async def _running_on_a_worker(job_id: int, heartbeat_age_seconds: int) -> None:
    """The job as a worker process left it: `doing`, on a worker whose last heartbeat is that old."""
    async with database.transaction() as session:
        worker_id = await session.scalar(
            text(
                "INSERT INTO procrastinate_workers (last_heartbeat) "
                "VALUES (now() - make_interval(secs => :age)) RETURNING id"
            ),
            {"age": heartbeat_age_seconds},
        )
        await session.execute(
            text("UPDATE procrastinate_jobs SET status = 'doing', worker_id = :worker WHERE id = :id"),
            {"worker": worker_id, "id": job_id},
        )


async def test_a_job_whose_worker_died_runs_again_and_unblocks_its_lock():
    from types import SimpleNamespace

    from migo.composition import TASK_MODULES
    from migo.platform.jobs import worker_queue
    from migo.platform.tasks import retry_stalled_jobs

    lock = f"stalled-{uuid.uuid4()}"
    async with database.transaction() as session:
        killed = await defer(session, deliver_message, lock=lock, message_id=str(uuid.uuid4()))
        waiting = await defer(session, deliver_message, lock=lock, message_id=str(uuid.uuid4()))
        alive = await defer(session, deliver_message, message_id=str(uuid.uuid4()))
    await _running_on_a_worker(killed, heartbeat_age_seconds=300)  # kill -9 mid-run, five minutes ago
    await _running_on_a_worker(alive, heartbeat_age_seconds=5)  # a live worker's, still running it
    with worker_queue(TASK_MODULES):
        async with queue.open_async():
            await queue.run_worker_async(queues=["notifications"], wait=False, install_signal_handlers=False)
            assert await _status_of(waiting) == "todo"  # the dead run holds the lock: nothing after it runs

            await retry_stalled_jobs.func(SimpleNamespace(app=queue), timestamp=0)
            await queue.run_worker_async(queues=["notifications"], wait=False, install_signal_handlers=False)
    assert await _status_of(killed) == "succeeded"
    assert await _status_of(waiting) == "succeeded"
    assert await _status_of(alive) == "doing"  # not taken from a worker that is alive
    periodic = {task_name for task_name, _ in queue.periodic_registry.periodic_tasks}
    assert "platform.retry_stalled_jobs" in periodic
