"""What happens to a payment after authorization (seed 003): capture (one-step at once, two-step within 7
days), refunds (full or partial, never more than captured), reversal before settlement, and the worker's
sweep that voids authorizations past the capture window.

Every call to the processor is an operation, run in three parts as the checkout's attempts are (checkout.py):
saved `pending` under the link's row lock and committed, then sent to the processor outside any lock with an
idempotency key derived from it, then recorded in a second transaction; what the request could not record,
the recovery job does (`resolve_operation`). A capture or a void runs alone on a link; refunds may run side
by side, never beyond what was captured.

Every money step is one ledger entry: a capture moves the amount from the processor's clearing account to
the merchant's balance; a refund moves it back; the void of a capture is the ledger reversal of its entry.
While the processor is asked, a refund (or a void of a capture) reserves the merchant's balance with a
ledger hold, posted into the entry when the processor agrees and released when it refuses.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger
from migo.platform import clock, security
from migo.platform.db import database
from migo.platform.errors import MW_ERRORS, ApiError

from . import clients, links
from .access import readable
from .errors import PAYMENT_ERRORS
from .models import PaymentClient, PaymentOperation, PaymentTransaction
from .processors import OperationResult, ProcessorError, processor_named

CAPTURE_KIND = "payment_capture"  # the ledger entry that pays a captured amount to the merchant's balance
REFUND_KIND = "payment_refund"  # the one that takes a refund back from it
# The reversal of a capture's entry when the capture is voided (its name from when it was the ledger's only
# kind of reversal: kept, so that the entries booked then still match their voids).
VOID_KIND = "reversal"

CAPTURE_WINDOW = timedelta(days=7)
SETTLEMENT_CUTOFF = time(23, 30)  # seed 003: captures settle after the 23:30 UTC cutoff
PROCESSOR_TIMEOUT = 20.0


def settlement_cutoff(captured_at: datetime) -> datetime:
    """The first 23:30 UTC cutoff after a capture: until then it can still be reversed."""
    cutoff = datetime.combine(captured_at.date(), SETTLEMENT_CUTOFF, tzinfo=captured_at.tzinfo)
    return cutoff if captured_at < cutoff else cutoff + timedelta(days=1)


def operation_key(operation_id: uuid.UUID) -> str:
    """The idempotency key of an operation at the processor."""
    return f"migo_op_{operation_id.hex}"


def request_key(merchant_slug: str, idempotency_key: str | None) -> bytes | None:
    """The merchant's Idempotency-Key as an operation remembers it (a keyed digest, scoped to its client)."""
    if idempotency_key is None:
        return None
    return security.keyed_hash(f"{merchant_slug}\n{idempotency_key}", purpose="payment-operation-request")


@dataclass(frozen=True)
class OperationOutcome:
    operation: PaymentOperation
    transaction: PaymentTransaction
    client: PaymentClient


async def book_capture(
    session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient, amount: Decimal
) -> None:
    """The captured amount reaches the merchant's balance: one ledger entry, once per link."""
    assert transaction.processor is not None
    clearing = await clients.clearing_account(session, transaction.processor, transaction.currency)
    merchant = await clients.merchant_account(session, client, transaction.currency)
    result = await ledger.post_entry(
        session,
        reference=f"payment-capture:{transaction.id}",
        kind=CAPTURE_KIND,
        legs=ledger.transfer_legs(clearing, merchant, amount),
        description=f"Payment link {transaction.reference}",
    )
    assert result.applied, result.outcome  # the clearing account may go negative; the merchant has no ceiling
    transaction.status = "approved"
    transaction.captured_amount = amount
    transaction.captured_at = clock.now()
    transaction.capture_entry_id = result.entry_id


Prepare = Callable[[AsyncSession, PaymentTransaction, PaymentClient], Awaitable[PaymentOperation]]


