"""The partner's operators on the dashboard: the list (`operators.read`), an invitation (`operators.manage`: a
code by email to set a password at /dashboard/password; for a merchant's user, scoped to one Payment Link
client), and disabling or enabling one; through the CMS's own operator_accounts, under the same grant rules
(nobody gives a role it could not hold, changes an operator who can do more, or disables itself)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from migo.identity import operator_accounts, roles
from migo.payments import service as payments
from migo.platform.auditing import name_resource, record_changes
from migo.platform.pagination import PageRequest, SortOrder
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.wire import EMAIL_PATTERN

from .pages import render
from .viewer import PATH, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

SignedIn = Annotated[Viewer, Depends(viewer)]


@router.get("/operators", name="list_operators")
async def list_operators(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    q: Annotated[str, Query(max_length=100)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    invited: Annotated[str, Query(max_length=150)] = "",
) -> Response:
    seen.need("operators.read")
    wanted = PageRequest(page=page, limit=25, sort_by="createdAt", sort_order=SortOrder.DESC, search_text=q or None)
    found, meta = await operator_accounts.OPERATORS.fetch(session, operator_accounts.listing(seen.partner_id), wanted)
    views = await operator_accounts.views(session, list(found))
    clients = await payments.partner_client_slugs(session, seen.partner_id)
    return render(
        request,
        "operators.html",
        seen,
        operators=views,
        meta=meta,
        q=q,
        roles=await roles.names_offered(session, seen.partner_id),
        clients=sorted(clients),
        invited=invited,
    )


@router.post("/operators", name="invite_operator")
async def invite_operator(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    username: Annotated[str, Form(min_length=3, max_length=150, pattern=r"^[A-Za-z0-9._@+-]+$")],
    email: Annotated[str, Form(max_length=254, pattern=EMAIL_PATTERN)],
    name: Annotated[str, Form(min_length=1, max_length=200)],
    role: Annotated[str, Form(min_length=1, max_length=60)],
    client: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """An invitation: the operator is `invited` until it sets its password with the emailed code."""
    seen.need("operators.manage")
    name_resource(request, username)
    await operator_accounts.create(
        session,
        seen.operator,
        seen.partner_id,
        username=username,
        email=email,
        name=name,
        role_names=[role],
        password=None,
        client_slug=client or None,
    )
    return RedirectResponse(f"{PATH}/operators?invited={username}", status_code=303)


@router.post("/operators/{operatorId}/status", name="change_operator_status")
async def change_operator_status(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    operatorId: uuid.UUID,  # noqa: N803 - the CMS route's path id, for the audit trail
    status: Annotated[Literal["active", "disabled"], Form()],
) -> Response:
    """Disable (its sessions end at once, the dashboard's and the API's) or enable an operator."""
    seen.need("operators.manage")
    found = await operator_accounts.get(session, seen.partner_id, operatorId)
    name_resource(request, found.username)
    before = found.status
    changed = await operator_accounts.update(session, seen.operator, seen.partner_id, operatorId, status=status)
    record_changes(request, status=(before, changed.status))
    return RedirectResponse(f"{PATH}/operators", status_code=303)
