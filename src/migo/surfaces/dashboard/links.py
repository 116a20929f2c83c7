"""Payment Links made from the dashboard (issue 17): a form (client, amount, currency, channel, customer), the
link made for the client through the merchant's own rules (payments.create_link_for_partner, on behalf of the
client's Middleware application, `createdBy` the operator), then its URL to copy and its QR code. Permission
`payment_links.create`; a merchant's user makes links for its own client only."""

from __future__ import annotations

from typing import Annotated

import segno
from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from migo.identity import service as identity
from migo.payments import service as payments
from migo.platform.envelope import describe_validation_errors
from migo.platform.errors import ERRORS, ApiError
from migo.platform.routing import DbSession, MigoRoute

from .pages import render
from .viewer import PATH, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

SignedIn = Annotated[Viewer, Depends(viewer)]
PERMISSION = "payment_links.create"


async def _clients(session: DbSession, seen: Viewer) -> list[payments.ClientTerms]:
    """The clients the viewer makes links for: a merchant's user its own; a partner's operator every one."""
    slugs = (
        [seen.operator.client_slug]
        if seen.operator.client_slug
        else await payments.partner_client_slugs(session, seen.partner_id)
    )
    found = [await payments.partner_client_terms(session, seen.partner_id, slug) for slug in sorted(slugs)]
    return [terms for terms in found if terms is not None]


@router.get("/links/new", name="new_payment_link")
async def new_link(
    request: Request, session: DbSession, seen: SignedIn, client: Annotated[str, Query(max_length=100)] = ""
) -> Response:
    seen.need(PERMISSION)
    clients = await _clients(session, seen)
    chosen = next((terms for terms in clients if terms.slug == client), clients[0] if clients else None)
    return render(request, "link_new.html", seen, clients=clients, chosen=chosen)


@router.post("/links", name="create_payment_link")
async def create_link(
    session: DbSession,
    seen: SignedIn,
    client: Annotated[str, Form(min_length=1, max_length=100)],
    amount: Annotated[str, Form(max_length=30)],
    channel: Annotated[str, Form(max_length=20)],
    user_id: Annotated[str, Form(alias="userId", max_length=200)],
    currency: Annotated[str, Form(max_length=10)] = "",
    external_id: Annotated[str, Form(alias="externalId", max_length=200)] = "",
) -> Response:
    seen.need(PERMISSION)
    if seen.operator.client_slug not in (None, client):
        raise ApiError(payments.PAYMENT_ERRORS.CLIENT_NOT_FOUND, f"client: no client {client!r} of yours.")
    try:
        fields = payments.LinkFields.model_validate(
            {
                "client": client,
                "amount": int(amount) if amount.strip().isdigit() else amount.strip(),  # links are whole units
                "channel": channel,
                "userId": user_id.strip(),
                "currency": currency or None,
                "externalId": external_id.strip() or None,
            }
        )
    except ValidationError as problem:
        raise ApiError(ERRORS.VALIDATION_ERROR, describe_validation_errors(problem.errors())) from None
    application_id = await identity.merchant_application_id(session, client)
    if application_id is None:
        raise ApiError(ERRORS.CONFLICT, f"client: {client!r} has no Middleware application to make links with.")
    made = await payments.create_link_for_partner(
        session, seen.partner_id, fields, application_id=application_id, created_by=seen.username
    )
    return RedirectResponse(f"{PATH}/payments/{made.uid}?created=1", status_code=303)


def qr_code(url: str) -> str:
    """The link's QR code as an SVG data URI (the pages' CSP allows `data:` images, no script)."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)