async def _run(merchant_slug: str, uid: str, key: bytes | None, prepare: Prepare) -> OperationOutcome:
    """Save the operation `prepare` builds on the locked link, ask the processor, record its answer. A retry
    of a request whose answer was lost (same Idempotency-Key) finds the operation it made instead, and if that
    one is still pending (its request died before or while asking), asks the processor again under the same
    processor key: the processor answers a key once, so this finishes the operation rather than repeating it."""
    async with database.side_transaction() as session:
        transaction, client = await links.locked_link(session, uid, merchant_slug)
        made = key and await session.scalar(
            select(PaymentOperation).where(
                PaymentOperation.transaction_id == transaction.id, PaymentOperation.request_key == key
            )
        )
        if made and made.status != "pending":
            return _answer(OperationOutcome(made, transaction, client))
        if made:
            operation = made
        else:
            operation = await prepare(session, transaction, client)
            operation.request_key = key
            session.add(operation)
            await session.flush()
    try:
        result = await asyncio.wait_for(_ask_processor(operation, transaction), PROCESSOR_TIMEOUT)
    except (ProcessorError, TimeoutError):
        return _answer(OperationOutcome(operation, transaction, client))
    return _answer(await record_operation(operation.id, result))


def _answer(outcome: OperationOutcome) -> OperationOutcome:
    """The outcome as the merchant hears it: a refused operation is an error; a refund the processor has not
    answered yet is `pending` (it is confirmed by webhook); a capture or void not answered yet is a 502."""
    operation = outcome.operation
    if operation.status == "failed":
        raise ApiError(
            PAYMENT_ERRORS.PROCESSOR_DECLINED, f"The processor refused the {operation.kind} ({operation.failure_code})."
        )
    if operation.status == "pending" and operation.kind != "refund":
        raise ApiError(PAYMENT_ERRORS.PROCESSOR_UNAVAILABLE)
    return outcome


async def _ask_processor(operation: PaymentOperation, transaction: PaymentTransaction) -> OperationResult:
    assert transaction.processor is not None
    assert transaction.processor_reference is not None
    processor = processor_named(transaction.processor)
    key = operation_key(operation.id)
    if operation.kind == "capture":
        return await processor.capture(transaction.processor_reference, operation.amount, key=key)
    if operation.kind == "refund":
        return await processor.refund(transaction.processor_reference, operation.amount, key=key)
    return await processor.void(transaction.processor_reference, key=key)


def refunds_statement(merchant_slug: str, transaction_id: uuid.UUID) -> Select[PaymentOperation]:
    """The refunds of one of the merchant's links."""
    return readable(merchant_slug, PaymentOperation).where(
        PaymentOperation.transaction_id == transaction_id, PaymentOperation.kind == "refund"
    )


async def _pending_kinds(session: AsyncSession, transaction: PaymentTransaction) -> dict[str, Decimal]:
    """The operations in flight on the link: their total amount by kind."""
    rows = await session.execute(
        select(PaymentOperation.kind, func.sum(PaymentOperation.amount))
        .where(PaymentOperation.transaction_id == transaction.id, PaymentOperation.status == "pending")
        .group_by(PaymentOperation.kind)
    )
    return {kind: total for kind, total in rows}


def _in_progress(kind: str) -> ApiError:
    return ApiError(
        PAYMENT_ERRORS.PAYMENT_IN_PROGRESS, f"A {kind} of this payment is being confirmed; try again shortly."
    )


async def _reserve(
    session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient, operation: PaymentOperation
) -> None:
    """Hold the operation's amount on the merchant's balance while the processor is asked."""
    merchant = await clients.merchant_account(session, client, transaction.currency)
    hold = await ledger.place_hold(
        session, reference=f"payment-operation:{operation.id}", account_id=merchant, amount=operation.amount
    )
    if hold.outcome != "placed":  # the merchant's balance was already paid out
        raise ApiError(MW_ERRORS.CONFLICT, f"The merchant balance cannot cover this {operation.kind}.")
    operation.hold_id = hold.hold_id


async def capture(merchant_slug: str, uid: str, amount: int | None, *, idempotency_key: str | None) -> OperationOutcome:
    """Capture a two-step authorization, all of it or less, once, within 7 days."""

    async def prepare(
        session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient
    ) -> PaymentOperation:
        if transaction.status != "authorized":
            raise ApiError(PAYMENT_ERRORS.NOT_CAPTURABLE, f"The transaction is {transaction.status}.")
        assert transaction.authorized_at is not None
        if clock.now() > transaction.authorized_at + CAPTURE_WINDOW:
            raise ApiError(PAYMENT_ERRORS.CAPTURE_WINDOW_EXPIRED)
        if await _pending_kinds(session, transaction):
            raise _in_progress("capture or void")
        to_capture = Decimal(amount) if amount is not None else transaction.authorized_amount
        if to_capture > transaction.authorized_amount:
            raise ApiError(
                MW_ERRORS.INVALID_BODY, f"amount: at most the authorized {int(transaction.authorized_amount)}."
            )
        return PaymentOperation(id=uuid.uuid4(), transaction_id=transaction.id, kind="capture", amount=to_capture)

    return await _run(merchant_slug, uid, request_key(merchant_slug, idempotency_key), prepare)


