"""Webhook housekeeping: deliveries that waited 7 days behind a paused or disabled endpoint are failed (the
dispatcher fails the ones it tries itself)."""

from __future__ import annotations

from sqlalchemy import select, update

from migo.platform import clock
from migo.platform.db import database
from migo.platform.jobs import queue

from .dispatcher import DELIVERY_WINDOW
from .models import WebhookDelivery, WebhookEndpoint


@queue.periodic(cron="17 * * * *")
@queue.task(name="webhooks.expire_deliveries", queue="maintenance", pass_context=False)
async def expire_deliveries(timestamp: int) -> None:
    async with database.transaction() as session:
        await session.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.status == "pending",
                WebhookDelivery.created_at <= clock.now() - DELIVERY_WINDOW,
                WebhookDelivery.endpoint_id.in_(
                    select(WebhookEndpoint.id).where(WebhookEndpoint.status.in_(("paused", "disabled")))
                ),
            )
            .values(status="failed")
        )
