"""Creating and reading Payment Links (seed 002). `POST /transactions` and `POST /transactions-hook` share
this one transaction builder; they differ only in how the caller authenticated."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from psycopg.types.json import Jsonb
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.notifications import service as notifications
from migo.platform import clock, i18n
from migo.platform.db import fetch_one, fetch_one_and_commit
from migo.platform.errors import MW_ERRORS, ApiError
from migo.platform.ids import alphanumeric, new_id
from migo.platform.settings import get_settings

from . import clients, suspensions
from .access import readable
from .clients import LinkClient
from .errors import PAYMENT_ERRORS
from .models import PaymentAttempt, PaymentClient, PaymentTransaction
from .schemas import LinkFields

if TYPE_CHECKING:
    from migo.identity.service import KeyPair

UID_LENGTH = 21


def link_url(uid: str) -> str:
    return f"{get_settings().public_url.rstrip('/')}/?orderId={uid}"


def _invalid(detail: str) -> ApiError:
    return ApiError(MW_ERRORS.INVALID_BODY, detail)


def checked_return_url(client: LinkClient, url: str | None) -> str | None:
    """A return URL whose origin the client lists, else 5000 (no open redirect)."""
    if url is None:
        return None
    if not is_allowed_return_url(client, url):
        raise _invalid("returnUrl: its origin is not among the client's allowed return origins.")
    return url


def is_allowed_return_url(client: PaymentClient | LinkClient, url: str) -> bool:
    return clients.origin_allowed(client.allowed_return_origins, url)


async def create_link(
    session: AsyncSession,
    *,
    application_id: uuid.UUID,
    merchant_slug: str,
    fields: LinkFields,
    via: str,
    key_pair: KeyPair | None = None,
    last_write: bool = False,
) -> NewLink:
    """A link of the merchant's client; `key_pair`: the hook's, whose amount range bounds it too. `last_write`:
    the request writes nothing after the link, so the link commits with its insert (the client's reference
    counter is then held only while the server commits, and one merchant's burst does not queue on it)."""
    client, suspended = await clients.link_client_for_merchant(session, fields.client, merchant_slug, fields.user_id)
    if fields.channel not in client.channels:
        raise _invalid(f"channel: {fields.channel!r} is not enabled for this client ({', '.join(client.channels)}).")
    # seed 002: for sms / wa "the field must be a phone Migo can dispatch to" (and an address for email).
    wanted = notifications.address_problem(fields.channel, fields.user_id)
    if wanted is not None:
        raise _invalid(f"userId: a {fields.channel} link is sent to {wanted}.")
    amount = Decimal(fields.amount)
    clients.require_amount_in_range(client.min_amount, client.max_amount, amount)
    if key_pair is not None:  # a bound it leaves open is the client's
        clients.require_amount_in_range(
            client.min_amount if key_pair.min_amount is None else key_pair.min_amount,
            client.max_amount if key_pair.max_amount is None else key_pair.max_amount,
            amount,
            "this key pair",
        )
    processor_names = {p.name for p in clients.processor_terms(client)}
    for name, value in (fields.processor_amount or {}).items():
        if name not in processor_names:
            raise _invalid(f"processorAmount.{name}: not a processor of this client ({', '.join(processor_names)}).")
        if value > fields.amount:
            raise ApiError(PAYMENT_ERRORS.AMOUNT_OUT_OF_RANGE, f"processorAmount.{name}: must be at most amount.")
    suspensions.refuse_if_suspended(client.slug, fields.user_id, suspended)
    return_url = checked_return_url(client, fields.return_url)
    if fields.locale is not None and fields.locale not in i18n.LANGUAGES:
        raise _invalid(f"locale: one of {', '.join(i18n.LANGUAGES)}.")

    currency = (fields.currency or "").upper()
    if currency not in client.currencies:
        currency = client.currencies[0]  # seed 002: silently the client's default
    additional: dict[str, Any] = {}
    if fields.customer_id is not None:
        additional["clientCode"] = fields.customer_id
    if fields.subscription_data is not None:
        additional["subscriptionInfo"] = fields.subscription_data

    uid = alphanumeric(UID_LENGTH)
    notification_id = None
    if notifications.sends_through(fields.channel):
        notification_id = await notifications.queue(
            session,
            channel=fields.channel,
            recipient=fields.user_id,
            subject=f"Your payment link from {client.display_name}",
            body=f"{client.display_name}: pay {amount} {currency} at {link_url(uid)}",
        )
    return await _insert(
        session,
        client,
        uid=uid,
        notification_id=notification_id,
        application_id=application_id,
        amount=amount,
        currency=currency,
        user_id=fields.user_id,
        channel=fields.channel,
        external_id=fields.external_id,
        created_by=fields.created_by,
        custom_keys=_jsonb(fields.custom_keys),
        processor_amounts=_jsonb(fields.processor_amount),
        additional_data=Jsonb(additional),
        return_url=return_url,
        locale=fields.locale,
        created_via=via,
        capture_mode=client.capture_mode,
        commit=last_write,
    )


# A transaction that charges a saved card (a subscription's charge): the merchant's, made at once, captured in
# one step; it never reaches a customer, so it has no channel and no checkout of its own.
CHARGE_OF_SAVED_CARD = "saved-card"


async def create_charge(
    session: AsyncSession,
    client: PaymentClient,
    *,
    application_id: uuid.UUID,
    amount: Decimal,
    currency: str,
    user_id: str,
    external_id: str | None,
    charge_data: dict[str, Any],
) -> NewLink:
    """The transaction of a charge to a saved card, in the client's amount range (2003 otherwise); what it is
    for (`charge_data`: the subscription, the period, a description) is kept as additionalData.subscriptionInfo."""
    clients.require_amount_in_range(client.min_amount, client.max_amount, amount)
    return await _insert(
        session,
        client,
        uid=alphanumeric(UID_LENGTH),
        notification_id=None,
        application_id=application_id,
        amount=amount,
        currency=currency,
        user_id=user_id,
        channel=CHARGE_OF_SAVED_CARD,
        external_id=external_id,
        created_by=None,
        custom_keys=None,
        processor_amounts=None,
        additional_data=Jsonb({"subscriptionInfo": charge_data}),
        return_url=None,
        locale=None,
        created_via=CHARGE_OF_SAVED_CARD,
        capture_mode="automatic",
        commit=False,
    )


async def _insert(
    session: AsyncSession, client: PaymentClient | LinkClient, *, uid: str, commit: bool, **values: Any
) -> NewLink:
    """Insert a link with the client's next reference. Last, and in one statement with the insert, so the
    client row (the reference counter) stays locked for as short a time as possible (with `commit`, the
    transaction's COMMIT rides in the same round trip); a rolled-back creation gives its number back:
    references never skip."""
    now = clock.now()
    created = await (fetch_one_and_commit if commit else fetch_one)(
        session,
        _CREATE,
        {
            "id": new_id(),
            "uid": uid,
            "client_id": client.id,
            "prefix": client.reference_prefix,
            "suffix": "SB" if get_settings().is_sandbox else "",
            "expires_at": now + timedelta(seconds=client.link_lifetime_seconds),
            "now": now,
            **values,
        },
    )
    assert created is not None
    return NewLink(uid, created.reference)


def _jsonb(value: dict[str, Any] | None) -> Jsonb | None:
    return None if value is None else Jsonb(value)


@dataclass(frozen=True)
class NewLink:
    uid: str
    reference: str


# The reference: the client's prefix, its counter zero-padded to 6 digits (more once past 999999), SB in
# the sandbox.
_CREATE = (  # a driver statement (platform.db)
    """
    WITH counter AS (
        UPDATE payment_clients SET reference_sequence = reference_sequence + 1
        WHERE id = %(client_id)s RETURNING reference_sequence AS n
    )
    INSERT INTO payment_transactions (
        id, uid, notification_id, client_id, application_id, reference, status, amount, currency, user_id, channel,
        external_id, created_by, custom_keys, processor_amounts, additional_data, return_url, locale,
        created_via, capture_mode, expires_at, attempts, authorized_amount, captured_amount, refunded_amount, created_at
    )
    SELECT %(id)s, %(uid)s, %(notification_id)s, %(client_id)s, %(application_id)s,
           %(prefix)s || CASE WHEN n >= 1000000 THEN n::text ELSE lpad(n::text, 6, '0') END
               || %(suffix)s,
           'pending', %(amount)s, %(currency)s, %(user_id)s, %(channel)s, %(external_id)s, %(created_by)s,
           %(custom_keys)s, %(processor_amounts)s, %(additional_data)s, %(return_url)s, %(locale)s, %(created_via)s,
           %(capture_mode)s, %(expires_at)s, 0, 0, 0, 0, %(now)s
    FROM counter
    RETURNING reference
    """
)


async def transaction_for_merchant(
    session: AsyncSession, merchant_slug: str, uid: str, *, lock: bool = False
) -> tuple[PaymentTransaction, PaymentClient]:
    """A link of the merchant's own client, else 404 (another merchant's link does not exist for it)."""
    statement = (
        readable(merchant_slug, PaymentTransaction).add_columns(PaymentClient).where(PaymentTransaction.uid == uid)
    )
    if lock:
        statement = statement.with_for_update(of=PaymentTransaction)
    row = (await session.execute(statement)).first()
    if row is None:
        raise ApiError(MW_ERRORS.NOT_FOUND, "No such transaction for this merchant.")
    return row[0], row[1]


async def notification_of(session: AsyncSession, transaction: PaymentTransaction) -> notifications.Delivery | None:
    """How the message carrying the link went; None for a link Migo does not send (web, app)."""
    if transaction.notification_id is None:
        return None
    return await notifications.delivery(session, transaction.notification_id)


async def transaction_by_uid(
    session: AsyncSession, uid: str, *, lock: bool = False
) -> tuple[PaymentTransaction, PaymentClient] | None:
    """A link as the hosted checkout opens it: the uid is the capability."""
    if len(uid) != UID_LENGTH or not uid.isalnum():
        return None
    statement = (
        select(PaymentTransaction, PaymentClient)
        .join(PaymentClient, PaymentClient.id == PaymentTransaction.client_id)
        .where(PaymentTransaction.uid == uid)
    )
    if lock:
        statement = statement.with_for_update(of=PaymentTransaction)
    row = (await session.execute(statement)).first()
    return (row[0], row[1]) if row else None


async def locked_link(
    session: AsyncSession, uid: str, merchant_slug: str | None
) -> tuple[PaymentTransaction, PaymentClient]:
    """A link with its row locked: the merchant's own when `merchant_slug` is given, else any (the hosted
    checkout, where the uid is the capability); 404 otherwise."""
    if merchant_slug is not None:
        return await transaction_for_merchant(session, merchant_slug, uid, lock=True)
    found = await transaction_by_uid(session, uid, lock=True)
    if found is None:
        raise ApiError(MW_ERRORS.NOT_FOUND, "No such payment link.")
    return found


async def locked_link_by_id(
    session: AsyncSession, transaction_id: uuid.UUID
) -> tuple[PaymentTransaction, PaymentClient]:
    """A link by its id (a job resolving what was left pending on it), its row locked."""
    row = (
        await session.execute(
            select(PaymentTransaction, PaymentClient)
            .join(PaymentClient, PaymentClient.id == PaymentTransaction.client_id)
            .where(PaymentTransaction.id == transaction_id)
            .with_for_update(of=PaymentTransaction)
            .execution_options(populate_existing=True)
        )
    ).one()
    return row[0], row[1]


def listing_statement(merchant_slug: str, status: str | None) -> Select[PaymentTransaction]:
    statement = readable(merchant_slug, PaymentTransaction)
    if status is not None:
        statement = statement.where(PaymentTransaction.status == status)
    return statement


def callback_data(transaction: PaymentTransaction) -> dict[str, Any]:
    """The Merchant Generic Callback body (seed 002: `{uid, reference, status, amount, currency, …}`), flat;
    the webhook adds eventId, eventType and occurredAt."""
    return {
        "uid": transaction.uid,
        "reference": transaction.reference,
        "status": transaction.status,
        "amount": int(transaction.amount),
        "currency": transaction.currency,
        "externalId": transaction.external_id,
        "customKeys": transaction.custom_keys,
        "userId": transaction.user_id,
        "channel": transaction.channel,
        "processor": transaction.processor,
        "installments": transaction.installments,
        "authorizationCode": transaction.authorization_code,
        "last4": transaction.last4,
        "brand": transaction.brand,
        "capturedAmount": int(transaction.captured_amount),
        "refundedAmount": int(transaction.refunded_amount),
    }


async def record_event(
    session: AsyncSession,
    transaction: PaymentTransaction,
    client: PaymentClient,
    event_type: str,
    **extra: Any,
) -> None:
    """The event a status change writes, in the same transaction (the webhooks deliver it)."""
    transaction.updated_at = clock.now()
    await events.record(
        session,
        event_type,
        client_slug=client.slug,
        subject_id=transaction.uid,
        data={**callback_data(transaction), **extra},
    )


EXPIRY_BATCH = 200


async def expire_unpaid_links(session: AsyncSession) -> int:
    """Expire pending links past their lifetime (one batch); a link whose payment is being confirmed waits."""
    now = clock.now()
    in_flight = select(PaymentAttempt.id).where(
        PaymentAttempt.transaction_id == PaymentTransaction.id, PaymentAttempt.status == "pending"
    )
    unpaid = (
        await session.execute(
            select(PaymentTransaction, PaymentClient)
            .join(PaymentClient, PaymentClient.id == PaymentTransaction.client_id)
            .where(PaymentTransaction.status == "pending", PaymentTransaction.expires_at <= now, ~in_flight.exists())
            .limit(EXPIRY_BATCH)
            .with_for_update(of=PaymentTransaction, skip_locked=True)
        )
    ).all()
    for transaction, client in unpaid:
        await expire(session, transaction, client)
    return len(unpaid)


async def expire(session: AsyncSession, transaction: PaymentTransaction, client: PaymentClient) -> None:
    """The link can no longer be paid or captured: `expired`, and the integrator hears it."""
    transaction.status = "expired"
    transaction.closed_at = clock.now()
    await record_event(session, transaction, client, "transaction.expired")