async def refund(
    merchant_slug: str, uid: str, amount: int | None, reason: str | None, *, idempotency_key: str | None
) -> OperationOutcome:
    """Give back part or all of what was captured; refunds, confirmed or in flight, never add up to more."""

    async def prepare(
        session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient
    ) -> PaymentOperation:
        if transaction.status not in ("approved", "refunded") or transaction.captured_amount <= 0:
            raise ApiError(PAYMENT_ERRORS.NOT_REFUNDABLE, f"The transaction is {transaction.status}.")
        pending = await _pending_kinds(session, transaction)
        if "void" in pending or "capture" in pending:
            raise _in_progress("capture or void")
        in_flight = pending.get("refund", Decimal(0))
        left = transaction.captured_amount - transaction.refunded_amount - in_flight
        to_refund = Decimal(amount) if amount is not None else left
        if to_refund <= 0 or to_refund > left:
            raise ApiError(
                PAYMENT_ERRORS.REFUND_EXCEEDS_CAPTURED,
                f"Captured {int(transaction.captured_amount)}, refunded {int(transaction.refunded_amount)}"
                + (f", {int(in_flight)} being refunded" if in_flight else "")
                + f": at most {int(left)} can be refunded.",
            )
        operation = PaymentOperation(
            id=uuid.uuid4(), transaction_id=transaction.id, kind="refund", amount=to_refund, reason=reason
        )
        await _reserve(session, transaction, client, operation)
        return operation

    return await _run(merchant_slug, uid, request_key(merchant_slug, idempotency_key), prepare)


async def reverse(merchant_slug: str, uid: str, *, idempotency_key: str | None = None) -> OperationOutcome:
    """Void an authorization, or a capture that is neither settled nor refunded."""
    return await _run(merchant_slug, uid, request_key(merchant_slug, idempotency_key), _prepare_void)


async def _prepare_void(
    session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient
) -> PaymentOperation:
    # A capture a business's settlement took is refunded, never voided.
    captured = transaction.status == "approved" and transaction.refunded_amount == 0 and not transaction.settlement_id
    if captured:
        assert transaction.captured_at is not None
        captured = clock.now() < settlement_cutoff(transaction.captured_at)
    if transaction.status != "authorized" and not captured:
        raise ApiError(PAYMENT_ERRORS.NOT_REVERSIBLE, f"The transaction is {transaction.status}.")
    if await _pending_kinds(session, transaction):
        raise _in_progress("capture, refund or void")
    amount = transaction.captured_amount if captured else transaction.authorized_amount
    operation = PaymentOperation(id=uuid.uuid4(), transaction_id=transaction.id, kind="void", amount=amount)
    if captured:
        await _reserve(session, transaction, client, operation)
    return operation


async def record_operation(operation_id: uuid.UUID, result: OperationResult) -> OperationOutcome:
    """Record the processor's answer to a pending operation, once (an operation already resolved is answered
    as it stands)."""
    async with database.side_transaction() as session:
        operation = await session.get(PaymentOperation, operation_id)
        assert operation is not None
        transaction, client = await links.locked_link_by_id(session, operation.transaction_id)
        await session.refresh(operation, with_for_update=True)
        if operation.status == "pending":
            operation.processor_reference = result.reference
            operation.resolved_at = clock.now()
            if result.status == "succeeded":
                await _apply(session, transaction, client, operation)
                operation.status = "succeeded"
            else:
                if operation.hold_id is not None:
                    await ledger.void_hold(session, operation.hold_id)
                operation.status, operation.failure_code = "failed", result.failure_code
                if operation.kind == "refund":  # it may have been answered `pending`: the merchant must hear
                    await _refund_event(
                        session, transaction, client, operation, "refund_failed", failureCode=operation.failure_code
                    )
        return OperationOutcome(operation, transaction, client)


async def _refund_event(
    session: AsyncSession,
    transaction: PaymentTransaction,
    client: PaymentClient,
    refund: PaymentOperation,
    outcome: str,
    **extra: Any,
) -> None:
    await links.record_event(
        session,
        transaction,
        client,
        f"transaction.{outcome}",
        refundId=str(refund.id),
        refundAmount=int(refund.amount),
        reason=refund.reason,
        **extra,
    )


