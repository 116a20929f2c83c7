"""What the rest of Migo asks of payments: its one entry point. The sandbox, the `migo` command, the
database set-up and the benchmark configure merchants and BINs through it; no one else reads payments' tables.

- a merchant's Payment Link client: `configure_client` with its `ClientTerms` and `ProcessorTerms`,
  `client_exists`; the amount range of one of its hook key pairs: `scope_key_pair`;
- BIN ranges: `read_bin_csv`, `load_bins`, `load_shipped_bins_if_empty`;
- the sandbox processor's test cards: `TEST_CARDS`, `THREE_DS_PASS_CODE`;
- the ledger's verification: `MOVEMENT_SOURCES` (payment links, acquirer settlements);
- saved cards and charges to them (subscriptions): `verify_card`, `complete_verification`, `find_saved_card`,
  `saved_card_by_id`, `merchant_client`, `create_charge`, `pay_saved_card`, `charge_state`, `transaction_view`;
- the ledger account of what a processor owes for the card payments it took (a terminal's sales are booked out
  of it as a link's captures are): `processor_clearing_account`;
- a client linked to a business of the merchants domain, whose settlements take its captures: `link_client`,
  `linked_clients`, `businesses_with_unsettled`, `claim_for_settlement` (its `LinkMovement`s), `release_claims`;
- a link that sells a subscription (its hosted page is the subscriptions'): `checkout_link`, `close_subscribed_link`;
- a processor's settlement file, conciliated by the back office: `configurable_processors` (the processors that
  may send one), the partner's links by their processor reference, `link_by_processor_reference`, and those
  captured in a period, `links_captured_between`, as `ProcessorPayment`s.
- a partner's back office: the links of its clients in the CMS's transaction search (`partner_link_payments`),
  one of them (`partner_link_payment`) and its steps (`partner_link_steps`, `LinkStep`s), an operator's refund
  of one (`refund_for_partner`) or capture (`capture_for_partner`) and a link it makes for one of the partner's
  clients (`create_link_for_partner`, with its `LinkFields`; its `link_url`); the clients configured for the
  partner (`PARTNER_CLIENTS`, `partner_client_page`, `partner_client_slugs`), one of them
  (`partner_client_terms`), and an operator's change of one under `configure_client`'s rules
  (`reconfigure_partner_client`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock
from migo.platform.db import database
from migo.platform.errors import ApiError

from . import checkout, clients, links
from .access import partner_client
from .back_office import (
    LinkStep,
    PartnerLinkPayment,
    capture_for_partner,
    create_link_for_partner,
    partner_link_payment,
    partner_link_payments,
    partner_link_steps,
    refund_for_partner,
)
from .bins import load as load_bins
from .bins import load_shipped_if_empty as load_shipped_bins_if_empty
from .bins import read_csv as read_bin_csv
from .business_captures import (
    LinkMovement,
    businesses_with_unsettled,
    claim_for_settlement,
    link_client,
    linked_clients,
    release_claims,
)
from .clients import CheckoutField, ClientTerms, ProcessorTerms, configurable_processors, configure_client
from .errors import PAYMENT_ERRORS
from .key_pairs import scope_key_pair
from .links import link_url
from .models import PaymentAttempt, PaymentClient, PaymentTransaction
from .partner_clients import (
    PARTNER_CLIENTS,
    ClientChange,
    partner_client_page,
    partner_client_slugs,
    partner_client_terms,
    reconfigure_partner_client,
)
from .processor_records import ProcessorPayment, link_by_processor_reference, links_captured_between
from .processors import DECLINE_REASONS, CardData
from .reconciliation import MOVEMENT_SOURCES
from .saved_cards import (
    SavedCardView,
    Verification,
    complete_verification,
    find_saved_card,
    saved_card_by_id,
    verify_card,
)
from .schemas import LinkFields, TransactionOut
from .testcards import TEST_CARDS, THREE_DS_PASS_CODE
from .web import customer_message, link_language

__all__ = [
    "DECLINE_REASONS",
    "MOVEMENT_SOURCES",
    "PARTNER_CLIENTS",
    "PAYMENT_ERRORS",
    "TEST_CARDS",
    "THREE_DS_PASS_CODE",
    "CardData",
    "CheckoutField",
    "ClientChange",
    "ClientTerms",
    "LinkFields",
    "LinkMovement",
    "LinkStep",
    "PartnerLinkPayment",
    "ProcessorPayment",
    "ProcessorTerms",
    "SavedCardView",
    "Verification",
    "businesses_with_unsettled",
    "capture_for_partner",
    "claim_for_settlement",
    "client_exists",
    "complete_verification",
    "configurable_processors",
    "configure_client",
    "create_link_for_partner",
    "customer_message",
    "find_saved_card",
    "is_client_of_partner",
    "link_by_processor_reference",
    "link_client",
    "link_language",
    "link_url",
    "linked_clients",
    "links_captured_between",
    "load_bins",
    "load_shipped_bins_if_empty",
    "partner_client_page",
    "partner_client_slugs",
    "partner_client_terms",
    "partner_link_payment",
    "partner_link_payments",
    "partner_link_steps",
    "processor_clearing_account",
    "read_bin_csv",
    "reconfigure_partner_client",
    "refund_for_partner",
    "release_claims",
    "saved_card_by_id",
    "scope_key_pair",
    "verify_card",
]


async def client_exists(session: AsyncSession, slug: str) -> bool:
    """Whether a Payment Link client with this slug was configured (by anyone: slugs are global)."""
    return bool(await session.scalar(select(exists().where(PaymentClient.slug == slug))))


async def is_client_of_partner(session: AsyncSession, partner_id: uuid.UUID, slug: str) -> bool:
    """Whether the Payment Link client with this slug is the partner's (an operator may be scoped to it)."""
    return await session.scalar(partner_client(partner_id, slug).with_only_columns(PaymentClient.id)) is not None


