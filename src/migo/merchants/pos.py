"""Terminal (POS) payments: card-present sales a business's terminals take, their reversals and refunds.

Every processor call follows the attempt-first rule: the payment (or operation) is committed `pending`, the
processor is asked outside any row lock under an idempotency key derived from that row, and its answer is
recorded in a transaction of its own. A call whose answer is lost stays pending until the recovery job
(`resolve_pending`) asks the processor what became of it.

A sale's reference names it at its terminal: a retry of the same sale (lost answer, no Idempotency-Key) gets
the payment it made, never a second charge. A card Migo issued is charged on-us (the ledger debits it; a card
short of funds, the ledger's 7303, is declined `insufficient_funds`); any other card goes to the POS processor
(`MIGO_POS_PROCESSOR`, the sandbox simulator by default). A sale is captured at once: its gross (amount plus
tip) moves from the processor's clearing account to the business's unsettled account, where the next cutoff's
settlement finds it. A reversal (before the 23:30 UTC cutoff, and before any refund) reverses that entry; a
refund (any time after the sale, up to what is left of it) moves the amount back out of the unsettled account
and is netted in the settlement of its own cutoff.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.cards import service as cards
from migo.events import service as events
from migo.ledger import service as ledger
from migo.payments import service as payments
from migo.platform import clock, pan, processing, security
from migo.platform.db import database
from migo.platform.errors import ApiError
from migo.platform.ids import new_id
from migo.platform.money import format_money
from migo.platform.pagination import Listing
from migo.platform.processing import Authorization, CardData, OperationResult, ProcessorError
from migo.platform.settings import get_settings

from .access import readable
from .businesses import find_business
from .errors import MERCHANT_ERRORS
from .models import Business, Terminal, TerminalOperation, TerminalPayment
from .terminals import find_terminal

SALE_KIND = "pos_sale"  # the processor's clearing account → the business's unsettled account
REVERSAL_KIND = "pos_reversal"  # the sale's entry, reversed
REFUND_KIND = "pos_refund"  # the business's unsettled account → the processor's clearing account

CUTOFF = time(23, 30)  # seed 003: the daily settlement cutoff, UTC
PROCESSOR_TIMEOUT = 20.0
RECOVERY_AGE = timedelta(minutes=2)  # older than any processor call may take
RECOVERY_BATCH = 100

PAYMENTS = Listing(
    name="TerminalPayments",
    sortable={"createdAt": lambda: TerminalPayment.created_at, "amount": lambda: TerminalPayment.amount},
    default_sort="createdAt",
    searchable=(lambda: TerminalPayment.reference, lambda: TerminalPayment.card_last4),
    tiebreaker=lambda: TerminalPayment.id,
)

PaymentStatus = Literal["pending", "approved", "denied", "reversed", "refunded"]


def cutoff_after(moment: datetime) -> datetime:
    """The first 23:30 UTC cutoff after `moment` (a payment at 23:30 exactly belongs to the next one)."""
    cutoff = datetime.combine(moment.date(), CUTOFF, tzinfo=moment.tzinfo)
    return cutoff if moment < cutoff else cutoff + timedelta(days=1)


def sale_key(payment_id: uuid.UUID) -> str:
    """The idempotency key of a sale's authorization at the processor."""
    return f"migo_pos_{payment_id.hex}"


def operation_key(operation_id: uuid.UUID) -> str:
    return f"migo_posop_{operation_id.hex}"


def request_key(idempotency_scope: str, idempotency_key: str | None) -> bytes | None:
    """A caller's Idempotency-Key as an operation remembers it (a keyed digest, scoped to the caller)."""
    if idempotency_key is None:
        return None
    return security.keyed_hash(f"{idempotency_scope}\n{idempotency_key}", purpose="terminal-operation-request")