async def _apply(
    session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient, operation: PaymentOperation
) -> None:
    """What an operation the processor agreed to does to the link, its money and its events."""
    if operation.kind == "capture":
        await book_capture(session, transaction, client, operation.amount)
        await links.record_event(session, transaction, client, "transaction.captured")
        return
    if operation.kind == "refund":
        assert transaction.processor is not None
        assert operation.hold_id is not None
        merchant = await clients.merchant_account(session, client, transaction.currency)
        clearing = await clients.clearing_account(session, transaction.processor, transaction.currency)
        result = await ledger.post_hold(
            session,
            hold_id=operation.hold_id,
            reference=f"payment-refund:{operation.id}",
            kind=REFUND_KIND,
            legs=ledger.transfer_legs(merchant, clearing, operation.amount),
            description=f"Refund of payment link {transaction.reference}",
        )
        assert result.applied, result.outcome  # the hold reserved exactly this amount
        operation.entry_id = result.entry_id
        transaction.refunded_amount += operation.amount
        if transaction.refunded_amount == transaction.captured_amount:
            transaction.status = "refunded"
        await _refund_event(session, transaction, client, operation, "refunded")
        return
    if transaction.capture_entry_id is not None:  # a void of a capture: the capture's entry reversed
        result = await ledger.reverse_entry(
            session, transaction.capture_entry_id, kind=VOID_KIND, release_hold=operation.hold_id
        )
        assert result.applied, result.outcome
        operation.entry_id = result.entry_id
        transaction.captured_amount = Decimal(0)
    transaction.status = "reversed"
    transaction.closed_at = clock.now()
    await links.record_event(session, transaction, client, "transaction.reversed")


async def resolve_operation(operation_id: uuid.UUID) -> str:
    """The recovery job's step for an operation left pending: ask the processor what became of it (by its
    idempotency key) and record that; a call the processor has no record of is cancelled at the processor,
    then failed, and its hold is released."""
    async with database.side_transaction() as session:
        operation = await session.get(PaymentOperation, operation_id)
        transaction = await session.get(PaymentTransaction, operation.transaction_id) if operation else None
    if operation is None or transaction is None or operation.status != "pending":
        return operation.status if operation is not None else "missing"
    assert transaction.processor is not None
    processor, key = processor_named(transaction.processor), operation_key(operation.id)
    found = await processor.lookup(key)
    if not isinstance(found, OperationResult):
        # No record may also mean not yet: cancelled by its key first, so that it cannot land after this.
        await processor.cancel(key)
        found = OperationResult("failed", failure_code="not_received")
    return (await record_operation(operation.id, found)).operation.status


SWEEP_BATCH = 200


async def void_stale_authorizations() -> int:
    """Void authorizations past the capture window (they become `reversed`); returns how many were. One that
    cannot be voided now (the processor did not answer, an operation in flight) waits for the next sweep; one
    the processor refuses to void expires."""
    async with database.side_transaction() as session:
        stale = (
            await session.execute(
                select(PaymentTransaction.uid, PaymentClient.slug)
                .join(PaymentClient, PaymentClient.id == PaymentTransaction.client_id)
                .where(
                    PaymentTransaction.status == "authorized",
                    PaymentTransaction.authorized_at < clock.now() - CAPTURE_WINDOW,
                )
                .order_by(PaymentTransaction.authorized_at)
                .limit(SWEEP_BATCH)
            )
        ).all()
    voided = 0
    for uid, slug in stale:
        try:
            await reverse(slug, uid)
        except ApiError as refused:
            if refused.error == PAYMENT_ERRORS.PROCESSOR_DECLINED:
                await _lapse(slug, uid)
            continue
        voided += 1
    return voided


async def _lapse(merchant_slug: str, uid: str) -> None:
    """The processor refused to void an authorization past its capture window. It lapses at the issuer on its
    own and Migo will never capture it: the link expires, rather than being swept (and the processor asked)
    again every minute."""
    async with database.side_transaction() as session:
        transaction, client = await links.locked_link(session, uid, merchant_slug)
        if transaction.status == "authorized" and not await _pending_kinds(session, transaction):
            await links.expire(session, transaction, client)