@dataclass(frozen=True)
class MerchantClient:
    """What another domain needs of a merchant's client: its currencies (the first the default) and amount range."""

    slug: str
    currencies: tuple[str, ...]
    min_amount: Decimal
    max_amount: Decimal

    def require_in_range(self, amount: Decimal) -> None:
        """2003 for an amount outside the client's range."""
        clients.require_amount_in_range(self.min_amount, self.max_amount, amount)


async def merchant_client(session: AsyncSession, client_slug: str, merchant_slug: str) -> MerchantClient:
    """The merchant's own active client named in a request, else 5004."""
    client = await clients.client_for_merchant(session, client_slug, merchant_slug)
    return MerchantClient(client.slug, tuple(client.currencies), client.min_amount, client.max_amount)


def read_card(number: Any, expiry: str, cvv: Any, holder_name: str | None) -> CardData:
    """A card as typed (sandbox API): checked as the checkout checks it, 5000 with the field otherwise."""
    return checkout.read_card(number, expiry, cvv, holder_name)


async def create_charge(
    session: AsyncSession,
    *,
    merchant_slug: str,
    application_id: uuid.UUID,
    amount: Decimal,
    currency: str,
    user_id: str,
    external_id: str | None,
    charge_data: dict[str, Any],
) -> str:
    """A transaction that will charge a saved card, in the caller's transaction; returns its uid."""
    client = await clients.client_for_merchant(session, merchant_slug, merchant_slug)
    created = await links.create_charge(
        session,
        client,
        application_id=application_id,
        amount=amount,
        currency=currency,
        user_id=user_id,
        external_id=external_id,
        charge_data=charge_data,
    )
    return created.uid


@dataclass(frozen=True)
class ChargeState:
    """Where a charge to a saved card stands: `approved`, `denied` (with its decline code), or `pending`
    (its processor answer is not recorded yet; `unpaid` when no attempt was made, or only attempts the
    recovery abandoned after cancelling them at the processor: it can be charged again)."""

    uid: str
    status: str
    decline_code: str | None
    unpaid: bool

    @property
    def decline_reason(self) -> str | None:
        return DECLINE_REASONS.get(self.decline_code or "") if self.decline_code else None


