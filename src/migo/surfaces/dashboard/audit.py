"""The audit log: the CMS audit list (`GET /cms/rest/audit`, `audit.read`) of the partner the viewer acts on,
newest first, filtered by operator, action, resource id and day (UTC), searched as the CMS searches it, each
record's before and after shown side by side."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from migo.backoffice import trail
from migo.backoffice.access import own_partner
from migo.platform.errors import ERRORS, ApiError
from migo.platform.pagination import PageRequest, SortOrder
from migo.platform.routing import DbSession, MigoRoute

from .pages import days_between, render
from .viewer import Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

PAGE_SIZE = 50
SignedIn = Annotated[Viewer, Depends(viewer)]
Text = Annotated[str, Query(max_length=120)]
Value = TypeVar("Value")


def _parsed(field: str, text: str, parse: Callable[[str], Value]) -> Value | None:
    """A filter's value (None when left empty); one that does not parse is the form's error, named (400)."""
    if not text.strip():
        return None
    try:
        return parse(text.strip())
    except ValueError:
        raise ApiError(ERRORS.VALIDATION_ERROR, f"{field}: not a valid value.") from None


@router.get("/audit", name="dashboard_audit")
async def list_audit(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    q: Text = "",
    operator: Text = "",
    action: Text = "",
    resource: Text = "",
    since: Annotated[str, Query(alias="from", max_length=10)] = "",
    until: Annotated[str, Query(alias="to", max_length=10)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    seen.need("audit.read")
    operator_id = _parsed("operator", operator, uuid.UUID)
    first, last = _parsed("from", since, date.fromisoformat), _parsed("to", until, date.fromisoformat)
    # As the CMS: an operator's own partner as it is; another (a platform operator's choice) through its scope.
    partner = seen.partner_id
    if partner != seen.operator.partner_id:
        partner = await own_partner(session, seen.operator, partner)
    statement = trail.listing(
        partner,
        operator_id,
        action.strip() or None,
        resource.strip() or None,
        *days_between(first, last),
    )
    wanted = PageRequest(page=page, limit=PAGE_SIZE, sort_by="at", sort_order=SortOrder.DESC, search_text=q or None)
    found, meta = await trail.RECORDS.fetch(session, statement, wanted)
    filters = {"q": q, "operator": operator, "action": action, "resource": resource, "from": since, "to": until}
    items = await trail.shown(session, found)
    return render(request, "audit.html", seen, items=items, meta=meta, filters=filters)
