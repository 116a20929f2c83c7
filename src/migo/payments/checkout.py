"""Paying a link: what the hosted checkout (and the sandbox pay helper) does with the card a customer typed.

The card is checked (Luhn, expiry, CVV), tokenized into the vault (PAN sealed; the CVV lives only in memory
for the authorization), routed to the client's processor for its brand, and authorized. A 3-D Secure
challenge is completed in a second step with the code the customer types. The caller holds the link's row
lock, so a double submit waits for the first and then finds the link paid: it charges once.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, pan
from migo.platform.errors import MW_ERRORS, ApiError
from migo.platform.ratelimit import Limit
from migo.platform.settings import get_settings

from . import bins, clients, links, operations, suspensions
from .models import CardToken, PaymentAttempt, PaymentClient, PaymentTransaction
from .processors import DECLINE_REASONS, Authorization, CardData, ProcessorError, processor_named
from .testcards import BY_NUMBER

# Card testing: one card may be tried on at most this many payments an hour, whatever link or address
# it comes from (the sandbox's shared test cards excepted).
CARD_TRIES = Limit("checkout-card", attempts=10, window_seconds=3600)
_EXPIRY = re.compile(r"^\s*(0?[1-9]|1[0-2])\s*/\s*([0-9]{2}|[0-9]{4})\s*$")
AttemptOutcome = Literal["approved", "authorized", "declined", "requires_action"]


@dataclass(frozen=True)
class AttemptResult:
    outcome: AttemptOutcome
    attempt: PaymentAttempt | None
    decline_code: str | None = None

    @property
    def decline_reason(self) -> str | None:
        return DECLINE_REASONS.get(self.decline_code or "", "The payment was declined.") if self.decline_code else None


def _invalid(detail: str) -> ApiError:
    return ApiError(MW_ERRORS.INVALID_BODY, detail)


def read_card(number: str, expiry: str, cvv: str, holder_name: str | None) -> CardData:
    """The card as typed, checked the way the page checks it inline; 5000 with the field otherwise."""
    digits = pan.normalize(number)
    if not (digits.isdigit() and 12 <= len(digits) <= 19 and pan.is_valid(digits)):
        raise _invalid("cardNumber: not a valid card number.")
    match = _EXPIRY.match(expiry)
    if match is None:
        raise _invalid("expiry: use MM/YY.")
    month, year = int(match.group(1)), int(match.group(2))
    year = year + 2000 if year < 100 else year
    today = clock.now()
    if (year, month) < (today.year, today.month):
        raise _invalid("expiry: the card has expired.")
    cvv_length = 4 if pan.brand_of(digits) == "amex" else 3
    if not (cvv.isdigit() and len(cvv) == cvv_length):
        raise _invalid(f"cvv: {cvv_length} digits.")
    name = (holder_name or "").strip()[:60] or None
    return CardData(number=digits, expiry_month=month, expiry_year=year, cvv=cvv, holder_name=name)


def ensure_payable(transaction: PaymentTransaction) -> None:
    """A link can be paid while it is pending and within its lifetime (the worker marks it expired after)."""
    status = shown_status(transaction)
    if status != "pending":
        raise ApiError(MW_ERRORS.TRANSACTION_NOT_PAYABLE, f"The payment link is {status}.")


def shown_status(transaction: PaymentTransaction) -> str:
    """The status, counting a pending link past its lifetime as expired before the worker gets to it."""
    if transaction.status == "pending" and clock.now() >= transaction.expires_at:
        return "expired"
    return transaction.status


async def card_options(
    session: AsyncSession, client: PaymentClient, bin_digits: str
) -> tuple[bins.BinInfo, list[int], list[str]]:
    """What the checkout shows once the first digits are typed: the card, its installments, any refusal."""
    info = await bins.lookup(session, bin_digits)
    refusals = bins.refusals(client, info)
    terms = clients.processor_for_brand(client, info.brand)
    if terms is None:
        refusals.append(f"brand {info.brand} is not accepted")
    return info, clients.installment_options(terms, info.type) if terms else [1], refusals


async def pay(
    session: AsyncSession,
    transaction: PaymentTransaction,
    client: PaymentClient,
    card: CardData,
    installments: int,
) -> AttemptResult:
    """One payment attempt on a locked, pending link."""
    ensure_payable(transaction)
    await suspensions.enforce(session, client, transaction.user_id)
    if not (get_settings().is_sandbox and card.number in BY_NUMBER):
        await CARD_TRIES.consume(pan.fingerprint(card.number).hex())
    info, options, refusals = await card_options(session, client, card.number)
    if installments not in options:
        raise _invalid(f"installments: this card can be paid in {', '.join(map(str, options))}.")
    await _abandon_open_challenges(session, transaction)  # before this attempt exists: it is not one of them
    token = await _tokenize(session, card, info.brand)
    terms = clients.processor_for_brand(client, info.brand)
    amount = Decimal((transaction.processor_amounts or {}).get(terms.name, transaction.amount)) if terms else None
    attempt = PaymentAttempt(
        transaction_id=transaction.id,
        client_id=client.id,
        user_id=transaction.user_id,
        card_token_id=token.id,
        processor=terms.name if terms else None,
        amount=amount if amount is not None else transaction.amount,
        installments=installments,
        status="requires_action",
    )
    session.add(attempt)

    if not get_settings().is_sandbox and card.number in BY_NUMBER:
        return await _settle(
            session,
            transaction,
            client,
            attempt,
            token,
            Authorization("declined", decline_code="test_card_in_production"),
        )
    if refusals or terms is None or amount is None:
        return await _settle(
            session, transaction, client, attempt, token, Authorization("declined", decline_code="card_not_allowed")
        )
    try:
        authorization = await processor_named(terms.name).authorize(
            card,
            amount=amount,
            currency=transaction.currency,
            installments=installments,
            capture=transaction.capture_mode == "automatic",
        )
    except ProcessorError as error:
        raise ApiError(MW_ERRORS.PROCESSOR_UNAVAILABLE) from error
    return await _settle(session, transaction, client, attempt, token, authorization)


async def complete_challenge(
    session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient, attempt_id: uuid.UUID, code: str
) -> AttemptResult:
    """Answer the 3-D Secure challenge of the link's open attempt."""
    ensure_payable(transaction)
    attempt = await session.get(PaymentAttempt, attempt_id, with_for_update=True)
    if attempt is None or attempt.transaction_id != transaction.id or attempt.status != "requires_action":
        raise ApiError(MW_ERRORS.CONFLICT, "There is no 3-D Secure challenge waiting for this payment; pay again.")
    token = await session.get(CardToken, attempt.card_token_id)
    assert token is not None
    assert attempt.processor is not None
    assert attempt.processor_reference is not None
    try:
        authorization = await processor_named(attempt.processor).authenticate(attempt.processor_reference, code)
    except ProcessorError as error:
        raise ApiError(MW_ERRORS.PROCESSOR_UNAVAILABLE) from error
    attempt.three_ds = "passed" if authorization.decline_code != "authentication_failed" else "failed"
    return await _settle(session, transaction, client, attempt, token, authorization)


