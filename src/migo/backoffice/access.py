"""The back office's tenant scoping, in one place: an operator reads its own partner's records, no other's
(`readable`), names no partner but its own (`own_partner`), sees the partners `visible_partners` selects, and
does what only a platform operator may do after `require_global`."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select

from migo.identity import service as identity
from migo.identity.errors import IDENTITY_ERRORS
from migo.identity.principals import OperatorPrincipal
from migo.platform.errors import ApiError

from .errors import PARTNER_ERRORS
from .models import AuditRecord


def readable(partner_id: uuid.UUID, model: type[AuditRecord]) -> Select[AuditRecord]:
    """The rows of `model` that belong to the partner."""
    return select(model).where(model.partner_id == partner_id)


def own_partner(operator: OperatorPrincipal, partner_id: uuid.UUID) -> uuid.UUID:
    """The partner an operator names, when it may act for it: its own. Another partner does not exist for it
    (404/7812), so that nothing tells it that partner exists."""
    if partner_id != operator.partner_id:
        raise ApiError(IDENTITY_ERRORS.PARTNER_NOT_FOUND)
    return partner_id


def visible_partners(operator: OperatorPrincipal) -> Select[uuid.UUID]:
    """The ids of the partners an operator sees, as a subquery: its own (a platform operator, all of them)."""
    return identity.partner_ids(operator.partner_id)


def require_global(operator: OperatorPrincipal) -> None:
    """What only a platform operator may do (create a partner): 403/7840 to an operator of a partner. Every
    operator is a partner's today."""
    raise ApiError(PARTNER_ERRORS.GLOBAL_SCOPE_REQUIRED)
