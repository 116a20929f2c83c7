"""Recording events. Delivery to endpoints reads this table (the webhooks domain)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock
from migo.platform.ids import new_id

from .models import Event


async def record(
    session: AsyncSession,
    event_type: str,
    *,
    subject_id: str,
    data: dict[str, Any],
    company_id: uuid.UUID | None = None,
    client_slug: str | None = None,
) -> Event:
    """Write an event in the caller's transaction: it exists exactly when the change it reports does."""
    if company_id is None and client_slug is None:
        raise ValueError("an event belongs to a company or a merchant client")
    event = Event(
        id=new_id(),
        type=event_type,
        company_id=company_id,
        client_slug=client_slug,
        subject_id=subject_id,
        data=data,
        created_at=clock.now(),
    )
    session.add(event)
    return event