async def charge_state(session: AsyncSession, uid: str) -> ChargeState:
    row = (
        await session.execute(
            select(
                PaymentTransaction,
                # An abandoned attempt (its processor call cancelled by its key: nothing charged) does not count.
                select(PaymentAttempt.id)
                .where(PaymentAttempt.transaction_id == PaymentTransaction.id, PaymentAttempt.status != "abandoned")
                .exists(),
            ).where(PaymentTransaction.uid == uid)
        )
    ).one()
    transaction, attempted = row
    if transaction.status in ("approved", "refunded", "reversed"):  # paid (what became of it after is the refund's)
        return ChargeState(uid, "approved", None, unpaid=False)
    if transaction.status in ("denied", "expired"):  # expired: never paid within its lifetime (nothing charged)
        return ChargeState(uid, "denied", transaction.decline_code or "processing_error", unpaid=False)
    return ChargeState(uid, "pending", None, unpaid=not attempted)


async def pay_saved_card(uid: str, saved_card_id: uuid.UUID, *, as_of: datetime) -> ChargeState:
    """Charge the transaction `uid` with the saved card, once: a charge already paid or being paid (by a racing
    worker, or before a crash) is answered as it stands, never paid twice."""
    try:
        await checkout.pay_saved_card(uid, saved_card_id, as_of=as_of)
    except ApiError as refusal:
        if refusal.error not in (PAYMENT_ERRORS.TRANSACTION_NOT_PAYABLE, PAYMENT_ERRORS.PAYMENT_IN_PROGRESS):
            raise
    async with database.side_transaction() as session:
        return await charge_state(session, uid)


async def transaction_view(session: AsyncSession, merchant_slug: str, uid: str) -> TransactionOut:
    """A transaction of the merchant as `GET /transactions/{uid}` answers it."""
    transaction, client = await links.transaction_for_merchant(session, merchant_slug, uid)
    return TransactionOut.of(transaction, client.slug, links.link_url(transaction.uid))


@dataclass(frozen=True)
class CheckoutLink:
    """A link as a hosted page shows it (the uid is the capability): who sells, to whom, and what."""

    uid: str
    reference: str
    status: str  # as shown: a pending link past its lifetime is expired
    client_slug: str
    application_id: uuid.UUID
    merchant_name: str
    logo_url: str | None
    brand_color: str
    user_id: str
    external_id: str | None
    subscription_info: dict[str, Any]
    locale: str | None  # the link's own language (None: its partner's, else the browser's; see link_language)
    partner_id: uuid.UUID | None


async def checkout_link(uid: str) -> CheckoutLink | None:
    async with database.transaction() as session:
        found = await links.transaction_by_uid(session, uid)
    if found is None:
        return None
    transaction, client = found
    info = transaction.additional_data.get("subscriptionInfo")
    return CheckoutLink(
        uid=transaction.uid,
        reference=transaction.reference,
        status=checkout.shown_status(transaction),
        client_slug=client.slug,
        application_id=transaction.application_id,
        merchant_name=client.display_name,
        logo_url=client.logo_url,
        brand_color=client.brand_color,
        user_id=transaction.user_id,
        external_id=transaction.external_id,
        subscription_info=info if isinstance(info, dict) else {},
        locale=transaction.locale,
        partner_id=client.partner_id,
    )


async def close_subscribed_link(uid: str, subscription_id: uuid.UUID) -> None:
    """The link sold its subscription: `subscribed`, naming it in additionalData.subscriptionInfo; it can no
    longer be paid (a link already closed is left as it is)."""
    async with database.side_transaction() as session:
        transaction, _ = await links.locked_link(session, uid, None)
        if transaction.status != "pending":
            return
        info = dict(transaction.additional_data.get("subscriptionInfo") or {})
        info["subscriptionId"] = str(subscription_id)
        transaction.additional_data = {**transaction.additional_data, "subscriptionInfo": info}
        transaction.status, transaction.closed_at = "subscribed", clock.now()
        transaction.updated_at = clock.now()


async def lock_link(session: AsyncSession, uid: str) -> None:
    """Lock a link's row in the caller's transaction (what waits on it: a second start of its subscription)."""
    await links.locked_link(session, uid, None)


async def processor_clearing_account(session: AsyncSession, processor: str, currency: str) -> uuid.UUID:
    """What `processor` owes the platform for the card payments it approved (the on-us processor's is the
    ledger's on-us clearing account)."""
    return await clients.clearing_account(session, processor, currency)
