"""What the other domains ask of identity: its one entry point. They never read identity's tables.

- cardholders: `get_cardholder` (of a company, else 7100), `cardholder_for_activation` (the webview's
  link), `cardholder_name` (a statement's holder); registering them in bulk: `CardholderDetails`,
  `register_cardholder_once`;
- companies: `company_name` (the issuer a merchant's settlement report names), `partner_of_company` (whose
  Payment Link clients a company may link to its businesses);
- a partner's cardholders, for its back office: `PARTNER_CARDHOLDERS` (a list), `partner_cardholders`,
  `partner_cardholder`, and an operator's block of one (`block_cardholder`, `unblock_cardholder`);
- one-time codes: `verify_otp` (a PIN reset spends one);
- partners: `acting_partner` (the partner an operator names, when its scope holds it), `partner_locale` (the
  language its hosted pages and statements speak by default),
  `company_ids_of_partner` (what a back-office operator's partner manages, for the domains that scope a CMS
  read to it); for the back office's partner pages, the partners in a scope (`PARTNERS`, `partner_ids`,
  `partners`), one with its companies and applications (`partner_overview`), `create_partner` and
  `update_partner` with their `TokenLifetimes`, a partner's new company (`add_partner_company`) and
  application (`add_partner_application`, its `NewApplication` with the secret);
- the Payment Link hook's key pair (`KeyPair`): `authenticate_key_pair`, and its amount range: `key_pair`,
  `set_key_pair_range`; a client's Middleware application (`merchant_application_id`);
- a client's merchant tokens, for its back office: `MERCHANT_TOKENS` (a list), `client_merchant_tokens`,
  `issue_client_merchant_token`, `revoke_client_merchant_token`, `rotate_client_merchant_token`.

Who is calling is in `principals` (values) and `auth` (the surfaces' FastAPI dependencies).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.errors import ERRORS, ApiError
from migo.platform.pagination import Listing

from . import access, merchant_tokens
from .access import acting_partner, readable
from .applications import (
    KeyPair,
    NewApplication,
    PartnerApplicationKind,
    add_partner_application,
    add_partner_company,
    authenticate_key_pair,
    create_partner,
    key_pair,
    merchant_application_id,
    set_key_pair_range,
)
from .cardholders import TABLES as CARDHOLDER_TABLES
from .cardholders import BlockState, CardholderDetails
from .cardholders import block as block_cardholder
from .cardholders import get as get_cardholder
from .cardholders import register_once as register_cardholder_once
from .cardholders import unblock as unblock_cardholder
from .errors import IDENTITY_ERRORS
from .merchant_tokens import MERCHANT_TOKENS, NewMerchantToken
from .models import Company, MerchantToken, Operator, Partner, User
from .partners import (
    PARTNERS,
    PartnerChange,
    PartnerOverview,
    TokenLifetimes,
    partner_ids,
    partner_overview,
    partners,
    update_partner,
)
from .users import verify_otp

__all__ = [
    "CARDHOLDER_TABLES",
    "MERCHANT_TOKENS",
    "PARTNERS",
    "PARTNER_CARDHOLDERS",
    "ActivationHolder",
    "BlockState",
    "CardholderDetails",
    "KeyPair",
    "NewApplication",
    "NewMerchantToken",
    "PartnerApplicationKind",
    "PartnerChange",
    "PartnerOverview",
    "TokenLifetimes",
    "acting_partner",
    "add_partner_application",
    "add_partner_company",
    "authenticate_key_pair",
    "block_cardholder",
    "cardholder_among",
    "cardholder_for_activation",
    "cardholder_name",
    "client_merchant_tokens",
    "company_ids_of_partner",
    "company_name",
    "create_partner",
    "get_cardholder",
    "issue_client_merchant_token",
    "key_pair",
    "merchant_application_id",
    "partner_cardholder",
    "partner_cardholders",
    "partner_ids",
    "partner_locale",
    "partner_of_company",
    "partner_overview",
    "partners",
    "register_cardholder_once",
    "revoke_client_merchant_token",
    "rotate_client_merchant_token",
    "set_key_pair_range",
    "unblock_cardholder",
    "update_partner",
    "verify_otp",
]


@dataclass(frozen=True)
class ActivationHolder:
    """The cardholder an activation link names, as the webview greets them."""

    user_id: uuid.UUID
    company_id: uuid.UUID
    company_name: str
    locale: str | None  # the company's partner's, in which the page speaks


async def cardholder_for_activation(session: AsyncSession, user_id: uuid.UUID) -> ActivationHolder | None:
    """The active cardholder of an activation link (the link carries the user id: it is the capability)."""
    row = (
        await session.execute(
            select(User.id, User.company_id, Company.name, Partner.locale)
            .join(Company, Company.id == User.company_id)
            .join(Partner, Partner.id == Company.partner_id)
            .where(User.id == user_id, User.status == "active")
        )
    ).first()
    return ActivationHolder(row[0], row[1], row[2], row[3]) if row else None


async def cardholder_name(session: AsyncSession, company_id: uuid.UUID, user_id: uuid.UUID) -> str | None:
    """A cardholder's full name (a statement's holder), or None."""
    row = (
        await session.execute(
            readable(User, company_id).with_only_columns(User.first_name, User.last_name).where(User.id == user_id)
        )
    ).first()
    return f"{row[0]} {row[1]}" if row else None


async def company_name(session: AsyncSession, company_id: uuid.UUID) -> str:
    """The company's name (a report's issuer)."""
    name = await session.scalar(select(Company.name).where(Company.id == company_id))
    assert name is not None  # the caller holds the company's own id
    return name


async def company_ids_of_partner(session: AsyncSession, partner_id: uuid.UUID) -> list[uuid.UUID]:
    """The ids of the companies a partner manages: a CMS operator of the partner sees their objects, and no
    other company's."""
    return list(await session.scalars(readable(Company, partner_id).with_only_columns(Company.id)))


