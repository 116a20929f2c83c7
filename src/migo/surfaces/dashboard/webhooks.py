"""The dashboard's webhooks: the endpoints of the Payment Link clients the viewer sees (a merchant's user, its own
client's; a partner's operator, the client it chooses among the partner's), an endpoint's delivery log with
every attempt, and what the Middleware API lets the merchant do to them: pause, resume, enable, replay an
event, and send a test event. `webhooks.read` to look, `webhooks.manage` to act; another client's endpoint, or
another partner's client, is not found (404). Secrets are never shown: an endpoint's page says whether it
signs and names its header, as the API does."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.auditing import file_under, name_resource, record_changes
from migo.platform.pagination import PageRequest, SortOrder
from migo.platform.routing import DbSession, MigoRoute
from migo.webhooks import service as hooks
from migo.webhooks.schemas import DeliveryOut, EndpointOut

from .clients import seen_client, visible_clients
from .pages import render
from .viewer import PATH, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

PAGE_SIZE = 25
SignedIn = Annotated[Viewer, Depends(viewer)]
Slug = Annotated[str, Path(max_length=100, pattern=r"^[A-Za-z0-9_.-]+$")]
Page = Annotated[int, Query(ge=1, le=100_000)]
# What each status action leaves the endpoint in, for the page's notice.
ACTIONS: dict[hooks.EndpointAction, str] = {"pause": "paused", "resume": "resumed", "enable": "enabled"}


async def _owner(session: AsyncSession, seen: Viewer, slug: str) -> hooks.Owner:
    """The owner of a client's endpoints, when the viewer sees that client (404 otherwise)."""
    return hooks.Owner(client_slug=await seen_client(session, seen, slug))


def _endpoint_path(slug: str, endpoint_id: uuid.UUID) -> str:
    return f"{PATH}/webhooks/{quote(slug)}/{endpoint_id}"


def _audit(request: Request, seen: Viewer, endpoint: EndpointOut, **changes: tuple[object, object]) -> None:
    """The action's audit record: in the trail of the partner the pages act on, named by the endpoint's address
    (no query: a URL's query may carry a token)."""
    file_under(request, seen.partner_id)
    address = urlsplit(endpoint.url)
    name_resource(request, f"{address.netloc}{address.path}")
    record_changes(request, **changes)


@router.get("/webhooks", name="list_webhook_endpoints")
async def list_endpoints(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    client: Annotated[str, Query(max_length=100)] = "",
    page: Page = 1,
) -> Response:
    """The chosen client's endpoints (the first client when none is chosen), with their status and events."""
    seen.need("webhooks.read")
    clients = await visible_clients(session, seen)
    chosen = client or (clients[0].slug if clients else "")
    if not chosen:
        return render(request, "webhooks.html", seen, clients=[], chosen="", endpoints=[], meta=None)
    owner = await _owner(session, seen, chosen)
    wanted = PageRequest(page=page, limit=PAGE_SIZE, sort_by="createdAt", sort_order=SortOrder.DESC, search_text=None)
    found, meta = await hooks.ENDPOINTS.fetch(session, hooks.endpoints_statement(owner), wanted)
    endpoints = [EndpointOut.of(endpoint) for endpoint in found]
    return render(request, "webhooks.html", seen, clients=clients, chosen=chosen, endpoints=endpoints, meta=meta)


@router.get("/webhooks/{slug}/{endpointId}", name="show_webhook_endpoint")
async def show_endpoint(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    slug: Slug,
    endpoint_id: Annotated[uuid.UUID, Path(alias="endpointId")],
    page: Page = 1,
    done: Annotated[str | None, Query(max_length=20)] = None,
    event: Annotated[uuid.UUID | None, Query()] = None,
) -> Response:
    """The endpoint and its delivery log, newest first: each delivery's event and every attempt (time, status
    code, latency, the start of the answer's body)."""
    seen.need("webhooks.read")
    owner = await _owner(session, seen, slug)
    endpoint = await hooks.get_endpoint(session, owner, endpoint_id)
    wanted = PageRequest(page=page, limit=PAGE_SIZE, sort_by="createdAt", sort_order=SortOrder.DESC, search_text=None)
    found, meta = await hooks.DELIVERIES.fetch(session, hooks.deliveries_statement(endpoint), wanted)
    attempts = await hooks.attempts_of(session, [delivery.id for delivery in found])
    return render(
        request,
        "webhook_endpoint.html",
        seen,
        slug=slug,
        endpoint=EndpointOut.of(endpoint),
        deliveries=[DeliveryOut.of(delivery, attempts[delivery.id]) for delivery in found],
        event_types=await hooks.event_types(session, owner, [delivery.event_id for delivery in found]),
        meta=meta,
        done=done,
        event=event,
        may_manage=seen.may("webhooks.manage"),
    )


@router.post("/webhooks/{slug}/{endpointId}/status/{action}", name="change_webhook_endpoint_status")
async def change_status(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    slug: Slug,
    endpoint_id: Annotated[uuid.UUID, Path(alias="endpointId")],
    action: Literal["pause", "resume", "enable"],
) -> Response:
    """Pause (deliveries queue), resume, or enable after a 410 Gone: the Middleware's `…/pause|resume|enable`."""
    seen.need("webhooks.manage")
    owner = await _owner(session, seen, slug)
    before = (await hooks.get_endpoint(session, owner, endpoint_id)).status
    endpoint = EndpointOut.of(await hooks.change_status(session, owner, endpoint_id, action))
    _audit(request, seen, endpoint, status=(before, endpoint.status))
    return RedirectResponse(f"{_endpoint_path(slug, endpoint_id)}?done={ACTIONS[action]}", status_code=303)


@router.post("/webhooks/{slug}/{endpointId}/test", name="send_webhook_test_event")
async def send_test_event(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    slug: Slug,
    endpoint_id: Annotated[uuid.UUID, Path(alias="endpointId")],
) -> Response:
    """A `webhook.test` event to this endpoint alone; it shows in the delivery log like any other."""
    seen.need("webhooks.manage")
    owner = await _owner(session, seen, slug)
    event_id = await hooks.send_test_event(session, owner, endpoint_id)
    endpoint = EndpointOut.of(await hooks.get_endpoint(session, owner, endpoint_id))
    _audit(request, seen, endpoint, eventId=(None, str(event_id)))
    return RedirectResponse(f"{_endpoint_path(slug, endpoint_id)}?done=tested&event={event_id}", status_code=303)


@router.post("/webhooks/{slug}/{endpointId}/replay", name="replay_webhook_event")
async def replay_event(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    slug: Slug,
    endpoint_id: Annotated[uuid.UUID, Path(alias="endpointId")],
    event_id: Annotated[uuid.UUID, Form(alias="eventId")],
) -> Response:
    """Deliver one of the log's events again to this endpoint, with the same eventId (the Middleware's
    `POST /v1/events/{eventId}/replay {endpointId}`)."""
    seen.need("webhooks.manage")
    owner = await _owner(session, seen, slug)
    [delivery] = await hooks.replay_event(session, owner, event_id, endpoint_id)
    endpoint = EndpointOut.of(await hooks.get_endpoint(session, owner, endpoint_id))
    _audit(request, seen, endpoint, eventId=(None, str(event_id)), deliveryId=(None, str(delivery.id)))
    return RedirectResponse(f"{_endpoint_path(slug, endpoint_id)}?done=replayed&event={event_id}", status_code=303)
