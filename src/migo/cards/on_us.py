"""On-us charges: a card Migo issued, paying a merchant of Migo, is charged through the ledger, with no card
network in between. `OnUsProcessor` implements payments' processor port (platform.processing) as the issuer
and the acquirer at once; the composition root registers it with `issued_here`, so that payments routes to it
every card a Migo card program issued.

As the issuer it checks the card: known (by its number's fingerprint), the expiry typed is the card's and not
past, the CVV (when given: a customer is present) is the card's, the card ACTIVE, the payment in the
program's currency, in one installment. As the acquirer it keeps its own books (`OnUsRecord`, one per
idempotency key, as the sandbox processor does) in transactions of its own, with the money each call moved:

- a zero-amount authorization verifies the card and moves nothing;
- an authorization with capture debits the card into the ledger's on-us clearing account (one entry,
  `on_us_charge`); without capture it holds the amount on the card, which `capture` posts (all of it or less)
  and `void` releases; a short balance declines it `insufficient_funds` (the ledger's 7303), moving nothing;
- `refund` credits the card back from the on-us clearing account (`on_us_refund`), never more than was
  charged; `void` of a charge reverses its entry (`on_us_reversal`).

Payments books each capture out of the same clearing account into the merchant's balance (and each refund
back), so once both sides are booked the on-us clearing account is back to zero. Every movement shows in the
card's movements and statement with the merchant's name, and writes the card events a network notice writes
(`card.authorization`, `.clearing`, `.reversal`; `card.refund` for a refund).
"""

from __future__ import annotations

import hmac
import secrets
import uuid
from decimal import Decimal

from sqlalchemy import ColumnElement, exists, func, literal, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.ledger import service as ledger
from migo.platform import clock, pan
from migo.platform.db import database
from migo.platform.ids import alphanumeric
from migo.platform.processing import (
    ON_US_PROCESSOR,
    Authorization,
    CardData,
    Initiator,
    OperationResult,
    OperationStatus,
    ProcessorError,
    request_digest,
)
from migo.platform.secrets import Secret

from .credentials import derive_cvv
from .models import Card, CardProgram, OnUsRecord

CHARGE_KIND = "on_us_charge"  # the card → the on-us clearing account: a charge, or the capture of a hold
REFUND_KIND = "on_us_refund"  # the on-us clearing account → the card
REVERSAL_KIND = "on_us_reversal"  # the reversal of a charge's entry (its void)
ENTRY_KINDS = {"authorize": CHARGE_KIND, "capture": CHARGE_KIND, "refund": REFUND_KIND, "void": REVERSAL_KIND}
_KEY_LOCK = 7200015  # the advisory lock space of the processor's idempotency keys


async def issued_here(session: AsyncSession, digits: str) -> bool:
    """Whether a Migo card program issued this card: its number (or the leading digits typed so far) starts
    with a program's BIN, or (a full number) it is the number of a card Migo printed."""
    ours: ColumnElement[bool] = exists().where(func.starts_with(literal(digits), CardProgram.bin))
    if len(digits) >= 12:
        ours = or_(ours, exists().where(Card.pan_fingerprint == pan.fingerprint(digits)))
    return bool(await session.scalar(select(ours)))


