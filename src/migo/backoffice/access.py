"""The back office's tenant scoping, in one place: an operator acts on its own partner only (`own_partner`), and
reads its own partner's records, no other's (`readable`)."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select

from migo.identity.errors import IDENTITY_ERRORS
from migo.identity.principals import OperatorPrincipal
from migo.platform.errors import ApiError

from .models import AuditRecord


def own_partner(operator: OperatorPrincipal, partner_id: uuid.UUID) -> uuid.UUID:
    """The partner a `/app/partners/{partnerId}/…` path names, if the operator may act on it: its own. Another
    partner does not exist for the operator (404/7812). Every partner check of the back office goes through
    here."""
    if partner_id != operator.partner_id:
        raise ApiError(IDENTITY_ERRORS.PARTNER_NOT_FOUND)
    return partner_id


def readable(partner_id: uuid.UUID, model: type[AuditRecord]) -> Select[AuditRecord]:
    """The rows of `model` that belong to the partner."""
    return select(model).where(model.partner_id == partner_id)
