"""Processors: who authorizes, captures, voids and refunds a card payment.

The checkout talks to a `Processor` (the port, platform.processing, re-exported here); a client's configuration
names the processors it uses for each card brand, and a card Migo issued itself goes to the on-us processor
(cards.on_us) instead. Every call carries an idempotency key derived from the attempt or operation that Migo
saved before calling (Hyperswitch's attempt-first rule): a retried call gets the first answer, and `lookup`
tells what became of a call whose answer was lost, or that the processor never received it.

The built-in `sandbox` processor behaves deterministically by test card (Stripe's numbering, testcards.py)
and keeps its own books, as an acquirer does, in transactions of its own: what it answered stands whatever
becomes of the caller's transaction. A 3-D Secure challenge is one of its records, bound to the payment it
authenticates and answered once.
"""

from __future__ import annotations

import hmac
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock
from migo.platform.db import database
from migo.platform.i18n import N_
from migo.platform.ids import alphanumeric
from migo.platform.processing import (
    Authorization,
    AuthorizationStatus,
    CardData,
    Initiator,
    OperationResult,
    OperationStatus,
    Processor,
    ProcessorError,
    known_processors,
    processor_named,
    register,
    request_digest,
)
from migo.platform.secrets import Secret

from .models import SandboxProcessorRecord
from .testcards import BY_NUMBER, THREE_DS_PASS_CODE

# Decline codes and the reason a customer reads on the result page (in English here and on the API; the hosted
# pages translate it).
DECLINE_REASONS = {
    "generic_decline": N_("Your bank declined the payment."),
    "insufficient_funds": N_("The card does not have enough funds."),
    "expired_card": N_("The card has expired."),
    "incorrect_cvc": N_("The security code (CVV) is not correct."),
    "processing_error": N_("The payment could not be processed. Please try again."),
    "authentication_failed": N_("The card's verification (3-D Secure) failed."),
    "authentication_cancelled": N_("You cancelled the card's verification (3-D Secure)."),
    "authentication_required": N_("The card asks for a 3-D Secure verification."),
    "lost_card": N_("Your bank declined the payment."),  # a customer is not told why a card is refused as lost
    "stolen_card": N_("Your bank declined the payment."),
    "card_not_allowed": N_("This merchant does not accept this card."),
    "test_card_in_production": N_("This is a test card; use a real card."),
    "live_card_in_sandbox": N_("This is a sandbox: pay with one of the test cards."),
    # The on-us processor's (cards Migo issued): the issuer tells why.
    "card_not_active": N_("The card is not active."),
    "currency_not_supported": N_("The card cannot pay in this currency."),
    "invalid_number": N_("The card number is not valid."),
    "incorrect_expiry": N_("The expiry date is not correct."),
}


class SandboxProcessor:
    """The built-in simulator: every test card has one outcome; any other card is declined."""

    name = "sandbox"

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
        # The card is digested with the rest of the request only to tell a reused key from a retry.
        number = card.number.reveal()
        merchant_initiated = ("merchant",) if initiator == "merchant" else ()
        asked = request_digest("authorize", number, amount, currency, installments, capture, *merchant_initiated)
        test_card = BY_NUMBER.get(number)
        outcome = _outcome(test_card.outcome if test_card is not None else "live_card_in_sandbox", amount, initiator)
        record = SandboxProcessorRecord(
            idempotency_key=key, operation="authorize", request_digest=asked, amount=amount, currency=currency
        )
        if outcome == "approved":
            self._approve(record)
        elif outcome.startswith("3ds_challenge"):
            record.status, record.reference, record.scenario = "requires_action", _reference("sbx3ds"), outcome
        else:
            record.status, record.decline_code = "declined", outcome
            record.reference = _reference("sbx") if test_card is not None else None
        async with database.side_transaction() as session:
            return _authorization(await _keep(session, record))

    async def authenticate(self, challenge: str, code: Secret, *, key: str) -> Authorization:
        asked = request_digest("authenticate", challenge, code.reveal())
        async with database.side_transaction() as session:
            answered = await _answered(session, key, asked)
            if answered is not None:
                return _authorization(answered)
            # Answered once: the challenge is spent by the first answer, right or wrong.
            spent = await session.scalar(
                update(SandboxProcessorRecord)
                .where(
                    SandboxProcessorRecord.reference == challenge,
                    SandboxProcessorRecord.status == "requires_action",
                    SandboxProcessorRecord.answered_at.is_(None),
                )
                .values(answered_at=clock.now())
                .returning(SandboxProcessorRecord)
            )
            if spent is None:
                raise ProcessorError("unknown or already answered 3-D Secure challenge")
            record = SandboxProcessorRecord(
                idempotency_key=key,
                operation="authenticate",
                request_digest=asked,
                payment_reference=challenge,
                amount=spent.amount,
                currency=spent.currency,
            )
            if not hmac.compare_digest(code.reveal().strip(), THREE_DS_PASS_CODE):
                record.status, record.decline_code = "declined", "authentication_failed"
            elif spent.scenario == "3ds_challenge_declined":
                record.status, record.decline_code = "declined", "generic_decline"
            else:
                self._approve(record)
            return _authorization(await _keep(session, record))

    async def capture(self, reference: str, amount: Decimal, *, key: str) -> OperationResult:
        return await self._operate("capture", reference, amount, key)

    async def void(self, reference: str, *, key: str) -> OperationResult:
        return await self._operate("void", reference, None, key)

    async def refund(self, reference: str, amount: Decimal, *, key: str) -> OperationResult:
        return await self._operate("refund", reference, amount, key)

    async def lookup(self, key: str) -> Authorization | OperationResult | None:
        async with database.side_transaction() as session:
            record = await session.get(SandboxProcessorRecord, key)
        if record is None or record.operation == "cancel":  # cancelled: it never took effect
            return None
        if record.operation in ("authorize", "authenticate"):
            return _authorization(record)
        return _operation_result(record)

    async def cancel(self, key: str) -> None:
        tombstone = SandboxProcessorRecord(
            idempotency_key=key, operation="cancel", request_digest=request_digest("cancel", key), status="cancelled"
        )
        async with database.side_transaction() as session:
            kept = await _keep(session, tombstone, check_digest=False)
        if kept.operation != "cancel":
            raise ProcessorError("the call arrived before its cancel: look it up again")

    async def _operate(self, operation: str, reference: str, amount: Decimal | None, key: str) -> OperationResult:
        """A capture, void or refund of an approved payment: refused (`failed`) for an unknown payment or an
        amount above the authorized one."""
        asked = request_digest(operation, reference, amount)
        async with database.side_transaction() as session:
            answered = await _answered(session, key, asked)
            if answered is not None:
                return _operation_result(answered)
            payment = await session.scalar(
                select(SandboxProcessorRecord).where(
                    SandboxProcessorRecord.reference == reference,
                    SandboxProcessorRecord.operation.in_(("authorize", "authenticate")),
                    SandboxProcessorRecord.status == "approved",
                )
            )
            record = SandboxProcessorRecord(
                idempotency_key=key,
                operation=operation,
                request_digest=asked,
                payment_reference=reference,
                amount=amount,
                currency=payment.currency if payment else None,
            )
            if payment is None:
                record.status, record.decline_code = "failed", "unknown_payment"
            elif amount is not None and payment.amount is not None and amount > payment.amount:
                record.status, record.decline_code = "failed", "amount_too_large"
            else:
                record.status, record.reference = "succeeded", _reference(f"sbx_{operation[:3]}")
            return _operation_result(await _keep(session, record))

    @staticmethod
    def _approve(record: SandboxProcessorRecord) -> None:
        record.status, record.reference = "approved", _reference("sbx")
        record.authorization_code = "".join(ch for ch in alphanumeric(40) if ch.isdigit())[:6].rjust(6, "0")