class OnUsProcessor:
    """Payments' processor for the cards Migo issued (see the module's docstring)."""

    name = ON_US_PROCESSOR

    async def authorize(
        self,
        card: CardData,
        *,
        amount: Decimal,
        currency: str,
        installments: int,
        capture: bool,
        key: str,
        initiator: Initiator = "customer",
        descriptor: str | None = None,
    ) -> Authorization:
        # The card counts by its keyed fingerprint: a plain digest of a number could be searched back.
        fingerprint = pan.fingerprint(card.number.reveal())
        asked = request_digest(
            "authorize", fingerprint.hex(), card.expiry_month, card.expiry_year, amount, currency, installments, capture
        )
        async with database.side_transaction() as session:
            answered = await _locked_answer(session, key, asked)
            if answered is not None:
                return _authorization(answered)
            record = OnUsRecord(
                idempotency_key=key,
                operation="authorize",
                request_digest=asked,
                amount=amount,
                currency=currency,
                capture=capture,
                descriptor=(descriptor or "").strip()[:60] or None,
                created_at=clock.now(),
            )
            found = await session.scalar(select(Card).where(Card.pan_fingerprint == fingerprint).with_for_update())
            if found is None:
                record.status, record.decline_code = "declined", "invalid_number"
            else:
                await _authorize(session, record, found, card, installments)
            session.add(record)
            await session.flush()
            return _authorization(record)

    async def authenticate(self, challenge: str, code: Secret, *, key: str) -> Authorization:
        raise ProcessorError("on-us charges ask for no 3-D Secure challenge")

    async def capture(self, reference: str, amount: Decimal, *, key: str) -> OperationResult:
        async with database.side_transaction() as session:
            record, payment = await _operation(session, "capture", reference, amount, key)
            if record.status == "pending":
                await _capture(session, record, payment, amount)
                await _keep(session, record)
            return _operation_result(record)

    async def void(self, reference: str, *, key: str) -> OperationResult:
        async with database.side_transaction() as session:
            record, payment = await _operation(session, "void", reference, None, key)
            if record.status == "pending":
                await _void(session, record, payment)
                await _keep(session, record)
            return _operation_result(record)

    async def refund(self, reference: str, amount: Decimal, *, key: str) -> OperationResult:
        async with database.side_transaction() as session:
            record, payment = await _operation(session, "refund", reference, amount, key)
            if record.status == "pending":
                await _refund(session, record, payment, amount)
                await _keep(session, record)
            return _operation_result(record)

    async def lookup(self, key: str) -> Authorization | OperationResult | None:
        async with database.side_transaction() as session:
            record = await session.get(OnUsRecord, key)
        if record is None or record.operation == "cancel":  # cancelled: it never took effect
            return None
        return _authorization(record) if record.operation == "authorize" else _operation_result(record)

    async def cancel(self, key: str) -> None:
        async with database.side_transaction() as session:
            await _lock(session, key)
            record = await session.get(OnUsRecord, key)
            if record is None:
                tombstone = OnUsRecord(
                    idempotency_key=key,
                    operation="cancel",
                    request_digest=request_digest("cancel", key),
                    status="cancelled",
                    created_at=clock.now(),
                )
                session.add(tombstone)
                return
        if record.operation != "cancel":
            raise ProcessorError("the call arrived before its cancel: look it up again")


async def _lock(session: AsyncSession, key: str) -> None:
    """One call per key at a time: a retry waits for the first and then finds its answer."""
    await session.execute(
        text("SELECT pg_advisory_xact_lock(hashtextextended(:key, :space))"), {"key": key, "space": _KEY_LOCK}
    )


async def _locked_answer(session: AsyncSession, key: str, asked: bytes) -> OnUsRecord | None:
    """The key locked, and the record of an earlier call with it: a key reused for another request is refused,
    and a call cancelled by its key is answered as refused (the tombstone)."""
    await _lock(session, key)
    record = await session.get(OnUsRecord, key)
    if record is not None and record.operation != "cancel" and record.request_digest != asked:
        raise ProcessorError("idempotency key reused for another request")
    return record


async def _authorize(session: AsyncSession, record: OnUsRecord, card: Card, typed: CardData, installments: int) -> None:
    """The issuer's checks, then the money: nothing (a verification), a charge, or a hold."""
    program = await session.get(CardProgram, card.program_id)
    assert program is not None
    amount, today = record.amount or Decimal(0), clock.now()
    record.card_id, record.reference = card.id, _reference("onus")
    decline = None
    if (typed.expiry_year, typed.expiry_month) != (card.expiry_year, card.expiry_month):
        decline = "incorrect_expiry"
    elif (card.expiry_year, card.expiry_month) < (today.year, today.month):
        decline = "expired_card"
    elif typed.cvv is not None and not hmac.compare_digest(
        derive_cvv(pan.reveal(card.pan_ciphertext), card.expiry_month, card.expiry_year).reveal(), typed.cvv.reveal()
    ):
        decline = "incorrect_cvc"
    elif card.status != "ACTIVE":
        decline = "card_not_active"
    elif record.currency != program.currency:
        decline = "currency_not_supported"
    elif installments != 1:
        decline = "card_not_allowed"  # a prepaid card pays in one installment
    elif amount > 0 and record.capture:
        clearing = await ledger.system_account(session, kind=ledger.ON_US_CLEARING, currency=program.currency)
        result = await ledger.post_entry(
            session,
            reference=f"on-us:{record.idempotency_key}",
            kind=CHARGE_KIND,
            legs=ledger.transfer_legs(card.account_id, clearing.id, amount),
            description=_describe("Purchase", record.descriptor),
        )
        if result.outcome == "insufficient_funds":
            decline = "insufficient_funds"
        else:
            assert result.applied, result.outcome  # the key is locked: its entry cannot exist yet
            record.entry_id = result.entry_id
    elif amount > 0:
        hold = await ledger.place_hold(
            session, reference=f"on-us:{record.idempotency_key}", account_id=card.account_id, amount=amount
        )
        if hold.outcome == "insufficient_funds":
            decline = "insufficient_funds"
        else:
            assert hold.outcome == "placed", hold.outcome
            record.hold_id = hold.hold_id
    if decline is not None:
        record.status, record.decline_code = "declined", decline
    else:
        record.status = "approved"
        record.authorization_code = f"{secrets.randbelow(10**6):06d}"
    if amount > 0:  # a verification is no card event: nothing was asked of its money
        await _event(
            session,
            card,
            record,
            "authorization",
            authorizationId=record.reference,
            status=record.status,
            declineReason=decline,
            captured=bool(record.capture),
        )
        if record.entry_id is not None:
            await _event(session, card, record, "clearing", authorizationId=record.reference)


