"""The back office's tenant scoping, in one place: an operator reads its own partner's records, no other's
(`readable`), names only a partner its scope holds (`own_partner`): its own (scope `partner`), any
(`global`: an operator of the platform's partner), none (`client`: one Payment Link client's payments only);
it sees the partners `visible_partners` selects, names only its partner's companies (`own_company`), and does
what only a global operator may after `require_global`."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.identity.errors import IDENTITY_ERRORS
from migo.identity.principals import OperatorPrincipal
from migo.platform.errors import ApiError

from .errors import BACKOFFICE_ERRORS, PARTNER_ERRORS
from .models import AuditRecord


def readable(partner_id: uuid.UUID, model: type[AuditRecord]) -> Select[AuditRecord]:
    """The rows of `model` that belong to the partner."""
    return select(model).where(model.partner_id == partner_id)


async def own_partner(session: AsyncSession, operator: OperatorPrincipal, partner_id: uuid.UUID) -> uuid.UUID:
    """The partner an operator names, when its scope holds that partner's objects. Any other does not exist for
    it (404/7812), so that nothing tells it that partner exists. Every partner check of the back office (a
    `/app/partners/{partnerId}/…` path, a `partnerId` filter) goes through here."""
    if operator.scope == "client":  # one client's payments: no partner's objects
        raise ApiError(IDENTITY_ERRORS.PARTNER_NOT_FOUND)
    return await identity.acting_partner(session, operator, partner_id)


async def own_company(session: AsyncSession, partner_id: uuid.UUID, company_id: uuid.UUID) -> uuid.UUID:
    """A company named in a body (`companyId`) that the partner manages; another partner's, or none, is
    404/7850."""
    if company_id not in await identity.company_ids_of_partner(session, partner_id):
        raise ApiError(BACKOFFICE_ERRORS.COMPANY_NOT_FOUND, "companyId: the partner has no such company.")
    return company_id


def visible_partners(operator: OperatorPrincipal) -> Select[uuid.UUID]:
    """The ids of the partners an operator sees, as a subquery: its own; a global operator, every one."""
    return identity.partner_ids(None if operator.scope == "global" else operator.partner_id)


def require_global(operator: OperatorPrincipal) -> None:
    """What only a global operator (the platform's) may do, such as creating a partner: 403/7840 to others."""
    if operator.scope != "global":
        raise ApiError(PARTNER_ERRORS.GLOBAL_SCOPE_REQUIRED)
