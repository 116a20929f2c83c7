"""Paying a link: what the hosted checkout (and the sandbox pay helper) does with the card a customer typed.

The card is checked (Luhn, expiry, CVV), tokenized into the vault (PAN sealed; the CVV lives only in memory
for the authorization), routed to the client's processor for its brand, and authorized; a 3-D Secure
challenge is answered in a second step with the code the customer types.

Each step with the processor runs in three parts, so the processor is never called under a row lock nor
inside a transaction whose commit could still fail after it approved: the attempt is saved `pending` and
committed (with the link's row lock, so a second payment of the same link finds it in flight and is refused
with PAYMENT_IN_PROGRESS); the processor is called with an idempotency key derived from the attempt; its
answer is recorded in a second transaction. An answer that never got recorded (a crash, a lost connection)
is recorded by the recovery job, which asks the processor with the same key (`resolve_attempt`).
"""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, pan
from migo.platform.db import database
from migo.platform.errors import MW_ERRORS, ApiError
from migo.platform.i18n import N_
from migo.platform.ratelimit import Limit
from migo.platform.secrets import CardNumber, Cvv, Secret
from migo.platform.settings import get_settings

from . import after_authorization, bins, clients, links, suspensions
from .errors import PAYMENT_ERRORS
from .models import CardToken, PaymentAttempt, PaymentClient, PaymentTransaction, SavedCard
from .processors import DECLINE_REASONS, Authorization, CardData, Initiator, ProcessorError, processor_named
from .testcards import BY_NUMBER

# Card testing: one card may be tried on at most this many payments an hour, whatever link or address
# it comes from (the sandbox's shared test cards excepted).
CARD_TRIES = Limit("checkout-card", attempts=10, window_seconds=3600)
_EXPIRY = re.compile(r"^\s*(0?[1-9]|1[0-2])\s*/\s*([0-9]{2}|[0-9]{4})\s*$")
# How long a processor call may take before its outcome is left to the recovery job, which looks at an
# attempt only once it has been pending for longer than that (RECOVERY_AGE).
PROCESSOR_TIMEOUT = 20.0
RECOVERY_AGE = timedelta(seconds=60)
AttemptOutcome = Literal["approved", "authorized", "declined", "requires_action", "pending"]


@dataclass(frozen=True)
class AttemptResult:
    """What one attempt came to (`pending`: the processor's answer is not known yet), and the link after it."""

    outcome: AttemptOutcome
    attempt: PaymentAttempt
    transaction: PaymentTransaction
    client: PaymentClient

    @property
    def decline_code(self) -> str | None:
        return self.attempt.decline_code if self.outcome == "declined" else None

    @property
    def decline_reason(self) -> str | None:
        code = self.decline_code
        return DECLINE_REASONS.get(code, "The payment was declined.") if code else None


def _invalid(field: str, problem: str) -> ApiError:
    """5000 naming the field; the problem is a catalog message, so the hosted pages show it translated."""
    return ApiError(MW_ERRORS.INVALID_BODY, f"{field}: {problem}")


def read_card(number: CardNumber, expiry: str, cvv: Cvv, holder_name: str | None) -> CardData:
    """The card as typed, checked the way the page checks it inline; 5000 with the field otherwise."""
    digits = pan.normalize(number.reveal())
    if not (digits.isdigit() and 12 <= len(digits) <= 19 and pan.is_valid(digits)):
        raise _invalid("cardNumber", N_("not a valid card number."))
    match = _EXPIRY.match(expiry)
    if match is None:
        raise _invalid("expiry", N_("use MM/YY."))
    month, year = int(match.group(1)), int(match.group(2))
    year = year + 2000 if year < 100 else year
    today = clock.now()
    if (year, month) < (today.year, today.month):
        raise _invalid("expiry", N_("the card has expired."))
    cvv_length = 4 if pan.brand_of(digits) == "amex" else 3
    if not (cvv.reveal().isdigit() and len(cvv.reveal()) == cvv_length):
        raise _invalid("cvv", N_("4 digits.") if cvv_length == 4 else N_("3 digits."))
    name = (holder_name or "").strip()[:60] or None
    return CardData(number=CardNumber(digits), expiry_month=month, expiry_year=year, cvv=cvv, holder_name=name)


def ensure_payable(transaction: PaymentTransaction) -> None:
    """A link can be paid while it is pending and within its lifetime (the worker marks it expired after)."""
    status = shown_status(transaction)
    if status != "pending":
        raise ApiError(PAYMENT_ERRORS.TRANSACTION_NOT_PAYABLE, f"The payment link is {status}.")


def shown_status(transaction: PaymentTransaction) -> str:
    """The status, counting a pending link past its lifetime as expired before the worker gets to it."""
    if transaction.status == "pending" and clock.now() >= transaction.expires_at:
        return "expired"
    return transaction.status


