"""The back office's tenant scoping, in one place: an operator reads its own partner's records, no other's
(`readable`), and names no partner but its own (`own_partner`)."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select

from migo.identity.errors import IDENTITY_ERRORS
from migo.identity.principals import OperatorPrincipal
from migo.platform.errors import ApiError

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