async def _operation(
    session: AsyncSession, operation: str, reference: str, amount: Decimal | None, key: str
) -> tuple[OnUsRecord, OnUsRecord | None]:
    """The record of a capture, void or refund of the payment `reference`: the one an earlier call with this
    key made (answered as it stands), or a new one, `pending` until its money is moved, with the payment it
    operates on locked (its operations run one at a time)."""
    asked = request_digest(operation, reference, amount)
    answered = await _locked_answer(session, key, asked)
    if answered is not None:
        return answered, None
    payment = await session.scalar(
        select(OnUsRecord)
        .where(
            OnUsRecord.reference == reference,
            OnUsRecord.operation == "authorize",
            OnUsRecord.status == "approved",
        )
        .with_for_update()
    )
    record = OnUsRecord(
        idempotency_key=key,
        operation=operation,
        request_digest=asked,
        payment_reference=reference,
        amount=amount,
        currency=payment.currency if payment else None,
        card_id=payment.card_id if payment else None,
        descriptor=payment.descriptor if payment else None,
        status="pending",
        created_at=clock.now(),
    )
    if payment is None:
        record.status, record.decline_code = "failed", "unknown_payment"
        await _keep(session, record)
    return record, payment


async def _keep(session: AsyncSession, record: OnUsRecord) -> None:
    session.add(record)
    await session.flush()


async def _done(session: AsyncSession, payment: OnUsRecord) -> dict[str, list[OnUsRecord]]:
    """The payment's succeeded operations, by kind."""
    rows = await session.scalars(
        select(OnUsRecord).where(OnUsRecord.payment_reference == payment.reference, OnUsRecord.status == "succeeded")
    )
    done: dict[str, list[OnUsRecord]] = {}
    for row in rows:
        done.setdefault(row.operation, []).append(row)
    return done


def _charge(payment: OnUsRecord, done: dict[str, list[OnUsRecord]]) -> tuple[uuid.UUID, Decimal] | None:
    """The entry that charged the card for this payment and its amount: the authorization's own, or its
    capture's; None while nothing was charged."""
    if payment.entry_id is not None:
        assert payment.amount is not None
        return payment.entry_id, payment.amount
    for capture in done.get("capture", []):
        assert capture.entry_id is not None
        assert capture.amount is not None
        return capture.entry_id, capture.amount
    return None


def _fail(record: OnUsRecord, code: str) -> None:
    record.status, record.decline_code = "failed", code


async def _capture(session: AsyncSession, record: OnUsRecord, payment: OnUsRecord | None, amount: Decimal) -> None:
    assert payment is not None
    assert payment.amount is not None
    if payment.hold_id is None:  # charged at once, or a verification: nothing held to capture
        return _fail(record, "not_capturable")
    if not Decimal(0) < amount <= payment.amount:
        return _fail(record, "amount_too_large" if amount > 0 else "invalid_amount")
    card = await session.get(Card, payment.card_id)
    assert card is not None
    clearing = await ledger.system_account(session, kind=ledger.ON_US_CLEARING, currency=payment.currency or "")
    result = await ledger.post_hold(
        session,
        hold_id=payment.hold_id,
        reference=f"on-us:{record.idempotency_key}",
        kind=CHARGE_KIND,
        legs=ledger.transfer_legs(card.account_id, clearing.id, amount),
        description=_describe("Purchase", payment.descriptor),
    )
    if not result.applied:  # the hold was captured or released already
        return _fail(record, "authorization_not_pending" if result.outcome == "hold_not_pending" else result.outcome)
    record.status, record.entry_id, record.reference = "succeeded", result.entry_id, _reference("onus_cap")
    await _event(session, card, record, "clearing", authorizationId=payment.reference)


