"""The back office's one tenant-scoping helper: an operator reads its own partner's records, no other's."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select

from .models import AuditRecord


def readable(partner_id: uuid.UUID, model: type[AuditRecord]) -> Select[AuditRecord]:
    """The rows of `model` that belong to the partner."""
    return select(model).where(model.partner_id == partner_id)
