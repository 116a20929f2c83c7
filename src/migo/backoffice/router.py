"""The back office's CMS endpoints: parse, call the service, answer."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query

from migo.identity.auth import require_permission
from migo.identity.principals import OperatorPrincipal
from migo.platform.envelope import CustomResponse, ok
from migo.platform.pagination import Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute

from . import trail
from .schemas import AuditRecordOut

router = APIRouter(route_class=MigoRoute, tags=["Audit"])


@router.get("/audit", response_model=CustomResponse[Page[AuditRecordOut]])
async def list_audit_records(
    session: DbSession,
    operator: OperatorPrincipal = require_permission("audit.read"),
    operatorId: Annotated[uuid.UUID | None, Query(description="Only this operator's.")] = None,
    action: Annotated[str | None, Query(max_length=120, description="Only this operation: `approveLead`.")] = None,
    resourceId: Annotated[str | None, Query(max_length=100, description="Only calls naming this id.")] = None,
    atFrom: Annotated[datetime | None, Query(description="At or after this instant.")] = None,
    atTo: Annotated[datetime | None, Query(description="Before this instant.")] = None,
    page: PageRequest = trail.RECORDS.params(),
) -> Any:
    """The partner's audit trail, newest first: every CMS call that changed something (or tried to) and every
    read of sensitive data. `searchText` matches the operation and the route."""
    statement = trail.listing(operator.partner_id, operatorId, action, resourceId, atFrom, atTo)
    found, meta = await trail.RECORDS.fetch(session, statement, page)
    return ok(Page[AuditRecordOut](items=[AuditRecordOut.model_validate(record) for record in found], meta=meta))
