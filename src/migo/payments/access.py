"""The payments domain's one tenant-scoping helper: a merchant reads its own client's rows and no other's.

Every merchant read goes through `readable`; another merchant's link, suspension or operation answers as if
it did not exist. (The hosted checkout opens a link by its uid, which is the capability: links.transaction_by_uid.
A merchant names its client by slug: clients.client_for_merchant accepts only its own. A company links a client
of its partner to one of its businesses: `partner_client`. A back-office operator of a partner configures the
partner's clients, `partner_clients`, and reads their links, `readable_by_partner`.)
"""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy import Select, select

from .models import PaymentClient, PaymentOperation, PaymentTransaction, SavedCard, Suspension

Row = TypeVar("Row", PaymentClient, PaymentTransaction, PaymentOperation, SavedCard, Suspension)


def readable(merchant_slug: str, model: type[Row]) -> Select[Row]:
    """The rows of `model` that belong to the merchant's client."""
    statement = select(model)
    if model is PaymentClient:
        return statement.where(PaymentClient.slug == merchant_slug)
    if model is PaymentOperation:
        statement = statement.join(PaymentTransaction, PaymentTransaction.id == PaymentOperation.transaction_id)
    client_of = {Suspension: Suspension.client_id, SavedCard: SavedCard.client_id}.get(
        model, PaymentTransaction.client_id
    )
    return statement.join(PaymentClient, PaymentClient.id == client_of).where(PaymentClient.slug == merchant_slug)


def partner_clients(partner_id: uuid.UUID) -> Select[PaymentClient]:
    """The clients configured for a partner: what its back office configures (one configured with no partner is
    no operator's)."""
    return select(PaymentClient).where(PaymentClient.partner_id == partner_id)


def partner_client(partner_id: uuid.UUID, slug: str) -> Select[PaymentClient]:
    """A client a partner's companies may link to their businesses: one of the partner's own."""
    return partner_clients(partner_id).where(PaymentClient.slug == slug)


def readable_by_partner(partner_id: uuid.UUID) -> Select[PaymentTransaction]:
    """The links of the partner's clients (a client configured with no partner is no operator's)."""
    return (
        select(PaymentTransaction)
        .join(PaymentClient, PaymentClient.id == PaymentTransaction.client_id)
        .where(PaymentClient.partner_id == partner_id)
    )
