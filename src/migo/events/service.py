"""Recording events, and fanning each out to the webhook endpoints that want it.

One statement writes the event, a pending delivery per subscribed endpoint (enabled or paused: a paused
endpoint's deliveries wait) and wakes the dispatcher, all in the caller's transaction: an event exists
exactly when the change it reports does, and a delivery exists exactly when its event does.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock
from migo.platform.ids import new_id

WAKE_CHANNEL = "migo_webhooks"

_RECORD = text(
    """
    WITH event AS (
        INSERT INTO events (id, type, company_id, client_slug, subject_id, data, created_at)
        VALUES (:id, :type, :company_id, :client_slug, :subject_id, :data, :at)
        RETURNING id
    ), fanned AS (
        INSERT INTO webhook_deliveries
            (id, event_id, endpoint_id, status, attempts, next_attempt_at, created_at, replay)
        SELECT gen_random_uuid(), event.id, e.id, 'pending', 0, :at, :at, false
        FROM webhook_endpoints e, event
        WHERE e.status IN ('enabled', 'paused')
          AND (e.client_slug = :client_slug OR e.company_id = :company_id)
          AND ('*' = ANY(e.event_types) OR :type = ANY(e.event_types))
        RETURNING 1
    )
    SELECT count(*) AS deliveries, CASE WHEN count(*) > 0 THEN pg_notify(:channel, '') END AS woken FROM fanned
    """
).bindparams(bindparam("data", type_=JSONB))


async def record(
    session: AsyncSession,
    event_type: str,
    *,
    subject_id: str,
    data: dict[str, Any],
    company_id: uuid.UUID | None = None,
    client_slug: str | None = None,
) -> uuid.UUID:
    """Write an event (and its deliveries) in the caller's transaction; returns the event id."""
    if company_id is None and client_slug is None:
        raise ValueError("an event belongs to a company or a merchant client")
    event_id = new_id()
    await session.execute(
        _RECORD,
        {
            "id": event_id,
            "type": event_type,
            "company_id": company_id,
            "client_slug": client_slug,
            "subject_id": subject_id,
            "data": data,
            "at": clock.now(),
            "channel": WAKE_CHANNEL,
        },
    )
    return event_id