async def open_challenge(
    session: AsyncSession, transaction: PaymentTransaction, attempt_id: uuid.UUID
) -> PaymentAttempt | None:
    attempt = await session.get(PaymentAttempt, attempt_id)
    if attempt is None or attempt.transaction_id != transaction.id or attempt.status != "requires_action":
        return None
    return attempt


async def _tokenize(session: AsyncSession, card: CardData, brand: str) -> CardToken:
    sealed = pan.seal(card.number)
    token = CardToken(
        pan_ciphertext=sealed.ciphertext,
        pan_fingerprint=sealed.fingerprint,
        bin=sealed.bin,
        last4=sealed.last4,
        brand=brand,
        expiry_month=card.expiry_month,
        expiry_year=card.expiry_year,
        holder_name=card.holder_name,
    )
    session.add(token)
    await session.flush()
    return token


async def _abandon_open_challenges(session: AsyncSession, transaction: PaymentTransaction) -> None:
    """A new card replaces a challenge the customer walked away from."""
    await session.execute(
        update(PaymentAttempt)
        .where(PaymentAttempt.transaction_id == transaction.id, PaymentAttempt.status == "requires_action")
        .values(status="abandoned", completed_at=clock.now())
    )


async def _settle(
    session: AsyncSession,
    transaction: PaymentTransaction,
    client: PaymentClient,
    attempt: PaymentAttempt,
    token: CardToken,
    authorization: Authorization,
) -> AttemptResult:
    """Record what the processor said, on the attempt and on the link."""
    now = clock.now()
    attempt.processor_reference = authorization.reference
    if authorization.status == "requires_action":
        attempt.status = "requires_action"
        attempt.three_ds = "challenged"
        await session.flush()
        return AttemptResult("requires_action", attempt)

    attempt.completed_at = now
    transaction.attempts += 1
    transaction.last4, transaction.brand = token.last4, token.brand
    if authorization.status == "declined":
        attempt.status = "declined"
        attempt.decline_code = authorization.decline_code
        transaction.decline_code = authorization.decline_code
        await session.flush()
        if transaction.attempts >= client.max_attempts:
            transaction.status = "denied"
            transaction.closed_at = now
            await links.record_event(session, transaction, client, "transaction.denied")
        await suspensions.apply_velocity_rule(session, client, transaction.user_id)
        return AttemptResult("declined", attempt, authorization.decline_code)

    assert attempt.processor is not None
    transaction.processor = attempt.processor
    transaction.processor_reference = authorization.reference
    transaction.authorization_code = authorization.authorization_code
    transaction.installments = attempt.installments
    transaction.card_token_id = token.id
    transaction.decline_code = None
    transaction.authorized_amount = attempt.amount
    transaction.authorized_at = now
    if transaction.capture_mode == "automatic":
        attempt.status = "approved"
        await operations.book_capture(session, transaction, client, attempt.amount)
        await links.record_event(session, transaction, client, "transaction.approved")
        return AttemptResult("approved", attempt)
    attempt.status = "authorized"
    transaction.status = "authorized"
    await links.record_event(session, transaction, client, "transaction.authorized")
    return AttemptResult("authorized", attempt)
