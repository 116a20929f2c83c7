"""Wire shapes of the webhook endpoints, events and deliveries (the same on the Middleware and the Gateway)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, field_validator

from migo.platform.secrets import HeaderSecret, Secret
from migo.platform.wire import ApiInput, ApiModel, CatalogName, Omittable, UtcDateTime

from . import body_templates, service
from .models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

if TYPE_CHECKING:
    from migo.events.models import Event

# Headers a delivery sets itself: an endpoint's authentication header cannot replace them.
RESERVED_HEADERS = frozenset(
    {"content-type", "content-length", "host", "user-agent", "connection", "transfer-encoding", "expect"}
)
HeaderName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,99}$", examples=["x-api-key"])]
Url = Annotated[
    str,
    Field(
        min_length=8,
        max_length=2000,
        examples=["https://shop.example/migo/callback"],
        description="An http(s) URL of a public address: no credentials, whitespace, control characters or "
        "backslashes; private, loopback, link-local and other internal addresses and names are refused (the "
        "sandbox also accepts 127.0.0.1, localhost and [::1]).",
    ),
]
# An event type an endpoint receives, or `*` for all; the type of a test event (`webhook.test` or any of them).
EventTypeFilter = Annotated[str, CatalogName("EventTypeFilter", ("*", *service.EVENT_TYPES))]
TestEventType = Annotated[str, CatalogName("TestEventType", (service.TEST_EVENT_TYPE, *service.EVENT_TYPES))]
EventTypes = Annotated[list[EventTypeFilter], Field(min_length=1, max_length=30)]
# The event catalog, as the OpenAPI documents show it.
CATALOG = ", ".join(f"`{name}`" for name in service.EVENT_TYPES)


def _header_name(value: str | None) -> str | None:
    if value is not None and (value.lower() in RESERVED_HEADERS or value.lower().startswith("webhook-")):
        raise ValueError(f"{value} is set by Migo itself; choose another header name")
    return value


BodyTemplate = Annotated[
    str,
    Field(
        min_length=2,
        max_length=body_templates.MAX_TEMPLATE_CHARS,
        description="Your own callback body instead of the flat one: a Jinja template over the flat body's fields "
        "(`eventId`, `eventType`, the event's fields such as `uid`, `reference`, `status`, `amount`, `currency`, "
        '`customKeys`, and `occurredAt`) that renders JSON, e.g. `{"order": {{ customKeys.orderId | tojson }}}`. '
        "No loops, calls or arithmetic; filters: " + ", ".join(f"`{name}`" for name in body_templates.FILTERS) + ". "
        "Checked when saved; null: the flat body.",
    ),
]


class _EndpointFields(ApiInput):
    @field_validator("auth_header_name", check_fields=False)
    @classmethod
    def _not_reserved(cls, value: str | None) -> str | None:
        return _header_name(value)

    @field_validator("body_template", check_fields=False)
    @classmethod
    def _renders_json(cls, value: str | None) -> str | None:
        return body_templates.check(value) if value is not None else None


class EndpointCreate(_EndpointFields):
    url: Url
    event_types: EventTypes = Field(description=f'Event types to receive, or ["*"] for all. The catalog: {CATALOG}.')
    auth_header_name: HeaderName | None = Field(None, description="The static header Migo sends (seed 002).")
    auth_header_value: HeaderSecret | None = None
    signing_secret: Secret | None = Field(
        None, description="A Standard Webhooks secret (whsec_…) to sign deliveries with."
    )
    generate_signing_secret: bool = Field(False, description="Let Migo generate the signing secret (shown once).")
    description: Annotated[str, Field(max_length=200)] | None = None
    body_template: BodyTemplate | None = None


class EndpointUpdate(_EndpointFields):
    url: Omittable[Url] = None
    event_types: Omittable[EventTypes] = None
    auth_header_name: HeaderName | None = None
    auth_header_value: HeaderSecret | None = None
    signing_secret: Secret | None = Field(
        None, description="A new secret: the old one keeps signing beside it for 24 hours."
    )
    description: Annotated[str, Field(max_length=200)] | None = None
    body_template: BodyTemplate | None = Field(None, description="null: back to the flat body.")

    def changes(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.model_fields_set}


class CallbackEndpointIn(_EndpointFields):
    """A Payment Link client's Merchant Generic Callback (seed 002), as its back office sets it: the URL and the
    static header that authenticates each delivery (its value is never shown back)."""

    url: Url
    auth_header_name: HeaderName = Field(description="The static header Migo sends (seed 002).")
    auth_header_value: HeaderSecret
    body_template: BodyTemplate | None = None

    def callback(self) -> service.ClientCallback:
        return service.ClientCallback(self.url, self.auth_header_name, self.auth_header_value, self.body_template)


class EndpointOut(ApiModel):
    id: uuid.UUID
    url: str
    event_types: list[str]
    auth_header_name: str | None
    auth_header_value_hint: str | None = Field(description="The last four characters of the header value.")
    signed: bool
    status: Literal["enabled", "paused", "disabled"]
    disabled_reason: str | None = Field(
        description="Why deliveries stopped: a 410 Gone answer, or an address that is, or came to resolve to, "
        "an internal one; enable the endpoint to deliver again."
    )
    description: str | None
    body_template: str | None = Field(description="The endpoint's own callback body; null: the flat body.")
    created_at: UtcDateTime
    updated_at: UtcDateTime | None

    @classmethod
    def of(cls, endpoint: WebhookEndpoint) -> EndpointOut:
        return cls(
            id=endpoint.id,
            url=endpoint.url,
            event_types=endpoint.event_types,
            auth_header_name=endpoint.auth_header_name,
            auth_header_value_hint=service.auth_header_hint(endpoint),
            signed=endpoint.signing_secret_ciphertext is not None,
            status=endpoint.status,
            disabled_reason=endpoint.disabled_reason,
            description=endpoint.description,
            body_template=endpoint.body_template,
            created_at=endpoint.created_at,
            updated_at=endpoint.updated_at,
        )


class EndpointWithSecret(EndpointOut):
    signing_secret: str | None = Field(description="Shown once: when generated or rotated by Migo.")


class AttemptOut(ApiModel):
    attempted_at: UtcDateTime
    status_code: int | None
    latency_ms: int
    response_excerpt: str | None
    error: str | None

    @classmethod
    def of(cls, attempt: WebhookAttempt) -> AttemptOut:
        return cls.model_validate(attempt, from_attributes=True)


class DeliveryOut(ApiModel):
    id: uuid.UUID
    event_id: uuid.UUID
    status: Literal["pending", "delivered", "failed"]
    attempts: int
    next_attempt_at: UtcDateTime | None
    last_status_code: int | None
    delivered_at: UtcDateTime | None
    replay: bool
    created_at: UtcDateTime
    attempt_log: list[AttemptOut]

    @classmethod
    def of(cls, delivery: WebhookDelivery, attempts: list[WebhookAttempt]) -> DeliveryOut:
        return cls(
            id=delivery.id,
            event_id=delivery.event_id,
            status=delivery.status,
            attempts=delivery.attempts,
            next_attempt_at=delivery.next_attempt_at if delivery.status == "pending" else None,
            last_status_code=delivery.last_status_code,
            delivered_at=delivery.delivered_at,
            replay=delivery.replay,
            created_at=delivery.created_at,
            attempt_log=[AttemptOut.of(a) for a in attempts],
        )


class EventOut(ApiModel):
    event_id: uuid.UUID
    event_type: str = Field(description=f"One of the catalog: {CATALOG}.")
    subject_id: str
    occurred_at: UtcDateTime
    data: dict[str, Any]

    @classmethod
    def of(cls, event: Event) -> EventOut:
        return cls(
            event_id=event.id,
            event_type=event.type,
            subject_id=event.subject_id,
            occurred_at=event.created_at,
            data=event.data,
        )


class ReplayRequest(ApiInput):
    endpoint_id: uuid.UUID | None = Field(
        None, description="Only to this endpoint; to every subscribed one when left out."
    )


class ReplayOut(ApiModel):
    event_id: uuid.UUID
    deliveries: list[uuid.UUID]


class TestEventRequest(ApiInput):
    event_type: TestEventType = Field(
        service.TEST_EVENT_TYPE,
        description=f"`{service.TEST_EVENT_TYPE}` (the default: says only that it is a test), or a catalogued type, "
        f"sent with that type's fields, made-up values and `test: true`. The catalog: {CATALOG}.",
    )


class TestEventOut(ApiModel):
    event_id: uuid.UUID
    event_type: str
    endpoint_id: uuid.UUID