async def _void(session: AsyncSession, record: OnUsRecord, payment: OnUsRecord | None) -> None:
    """Release the hold, or reverse the charge (before any refund of it)."""
    assert payment is not None
    done = await _done(session, payment)
    if done.get("void"):
        return _fail(record, "already_voided")
    charged = _charge(payment, done)
    card = await session.get(Card, payment.card_id)
    assert card is not None
    if charged is not None:
        if done.get("refund"):
            return _fail(record, "already_refunded")
        entry_id, record.amount = charged
        result = await ledger.reverse_entry(
            session, entry_id, kind=REVERSAL_KIND, reference=f"on-us:{record.idempotency_key}"
        )
        assert result.applied, result.outcome  # the on-us clearing account may go negative
        record.entry_id = result.entry_id
    elif payment.hold_id is not None:
        if await ledger.void_hold(session, payment.hold_id) != "voided":
            return _fail(record, "authorization_not_pending")
        record.amount = payment.amount
    record.status, record.reference = "succeeded", _reference("onus_voi")
    if record.amount:  # a verification held nothing: voiding it tells the card nothing
        await _event(session, card, record, "reversal", authorizationId=payment.reference)


async def _refund(session: AsyncSession, record: OnUsRecord, payment: OnUsRecord | None, amount: Decimal) -> None:
    """Credit the card back, never beyond what was charged and not refunded yet."""
    assert payment is not None
    done = await _done(session, payment)
    charged = _charge(payment, done)
    if charged is None or done.get("void"):
        return _fail(record, "not_refundable")
    refunded = sum((r.amount or Decimal(0) for r in done.get("refund", [])), Decimal(0))
    if not Decimal(0) < amount <= charged[1] - refunded:
        return _fail(record, "amount_too_large" if amount > 0 else "invalid_amount")
    card = await session.get(Card, payment.card_id)
    assert card is not None
    clearing = await ledger.system_account(session, kind=ledger.ON_US_CLEARING, currency=payment.currency or "")
    result = await ledger.post_entry(
        session,
        reference=f"on-us:{record.idempotency_key}",
        kind=REFUND_KIND,
        legs=ledger.transfer_legs(clearing.id, card.account_id, amount),  # no ceiling: the card's own money
        description=_describe("Refund", payment.descriptor),
    )
    assert result.applied, result.outcome  # the on-us clearing account may go negative
    record.status, record.entry_id, record.reference = "succeeded", result.entry_id, _reference("onus_ref")
    await _event(session, card, record, "refund", authorizationId=payment.reference)


async def _event(session: AsyncSession, card: Card, record: OnUsRecord, kind: str, **data: object) -> None:
    """The card event of an on-us movement, for the card's company (as a network notice writes one)."""
    await events.record(
        session,
        f"card.{kind}",
        company_id=card.company_id,
        subject_id=str(card.id),
        data={
            "cardId": str(card.id),
            **data,
            "amount": str(record.amount),
            "currency": record.currency,
            "merchantName": record.descriptor,
            "onUs": True,
        },
    )


def _describe(what: str, descriptor: str | None) -> str:
    return f"{what}: {descriptor}" if descriptor else what


def _reference(prefix: str) -> str:
    return f"{prefix}_{alphanumeric(20)}"


def _authorization(record: OnUsRecord) -> Authorization:
    if record.operation == "cancel":  # a call that landed after its cancel
        return Authorization("declined", decline_code="cancelled")
    return Authorization(
        "approved" if record.status == "approved" else "declined",
        reference=record.reference,
        authorization_code=record.authorization_code,
        decline_code=record.decline_code,
    )


def _operation_result(record: OnUsRecord) -> OperationResult:
    if record.operation == "cancel":
        return OperationResult("failed", failure_code="cancelled")
    status: OperationStatus = "succeeded" if record.status == "succeeded" else "failed"
    return OperationResult(status, reference=record.reference, failure_code=record.decline_code)
