"""Recording events, fanning each out to the webhook endpoints that want it, and reading them back.

One statement writes the event, a pending delivery per subscribed endpoint (enabled or paused: a paused
endpoint's deliveries wait) and wakes the dispatcher, all in the caller's transaction: an event exists
exactly when the change it reports does, and a delivery exists exactly when its event does.
"""

from __future__ import annotations

import uuid
from typing import Any

from psycopg.types.json import Jsonb
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock
from migo.platform.db import write
from migo.platform.ids import new_id
from migo.platform.pagination import Listing

from .models import Event

WAKE_CHANNEL = "migo_webhooks"

# A driver statement (platform.db): every state change runs it, with the endpoints that subscribe to the event.
_RECORD = """
    WITH event AS (
        INSERT INTO events (id, type, company_id, client_slug, subject_id, data, created_at)
        VALUES (%(id)s, %(type)s, %(company_id)s, %(client_slug)s, %(subject_id)s, %(data)s, %(at)s)
        RETURNING id
    ), fanned AS (
        INSERT INTO webhook_deliveries
            (id, event_id, endpoint_id, status, attempts, next_attempt_at, created_at, replay)
        SELECT gen_random_uuid(), event.id, e.id, 'pending', 0, %(at)s, %(at)s, false
        FROM webhook_endpoints e, event
        WHERE e.status IN ('enabled', 'paused') AND {endpoints}
        RETURNING 1
    )
    SELECT count(*) AS deliveries, CASE WHEN count(*) > 0 THEN pg_notify(%(channel)s, '') END AS woken FROM fanned
    """
_FAN_OUT = _RECORD.format(
    endpoints="(e.client_slug = %(client_slug)s OR e.company_id = %(company_id)s) "
    "AND ('*' = ANY(e.event_types) OR %(type)s = ANY(e.event_types))"
)
# A test event goes to the one endpoint it was sent for, whatever that endpoint subscribes to.
_TO_ONE_ENDPOINT = _RECORD.format(endpoints="e.id = %(endpoint_id)s")


async def record(
    session: AsyncSession,
    event_type: str,
    *,
    subject_id: str,
    data: dict[str, Any],
    company_id: uuid.UUID | None = None,
    client_slug: str | None = None,
    only_endpoint: uuid.UUID | None = None,
) -> uuid.UUID:
    """Write an event (and its deliveries) in the caller's transaction; returns the event id. In an API
    request the row rides with the commit (platform.db.write). `only_endpoint`: delivered to that endpoint
    alone (it must be the owner's, enabled or paused), not to the subscribers."""
    if company_id is None and client_slug is None:
        raise ValueError("an event belongs to a company or a merchant client")
    event_id = new_id()
    await write(
        session,
        _FAN_OUT if only_endpoint is None else _TO_ONE_ENDPOINT,
        {
            "id": event_id,
            "type": event_type,
            "company_id": company_id,
            "client_slug": client_slug,
            "subject_id": subject_id,
            "data": Jsonb(data),
            "at": clock.now(),
            "channel": WAKE_CHANNEL,
            "endpoint_id": only_endpoint,
        },
    )
    return event_id


def readable(*, client_slug: str | None = None, company_id: uuid.UUID | None = None) -> Select[Event]:
    """The events one owner may read, a merchant client's or a company's: the one scoping helper of events."""
    if client_slug is not None:
        return select(Event).where(Event.client_slug == client_slug)
    if company_id is None:
        raise ValueError("events belong to a company or a merchant client")
    return select(Event).where(Event.company_id == company_id)


# Events as a list: by when they happened, newest first unless asked otherwise (backfill replays in order).
EVENTS = Listing(
    name="Events",
    sortable={"occurredAt": lambda: Event.created_at},
    default_sort="occurredAt",
    tiebreaker=lambda: Event.id,
)


def listing(events: Select[Event], *, event_type: str | None = None, subject_id: str | None = None) -> Select[Event]:
    """An owner's events (from `readable`), of one type and about one subject when asked."""
    if event_type is not None:
        events = events.where(Event.type == event_type)
    if subject_id is not None:
        events = events.where(Event.subject_id == subject_id)
    return events


async def find(session: AsyncSession, events: Select[Event], event_id: uuid.UUID) -> Event | None:
    """One of an owner's events (from `readable`)."""
    return await session.scalar(events.where(Event.id == event_id))


async def types_of(session: AsyncSession, events: Select[Event], event_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The type of each of these events of an owner's (from `readable`); an id not among them is left out."""
    rows = await session.execute(events.where(Event.id.in_(event_ids)).with_only_columns(Event.id, Event.type))
    return {event_id: event_type for event_id, event_type in rows}
