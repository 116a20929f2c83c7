"""Webhook endpoints, events and replays: the same operations on the Middleware (a merchant client's, answered
bare under `/v1`) and on the Gateway (a company's, in the CustomResponse envelope)."""

# No `from __future__ import annotations`: the routes are built in a function and annotated with a local
# dependency alias, which FastAPI must see as a real type, not a string.
import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.params import Depends as DependsParam
from pydantic import Field

from migo.events.service import EVENTS
from migo.identity.auth import GatewayApp, GatewayIdempotent, Merchant, MerchantIdempotent
from migo.platform.envelope import CustomResponse, ok
from migo.platform.pagination import Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.wire import ApiModel

from . import inbound, service, signatures
from .schemas import (
    DeliveryOut,
    EndpointCreate,
    EndpointOut,
    EndpointUpdate,
    EndpointWithSecret,
    EventOut,
    ReplayOut,
    ReplayRequest,
    TestEventOut,
    TestEventRequest,
)
from .service import DELIVERIES, ENDPOINTS, Owner


def merchant_owner(merchant: Merchant) -> Owner:
    return Owner(client_slug=merchant.client_slug)


def company_owner(app: GatewayApp) -> Owner:
    return Owner(company_id=app.tenant_id)


def webhook_router(
    *, prefix: str, owner_of: Callable[..., Owner], idempotent: DependsParam, envelope: bool, tag: str
) -> APIRouter:
    """The routes for one surface: `envelope` wraps answers in CustomResponse (Gateway) or not (Middleware)."""
    router = APIRouter(route_class=MigoRoute, prefix=prefix, tags=[tag])
    OwnerDep = Annotated[Owner, Depends(owner_of)]  # noqa: N806 - a type alias

    def shape(model: Any) -> Any:
        return CustomResponse[model] if envelope else model

    def answer(data: Any, status: int = 200) -> Any:
        return ok(data, status) if envelope else data

    @router.post(
        "/webhook-endpoints", response_model=shape(EndpointWithSecret), status_code=201, dependencies=[idempotent]
    )
    async def create_webhook_endpoint(body: EndpointCreate, owner: OwnerDep, session: DbSession) -> Any:
        """Register where events go: the URL, the event types (`["*"]` for all), the static authentication
        header Migo sends (seed 002's Merchant Generic Callback), and optionally a Standard Webhooks signing
        secret (yours, or `generateSigningSecret: true`, shown once)."""
        generated = signatures.generate_secret() if body.generate_signing_secret else None
        secret = generated or body.signing_secret
        endpoint = await service.create_endpoint(
            session,
            owner,
            url=body.url,
            event_types=body.event_types,
            auth_header_name=body.auth_header_name,
            auth_header_value=body.auth_header_value,
            signing_secret=secret,
            description=body.description,
            body_template=body.body_template,
        )
        shown = generated.reveal() if generated else None  # a generated secret is shown this once
        return answer(EndpointWithSecret(**EndpointOut.of(endpoint).model_dump(), signing_secret=shown), 201)

    @router.get("/webhook-endpoints", response_model=shape(Page[EndpointOut]))
    async def list_webhook_endpoints(
        owner: OwnerDep, session: DbSession, page: PageRequest = ENDPOINTS.params()
    ) -> Any:
        found, meta = await ENDPOINTS.fetch(session, service.endpoints_statement(owner), page)
        return answer(Page[EndpointOut](items=[EndpointOut.of(e) for e in found], meta=meta))

    @router.get("/webhook-endpoints/{endpointId}", response_model=shape(EndpointOut))
    async def get_webhook_endpoint(endpointId: uuid.UUID, owner: OwnerDep, session: DbSession) -> Any:
        return answer(EndpointOut.of(await service.get_endpoint(session, owner, endpointId)))

    @router.patch("/webhook-endpoints/{endpointId}", response_model=shape(EndpointOut))
    async def update_webhook_endpoint(
        endpointId: uuid.UUID, body: EndpointUpdate, owner: OwnerDep, session: DbSession
    ) -> Any:
        """Change the URL, event types, authentication header or signing secret (the old secret keeps signing
        beside the new one for 24 hours)."""
        endpoint = await service.update_endpoint(session, owner, endpointId, body.changes())
        return answer(EndpointOut.of(endpoint))

    @router.delete("/webhook-endpoints/{endpointId}", status_code=204)
    async def delete_webhook_endpoint(endpointId: uuid.UUID, owner: OwnerDep, session: DbSession) -> Response:
        """Remove the endpoint; its queued deliveries are failed, its delivery log is kept."""
        await service.delete_endpoint(session, owner, endpointId)
        return Response(status_code=204)

    @router.post("/webhook-endpoints/{endpointId}/rotate-secret", response_model=shape(EndpointWithSecret))
    async def rotate_webhook_signing_secret(endpointId: uuid.UUID, owner: OwnerDep, session: DbSession) -> Any:
        """A new generated signing secret, shown once; the previous one keeps signing for 24 hours."""
        endpoint, secret = await service.rotate_secret(session, owner, endpointId)
        return answer(EndpointWithSecret(**EndpointOut.of(endpoint).model_dump(), signing_secret=secret.reveal()))

    @router.post("/webhook-endpoints/{endpointId}/pause", response_model=shape(EndpointOut))
    async def pause_webhook_endpoint(endpointId: uuid.UUID, owner: OwnerDep, session: DbSession) -> Any:
        """Hold deliveries: they queue (for up to 7 days) until the endpoint is resumed."""
        return answer(EndpointOut.of(await service.change_status(session, owner, endpointId, "pause")))

    @router.post("/webhook-endpoints/{endpointId}/resume", response_model=shape(EndpointOut))
    async def resume_webhook_endpoint(endpointId: uuid.UUID, owner: OwnerDep, session: DbSession) -> Any:
        """Deliver again, the queued deliveries first."""
        return answer(EndpointOut.of(await service.change_status(session, owner, endpointId, "resume")))

    @router.post("/webhook-endpoints/{endpointId}/enable", response_model=shape(EndpointOut))
    async def enable_webhook_endpoint(endpointId: uuid.UUID, owner: OwnerDep, session: DbSession) -> Any:
        """Re-enable an endpoint disabled by a 410 Gone answer or an address that turned internal."""
        return answer(EndpointOut.of(await service.change_status(session, owner, endpointId, "enable")))

    @router.post("/webhook-endpoints/{endpointId}/test", status_code=202, response_model=shape(TestEventOut))
    async def send_webhook_test_event(
        endpointId: uuid.UUID, owner: OwnerDep, session: DbSession, body: TestEventRequest | None = None
    ) -> Any:
        """Send a signed test event to this endpoint alone, through the normal delivery path (its header, its
        signature, retries, the delivery log): `webhook.test`, or any catalogued type with that type's fields and
        `test: true`. Answers 202 at once; the delivery follows (a paused endpoint's waits for its resumption; a
        disabled one is 409 until enabled)."""
        event_type = body.event_type if body else service.TEST_EVENT_TYPE
        event_id = await service.send_test_event(session, owner, endpointId, event_type)
        return answer(TestEventOut(event_id=event_id, event_type=event_type, endpoint_id=endpointId), 202)

    @router.get("/webhook-endpoints/{endpointId}/deliveries", response_model=shape(Page[DeliveryOut]))
    async def list_webhook_deliveries(
        endpointId: uuid.UUID, owner: OwnerDep, session: DbSession, page: PageRequest = DELIVERIES.params()
    ) -> Any:
        """The delivery log: each delivery with every attempt (time, status code, latency, response excerpt)."""
        endpoint = await service.get_endpoint(session, owner, endpointId)
        found, meta = await DELIVERIES.fetch(session, service.deliveries_statement(endpoint), page)
        attempts = await service.attempts_of(session, [d.id for d in found])
        return answer(Page[DeliveryOut](items=[DeliveryOut.of(d, attempts[d.id]) for d in found], meta=meta))

    @router.get("/events", response_model=shape(Page[EventOut]))
    async def list_events(
        owner: OwnerDep,
        session: DbSession,
        event_type: Annotated[str | None, Query(alias="type", max_length=60)] = None,
        subject_id: Annotated[str | None, Query(alias="subjectId", max_length=100)] = None,
        page: PageRequest = EVENTS.params(),
    ) -> Any:
        """Every event, newest first: backfill after an outage (`sortOrder=ASC` to replay in order)."""
        found, meta = await EVENTS.fetch(session, service.events_statement(owner, event_type, subject_id), page)
        return answer(Page[EventOut](items=[EventOut.of(e) for e in found], meta=meta))

    @router.post("/events/{eventId}/replay", response_model=shape(ReplayOut), status_code=202)
    async def replay_event(
        eventId: uuid.UUID, owner: OwnerDep, session: DbSession, body: ReplayRequest | None = None
    ) -> Any:
        """Deliver an event again, with the same eventId, to one endpoint or every endpoint that wants it."""
        deliveries = await service.replay_event(session, owner, eventId, body.endpoint_id if body else None)
        return answer(ReplayOut(event_id=eventId, deliveries=[d.id for d in deliveries]), 202)

    return router