@dataclass(frozen=True)
class CardRoute:
    """Where a card goes for a client: what its BIN says, the processor that charges it (None: the client
    takes no processor for its brand), the installments it may be paid in, and why the client refuses it."""

    info: bins.BinInfo
    terms: clients.ProcessorTerms | None
    installments: list[int]
    refusals: list[str]


async def card_route(session: AsyncSession, client: PaymentClient, digits: str) -> CardRoute:
    """The route of a card by its number, or by the leading digits typed so far."""
    info = await bins.lookup(session, digits[:8])
    refusals = bins.refusals(client, info)
    terms = await clients.processor_for_card(session, client, info.brand, digits)
    if terms is None:
        refusals.append(f"brand {info.brand} is not accepted")
    return CardRoute(info, terms, clients.installment_options(terms, info.type) if terms else [1], refusals)


async def card_options(
    session: AsyncSession, client: PaymentClient, bin_digits: str
) -> tuple[bins.BinInfo, list[int], list[str]]:
    """What the checkout shows once the first digits are typed: the card, its installments, any refusal."""
    route = await card_route(session, client, bin_digits)
    return route.info, route.installments, route.refusals


def authorize_key(attempt_id: uuid.UUID) -> str:
    """The idempotency key of an attempt's authorization at the processor."""
    return f"migo_att_{attempt_id.hex}"


def authenticate_key(attempt_id: uuid.UUID) -> str:
    """The idempotency key of the answer to an attempt's 3-D Secure challenge."""
    return f"migo_att_{attempt_id.hex}_3ds"


async def attempt_in_flight(session: AsyncSession, transaction: PaymentTransaction) -> PaymentAttempt | None:
    return await session.scalar(
        select(PaymentAttempt).where(
            PaymentAttempt.transaction_id == transaction.id, PaymentAttempt.status == "pending"
        )
    )


async def _payable_link(
    session: AsyncSession, uid: str, merchant_slug: str | None
) -> tuple[PaymentTransaction, PaymentClient]:
    """The link locked, payable, and with no attempt in flight."""
    transaction, client = await links.locked_link(session, uid, merchant_slug)
    ensure_payable(transaction)
    if await attempt_in_flight(session, transaction) is not None:
        raise ApiError(PAYMENT_ERRORS.PAYMENT_IN_PROGRESS, "A payment of this link is being confirmed.")
    return transaction, client


async def pay(uid: str, card: CardData, installments: int, *, merchant_slug: str | None = None) -> AttemptResult:
    """One payment attempt on a pending link (of the merchant's client, when `merchant_slug` is given). A
    refusal before the processor is asked (5000, 2004-2006, 5011, 5019, 429) leaves nothing behind. Each step
    runs in a transaction of its own (the request calling may hold a connection of the main pool)."""
    number = card.number.reveal()
    if not (get_settings().is_sandbox and number in BY_NUMBER):
        await CARD_TRIES.consume(pan.fingerprint(number).hex())
    async with database.side_transaction() as session:
        transaction, client = await _payable_link(session, uid, merchant_slug)
        await suspensions.enforce(session, client, transaction.user_id)
        route = await card_route(session, client, number)
        info, terms, refusals = route.info, route.terms, route.refusals
        if installments not in route.installments:
            raise _invalid("installments", f"this card can be paid in {', '.join(map(str, route.installments))}.")
        await _abandon_open_challenges(session, transaction)  # before this attempt exists: it is not one of them
        token = await tokenize(session, card, info.brand)
        amount = Decimal((transaction.processor_amounts or {}).get(terms.name, transaction.amount)) if terms else None
        attempt = await _pending_attempt(
            session, transaction, token, terms.name if terms else None, amount or transaction.amount, installments
        )
        # Declined without asking the processor: recorded at once.
        if not get_settings().is_sandbox and number in BY_NUMBER:
            return await _record(session, transaction, client, attempt, _declined("test_card_in_production"))
        if refusals or terms is None or amount is None:
            return await _record(session, transaction, client, attempt, _declined("card_not_allowed"))
    return await _authorize(attempt, transaction, client, card, initiator="customer")


