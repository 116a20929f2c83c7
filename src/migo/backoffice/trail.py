"""Reading the audit trail: a partner's records, filtered and paginated."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, cast, func, literal_column
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.platform.pagination import Listing

from .access import readable
from .models import AuditRecord
from .schemas import AuditRecordOut

RECORDS = Listing(
    name="AuditRecords",
    sortable={"at": lambda: AuditRecord.at},
    default_sort="at",
    # The ids are matched in the path's JSONB as text: its keys are the route's own placeholders, matched anyway.
    searchable=(
        lambda: AuditRecord.action,
        lambda: AuditRecord.route,
        lambda: cast(AuditRecord.resource, Text),
        lambda: AuditRecord.resource_name,
    ),
    tiebreaker=lambda: AuditRecord.id,
)


def listing(
    partner_id: uuid.UUID,
    operator_id: uuid.UUID | None = None,
    action: str | None = None,
    resource_id: str | None = None,
    at_from: datetime | None = None,
    at_to: datetime | None = None,
) -> Select[AuditRecord]:
    statement = readable(partner_id, AuditRecord)
    if operator_id is not None:
        statement = statement.where(AuditRecord.operator_id == operator_id)
    if action is not None:
        statement = statement.where(AuditRecord.action == action)
    if resource_id is not None:
        # Any id of the path: one of the JSONB's values (the id passed as a jsonpath variable, never spliced).
        path: ColumnElement[Any] = literal_column("'$.* ? (@ == $id)'::jsonpath")
        named = func.jsonb_path_exists(AuditRecord.resource, path, func.jsonb_build_object("id", resource_id))
        statement = statement.where(named)
    if at_from is not None:
        statement = statement.where(AuditRecord.at >= at_from)
    if at_to is not None:
        statement = statement.where(AuditRecord.at < at_to)
    return statement


async def shown(session: AsyncSession, found: Sequence[AuditRecord]) -> list[AuditRecordOut]:
    """The records as the CMS and the dashboard show them: each with its operator's username, read in one query."""
    usernames = await identity.operator_usernames(session, (r.operator_id for r in found if r.operator_id))
    return [
        AuditRecordOut.model_validate(record).model_copy(
            update={"operator_username": usernames.get(record.operator_id) if record.operator_id else None}
        )
        for record in found
    ]