middleware_router = webhook_router(
    prefix="/v1", owner_of=merchant_owner, idempotent=MerchantIdempotent, envelope=False, tag="Webhooks"
)
gateway_router = webhook_router(
    prefix="", owner_of=company_owner, idempotent=GatewayIdempotent, envelope=True, tag="Webhooks"
)


class NoticeReceipt(ApiModel):
    notice_id: str
    duplicate: bool = Field(description="Already received: nothing was changed this time.")
    outcome: str = Field(examples=["approved", "cleared", "reversed", "applied", "declined:insufficient_funds"])


def _signed_by(source: inbound.Source) -> Any:
    """A dependency: the notice's signature verified; answers the signed `webhook-id`."""

    async def check(
        request: Request,
        message_id: Annotated[str | None, Header(alias=inbound.ID_HEADER)] = None,
        timestamp: Annotated[str | None, Header(alias=inbound.TIMESTAMP_HEADER)] = None,
        signature: Annotated[str | None, Header(alias=inbound.SIGNATURE_HEADER)] = None,
    ) -> str:
        inbound.check_signature(source, await request.body(), message_id, timestamp, signature)
        assert message_id is not None
        return message_id

    return Depends(check)


def add_notice_receiver(
    router: APIRouter,
    source: inbound.Source,
    notice: type[inbound.N],
    apply: inbound.Apply[inbound.N],
    *,
    name: str,
    description: str,
) -> None:
    """Declare `POST …/webhooks/{source}` on a domain's router: the notice signed with the source's secret,
    stored raw, and applied once by `apply` (a repeat answers 200 with `duplicate: true`, unchanged)."""

    async def receive_notice(
        body: notice,  # type: ignore[valid-type]
        request: Request,
        session: DbSession,
        message_id: str = _signed_by(source),
    ) -> Any:
        receipt = await inbound.receive(session, source, await request.body(), body, message_id, apply)
        return ok(NoticeReceipt(notice_id=receipt.notice_id, duplicate=receipt.duplicate, outcome=receipt.outcome))

    router.add_api_route(
        f"/webhooks/{source}",
        receive_notice,
        methods=["POST"],
        name=name,
        description=description,
        response_model=CustomResponse[NoticeReceipt],
        responses={401: {"description": "The notice's signature is missing, stale or does not verify"}},
        tags=["Inbound notices"],
    )