@dataclass(frozen=True)
class SaleRequest:
    """A sale as the terminal sends it (the card as read from the chip, the stripe or typed)."""

    amount: Decimal
    tip: Decimal
    currency: str
    entry_mode: str
    card: CardData
    reference: str
    settle_to_card_id: uuid.UUID | None


@dataclass(frozen=True)
class PosCaller:
    """Who takes a payment: a terminal with its own credentials, or the company's application."""

    company_id: uuid.UUID
    terminal_id: uuid.UUID | None  # None: the application, which may act for any of its terminals
    idempotency_scope: str

    @property
    def created_by(self) -> str:
        return "terminal" if self.terminal_id is not None else "application"


async def take_payment(caller: PosCaller, terminal_id: uuid.UUID, sale: SaleRequest) -> TerminalPayment:
    """Charge a card at the terminal: approved, denied, or (the processor did not answer in time) pending."""
    number = sale.card.number.reveal()
    async with database.side_transaction() as session:
        terminal = await _own_terminal(session, caller, terminal_id)
        if terminal.status != "ACTIVE":
            raise ApiError(MERCHANT_ERRORS.TERMINAL_INACTIVE)
        business = await find_business(session, caller.company_id, terminal.business_id)
        if business.status != "ACTIVE":
            raise ApiError(MERCHANT_ERRORS.BUSINESS_NOT_ACTIVE)
        if sale.currency != business.currency:
            raise ApiError(MERCHANT_ERRORS.CURRENCY_NOT_ACCEPTED, f"currency: this business takes {business.currency}.")
        if sale.settle_to_card_id is not None:
            target = await cards.credit_target(session, caller.company_id, sale.settle_to_card_id)
            if target is None:
                raise ApiError(MERCHANT_ERRORS.SETTLEMENT_CARD_NOT_FOUND)
            if target.currency != business.currency:
                raise ApiError(MERCHANT_ERRORS.CURRENCY_NOT_ACCEPTED, f"settleTo: the card holds {target.currency}.")
        on_us = await processing.issued_by_us(session, number)
        now = clock.now()
        payment = TerminalPayment(
            id=new_id(),
            company_id=caller.company_id,
            business_id=business.id,
            branch_id=terminal.branch_id,
            terminal_id=terminal.id,
            reference=sale.reference,
            amount=sale.amount,
            tip=sale.tip,
            currency=sale.currency,
            entry_mode=sale.entry_mode,
            card_brand=pan.brand_of(number),
            card_last4=number[-4:],
            processor=processing.ON_US_PROCESSOR if on_us else get_settings().pos_processor,
            status="pending",
            refunded_amount=Decimal(0),
            settle_to_card_id=sale.settle_to_card_id,
            created_by=caller.created_by,
            pending_since=now,
        )
        try:
            async with session.begin_nested():  # a reference taken already: see below, not a failed transaction
                session.add(payment)
                await session.flush()
        except IntegrityError:
            payment = await _same_sale(session, terminal.id, sale)
            if payment.status != "pending":
                return payment
        else:
            if (sale.card.expiry_year, sale.card.expiry_month) < (now.year, now.month):
                return await _record_sale(session, payment, Authorization("declined", decline_code="expired_card"))
        descriptor = business.name
    try:
        authorization = await asyncio.wait_for(
            processing.processor_named(payment.processor).authorize(
                sale.card,
                amount=gross(payment),
                currency=payment.currency,
                installments=1,  # seed 003: a terminal payment has no installments
                capture=True,
                key=sale_key(payment.id),
                descriptor=descriptor,
            ),
            PROCESSOR_TIMEOUT,
        )
    except (ProcessorError, TimeoutError):
        return payment
    return await record_sale(payment.id, authorization)


