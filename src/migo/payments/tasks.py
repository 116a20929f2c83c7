"""Payment jobs: the sweep (void stale authorizations, expire unpaid links) and the recovery of processor
calls whose answer was never recorded."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute

from migo.platform import clock
from migo.platform.db import database
from migo.platform.jobs import queue

from . import after_authorization, checkout, links, saved_cards
from .models import PaymentAttempt, PaymentOperation
from .processors import ProcessorError

log = structlog.get_logger("migo.payments")


@queue.periodic(cron="* * * * *")
@queue.task(name="payments.sweep", queue="maintenance", pass_context=False, lock="payments.sweep")
async def sweep_payments(timestamp: int) -> None:
    """Every minute, batch by batch until nothing is left, each batch in its own transactions. Logged only when
    it did something (procrastinate's own lines about a maintenance job are not: platform.logging)."""
    voided = expired = 0
    while True:
        batch = await after_authorization.void_stale_authorizations()
        voided += batch
        if batch < after_authorization.SWEEP_BATCH:
            break
    while True:
        async with database.transaction() as session:
            batch = await links.expire_unpaid_links(session)
        expired += batch
        if batch < links.EXPIRY_BATCH:
            break
    if voided or expired:
        log.info("payments_swept", authorizations_voided=voided, links_expired=expired)


RECOVERY_BATCH = 100


@queue.periodic(cron="* * * * *")
@queue.task(name="payments.recover", queue="maintenance", pass_context=False, lock="payments.recover")
async def recover_processor_calls(timestamp: int) -> None:
    """Every minute: the attempts and operations left pending for longer than a processor call may take (a
    crash, a lost connection, a commit that failed after the processor answered) are settled with what the
    processor says it did. One the processor cannot answer for now waits for the next run."""
    for resolved, outcome in await recover_pending():
        log.info("processor_call_recovered", id=str(resolved), outcome=outcome)
    async with database.transaction() as session:
        closed = await saved_cards.close_stale_verifications(session)
    if closed:
        log.info("card_verifications_closed", count=closed)


async def recover_pending() -> list[tuple[uuid.UUID, str]]:
    """One pass of the recovery: (id, what it came to) for each attempt and operation it settled."""
    stale_since = clock.now() - checkout.RECOVERY_AGE

    def oldest_pending(
        model: type[PaymentAttempt] | type[PaymentOperation], since: InstrumentedAttribute[Any]
    ) -> Select[uuid.UUID]:
        return (
            select(model.id).where(model.status == "pending", since < stale_since).order_by(since).limit(RECOVERY_BATCH)
        )

    async with database.transaction() as session:
        attempts = (await session.scalars(oldest_pending(PaymentAttempt, PaymentAttempt.pending_since))).all()
        operations = (await session.scalars(oldest_pending(PaymentOperation, PaymentOperation.created_at))).all()
    settled: list[tuple[uuid.UUID, str]] = []
    steps: list[tuple[uuid.UUID, Callable[[uuid.UUID], Awaitable[str]]]]
    steps = [(a, checkout.resolve_attempt) for a in attempts]
    steps += [(o, after_authorization.resolve_operation) for o in operations]
    for pending_id, resolve in steps:
        try:
            settled.append((pending_id, await resolve(pending_id)))
        except ProcessorError:
            continue  # the processor cannot say now: the next run asks again
        except Exception:
            # One broken item must not keep the rest (taken oldest first, so it would come first every run)
            # from being settled.
            log.exception("processor_call_recovery_failed", id=str(pending_id))
    return settled
