"""The endpoint registry, events for backfill, replays, test events and the delivery log; scoped to one owner (a
merchant client on the Middleware, a company on the Gateway), so one integrator never sees another's. For the
back office: a Payment Link client's callback endpoints (`client_callbacks`) and the one it sets for the client
(`set_client_callback`, a `ClientCallback`), what one payment caused (`subject_timeline`), and how many
deliveries are failing (`failed_deliveries`)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, text, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.events.service import WAKE_CHANNEL

if TYPE_CHECKING:
    from migo.events.models import Event
from migo.platform import clock, security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.pagination import Listing
from migo.platform.secrets import HeaderSecret, Secret

from . import samples, signatures, targets
from .models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

SECRET_OVERLAP = timedelta(hours=24)
EVENT_TYPES = (
    "transaction.approved",
    "transaction.authorized",
    "transaction.captured",
    "transaction.denied",
    "transaction.refunded",
    "transaction.refund_failed",
    "transaction.reversed",
    "transaction.expired",
    "subscription.created",
    "subscription.trial_will_end",
    "subscription.renewed",
    "subscription.renewal_failed",
    "subscription.past_due",
    "subscription.recovered",
    "subscription.paused",
    "subscription.resumed",
    "subscription.cancelled",
    "subscription.expired",
    "lead.created",
    "lead.submitted",
    "lead.approved",
    "lead.rejected",
    "business.created",
    "business.client_linked",
    "branch.created",
    "terminal.created",
    "terminal.activated",
    "terminal.deactivated",
    "terminal_payment.approved",
    "terminal_payment.denied",
    "terminal_payment.reversed",
    "terminal_payment.refunded",
    "settlement.created",
    "settlement.settled",
    "payout.paid",
    "cardholder.blocked",
    "cardholder.unblocked",
    "card.activated",
    "card.blocked",
    "card.unblocked",
    "card.cancelled",
    "card.funds_loaded",
    "card.funds_unloaded",
    "card.authorization",
    "card.clearing",
    "card.reversal",
    "card.refund",
    "transfer.approved",
    "transfer.denied",
    "statement.ready",
)
EndpointAction = Literal["pause", "resume", "enable"]
# Sent on demand to one endpoint (send_test_event), never to subscribers: not in the catalog above.
TEST_EVENT_TYPE = "webhook.test"


@dataclass(frozen=True)
class Owner:
    """Whose endpoints and events: a merchant client's or a company's."""

    client_slug: str | None = None
    company_id: uuid.UUID | None = None

    def owns_endpoint(self) -> ColumnElement[bool]:
        if self.client_slug is not None:
            return WebhookEndpoint.client_slug == self.client_slug
        return WebhookEndpoint.company_id == self.company_id

    def events(self) -> Select[Event]:
        return events.readable(client_slug=self.client_slug, company_id=self.company_id)

    @staticmethod
    def owns_any(client_slugs: Collection[str], company_ids: Collection[uuid.UUID]) -> ColumnElement[bool]:
        """The endpoints of any of these owners (a partner's clients and companies, for its back office)."""
        return or_(
            WebhookEndpoint.client_slug.in_(list(client_slugs)), WebhookEndpoint.company_id.in_(list(company_ids))
        )


def _seal(value: Secret, endpoint_id: uuid.UUID, purpose: str) -> bytes:
    return security.encrypt(value.reveal().encode(), purpose=purpose, context=endpoint_id.bytes)


def _open(ciphertext: bytes, endpoint_id: uuid.UUID, purpose: str) -> str:
    return security.decrypt(ciphertext, purpose=purpose, context=endpoint_id.bytes).decode()


def auth_header(endpoint: WebhookEndpoint) -> tuple[str, HeaderSecret] | None:
    """The static header deliveries carry: its name, and its value (revealed only as the request is sent)."""
    if endpoint.auth_header_name is None or endpoint.auth_header_value_ciphertext is None:
        return None
    value = _open(endpoint.auth_header_value_ciphertext, endpoint.id, "webhook-auth")
    return endpoint.auth_header_name, HeaderSecret(value)


def signing_secrets(endpoint: WebhookEndpoint) -> list[Secret]:
    """The secrets that sign a delivery now: the current one, and the previous one for 24 h after a rotation."""
    found = []
    if endpoint.signing_secret_ciphertext is not None:
        found.append(Secret(_open(endpoint.signing_secret_ciphertext, endpoint.id, "webhook-signing")))
    if (
        endpoint.previous_secret_ciphertext is not None
        and endpoint.previous_secret_expires_at is not None
        and clock.now() < endpoint.previous_secret_expires_at
    ):
        found.append(Secret(_open(endpoint.previous_secret_ciphertext, endpoint.id, "webhook-signing")))
    return found


async def sign_checkout_return(session: AsyncSession, client_slug: str, signed_query: str) -> str | None:
    """The signature of a hosted checkout's return to a merchant (signatures.redirect_signature), made with the
    client's newest live endpoint's signing secret; None when the client has none."""
    secret = await _redirect_signing_secret(session, client_slug)
    return signatures.redirect_signature(secret, signed_query) if secret is not None else None


async def _redirect_signing_secret(session: AsyncSession, client_slug: str) -> Secret | None:
    """The secret that signs a client's checkout redirects: its newest live endpoint's signing secret."""
    endpoint = await session.scalar(
        select(WebhookEndpoint)
        .where(
            WebhookEndpoint.client_slug == client_slug,
            WebhookEndpoint.status.in_(("enabled", "paused", "disabled")),
            WebhookEndpoint.signing_secret_ciphertext.is_not(None),
        )
        .order_by(WebhookEndpoint.created_at.desc())
        .limit(1)
    )
    return signing_secrets(endpoint)[0] if endpoint is not None else None


def auth_header_hint(endpoint: WebhookEndpoint) -> str | None:
    """The header value as shown back: its last four characters, and only when that leaves most of it hidden."""
    header = auth_header(endpoint)
    if header is None:
        return None
    value = header[1].reveal()
    return f"…{value[-4:]}" if len(value) >= 12 else "…"


def _invalid(detail: str) -> ApiError:
    return ApiError(ERRORS.VALIDATION_ERROR, detail)


def _checked_types(event_types: list[str]) -> list[str]:
    unknown = [t for t in event_types if t != "*" and t not in EVENT_TYPES]
    if not event_types or unknown:
        raise _invalid(f'eventTypes: {", ".join(unknown) or "empty"}; use ["*"] or some of {", ".join(EVENT_TYPES)}')
    return ["*"] if "*" in event_types else sorted(set(event_types))


def _checked_url(url: str, field: str = "url") -> str:
    try:
        return targets.check_url(url)
    except targets.TargetRefused as refused:
        raise _invalid(f"{field}: {refused}") from None


def _set_auth_header(endpoint: WebhookEndpoint, name: str | None, value: Secret | None) -> None:
    if (name is None) != (value is None):
        raise _invalid("authHeaderName and authHeaderValue go together")
    endpoint.auth_header_name = name
    endpoint.auth_header_value_ciphertext = _seal(value, endpoint.id, "webhook-auth") if value else None


def _rotate_to(endpoint: WebhookEndpoint, secret: Secret | None) -> None:
    """Sign with `secret` from now on; the secret it replaces stays valid for 24 hours."""
    if secret is not None and not signatures.is_valid_secret(secret):
        raise _invalid("signingSecret: a Standard Webhooks secret, whsec_ followed by at least 24 bytes in base64")
    if endpoint.signing_secret_ciphertext is not None:
        endpoint.previous_secret_ciphertext = endpoint.signing_secret_ciphertext
        endpoint.previous_secret_expires_at = clock.now() + SECRET_OVERLAP
    endpoint.signing_secret_ciphertext = _seal(secret, endpoint.id, "webhook-signing") if secret else None


async def create_endpoint(
    session: AsyncSession,
    owner: Owner,
    *,
    url: str,
    event_types: list[str],
    auth_header_name: str | None,
    auth_header_value: HeaderSecret | None,
    signing_secret: Secret | None,
    description: str | None,
    body_template: str | None = None,
) -> WebhookEndpoint:
    endpoint = WebhookEndpoint(
        id=uuid.uuid4(),
        client_slug=owner.client_slug,
        company_id=owner.company_id,
        url=_checked_url(url),
        event_types=_checked_types(event_types),
        status="enabled",
        description=description,
        body_template=body_template,
    )
    _set_auth_header(endpoint, auth_header_name, auth_header_value)
    _rotate_to(endpoint, signing_secret)
    session.add(endpoint)
    await session.flush()
    return endpoint


async def get_endpoint(
    session: AsyncSession, owner: Owner, endpoint_id: uuid.UUID, *, lock: bool = False
) -> WebhookEndpoint:
    statement = select(WebhookEndpoint).where(
        WebhookEndpoint.id == endpoint_id, owner.owns_endpoint(), WebhookEndpoint.status != "deleted"
    )
    endpoint = await session.scalar(statement.with_for_update() if lock else statement)
    if endpoint is None:
        raise ApiError(ERRORS.NOT_FOUND, "No such webhook endpoint.")
    return endpoint


async def update_endpoint(
    session: AsyncSession, owner: Owner, endpoint_id: uuid.UUID, changes: dict[str, Any]
) -> WebhookEndpoint:
    """Change what is given: url, eventTypes, the authentication header, the signing secret (a rotation),
    the description, the body template (checked by the schema; None: the flat body)."""
    endpoint = await get_endpoint(session, owner, endpoint_id, lock=True)
    if "url" in changes:
        endpoint.url = _checked_url(changes["url"])
    if "event_types" in changes:
        endpoint.event_types = _checked_types(changes["event_types"])
    if "auth_header_name" in changes or "auth_header_value" in changes:
        header = auth_header(endpoint)
        _set_auth_header(
            endpoint,
            changes.get("auth_header_name", header[0] if header else None),
            changes.get("auth_header_value", header[1] if header else None),
        )
    if "signing_secret" in changes:
        _rotate_to(endpoint, changes["signing_secret"])
    if "description" in changes:
        endpoint.description = changes["description"]
    if "body_template" in changes:
        endpoint.body_template = changes["body_template"]
    endpoint.updated_at = clock.now()
    return endpoint


async def rotate_secret(session: AsyncSession, owner: Owner, endpoint_id: uuid.UUID) -> tuple[WebhookEndpoint, Secret]:
    """A generated signing secret in place of the current one (returned to be shown once)."""
    endpoint = await get_endpoint(session, owner, endpoint_id, lock=True)
    secret = signatures.generate_secret()
    _rotate_to(endpoint, secret)
    endpoint.updated_at = clock.now()
    return endpoint, secret


async def change_status(
    session: AsyncSession, owner: Owner, endpoint_id: uuid.UUID, action: EndpointAction
) -> WebhookEndpoint:
    """Pause (deliveries queue), resume or re-enable (after a 410 Gone or a refused address); the queued
    deliveries then drain."""
    endpoint = await get_endpoint(session, owner, endpoint_id, lock=True)
    if action == "pause":
        if endpoint.status == "disabled":
            raise ApiError(ERRORS.CONFLICT, "The endpoint is disabled; enable it first.")
        endpoint.status = "paused"
    else:
        endpoint.status = "enabled"
        endpoint.disabled_reason = None
        await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": WAKE_CHANNEL})
    endpoint.updated_at = clock.now()
    return endpoint


async def send_test_event(
    session: AsyncSession, owner: Owner, endpoint_id: uuid.UUID, event_type: str = TEST_EVENT_TYPE
) -> uuid.UUID:
    """A test event delivered to this endpoint alone, as any other (signed, with its header, retried, in its
    delivery log): a paused endpoint's waits for its resumption. `webhook.test` says only that; a catalogued
    type carries that type's fields with made-up values and `test: true` (samples), whatever the endpoint
    subscribes to. Returns the event's id."""
    if event_type != TEST_EVENT_TYPE and event_type not in EVENT_TYPES:
        raise _invalid(f"eventType: {event_type!r} is not in the catalog; use {TEST_EVENT_TYPE} or one of it")
    endpoint = await get_endpoint(session, owner, endpoint_id, lock=True)
    if endpoint.status == "disabled":
        raise ApiError(ERRORS.CONFLICT, "The endpoint is disabled; enable it first.")
    if event_type == TEST_EVENT_TYPE:
        data = {"endpointId": str(endpoint.id), "message": "A test event: nothing happened."}
        subject = str(endpoint.id)
    else:
        data = samples.sample_data(event_type)
        subject = samples.subject_of(data)
    return await events.record(
        session,
        event_type,
        subject_id=subject,
        data=data,
        client_slug=owner.client_slug,
        company_id=owner.company_id,
        only_endpoint=endpoint.id,
    )


async def delete_endpoint(session: AsyncSession, owner: Owner, endpoint_id: uuid.UUID) -> None:
    """Stop for good: the endpoint disappears and its queued deliveries are failed (the log stays)."""
    endpoint = await get_endpoint(session, owner, endpoint_id, lock=True)
    endpoint.status = "deleted"
    endpoint.updated_at = clock.now()
    await session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.endpoint_id == endpoint.id, WebhookDelivery.status == "pending")
        .values(status="failed")
    )