async def _same_sale(session: AsyncSession, terminal_id: uuid.UUID, sale: SaleRequest) -> TerminalPayment:
    """The terminal's payment with this reference, when `sale` is a retry of it (the same amount, tip, currency,
    entry mode, card and destination: a terminal that lost the answer and has no Idempotency-Key, or whose
    first try died before its answer was kept); a different sale under a taken reference is 7419. A retry of a
    payment still pending asks the processor again under the payment's own key, which answers it once."""
    payment = await session.scalar(
        select(TerminalPayment).where(
            TerminalPayment.terminal_id == terminal_id, TerminalPayment.reference == sale.reference
        )
    )
    number = sale.card.number.reveal()
    same = payment is not None and (
        payment.amount,
        payment.tip,
        payment.currency,
        payment.entry_mode,
        payment.card_last4,
        payment.settle_to_card_id,
    ) == (sale.amount, sale.tip, sale.currency, sale.entry_mode, number[-4:], sale.settle_to_card_id)
    if payment is None or not same:
        raise ApiError(
            MERCHANT_ERRORS.DUPLICATE_TERMINAL_REFERENCE, f"reference: {sale.reference!r} was another payment."
        )
    return payment


def gross(payment: TerminalPayment) -> Decimal:
    """What the card was charged: the amount and the tip."""
    return payment.amount + payment.tip


async def record_sale(payment_id: uuid.UUID, authorization: Authorization) -> TerminalPayment:
    """Record the processor's answer to a pending sale, once (the request or the recovery job, first wins)."""
    async with database.side_transaction() as session:
        payment = await session.get(TerminalPayment, payment_id, with_for_update=True)
        assert payment is not None
        if payment.status != "pending":
            return payment
        return await _record_sale(session, payment, authorization)


async def _record_sale(
    session: AsyncSession, payment: TerminalPayment, authorization: Authorization
) -> TerminalPayment:
    now = clock.now()
    payment.completed_at = now
    if authorization.status == "approved":
        clearing = await payments.processor_clearing_account(session, payment.processor, payment.currency)
        unsettled, _ = await business_accounts(session, payment.business_id)
        result = await ledger.post_entry(
            session,
            reference=f"pos-sale:{payment.id}",
            kind=SALE_KIND,
            legs=ledger.transfer_legs(clearing, unsettled, gross(payment)),
            description=f"Terminal payment {payment.reference}",
        )
        assert result.applied, result.outcome  # a clearing account may go negative; the unsettled account too
        payment.status, payment.entry_id, payment.captured_at = "approved", result.entry_id, now
        payment.processor_reference = authorization.reference
        payment.authorization_code = authorization.authorization_code
    else:
        # A card-present payment has no 3-D Secure step: a processor asking for one declines it.
        payment.status = "denied"
        payment.decline_code = authorization.decline_code or "authentication_required"
        payment.processor_reference = authorization.reference
    await _event(session, f"terminal_payment.{payment.status}", payment)
    return payment


