"""What happens to a payment after authorization (seed 003): capture (one-step at once, two-step within 7
days), refunds (full or partial, never more than captured), reversal before settlement, and the worker's
sweeps (void stale authorizations, expire unpaid links).

Every money step is one ledger entry: a capture moves the amount from the processor's clearing account to
the merchant's balance; a refund moves it back; a reversal of a capture is the ledger reversal of its
entry. Each runs on the link's locked row, so concurrent calls queue and the totals cannot be exceeded.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger
from migo.platform import clock
from migo.platform.errors import MW_ERRORS, ApiError

from . import clients, links
from .models import PaymentClient, PaymentRefund, PaymentTransaction
from .processors import ProcessorError, processor_named

CAPTURE_WINDOW = timedelta(days=7)
SETTLEMENT_CUTOFF = time(23, 30)  # seed 003: captures settle after the 23:30 UTC cutoff


def settlement_cutoff(captured_at: datetime) -> datetime:
    """The first 23:30 UTC cutoff after a capture: until then it can still be reversed."""
    cutoff = datetime.combine(captured_at.date(), SETTLEMENT_CUTOFF, tzinfo=captured_at.tzinfo)
    return cutoff if captured_at < cutoff else cutoff + timedelta(days=1)


def _processor_failed() -> ApiError:
    return ApiError(MW_ERRORS.PROCESSOR_UNAVAILABLE, "The payment processor did not answer; nothing was changed.")


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
        kind="payment_capture",
        legs=ledger.transfer_legs(clearing, merchant, amount),
        description=f"Payment link {transaction.reference}",
    )
    assert result.applied, result.outcome  # the clearing account may go negative; the merchant has no ceiling
    transaction.status = "approved"
    transaction.captured_amount = amount
    transaction.captured_at = clock.now()
    transaction.capture_entry_id = result.entry_id


async def capture(
    session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient, amount: int | None
) -> PaymentTransaction:
    """Capture a two-step authorization, all of it or less, once, within 7 days."""
    if transaction.status != "authorized":
        raise ApiError(MW_ERRORS.NOT_CAPTURABLE, f"The transaction is {transaction.status}.")
    assert transaction.authorized_at is not None
    assert transaction.processor is not None
    assert transaction.processor_reference is not None
    if clock.now() > transaction.authorized_at + CAPTURE_WINDOW:
        raise ApiError(MW_ERRORS.CAPTURE_WINDOW_EXPIRED)
    to_capture = Decimal(amount) if amount is not None else transaction.authorized_amount
    if to_capture > transaction.authorized_amount:
        raise ApiError(MW_ERRORS.INVALID_BODY, f"amount: at most the authorized {int(transaction.authorized_amount)}.")
    try:
        await processor_named(transaction.processor).capture(transaction.processor_reference, to_capture)
    except ProcessorError as error:
        raise _processor_failed() from error
    await book_capture(session, transaction, client, to_capture)
    await links.record_event(session, transaction, client, "transaction.captured")
    return transaction


async def refund(
    session: AsyncSession,
    transaction: PaymentTransaction,
    client: PaymentClient,
    amount: int | None,
    reason: str | None,
) -> PaymentRefund:
    """Give back part or all of what was captured; several refunds never add up to more than it."""
    if transaction.status not in ("approved", "refunded") or transaction.captured_amount <= 0:
        raise ApiError(MW_ERRORS.NOT_REFUNDABLE, f"The transaction is {transaction.status}.")
    left = transaction.captured_amount - transaction.refunded_amount
    to_refund = Decimal(amount) if amount is not None else left
    if to_refund <= 0 or to_refund > left:
        raise ApiError(
            MW_ERRORS.REFUND_EXCEEDS_CAPTURED,
            f"Captured {int(transaction.captured_amount)}, refunded {int(transaction.refunded_amount)}: "
            f"at most {int(left)} can be refunded.",
        )
    assert transaction.processor is not None
    assert transaction.processor_reference is not None
    # The ledger first: if the merchant's balance cannot cover the refund, the processor is never asked.
    # If the processor then fails, the whole transaction (entry included) rolls back.
    refund_id = uuid.uuid4()
    merchant = await clients.merchant_account(session, client, transaction.currency)
    clearing = await clients.clearing_account(session, transaction.processor, transaction.currency)
    result = await ledger.post_entry(
        session,
        reference=f"payment-refund:{refund_id}",
        kind="payment_refund",
        legs=ledger.transfer_legs(merchant, clearing, to_refund),
        description=f"Refund of payment link {transaction.reference}",
    )
    if not result.applied:  # the merchant's balance was already paid out
        raise ApiError(MW_ERRORS.CONFLICT, "The merchant balance cannot cover this refund.")
    assert result.entry_id is not None
    try:
        processor_reference = await processor_named(transaction.processor).refund(
            transaction.processor_reference, to_refund
        )
    except ProcessorError as error:
        raise _processor_failed() from error
    record = PaymentRefund(
        id=refund_id,
        transaction_id=transaction.id,
        amount=to_refund,
        reason=reason,
        processor_reference=processor_reference,
        entry_id=result.entry_id,
    )
    session.add(record)
    transaction.refunded_amount += to_refund
    if transaction.refunded_amount == transaction.captured_amount:
        transaction.status = "refunded"
    await session.flush()
    await links.record_event(
        session,
        transaction,
        client,
        "transaction.refunded",
        refundId=str(refund_id),
        refundAmount=int(to_refund),
        reason=reason,
    )
    return record


async def reverse(session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient) -> PaymentTransaction:
    """Void an authorization, or a capture that is neither settled nor refunded."""
    now = clock.now()
    captured = transaction.status == "approved" and transaction.refunded_amount == 0
    if captured:
        assert transaction.captured_at is not None
        captured = now < settlement_cutoff(transaction.captured_at)
    if transaction.status != "authorized" and not captured:
        raise ApiError(MW_ERRORS.NOT_REVERSIBLE, f"The transaction is {transaction.status}.")
    await _void(session, transaction, client)
    return transaction


async def _void(session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient) -> None:
    """Undo the capture in the ledger (if any) first, then void at the processor: a refusal by either
    leaves nothing changed."""
    assert transaction.processor is not None
    assert transaction.processor_reference is not None
    if transaction.capture_entry_id is not None:
        result = await ledger.reverse_entry(session, transaction.capture_entry_id)
        if not result.applied:
            raise ApiError(MW_ERRORS.CONFLICT, "The merchant balance cannot cover this reversal.")
        transaction.captured_amount = Decimal(0)
    try:
        await processor_named(transaction.processor).void(transaction.processor_reference)
    except ProcessorError as error:
        raise _processor_failed() from error
    transaction.status = "reversed"
    transaction.closed_at = clock.now()
    await links.record_event(session, transaction, client, "transaction.reversed")


async def expire_link(session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient) -> None:
    transaction.status = "expired"
    transaction.closed_at = clock.now()
    await links.record_event(session, transaction, client, "transaction.expired")


SWEEP_BATCH = 200


async def sweep(session: AsyncSession) -> tuple[int, int]:
    """One batch of the worker's sweep: void authorizations past the capture window (they become
    `reversed`) and expire pending links past their lifetime. Returns (voided, expired)."""
    now = clock.now()
    stale = (
        await session.execute(
            select(PaymentTransaction, PaymentClient)
            .join(PaymentClient, PaymentClient.id == PaymentTransaction.client_id)
            .where(PaymentTransaction.status == "authorized", PaymentTransaction.authorized_at < now - CAPTURE_WINDOW)
            .limit(SWEEP_BATCH)
            .with_for_update(of=PaymentTransaction, skip_locked=True)
        )
    ).all()
    for transaction, client in stale:
        try:
            async with session.begin_nested():
                await _void(session, transaction, client)
        except ApiError:  # the processor did not answer: this one waits for the next sweep
            continue
    unpaid = (
        await session.execute(
            select(PaymentTransaction, PaymentClient)
            .join(PaymentClient, PaymentClient.id == PaymentTransaction.client_id)
            .where(PaymentTransaction.status == "pending", PaymentTransaction.expires_at <= now)
            .limit(SWEEP_BATCH)
            .with_for_update(of=PaymentTransaction, skip_locked=True)
        )
    ).all()
    for transaction, client in unpaid:
        await expire_link(session, transaction, client)
    return len(stale), len(unpaid)