@dataclass(frozen=True)
class ClientCallback:
    """Where a Payment Link client's Merchant Generic Callback goes (seed 002), and the static header that
    authenticates it."""

    url: str
    auth_header_name: str
    auth_header_value: HeaderSecret
    body_template: str | None = None  # checked (body_templates.check); None: the flat body


async def client_callbacks(session: AsyncSession, client_slugs: Collection[str]) -> dict[str, list[WebhookEndpoint]]:
    """The live endpoints of each of these Payment Link clients, oldest first: where their callbacks go. The
    first is the client's callback endpoint, the one `set_client_callback` sets."""
    found: dict[str, list[WebhookEndpoint]] = {slug: [] for slug in client_slugs}
    rows = await session.scalars(
        select(WebhookEndpoint)
        .where(WebhookEndpoint.client_slug.in_(list(client_slugs)), WebhookEndpoint.status != "deleted")
        .order_by(WebhookEndpoint.created_at, WebhookEndpoint.id)
    )
    for endpoint in rows:
        assert endpoint.client_slug is not None  # selected by its client
        found[endpoint.client_slug].append(endpoint)
    return found


async def set_client_callback(
    session: AsyncSession, client_slug: str, callback: ClientCallback | None, *, url_field: str
) -> None:
    """Point the client's callback endpoint (its oldest live one) at `callback`'s URL and header, keeping its
    event types, status and signing secret; a client with none gets one for every event type. None removes
    that endpoint, as DELETE does (its queued deliveries fail; the client's other endpoints stay). A URL the
    webhook rules refuse is a 400 naming `url_field`, and nothing changes."""
    owner = Owner(client_slug=client_slug)
    current = await session.scalar(
        endpoints_statement(owner).order_by(WebhookEndpoint.created_at, WebhookEndpoint.id).limit(1).with_for_update()
    )
    if callback is None:
        if current is not None:
            await delete_endpoint(session, owner, current.id)
        return
    url = _checked_url(callback.url, url_field)
    if current is None:
        await create_endpoint(
            session,
            owner,
            url=url,
            event_types=["*"],
            auth_header_name=callback.auth_header_name,
            auth_header_value=callback.auth_header_value,
            signing_secret=None,
            description="Merchant Generic Callback",
            body_template=callback.body_template,
        )
        return
    current.url = url
    current.body_template = callback.body_template
    _set_auth_header(current, callback.auth_header_name, callback.auth_header_value)
    current.updated_at = clock.now()


