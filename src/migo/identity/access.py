"""The identity domain's one tenant-scoping helper: every read of a tenant's rows goes through `readable` (or
`partner_messages`, the messages sent to a partner's operators, `partner_applications`, a partner's applications,
and `client_applications` and `client_merchant_tokens`, a Payment Link client's), and every partner an operator
names goes through `acting_partner`.

A company's cardholders and the messages sent to them, an application's signing keys and merchant tokens, a
partner's operators, roles (beside the system roles every partner is offered), companies and applications: another
tenant's id answers as if it did not exist.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.errors import ApiError

from .errors import IDENTITY_ERRORS
from .models import (
    Application,
    Company,
    MerchantToken,
    Operator,
    OutboundMessage,
    Partner,
    Role,
    SigningKey,
    User,
)
from .principals import OperatorPrincipal

Row = TypeVar("Row", User, OutboundMessage, SigningKey, MerchantToken, Operator, Role, Company)


def readable(model: type[Row], tenant: uuid.UUID) -> Select[Row]:
    """The rows of `model` that belong to `tenant`: a company (users, messages), an application (signing
    keys, merchant tokens) or a partner (operators, roles, companies)."""
    return select(model).where(_owned_by(model, tenant))


def _owned_by(model: type[Row], tenant: uuid.UUID) -> ColumnElement[bool]:
    if model is User:
        return User.company_id == tenant
    if model is OutboundMessage:
        return OutboundMessage.company_id == tenant
    if model is SigningKey:
        return SigningKey.application_id == tenant
    if model is MerchantToken:
        return MerchantToken.application_id == tenant
    if model is Operator:
        return Operator.partner_id == tenant
    if model is Company:
        return Company.partner_id == tenant
    return or_(Role.partner_id.is_(None), Role.partner_id == tenant)


def partner_messages(partner: uuid.UUID) -> Select[OutboundMessage]:
    """The messages sent to a partner's operators (`readable(OutboundMessage, …)` is a company's cardholders')."""
    return select(OutboundMessage).where(OutboundMessage.partner_id == partner)


def partner_cardholders(partner: uuid.UUID) -> Select[User]:
    """The cardholders of every company a partner manages: what its back-office operators read."""
    return select(User).join(Company, Company.id == User.company_id).where(Company.partner_id == partner)


def partner_applications(partner: uuid.UUID, client_slugs: Collection[str]) -> Select[Application]:
    """A partner's applications: its CMS applications and its companies' Gateway applications (both carry the
    partner), and the Middleware applications of the Payment Link clients `client_slugs`, the partner's own."""
    merchants = and_(Application.kind == "middleware", Application.client_slug.in_(list(client_slugs)))
    return select(Application).where(or_(Application.partner_id == partner, merchants))


async def acting_partner(
    session: AsyncSession, operator: OperatorPrincipal, partner_id: uuid.UUID | None = None
) -> uuid.UUID:
    """The partner an operator acts on: the one it names when its scope holds it (a global operator's, any
    partner; another's, its own), its own when it names none. A partner outside its scope does not exist for
    it (404/7812), so that nothing tells it that partner exists."""
    if partner_id is None or partner_id == operator.partner_id:
        return operator.partner_id
    if operator.scope == "global" and await session.get(Partner, partner_id) is not None:
        return partner_id
    raise ApiError(IDENTITY_ERRORS.PARTNER_NOT_FOUND)


def client_merchant_tokens(client_slug: str) -> Select[MerchantToken]:
    """The merchant tokens of every Middleware application of a Payment Link client: what its back office manages."""
    return (
        select(MerchantToken)
        .join(Application, Application.id == MerchantToken.application_id)
        .where(Application.kind == "middleware", Application.client_slug == client_slug)
    )


def client_applications(client_slug: str) -> Select[Application]:
    """A Payment Link client's Middleware applications (what a link made for the client is made on behalf of)."""
    return select(Application).where(Application.kind == "middleware", Application.client_slug == client_slug)