async def pay_saved_card(uid: str, saved_card_id: uuid.UUID, *, as_of: datetime) -> AttemptResult:
    """Charge a link with a card the customer saved (a subscription's charge): merchant-initiated, one attempt,
    without the CVV, which is never stored. A card expired at `as_of` (the subscription's own time, which a
    sandbox test clock moves) is declined `expired_card` without asking the processor."""
    async with database.side_transaction() as session:
        transaction, client = await _payable_link(session, uid, None)
        saved = await session.get(SavedCard, saved_card_id)
        assert saved is not None
        assert saved.client_id == client.id
        token = await session.get(CardToken, saved.card_token_id)
        assert token is not None
        number = pan.reveal(token.pan_ciphertext)
        terms = await clients.processor_for_card(session, client, token.brand, number.reveal())
        attempt = await _pending_attempt(
            session, transaction, token, terms.name if terms else None, transaction.amount, installments=1
        )
        if (token.expiry_year, token.expiry_month) < (as_of.year, as_of.month):
            return await _record(session, transaction, client, attempt, _declined("expired_card"))
        if terms is None:
            return await _record(session, transaction, client, attempt, _declined("card_not_allowed"))
        card = CardData(
            number=number,
            expiry_month=token.expiry_month,
            expiry_year=token.expiry_year,
            cvv=None,
            holder_name=token.holder_name,
        )
    return await _authorize(attempt, transaction, client, card, initiator="merchant")


async def _pending_attempt(
    session: AsyncSession,
    transaction: PaymentTransaction,
    token: CardToken,
    processor: str | None,
    amount: Decimal,
    installments: int,
) -> PaymentAttempt:
    """The attempt saved `pending` before the processor is asked (its row makes a second payment wait)."""
    attempt = PaymentAttempt(
        transaction_id=transaction.id,
        client_id=transaction.client_id,
        user_id=transaction.user_id,
        card_token_id=token.id,
        processor=processor,
        amount=amount,
        installments=installments,
        status="pending",
        pending_since=clock.now(),
    )
    session.add(attempt)
    await session.flush()
    return attempt


async def _authorize(
    attempt: PaymentAttempt,
    transaction: PaymentTransaction,
    client: PaymentClient,
    card: CardData,
    *,
    initiator: Initiator,
) -> AttemptResult:
    """Ask the processor to authorize the committed pending attempt, then record its answer."""
    assert attempt.processor is not None
    try:
        authorization = await asyncio.wait_for(
            processor_named(attempt.processor).authorize(
                card,
                amount=attempt.amount,
                currency=transaction.currency,
                installments=attempt.installments,
                capture=transaction.capture_mode == "automatic",
                key=authorize_key(attempt.id),
                initiator=initiator,
                descriptor=client.display_name,
            ),
            PROCESSOR_TIMEOUT,
        )
    except (ProcessorError, TimeoutError):
        return AttemptResult("pending", attempt, transaction, client)
    return await record_authorization(attempt.id, authorization)


async def complete_challenge(
    uid: str, attempt_id: uuid.UUID, code: Secret, *, merchant_slug: str | None = None
) -> AttemptResult:
    """Answer the 3-D Secure challenge of the link's open attempt."""
    async with database.side_transaction() as session:
        transaction, client = await _payable_link(session, uid, merchant_slug)
        attempt = await session.get(PaymentAttempt, attempt_id, with_for_update=True)
        if attempt is None or attempt.transaction_id != transaction.id or attempt.status != "requires_action":
            raise ApiError(MW_ERRORS.CONFLICT, "There is no 3-D Secure challenge waiting for this payment; pay again.")
        assert attempt.processor is not None
        assert attempt.processor_reference is not None
        attempt.status, attempt.pending_since = "pending", clock.now()
    try:
        authorization = await asyncio.wait_for(
            processor_named(attempt.processor).authenticate(
                attempt.processor_reference, code, key=authenticate_key(attempt.id)
            ),
            PROCESSOR_TIMEOUT,
        )
    except (ProcessorError, TimeoutError):
        return AttemptResult("pending", attempt, transaction, client)
    return await record_authorization(attempt.id, authorization)


async def cancel_challenge(uid: str, attempt_id: uuid.UUID) -> AttemptResult:
    """The customer gave up the 3-D Secure challenge (seed 002's webview: "a way to cancel back to the form"):
    the attempt is declined as `authentication_cancelled`, as any decline is (the attempts left, the velocity
    rule, the link denied after the last one). The processor is not asked: nothing is authorized before the
    challenge is passed, and the challenge it holds lapses unanswered."""
    async with database.side_transaction() as session:
        transaction, _ = await _payable_link(session, uid, None)
        attempt = await session.get(PaymentAttempt, attempt_id, with_for_update=True)
        if attempt is None or attempt.transaction_id != transaction.id or attempt.status != "requires_action":
            raise ApiError(MW_ERRORS.CONFLICT, "There is no 3-D Secure challenge waiting for this payment; pay again.")
        attempt.status, attempt.pending_since = "pending", clock.now()
    return await record_authorization(
        attempt_id, Authorization("declined", attempt.processor_reference, decline_code="authentication_cancelled")
    )


async def open_challenge(
    session: AsyncSession, transaction: PaymentTransaction, attempt_id: uuid.UUID
) -> PaymentAttempt | None:
    attempt = await session.get(PaymentAttempt, attempt_id)
    if attempt is None or attempt.transaction_id != transaction.id or attempt.status != "requires_action":
        return None
    return attempt


