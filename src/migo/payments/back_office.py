"""What a partner's back-office operator sees and does with the partner's Payment Links (the CMS's transaction
search, platform.transaction_search): the links in the search's shape, one link with its payment and the steps of
its life (`partner_link_steps`: each attempt to pay with its 3-D Secure, each capture, refund and void), a refund
through the same `after_authorization.refund` a merchant's goes through (same rules, errors and events), and a
new link made for one of the partner's clients from the dashboard, through the merchants' own `links.create_link`.

A link is the partner's when its client is: `PaymentClient.partner_id`, set when the client is configured for a
partner (the sandbox seed, `configure_client(partner_id=…)`), and the same partner whose companies may link
the client to their businesses. A client configured with no partner is no operator's."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.errors import ERRORS, ApiError
from migo.platform.transaction_search import TransactionRefund, TransactionSummary, search_columns

from . import after_authorization, links
from .access import partner_client, readable_by_partner
from .errors import PAYMENT_ERRORS
from .models import CardToken, PaymentAttempt, PaymentClient, PaymentOperation, PaymentTransaction
from .schemas import LinkFields


def partner_link_payments(partner_id: uuid.UUID) -> Select[Any]:
    """The links of the partner's clients, in the transaction search's shape."""
    return (
        readable_by_partner(partner_id)
        .outerjoin(CardToken, CardToken.id == PaymentTransaction.card_token_id)
        .with_only_columns(
            *search_columns(
                "link_payment",
                uid=PaymentTransaction.uid,
                created_at=PaymentTransaction.created_at,
                amount=PaymentTransaction.amount,
                currency=PaymentTransaction.currency,
                status=PaymentTransaction.status,
                reference=PaymentTransaction.reference,
                external_id=PaymentTransaction.external_id,
                user_id=PaymentTransaction.user_id,
                card_bin=CardToken.bin,
                card_last4=PaymentTransaction.last4,
                card_brand=PaymentTransaction.brand,
                client_slug=PaymentClient.slug,
                business_id=PaymentClient.business_id,
            )
        )
    )


@dataclass(frozen=True)
class PartnerLinkPayment:
    """A link of the partner's as the back office shows it: its row of the search, and its payment."""

    summary: TransactionSummary
    channel: str
    authorized_amount: Decimal
    captured_amount: Decimal
    refunded_amount: Decimal
    processor: str | None
    authorization_code: str | None
    installments: int | None
    decline_code: str | None
    captured_at: datetime | None


async def partner_link_payment(session: AsyncSession, partner_id: uuid.UUID, uid: str) -> PartnerLinkPayment | None:
    """The partner's link `uid` as it stands now (None: no link of the partner's has it)."""
    row = (
        await session.execute(
            partner_link_payments(partner_id)
            .add_columns(PaymentTransaction)
            .where(PaymentTransaction.uid == uid)
            .execution_options(populate_existing=True)  # read again after a refund in this request
        )
    ).first()
    if row is None:
        return None
    link: PaymentTransaction = row[-1]
    return PartnerLinkPayment(
        summary=TransactionSummary.of(row),
        channel=link.channel,
        authorized_amount=link.authorized_amount,
        captured_amount=link.captured_amount,
        refunded_amount=link.refunded_amount,
        processor=link.processor,
        authorization_code=link.authorization_code,
        installments=link.installments,
        decline_code=link.decline_code,
        captured_at=link.captured_at,
    )


async def _partner_link_slug(session: AsyncSession, partner_id: uuid.UUID, uid: str, amount: Decimal | None) -> str:
    """The client slug of the partner's link `uid` (404 for another's), and `amount` checked to be whole units."""
    slug = await session.scalar(
        readable_by_partner(partner_id).with_only_columns(PaymentClient.slug).where(PaymentTransaction.uid == uid)
    )
    if slug is None:
        raise ApiError(ERRORS.NOT_FOUND, "No payment link of this partner has this uid.")
    if amount is not None and amount != amount.to_integral_value():
        raise ApiError(ERRORS.VALIDATION_ERROR, "amount: a Payment Link is charged in whole units.")
    return slug


def _operator_key(operator_id: uuid.UUID, idempotency_key: str | None) -> str | None:
    # An Idempotency-Key header never holds a newline: no merchant's key reads as an operator's.
    return f"cms-operator:{operator_id}\n{idempotency_key}" if idempotency_key is not None else None