async def business_accounts(session: AsyncSession, business_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    """The business's unsettled and balance ledger accounts, opened the first time (under its row lock)."""
    business = await session.get(Business, business_id)
    assert business is not None
    if business.unsettled_account_id is None or business.balance_account_id is None:
        await session.refresh(business, with_for_update=True)
        if business.unsettled_account_id is None:
            business.unsettled_account_id = (
                await ledger.open_account(
                    session,
                    kind="merchant_unsettled",
                    currency=business.currency,
                    company_id=business.company_id,
                    allow_negative=True,
                )
            ).id
        if business.balance_account_id is None:
            business.balance_account_id = (
                await ledger.open_account(
                    session, kind="merchant_balance", currency=business.currency, company_id=business.company_id
                )
            ).id
        await session.flush()
    return business.unsettled_account_id, business.balance_account_id


async def reverse_payment(
    caller: PosCaller, terminal_id: uuid.UUID, payment_id: uuid.UUID, *, request_key: bytes | None
) -> tuple[TerminalOperation, TerminalPayment]:
    """Cancel an approved sale before its cutoff: all of it, before any refund; after the cutoff, 7422."""

    def check(payment: TerminalPayment) -> Decimal:
        closed = payment.captured_at is None or clock.now() >= cutoff_after(payment.captured_at)
        if payment.status != "approved" or payment.refunded_amount > 0 or payment.settlement_id or closed:
            raise ApiError(MERCHANT_ERRORS.PAYMENT_NOT_REVERSIBLE, f"The payment is {payment.status}.")
        return gross(payment)

    return await _operate(caller, terminal_id, payment_id, "reversal", check, request_key)


async def refund_payment(
    caller: PosCaller,
    terminal_id: uuid.UUID,
    payment_id: uuid.UUID,
    amount: Decimal | None,
    *,
    request_key: bytes | None,
) -> tuple[TerminalOperation, TerminalPayment]:
    """Give back all (`amount` None) or part of what is left of an approved sale."""

    def check(payment: TerminalPayment) -> Decimal:
        left = gross(payment) - payment.refunded_amount
        if payment.status != "approved":
            raise ApiError(MERCHANT_ERRORS.PAYMENT_NOT_REFUNDABLE, f"The payment is {payment.status}.")
        if amount is not None and amount > left:
            raise ApiError(MERCHANT_ERRORS.PAYMENT_NOT_REFUNDABLE, f"amount: at most {left} is left to refund.")
        return amount if amount is not None else left

    return await _operate(caller, terminal_id, payment_id, "refund", check, request_key)


async def _operate(
    caller: PosCaller,
    terminal_id: uuid.UUID,
    payment_id: uuid.UUID,
    kind: str,
    check: Callable[[TerminalPayment], Decimal],
    request_key: bytes | None,
) -> tuple[TerminalOperation, TerminalPayment]:
    """Save the operation on the locked payment, ask the processor, record its answer. A retried request (same
    Idempotency-Key) finds the operation it made, and finishes it if it is still pending."""
    async with database.side_transaction() as session:
        payment = await _locked_payment(session, caller, terminal_id, payment_id)
        made = request_key and await session.scalar(
            select(TerminalOperation).where(
                TerminalOperation.payment_id == payment.id, TerminalOperation.request_key == request_key
            )
        )
        if made and made.status != "pending":
            return _answered(made, payment)
        if made:
            operation = made
        else:
            if payment.status == "pending" or await _operation_in_flight(session, payment):
                raise ApiError(MERCHANT_ERRORS.TERMINAL_OPERATION_IN_PROGRESS)
            operation = TerminalOperation(
                id=new_id(),
                company_id=payment.company_id,
                business_id=payment.business_id,
                payment_id=payment.id,
                kind=kind,
                amount=check(payment),
                status="pending",
                request_key=request_key,
            )
            session.add(operation)
            await session.flush()
    try:
        result = await asyncio.wait_for(_ask_processor(operation, payment), PROCESSOR_TIMEOUT)
    except (ProcessorError, TimeoutError):
        return operation, payment
    operation, payment = await record_operation(operation.id, result)
    return _answered(operation, payment)


def _answered(operation: TerminalOperation, payment: TerminalPayment) -> tuple[TerminalOperation, TerminalPayment]:
    if operation.status == "failed":
        raise ApiError(MERCHANT_ERRORS.TERMINAL_OPERATION_FAILED, f"The processor answered {operation.failure_code}.")
    return operation, payment


async def _ask_processor(operation: TerminalOperation, payment: TerminalPayment) -> OperationResult:
    processor = processing.processor_named(payment.processor)
    assert payment.processor_reference is not None
    key = operation_key(operation.id)
    if operation.kind == "reversal":
        return await processor.void(payment.processor_reference, key=key)
    return await processor.refund(payment.processor_reference, operation.amount, key=key)


async def record_operation(
    operation_id: uuid.UUID, result: OperationResult
) -> tuple[TerminalOperation, TerminalPayment]:
    """Record the processor's answer to a pending reversal or refund, once."""
    async with database.side_transaction() as session:
        operation = await session.get(TerminalOperation, operation_id)
        assert operation is not None
        payment = await session.get(TerminalPayment, operation.payment_id, with_for_update=True)
        assert payment is not None
        await session.refresh(operation, with_for_update=True)
        if operation.status != "pending":
            return operation, payment
        operation.completed_at, operation.processor_reference = clock.now(), result.reference
        if result.status != "succeeded":
            operation.status, operation.failure_code = "failed", result.failure_code or "processor_refused"
            return operation, payment
        operation.status = "succeeded"
        if operation.kind == "reversal":
            assert payment.entry_id is not None
            reversed_entry = await ledger.reverse_entry(session, payment.entry_id, kind=REVERSAL_KIND)
            assert reversed_entry.applied, reversed_entry.outcome
            operation.entry_id, payment.status = reversed_entry.entry_id, "reversed"
        else:
            clearing = await payments.processor_clearing_account(session, payment.processor, payment.currency)
            unsettled, _ = await business_accounts(session, payment.business_id)
            refunded = await ledger.post_entry(
                session,
                reference=f"pos-refund:{operation.id}",
                kind=REFUND_KIND,
                legs=ledger.transfer_legs(unsettled, clearing, operation.amount),
                description=f"Refund of terminal payment {payment.reference}",
            )
            assert refunded.applied, refunded.outcome
            operation.entry_id = refunded.entry_id
            payment.refunded_amount += operation.amount
            if payment.refunded_amount == gross(payment):
                payment.status = "refunded"
        await _event(
            session,
            "terminal_payment.reversed" if operation.kind == "reversal" else "terminal_payment.refunded",
            payment,
            operationId=str(operation.id),
            operationAmount=format_money(operation.amount),
        )
        return operation, payment


async def resolve_pending() -> list[tuple[uuid.UUID, str]]:
    """The recovery job's pass: each sale and operation pending for longer than a processor call may take is
    settled with what the processor says it did; one it has no record of is cancelled there by its key, then
    closed (a sale `denied` as `not_completed`, an operation `failed`). Returns (id, outcome) per row settled."""
    stale_since = clock.now() - RECOVERY_AGE

    def oldest_pending(model: type[TerminalPayment | TerminalOperation], since: Any) -> Select[uuid.UUID]:
        return (
            select(model.id).where(model.status == "pending", since < stale_since).order_by(since).limit(RECOVERY_BATCH)
        )

    async with database.side_transaction() as session:
        sales = (await session.scalars(oldest_pending(TerminalPayment, TerminalPayment.pending_since))).all()
        operations = (await session.scalars(oldest_pending(TerminalOperation, TerminalOperation.created_at))).all()
    steps = [(sale, _resolve_sale) for sale in sales] + [(operation, _resolve_operation) for operation in operations]
    settled: list[tuple[uuid.UUID, str]] = []
    for pending_id, resolve in steps:
        try:
            settled.append((pending_id, await resolve(pending_id)))
        except ProcessorError:
            continue  # the processor cannot say now: the next run asks again
    return settled


async def _resolve_sale(payment_id: uuid.UUID) -> str:
    async with database.side_transaction() as session:
        payment = await session.get(TerminalPayment, payment_id)
    assert payment is not None
    processor, key = processing.processor_named(payment.processor), sale_key(payment.id)
    found = await processor.lookup(key)
    if not isinstance(found, Authorization):
        await processor.cancel(key)  # never charged, and now never will be
        found = Authorization("declined", decline_code="not_completed")
    return (await record_sale(payment.id, found)).status


async def _resolve_operation(operation_id: uuid.UUID) -> str:
    async with database.side_transaction() as session:
        operation = await session.get(TerminalOperation, operation_id)
        assert operation is not None
        payment = await session.get(TerminalPayment, operation.payment_id)
        assert payment is not None
    processor, key = processing.processor_named(payment.processor), operation_key(operation.id)
    found = await processor.lookup(key)
    if not isinstance(found, OperationResult):
        await processor.cancel(key)
        found = OperationResult("failed", failure_code="not_completed")
    return (await record_operation(operation.id, found))[0].status


async def _own_terminal(session: AsyncSession, caller: PosCaller, terminal_id: uuid.UUID) -> Terminal:
    # A terminal acts for itself only: another terminal's id does not exist for it.
    if caller.terminal_id is not None and caller.terminal_id != terminal_id:
        raise ApiError(MERCHANT_ERRORS.TERMINAL_NOT_FOUND)
    return await find_terminal(session, caller.company_id, terminal_id)


async def _locked_payment(
    session: AsyncSession, caller: PosCaller, terminal_id: uuid.UUID, payment_id: uuid.UUID
) -> TerminalPayment:
    await _own_terminal(session, caller, terminal_id)
    payment = await session.scalar(
        readable(caller.company_id, TerminalPayment)
        .where(TerminalPayment.id == payment_id, TerminalPayment.terminal_id == terminal_id)
        .with_for_update()
    )
    if payment is None:
        raise ApiError(MERCHANT_ERRORS.TERMINAL_PAYMENT_NOT_FOUND)
    return payment


async def _operation_in_flight(session: AsyncSession, payment: TerminalPayment) -> bool:
    found = await session.scalar(
        select(TerminalOperation.id).where(
            TerminalOperation.payment_id == payment.id, TerminalOperation.status == "pending"
        )
    )
    return found is not None


async def find_payment(
    session: AsyncSession, caller: PosCaller, terminal_id: uuid.UUID, payment_id: uuid.UUID
) -> TerminalPayment:
    await _own_terminal(session, caller, terminal_id)
    payment = await session.scalar(
        readable(caller.company_id, TerminalPayment).where(
            TerminalPayment.id == payment_id, TerminalPayment.terminal_id == terminal_id
        )
    )
    if payment is None:
        raise ApiError(MERCHANT_ERRORS.TERMINAL_PAYMENT_NOT_FOUND)
    return payment


@dataclass(frozen=True)
class PaymentFilter:
    """What a list of payments keeps: a status, and when they were taken (from, inclusive; to, exclusive)."""

    status: PaymentStatus | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None

    def applied(self, statement: Select[TerminalPayment]) -> Select[TerminalPayment]:
        if self.status is not None:
            statement = statement.where(TerminalPayment.status == self.status)
        if self.created_from is not None:
            statement = statement.where(TerminalPayment.created_at >= self.created_from)
        if self.created_to is not None:
            statement = statement.where(TerminalPayment.created_at < self.created_to)
        return statement


async def terminal_payments(
    session: AsyncSession, caller: PosCaller, terminal_id: uuid.UUID, kept: PaymentFilter
) -> Select[TerminalPayment]:
    terminal = await _own_terminal(session, caller, terminal_id)
    return kept.applied(readable(caller.company_id, TerminalPayment).where(TerminalPayment.terminal_id == terminal.id))


async def business_payments(
    session: AsyncSession, company_id: uuid.UUID, business_id: uuid.UUID, kept: PaymentFilter
) -> Select[TerminalPayment]:
    business = await find_business(session, company_id, business_id)
    return kept.applied(readable(company_id, TerminalPayment).where(TerminalPayment.business_id == business.id))


async def _event(session: AsyncSession, event_type: str, payment: TerminalPayment, **extra: str) -> None:
    await events.record(
        session,
        event_type,
        subject_id=str(payment.id),
        company_id=payment.company_id,
        data={
            "id": str(payment.id),
            "terminalId": str(payment.terminal_id),
            "businessId": str(payment.business_id),
            "reference": payment.reference,
            "status": payment.status,
            "amount": format_money(payment.amount),
            "tip": format_money(payment.tip),
            "currency": payment.currency,
            "refundedAmount": format_money(payment.refunded_amount),
            "declineCode": payment.decline_code or "",
            "card": f"{payment.card_brand} {payment.card_last4}",
            **extra,
        },
    )