ENDPOINTS = Listing(
    name="WebhookEndpoints",
    sortable={"createdAt": lambda: WebhookEndpoint.created_at},
    default_sort="createdAt",
    tiebreaker=lambda: WebhookEndpoint.id,
)
DELIVERIES = Listing(
    name="WebhookDeliveries",
    sortable={"createdAt": lambda: WebhookDelivery.created_at},
    default_sort="createdAt",
    tiebreaker=lambda: WebhookDelivery.id,
)


def endpoints_statement(owner: Owner) -> Select[WebhookEndpoint]:
    return select(WebhookEndpoint).where(owner.owns_endpoint(), WebhookEndpoint.status != "deleted")


def events_statement(owner: Owner, event_type: str | None, subject_id: str | None) -> Select[Event]:
    return events.listing(owner.events(), event_type=event_type, subject_id=subject_id)


def deliveries_statement(endpoint: WebhookEndpoint) -> Select[WebhookDelivery]:
    return select(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint.id)


@dataclass(frozen=True)
class SubjectEvent:
    """An event about one subject (a payment's uid), with the delivery it made to one of the owner's endpoints
    (`endpoint_url` None: the owner had no endpoint listening)."""

    event_id: uuid.UUID
    event_type: str
    occurred_at: datetime
    endpoint_url: str | None
    delivery_status: str | None
    attempts: int
    last_status_code: int | None
    delivered_at: datetime | None


