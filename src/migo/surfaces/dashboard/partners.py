"""A platform operator's choice of the partner its pages act on: the partners it sees (the CMS's partner list,
`partners.read`), and the one it chooses, kept in its session. A partner's operator has its own only."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from migo.backoffice.access import visible_partners
from migo.identity import dashboard_sessions
from migo.identity import service as identity
from migo.platform.pagination import PageRequest, SortOrder
from migo.platform.routing import DbSession, MigoRoute

from .pages import render
from .viewer import PATH, Refused, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

SignedIn = Annotated[Viewer, Depends(viewer)]


@router.get("/partners", name="list_partners")
async def list_partners(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    q: Annotated[str, Query(max_length=100)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    seen.need("partners.read")
    if seen.operator.scope != "global":
        raise Refused("Only a platform operator chooses among partners.")
    wanted = PageRequest(page=page, limit=25, sort_by="name", sort_order=SortOrder.ASC, search_text=q or None)
    found, meta = await identity.PARTNERS.fetch(session, identity.partners(visible_partners(seen.operator)), wanted)
    return render(request, "partners.html", seen, partners=found, meta=meta, q=q)


@router.post("/partner", name="view_partner")
async def view_partner(
    session: DbSession, seen: SignedIn, partner_id: Annotated[uuid.UUID, Form(alias="partnerId")]
) -> Response:
    """The pages act on this partner from now on (404 for one outside the operator's scope)."""
    await dashboard_sessions.view_partner(session, seen.session_id, seen.operator, partner_id)
    return RedirectResponse(f"{PATH}/", status_code=303)
