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
from typing import Any

import aiohttp
import psycopg
import structlog
from sqlalchemy import bindparam, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events.models import Event
from migo.events.service import WAKE_CHANNEL
from migo.platform import clock
from migo.platform.db import database, libpq_url, storable_text
from migo.platform.settings import get_settings
from migo.platform.wire import format_timestamp

from . import body_templates, service, signatures, targets
from .models import WebhookDelivery, WebhookEndpoint

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


@dataclass(frozen=True)
class Outgoing:
    """A claimed delivery: the event it carries, where it goes, and what its attempt is recorded against."""

    delivery_id: uuid.UUID
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    last_status_code: int | None
    endpoint: WebhookEndpoint
    event_id: uuid.UUID
    event_type: str
    data: dict[str, Any]
    occurred_at: datetime


def delivery_body(outgoing: Outgoing, template: str | None = None) -> bytes:
    """The Merchant Generic Callback body: flat, `eventId` and `eventType` first (seed 002: `{uid, reference,
    status, amount, currency, …}` for a transaction), or what the endpoint's template makes of those fields
    (BodyTemplateError when it fails for this event)."""
    body = {
        "eventId": str(outgoing.event_id),
        "eventType": outgoing.event_type,
        **outgoing.data,
        "occurredAt": format_timestamp(outgoing.occurred_at),
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


async def send(http: aiohttp.ClientSession, outgoing: Outgoing) -> AttemptResult:
    endpoint = outgoing.endpoint
    try:
        body = delivery_body(outgoing, endpoint.body_template)
    except body_templates.BodyTemplateError as problem:  # retried as any failure: a corrected template delivers
        return AttemptResult(None, 0, None, f"bodyTemplate {problem}"[:200])
    headers = {"content-type": "application/json", "user-agent": "Migo-Webhooks/1.0"}
    stamp = int(clock.now().timestamp())
    secrets_in_use = service.signing_secrets(endpoint)
    if secrets_in_use:
        headers.update(signatures.headers(secrets_in_use, str(outgoing.event_id), stamp, body))
    else:
        headers.update({"webhook-id": str(outgoing.event_id), "webhook-timestamp": str(stamp)})
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


# The due deliveries of enabled endpoints, oldest first, each locked for this lane (SKIP LOCKED: another lane or
# worker takes the next ones). Plain rows, not ORM objects: a batch is read, sent and settled in two statements.
_CLAIM = (
    select(
        WebhookDelivery.id,
        WebhookDelivery.attempts,
        WebhookDelivery.created_at,
        WebhookDelivery.next_attempt_at,
        WebhookDelivery.last_status_code,
        WebhookDelivery.endpoint_id,
        Event.id.label("event_id"),
        Event.type,
        Event.data,
        Event.created_at.label("occurred_at"),
    )
    .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
    .join(Event, Event.id == WebhookDelivery.event_id)
    .where(
        WebhookDelivery.status == "pending",
        WebhookDelivery.next_attempt_at <= bindparam("now"),
        WebhookEndpoint.status == "enabled",
    )
    .order_by(WebhookDelivery.next_attempt_at)
    .limit(bindparam("limit"))
    .with_for_update(of=WebhookDelivery, skip_locked=True)
)


async def dispatch_batch(http: aiohttp.ClientSession, limit: int = BATCH) -> int:
    """Claim, send and settle one batch of due deliveries; returns how many were claimed."""
    async with database.transaction() as session:
        now = clock.now()
        rows = (await session.execute(_CLAIM, {"now": now, "limit": limit})).all()
        if not rows:
            return 0
        endpoint_ids = {row.endpoint_id for row in rows}
        endpoints = {
            endpoint.id: endpoint
            for endpoint in await session.scalars(select(WebhookEndpoint).where(WebhookEndpoint.id.in_(endpoint_ids)))
        }
        claimed = [
            Outgoing(
                row.id,
                row.attempts,
                row.created_at,
                row.next_attempt_at,
                row.last_status_code,
                endpoints[row.endpoint_id],
                row.event_id,
                row.type,
                row.data,
                row.occurred_at,
            )
            for row in rows
        ]
        due = [outgoing for outgoing in claimed if now - outgoing.created_at < DELIVERY_WINDOW]
        expired = [outgoing for outgoing in claimed if now - outgoing.created_at >= DELIVERY_WINDOW]
        results = await asyncio.gather(*(send(http, outgoing) for outgoing in due))
        await _record_attempts(session, due, results, expired)
    return len(rows)


async def _record_attempts(
    session: AsyncSession, due: list[Outgoing], results: list[AttemptResult], expired: list[Outgoing]
) -> None:
    """Record each attempt on its delivery: delivered, due again later, or failed after 7 days (the expired ones
    without an attempt); an endpoint whose attempt disables it (410 Gone, a refused address) stops receiving."""
    now = clock.now()
    disabled: dict[uuid.UUID, str] = {}
    attempts: list[dict[str, Any]] = []
    settled = [_settled(outgoing, "failed", outgoing.attempts, outgoing.last_status_code) for outgoing in expired]
    for outgoing, result in zip(due, results, strict=True):
        attempts.append(
            {
                "id": uuid.uuid4(),
                "delivery_id": outgoing.delivery_id,
                "status_code": result.status_code,
                "latency_ms": result.latency_ms,
                "response_excerpt": storable_text(result.excerpt),
                "error": storable_text(result.error),
            }
        )
        tried = outgoing.attempts + 1
        if result.delivered:
            settled.append(_settled(outgoing, "delivered", tried, result.status_code, delivered_at=now))
            continue
        if result.disables is not None:
            disabled[outgoing.endpoint.id] = result.disables
        # Retry-After can ask for longer than the schedule, never for sooner, and never past the 7 days.
        wait = retry_delay(tried)
        if result.retry_after is not None:
            wait = min(max(wait, result.retry_after), DELIVERY_WINDOW.total_seconds())
        next_at = now + timedelta(seconds=wait)
        if next_at - outgoing.created_at >= DELIVERY_WINDOW:
            settled.append(_settled(outgoing, "failed", tried, result.status_code))
        else:
            settled.append(_settled(outgoing, "pending", tried, result.status_code, next_attempt_at=next_at))
    if attempts:
        columns = {column: [attempt[column] for attempt in attempts] for column in _ATTEMPT_COLUMNS}
        await session.execute(_RECORD_ATTEMPTS, {"attempted_at": now, **columns})
    await session.execute(_SETTLE, {column: [row[column] for row in settled] for column in _SETTLED_COLUMNS})
    for endpoint_id, reason in disabled.items():
        await session.execute(
            update(WebhookEndpoint)
            .where(WebhookEndpoint.id == endpoint_id, WebhookEndpoint.status == "enabled")
            .values(status="disabled", disabled_reason=reason, updated_at=now)
        )
        log.info("webhook_endpoint_disabled", endpoint=str(endpoint_id), reason=reason)


# The batch's attempts and the settling of its deliveries are one statement each, over arrays (an executemany
# is a statement per row, each row's parameters worked through by SQLAlchemy and psycopg).
_ATTEMPT_COLUMNS = ("id", "delivery_id", "status_code", "latency_ms", "response_excerpt", "error")
_RECORD_ATTEMPTS = text(
    """
    INSERT INTO webhook_attempts (id, delivery_id, attempted_at, status_code, latency_ms, response_excerpt, error)
    SELECT v.id, v.delivery_id, :attempted_at, v.status_code, v.latency_ms, v.response_excerpt, v.error
    FROM unnest(CAST(:id AS uuid[]), CAST(:delivery_id AS uuid[]), CAST(:status_code AS smallint[]),
                CAST(:latency_ms AS integer[]), CAST(:response_excerpt AS text[]), CAST(:error AS text[]))
         AS v(id, delivery_id, status_code, latency_ms, response_excerpt, error)
    """
)
_SETTLED_COLUMNS = ("id", "status", "attempts", "last_status_code", "delivered_at", "next_attempt_at")
_SETTLE = text(
    """
    UPDATE webhook_deliveries AS d
    SET status = v.status, attempts = v.attempts, last_status_code = v.last_status_code,
        delivered_at = v.delivered_at, next_attempt_at = v.next_attempt_at
    FROM unnest(CAST(:id AS uuid[]), CAST(:status AS text[]), CAST(:attempts AS smallint[]),
                CAST(:last_status_code AS smallint[]), CAST(:delivered_at AS timestamptz[]),
                CAST(:next_attempt_at AS timestamptz[]))
         AS v(id, status, attempts, last_status_code, delivered_at, next_attempt_at)
    WHERE d.id = v.id
    """
)


def _settled(
    outgoing: Outgoing,
    status: str,
    attempts: int,
    last_status_code: int | None,
    *,
    delivered_at: datetime | None = None,
    next_attempt_at: datetime | None = None,
) -> dict[str, Any]:
    """A delivery's row after this batch, as `_SETTLE` takes it."""
    return {
        "id": outgoing.delivery_id,
        "status": status,
        "attempts": attempts,
        "last_status_code": last_status_code,
        "delivered_at": delivered_at,
        "next_attempt_at": next_attempt_at or outgoing.next_attempt_at,
    }


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