async def refund_for_partner(
    session: AsyncSession,
    partner_id: uuid.UUID,
    uid: str,
    amount: Decimal | None,
    reason: str,
    *,
    operator_id: uuid.UUID,
    idempotency_key: str | None,
) -> TransactionRefund:
    """Refund the partner's link for an operator: all that is left, or `amount` in whole units (a link is
    charged in them). The operator's Idempotency-Key is remembered apart from its merchant's keys, so that a
    retry whose answer was lost finds the refund it made instead of making another."""
    slug = await _partner_link_slug(session, partner_id, uid, amount)
    done = await after_authorization.refund(
        slug,
        uid,
        int(amount) if amount is not None else None,
        reason,
        idempotency_key=_operator_key(operator_id, idempotency_key),
    )
    refund = done.operation
    return TransactionRefund(refund.id, refund.status, refund.amount, refund.created_at)


async def capture_for_partner(
    session: AsyncSession,
    partner_id: uuid.UUID,
    uid: str,
    amount: Decimal | None,
    *,
    operator_id: uuid.UUID,
    idempotency_key: str | None,
) -> None:
    """Capture the partner's two-step authorization for an operator, all of it or `amount` (whole units), through
    the merchant's own capture (its rules: once, within 7 days; its events). Keyed apart as refunds are."""
    slug = await _partner_link_slug(session, partner_id, uid, amount)
    await after_authorization.capture(
        slug,
        uid,
        int(amount) if amount is not None else None,
        idempotency_key=_operator_key(operator_id, idempotency_key),
    )


async def create_link_for_partner(
    session: AsyncSession,
    partner_id: uuid.UUID,
    fields: LinkFields,
    *,
    application_id: uuid.UUID,
    created_by: str,
) -> links.NewLink:
    """A Payment Link of the partner's client `fields.client`, made by an operator (`created_by`) on behalf of the
    client's Middleware application: the merchant's own rules, range, channels and events apply. Another
    partner's client, or none, is 409/5004 as an unknown slug is to a merchant."""
    if await session.scalar(partner_client(partner_id, fields.client).with_only_columns(PaymentClient.id)) is None:
        raise ApiError(PAYMENT_ERRORS.CLIENT_NOT_FOUND, f"client: no client {fields.client!r} of this partner.")
    made = fields.model_copy(update={"created_by": created_by})
    return await links.create_link(
        session, application_id=application_id, merchant_slug=fields.client, fields=made, via="dashboard"
    )


@dataclass(frozen=True)
class LinkStep:
    """A step of a link's life, for its page in the back office: an attempt to pay it (`attempt`, with its card,
    installments and 3-D Secure), or an operation on its payment (`capture`, `refund`, `void`)."""

    at: datetime
    kind: str
    status: str
    amount: Decimal
    card: str | None  # brand and last four of an attempt's card
    three_ds: str | None  # not_required | challenged | passed | failed
    installments: int | None
    code: str | None  # an attempt's decline code, an operation's failure code
    reason: str | None  # a refund's


async def partner_link_steps(session: AsyncSession, partner_id: uuid.UUID, uid: str) -> list[LinkStep]:
    """The steps of the partner's link `uid`, oldest first (none for another partner's link)."""
    link = readable_by_partner(partner_id).with_only_columns(PaymentTransaction.id).where(PaymentTransaction.uid == uid)
    attempts = await session.execute(
        select(PaymentAttempt, CardToken.brand, CardToken.last4)
        .join(CardToken, CardToken.id == PaymentAttempt.card_token_id)
        .where(PaymentAttempt.transaction_id == link.scalar_subquery())
    )
    operations = await session.scalars(
        select(PaymentOperation).where(PaymentOperation.transaction_id == link.scalar_subquery())
    )
    steps = [
        LinkStep(
            attempt.created_at,
            "attempt",
            attempt.status,
            attempt.amount,
            f"{brand} ···· {last4}",
            attempt.three_ds,
            attempt.installments,
            attempt.decline_code,
            None,
        )
        for attempt, brand, last4 in attempts
    ]
    steps += [
        LinkStep(op.created_at, op.kind, op.status, op.amount, None, None, None, op.failure_code, op.reason)
        for op in operations
    ]
    return sorted(steps, key=lambda step: step.at)