async def record_authorization(attempt_id: uuid.UUID, authorization: Authorization) -> AttemptResult:
    """Record the processor's answer to a pending attempt, once: an attempt already resolved (by the request
    that asked, or by the recovery job) is answered as it stands."""
    async with database.side_transaction() as session:
        transaction, client, attempt = await _locked_attempt(session, attempt_id)
        if attempt.status != "pending":
            return AttemptResult(attempt.status, attempt, transaction, client)  # type: ignore[arg-type]
        return await _record(session, transaction, client, attempt, authorization)


async def resolve_attempt(attempt_id: uuid.UUID) -> str:
    """The recovery job's step for an attempt left pending: ask the processor what became of the call in
    flight (by its idempotency key) and record it; a call the processor has no record of is cancelled there
    and the attempt abandoned (nothing was charged, the customer may pay again). Returns what it came to."""
    async with database.side_transaction() as session:
        attempt = await session.get(PaymentAttempt, attempt_id)
    if attempt is None or attempt.status != "pending" or attempt.processor is None:
        return attempt.status if attempt is not None else "missing"
    answering_challenge = attempt.three_ds == "challenged"
    key = authenticate_key(attempt.id) if answering_challenge else authorize_key(attempt.id)
    processor = processor_named(attempt.processor)
    found = await processor.lookup(key)
    if isinstance(found, Authorization):
        return (await record_authorization(attempt.id, found)).outcome
    # No record may also mean not yet (a request still in transit, a lookup that lags): cancelled by its key
    # first, so that a charge cannot land after the customer was told to pay again.
    await processor.cancel(key)
    async with database.side_transaction() as session:
        _, _, attempt = await _locked_attempt(session, attempt_id)
        if attempt.status == "pending":
            attempt.status, attempt.completed_at = "abandoned", clock.now()
        return attempt.status


async def _locked_attempt(
    session: AsyncSession, attempt_id: uuid.UUID
) -> tuple[PaymentTransaction, PaymentClient, PaymentAttempt]:
    """The attempt and its link, the link's row locked first (the order every payment step takes)."""
    attempt = await session.get(PaymentAttempt, attempt_id)
    assert attempt is not None
    transaction, client = await links.locked_link_by_id(session, attempt.transaction_id)
    await session.refresh(attempt, with_for_update=True)
    return transaction, client, attempt


async def tokenize(session: AsyncSession, card: CardData, brand: str) -> CardToken:
    sealed = pan.seal(card.number.reveal())
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


def _declined(code: str) -> Authorization:
    return Authorization("declined", decline_code=code)


async def _record(
    session: AsyncSession,
    transaction: PaymentTransaction,
    client: PaymentClient,
    attempt: PaymentAttempt,
    authorization: Authorization,
) -> AttemptResult:
    """Record what the processor said, on the pending attempt and on the link (both locked)."""
    now = clock.now()
    if attempt.three_ds == "challenged":  # this is the answer to the challenge
        attempt.three_ds = "failed" if authorization.decline_code == "authentication_failed" else "passed"
    attempt.processor_reference = authorization.reference
    if authorization.status == "requires_action":
        attempt.status, attempt.three_ds = "requires_action", "challenged"
        await session.flush()
        return AttemptResult("requires_action", attempt, transaction, client)

    token = await session.get(CardToken, attempt.card_token_id)
    assert token is not None
    attempt.completed_at = now
    transaction.attempts += 1
    transaction.last4, transaction.brand = token.last4, token.brand
    if authorization.status == "declined":
        attempt.status = "declined"
        attempt.decline_code = authorization.decline_code
        transaction.decline_code = authorization.decline_code
        await session.flush()
        # A saved card's charge is the merchant's, made once: declined, it is closed (the next try is another
        # charge) and says nothing of the customer's card testing.
        merchant_initiated = transaction.created_via == links.CHARGE_OF_SAVED_CARD
        if merchant_initiated or transaction.attempts >= client.max_attempts:
            transaction.status = "denied"
            transaction.closed_at = now
            await links.record_event(session, transaction, client, "transaction.denied")
        if not merchant_initiated:
            await suspensions.apply_velocity_rule(session, client, transaction.user_id)
        return AttemptResult("declined", attempt, transaction, client)

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
        await after_authorization.book_capture(session, transaction, client, attempt.amount)
        await links.record_event(session, transaction, client, "transaction.approved")
        return AttemptResult("approved", attempt, transaction, client)
    attempt.status = "authorized"
    transaction.status = "authorized"
    await links.record_event(session, transaction, client, "transaction.authorized")
    return AttemptResult("authorized", attempt, transaction, client)
