"""Delivering events: at least once, with retries, to each endpoint that wants them (seed 003).

The pending delivery rows are the queue. A lane claims a batch of due deliveries of enabled endpoints
(`FOR UPDATE SKIP LOCKED`, so lanes and worker processes never take the same one), sends them concurrently,
records every attempt and commits. A worker killed mid-batch holds no lease: its transaction dies with it
and the batch is simply due again. `record()` in the events domain wakes idle lanes with NOTIFY.

Each attempt has 15 s. A 2xx is delivered; a 410 Gone disables the endpoint (seed 003: "return 410 Gone to
stop retries") until it is enabled again, and so does an address that is, or now resolves to, an internal one
(see targets; retrying would not change it); anything else is retried after 5 s, 30 s, 2 min, 10 min, 30 min,
1 h, 2 h and then every 4 h, ±10 % jitter, or after the endpoint's `Retry-After`, for 7 days; then it fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import aiohttp
import psycopg
import structlog
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events.models import Event
from migo.events.service import WAKE_CHANNEL
from migo.platform import clock
from migo.platform.db import database, libpq_url
from migo.platform.settings import get_settings
from migo.platform.wire import format_timestamp

from . import body_templates, service, signatures, targets
from .models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

log = structlog.get_logger("migo.webhooks")

ATTEMPT_TIMEOUT = 15.0
RETRY_DELAYS = (5, 30, 120, 600, 1800, 3600, 7200)
STEADY_DELAY = 4 * 3600
DELIVERY_WINDOW = timedelta(days=7)
BATCH = 50
EXCERPT = 500


def retry_delay(attempts: int) -> float:
    """Seconds until the next try after `attempts` failed ones, with ±10 % jitter."""
    base = RETRY_DELAYS[attempts - 1] if attempts <= len(RETRY_DELAYS) else STEADY_DELAY
    return base * random.uniform(0.9, 1.1)


def retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds an endpoint asked us to wait (`Retry-After`: seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(min(int(value), 10**9))
    try:
        return max(0.0, (parsedate_to_datetime(value) - now).total_seconds())
    except (TypeError, ValueError):
        return None


def delivery_body(event: Event, template: str | None = None) -> bytes:
    """The Merchant Generic Callback body: flat, `eventId` and `eventType` first (seed 002: `{uid, reference,
    status, amount, currency, …}` for a transaction), or what the endpoint's template makes of those fields
    (BodyTemplateError when it fails for this event)."""
    body = {
        "eventId": str(event.id),
        "eventType": event.type,
        **event.data,
        "occurredAt": format_timestamp(event.created_at),
    }
    if template is not None:
        return body_templates.render(template, body)
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass
class AttemptResult:
    status_code: int | None
    latency_ms: int
    excerpt: str | None
    error: str | None
    retry_after: float | None = None
    refused: bool = False  # the address may not receive deliveries (targets)

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def disables(self) -> str | None:
        """Why this attempt stops deliveries to its endpoint until it is enabled again, if it does."""
        if self.status_code == 410:
            return "The endpoint answered 410 Gone."
        if self.refused:
            return f"The endpoint's address is refused: {self.error}."[:200]
        return None


async def send(http: aiohttp.ClientSession, endpoint: WebhookEndpoint, event: Event) -> AttemptResult:
    try:
        body = delivery_body(event, endpoint.body_template)
    except body_templates.BodyTemplateError as problem:  # retried as any failure: a corrected template delivers
        return AttemptResult(None, 0, None, f"bodyTemplate {problem}"[:200])
    headers = {"content-type": "application/json", "user-agent": "Migo-Webhooks/1.0"}
    stamp = int(clock.now().timestamp())
    secrets_in_use = service.signing_secrets(endpoint)
    if secrets_in_use:
        headers.update(signatures.headers(secrets_in_use, str(event.id), stamp, body))
    else:
        headers.update({"webhook-id": str(event.id), "webhook-timestamp": str(stamp)})
    header = service.auth_header(endpoint)
    if header is not None:
        headers[header[0]] = header[1].reveal()
    started = time.perf_counter()
    try:
        targets.check_url(endpoint.url)  # names are checked as they resolve: see http_client
        async with http.post(endpoint.url, data=body, headers=headers, allow_redirects=False) as response:
            excerpt = (await response.content.read(EXCERPT)).decode("utf-8", errors="replace") or None
            status, wait = response.status, retry_after(response.headers.get("retry-after"), clock.now())
    except targets.TargetRefused as refused:
        return AttemptResult(None, _elapsed(started), None, str(refused)[:200], refused=True)
    except TimeoutError:
        return AttemptResult(None, _elapsed(started), None, f"no answer within {ATTEMPT_TIMEOUT:g} s")
    except aiohttp.ClientError as error:
        return AttemptResult(None, _elapsed(started), None, f"{type(error).__name__}: {error}"[:200])
    except Exception as error:  # one bad endpoint must never sink the batch it shares with others
        log.warning("webhook_attempt_failed", endpoint=str(endpoint.id), error_type=type(error).__name__)
        return AttemptResult(None, _elapsed(started), None, f"delivery failed: {type(error).__name__}")
    return AttemptResult(status, _elapsed(started), excerpt, None, wait)


def _elapsed(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)


async def dispatch_batch(http: aiohttp.ClientSession, limit: int = BATCH) -> int:
    """Claim, send and settle one batch of due deliveries; returns how many were claimed."""
    async with database.transaction() as session:
        now = clock.now()
        rows = (
            await session.execute(
                select(WebhookDelivery, WebhookEndpoint, Event)
                .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
                .join(Event, Event.id == WebhookDelivery.event_id)
                .where(
                    WebhookDelivery.status == "pending",
                    WebhookDelivery.next_attempt_at <= now,
                    WebhookEndpoint.status == "enabled",
                )
                .order_by(WebhookDelivery.next_attempt_at)
                .limit(limit)
                .with_for_update(of=WebhookDelivery, skip_locked=True)
            )
        ).all()
        if not rows:
            return 0
        expired = [d for d, _, _ in rows if now - d.created_at >= DELIVERY_WINDOW]
        for delivery in expired:
            delivery.status = "failed"
        due = [(d, ep, ev) for d, ep, ev in rows if d.status == "pending"]
        results = await asyncio.gather(*(send(http, endpoint, event) for _, endpoint, event in due))
        await _record_attempts(session, due, results)
    return len(rows)


async def _record_attempts(
    session: AsyncSession,
    due: list[tuple[WebhookDelivery, WebhookEndpoint, Event]],
    results: list[AttemptResult],
) -> None:
    """Record each attempt on its delivery: delivered, due again later, or failed after 7 days; an endpoint
    whose attempt disables it (410 Gone, a refused address) stops receiving."""
    now = clock.now()
    disabled: dict[uuid.UUID, str] = {}
    for (delivery, endpoint, _), result in zip(due, results, strict=True):
        session.add(
            WebhookAttempt(
                id=uuid.uuid4(),
                delivery_id=delivery.id,
                attempted_at=now,
                status_code=result.status_code,
                latency_ms=result.latency_ms,
                response_excerpt=result.excerpt,
                error=result.error,
            )
        )
        delivery.attempts += 1
        delivery.last_status_code = result.status_code
        if result.delivered:
            delivery.status = "delivered"
            delivery.delivered_at = now
            continue
        if result.disables is not None:
            disabled[endpoint.id] = result.disables
        # Retry-After can ask for longer than the schedule, never for sooner, and never past the 7 days.
        wait = retry_delay(delivery.attempts)
        if result.retry_after is not None:
            wait = min(max(wait, result.retry_after), DELIVERY_WINDOW.total_seconds())
        next_at = now + timedelta(seconds=wait)
        if next_at - delivery.created_at >= DELIVERY_WINDOW:
            delivery.status = "failed"
        else:
            delivery.next_attempt_at = next_at
    for endpoint_id, reason in disabled.items():
        await session.execute(
            update(WebhookEndpoint)
            .where(WebhookEndpoint.id == endpoint_id, WebhookEndpoint.status == "enabled")
            .values(status="disabled", disabled_reason=reason, updated_at=now)
        )
        log.info("webhook_endpoint_disabled", endpoint=str(endpoint_id), reason=reason)


def http_client() -> aiohttp.ClientSession:
    """One keep-alive pool per lane set; no redirects followed, no proxies from the environment, and names
    resolved only to addresses deliveries may go to."""
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=ATTEMPT_TIMEOUT),
        connector=aiohttp.TCPConnector(
            limit=200, limit_per_host=50, ttl_dns_cache=60, resolver=targets.CheckingResolver()
        ),
        trust_env=False,
    )


class Dispatcher:
    """The lanes that drain the queue, woken by NOTIFY and polling once a second when idle."""

    def __init__(self, lanes: int = 4) -> None:
        self.lanes = lanes
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()

    async def run(self) -> None:
        async with http_client() as http:
            listener = asyncio.create_task(self._listen())
            try:
                await asyncio.gather(*(self._lane(http) for _ in range(self.lanes)))
            finally:
                listener.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await listener

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    async def _lane(self, http: aiohttp.ClientSession) -> None:
        while not self._stopping.is_set():
            try:
                claimed = await dispatch_batch(http)
            except (OperationalError, psycopg.OperationalError) as lost:  # the database is away: wait for it
                log.warning("webhook_dispatch_waiting_for_database", error_type=type(lost).__name__)
                claimed = 0
                await asyncio.sleep(1)
            except Exception:  # nor must a bug in one batch end delivery: log, breathe, go on
                log.exception("webhook_dispatch_failed")
                claimed = 0
                await asyncio.sleep(1)
            if claimed == 0:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=1.0)

    async def _listen(self) -> None:
        url = get_settings().database_url
        assert url is not None
        while not self._stopping.is_set():
            try:
                async with await psycopg.AsyncConnection.connect(libpq_url(url), autocommit=True) as connection:
                    await connection.execute(f"LISTEN {WAKE_CHANNEL}")
                    async for _ in connection.notifies():
                        self._wake.set()
            except psycopg.Error:
                await asyncio.sleep(1)  # the lanes poll meanwhile