async def partner_of_company(session: AsyncSession, company_id: uuid.UUID) -> uuid.UUID:
    """The partner that manages the company (its Payment Link clients are the partner's)."""
    partner_id = await session.scalar(select(Company.partner_id).where(Company.id == company_id))
    assert partner_id is not None  # the caller holds the company's own id
    return partner_id


async def partner_locale(session: AsyncSession, partner_id: uuid.UUID) -> str | None:
    """The language the partner's hosted pages and statements speak by default, or None (the reader's)."""
    return await session.scalar(select(Partner.locale).where(Partner.id == partner_id))


async def operator_usernames(session: AsyncSession, operator_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The usernames of these operators, whatever their partner: the callers hold ids read from their own
    partner's records (an audit record names a platform operator's id too, and shows its username)."""
    wanted = set(operator_ids)
    if not wanted:
        return {}
    found = await session.execute(select(Operator.id, Operator.username).where(Operator.id.in_(wanted)))
    return {operator_id: username for operator_id, username in found}


PARTNER_CARDHOLDERS = Listing(
    name="PartnerCardholders",
    sortable={"createdAt": lambda: User.created_at, "lastName": lambda: User.last_name},
    default_sort="createdAt",
    searchable=(
        lambda: User.first_name,
        lambda: User.last_name,
        lambda: User.email,
        lambda: User.phone,
        lambda: User.document_number,
        lambda: User.external_id,
    ),
    tiebreaker=lambda: User.id,
)


def partner_cardholders(partner_id: uuid.UUID, status: str | None = None) -> Select[User]:
    """The cardholders of the partner's companies (`searchText` of PARTNER_CARDHOLDERS: names, email, phone,
    document number, external id)."""
    statement = access.partner_cardholders(partner_id)
    return statement.where(User.status == status) if status is not None else statement


def cardholder_among(user_ids: list[uuid.UUID]) -> ColumnElement[bool]:
    """A search condition of PARTNER_CARDHOLDERS: the cardholder is one of these (found by another domain)."""
    return User.id.in_(user_ids)


async def partner_cardholder(session: AsyncSession, partner_id: uuid.UUID, user_id: uuid.UUID) -> User:
    """One cardholder of the partner's companies; another partner's, or none, is 7100."""
    user = await session.scalar(access.partner_cardholders(partner_id).where(User.id == user_id))
    if user is None:
        raise ApiError(IDENTITY_ERRORS.USER_NOT_FOUND)
    return user


def client_merchant_tokens(client_slug: str) -> Select[MerchantToken]:
    """The merchant tokens of the client's Middleware applications (a list of MERCHANT_TOKENS)."""
    return access.client_merchant_tokens(client_slug)


async def issue_client_merchant_token(session: AsyncSession, client_slug: str) -> NewMerchantToken:
    """A new merchant token for the client's Middleware application (its first, as links made for the client
    from the back office are); a client without one is 409."""
    application_id = await merchant_application_id(session, client_slug)
    if application_id is None:
        raise ApiError(ERRORS.CONFLICT, "The client has no Middleware application to issue a merchant token for.")
    return await merchant_tokens.issue(session, application_id)


async def revoke_client_merchant_token(session: AsyncSession, client_slug: str, token_id: uuid.UUID) -> MerchantToken:
    """Revoke one of the client's merchant tokens; another client's, or none, is 404."""
    return await merchant_tokens.revoke(session, access.client_merchant_tokens(client_slug), token_id)


async def rotate_client_merchant_token(
    session: AsyncSession, client_slug: str, token_id: uuid.UUID
) -> NewMerchantToken:
    """Replace one of the client's merchant tokens (merchant_tokens.rotate); another client's, or none, is 404."""
    return await merchant_tokens.rotate(session, access.client_merchant_tokens(client_slug), token_id)