async def subject_timeline(session: AsyncSession, owner: Owner, subject_id: str) -> list[SubjectEvent]:
    """Every event the owner heard about the subject, oldest first, once per delivery it made: what a
    payment's page shows of the webhooks it caused."""
    heard = events.listing(owner.events(), subject_id=subject_id).subquery("heard")
    rows = await session.execute(
        select(
            heard.c.id,
            heard.c.type,
            heard.c.created_at,
            WebhookEndpoint.url,
            WebhookDelivery.status,
            WebhookDelivery.attempts,
            WebhookDelivery.last_status_code,
            WebhookDelivery.delivered_at,
        )
        .outerjoin(WebhookDelivery, WebhookDelivery.event_id == heard.c.id)
        .outerjoin(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .order_by(heard.c.created_at, heard.c.id, WebhookDelivery.created_at)
    )
    return [
        SubjectEvent(event_id, event_type, at, url, status, attempts or 0, code, delivered)
        for event_id, event_type, at, url, status, attempts, code, delivered in rows
    ]


async def event_types(session: AsyncSession, owner: Owner, event_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The type of each of these events of the owner's: what a delivery log names its deliveries by."""
    return await events.types_of(session, owner.events(), event_ids)


async def failed_deliveries(
    session: AsyncSession, client_slugs: Collection[str], company_ids: Collection[uuid.UUID], since: datetime
) -> int:
    """How many deliveries made since `since` to the endpoints of these clients and companies are failing: given
    up, or tried and not delivered yet (a dashboard's count of what its integrators are missing)."""
    failing = or_(
        WebhookDelivery.status == "failed", and_(WebhookDelivery.status == "pending", WebhookDelivery.attempts > 0)
    )
    counted = await session.scalar(
        select(func.count())
        .select_from(WebhookDelivery)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(Owner.owns_any(client_slugs, company_ids), failing, WebhookDelivery.created_at >= since)
    )
    return int(counted or 0)


@dataclass(frozen=True)
class AttemptSeen:
    """One delivery attempt as `migo webhooks tail` shows it."""

    attempt_id: uuid.UUID
    attempted_at: datetime
    endpoint_url: str
    event_type: str
    event_id: uuid.UUID
    status_code: int | None
    latency_ms: int
    error: str | None


async def attempts_after(
    session: AsyncSession, owner: Owner, after: tuple[datetime, uuid.UUID] | None, limit: int = 200
) -> list[AttemptSeen]:
    """The owner's delivery attempts after `after` (an attempt's time and id; None: from now on nothing older
    than the latest), oldest first: what `migo webhooks tail` follows."""
    statement = (
        select(
            WebhookAttempt.id,
            WebhookAttempt.attempted_at,
            WebhookEndpoint.url,
            WebhookDelivery.event_id,
            WebhookAttempt.status_code,
            WebhookAttempt.latency_ms,
            WebhookAttempt.error,
        )
        .join(WebhookDelivery, WebhookDelivery.id == WebhookAttempt.delivery_id)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(owner.owns_endpoint())
        .order_by(WebhookAttempt.attempted_at, WebhookAttempt.id)
        .limit(limit)
    )
    if after is not None:
        statement = statement.where(tuple_(WebhookAttempt.attempted_at, WebhookAttempt.id) > tuple_(*after))
    rows = (await session.execute(statement)).all()
    types = await events.types_of(session, owner.events(), [row.event_id for row in rows])
    return [
        AttemptSeen(row.id, row.attempted_at, row.url, types.get(row.event_id, "?"), row.event_id, *row[4:])
        for row in rows
    ]


async def attempts_of(session: AsyncSession, delivery_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[WebhookAttempt]]:
    found: dict[uuid.UUID, list[WebhookAttempt]] = {delivery_id: [] for delivery_id in delivery_ids}
    rows = await session.scalars(
        select(WebhookAttempt)
        .where(WebhookAttempt.delivery_id.in_(delivery_ids))
        .order_by(WebhookAttempt.attempted_at, WebhookAttempt.id)
    )
    for attempt in rows:
        found[attempt.delivery_id].append(attempt)
    return found


async def replay_event(
    session: AsyncSession, owner: Owner, event_id: uuid.UUID, endpoint_id: uuid.UUID | None
) -> list[WebhookDelivery]:
    """Deliver an event again, with the same eventId, to one endpoint or to every endpoint that wants it now."""
    event = await events.find(session, owner.events(), event_id)
    if event is None:
        raise ApiError(ERRORS.NOT_FOUND, "No such event.")
    if endpoint_id is not None:
        chosen = [await get_endpoint(session, owner, endpoint_id)]
    else:
        chosen = [
            e
            for e in (await session.scalars(endpoints_statement(owner))).all()
            if "*" in e.event_types or event.type in e.event_types
        ]
    if not chosen:
        raise ApiError(ERRORS.CONFLICT, "No webhook endpoint of yours wants this event type.")
    now = clock.now()
    deliveries = [
        WebhookDelivery(
            id=uuid.uuid4(),
            event_id=event.id,
            endpoint_id=endpoint.id,
            status="pending",
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            replay=True,
        )
        for endpoint in chosen
    ]
    session.add_all(deliveries)
    await session.flush()
    await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": WAKE_CHANNEL})
    return deliveries