def _outcome(card_outcome: str, amount: Decimal, initiator: Initiator) -> str:
    """What a test card does to this request: the zero-amount check of a card that declines charges passes; a
    merchant-initiated charge skips the 3-D Secure challenge (the declining challenge card then declines)."""
    if card_outcome == "charges_declined":
        return "approved" if amount == 0 else "generic_decline"
    if initiator == "merchant" and card_outcome.startswith("3ds_challenge"):
        return "approved" if card_outcome == "3ds_challenge_approved" else "generic_decline"
    return card_outcome


def _reference(prefix: str) -> str:
    return f"{prefix}_{alphanumeric(20)}"


async def _answered(session: AsyncSession, key: str, asked: bytes) -> SandboxProcessorRecord | None:
    """The record of an earlier call with this key; a key reused for another request is refused, and a call
    cancelled by its key is answered as refused."""
    record = await session.get(SandboxProcessorRecord, key)
    if record is not None and record.operation != "cancel" and record.request_digest != asked:
        raise ProcessorError("idempotency key reused for another request")
    return record


async def _keep(
    session: AsyncSession, record: SandboxProcessorRecord, *, check_digest: bool = True
) -> SandboxProcessorRecord:
    """Write the answer, or find the one a concurrent call with the same key wrote first."""
    record.created_at = clock.now()
    values = {column.key: getattr(record, column.key) for column in SandboxProcessorRecord.__table__.columns}
    await session.execute(insert(SandboxProcessorRecord).values(values).on_conflict_do_nothing())
    if not check_digest:
        kept = await session.get(SandboxProcessorRecord, record.idempotency_key, populate_existing=True)
    else:
        kept = await _answered(session, record.idempotency_key, record.request_digest)
    assert kept is not None
    return kept


def _authorization(record: SandboxProcessorRecord) -> Authorization:
    if record.operation == "cancel":  # a call that landed after its cancel
        return Authorization("declined", decline_code="cancelled")
    return Authorization(
        record.status,  # type: ignore[arg-type]
        reference=record.reference,
        authorization_code=record.authorization_code,
        decline_code=record.decline_code,
    )


def _operation_result(record: SandboxProcessorRecord) -> OperationResult:
    if record.operation == "cancel":
        return OperationResult("failed", failure_code="cancelled")
    return OperationResult(record.status, reference=record.reference, failure_code=record.decline_code)  # type: ignore[arg-type]


# The built-in simulator is payments' own, known wherever payments is; the composition root (migo.composition)
# adds the processors of other domains (the on-us one).
register(SandboxProcessor())

__all__ = [
    "DECLINE_REASONS",
    "Authorization",
    "AuthorizationStatus",
    "CardData",
    "Initiator",
    "OperationResult",
    "OperationStatus",
    "Processor",
    "ProcessorError",
    "SandboxProcessor",
    "known_processors",
    "processor_named",
]
