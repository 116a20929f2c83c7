"""Checking that a delivery came from Migo, in constant time.

Signed endpoints (Standard Webhooks, standardwebhooks.com): `webhook-id`, `webhook-timestamp` (Unix seconds) and
`webhook-signature`, one or more space-separated `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` (two during a
secret's rotation), keyed by the base64 after the endpoint's `whsec_` secret; a timestamp more than 5 minutes
from now is refused, so a captured delivery cannot be replayed later. Endpoints with a static header (the
Merchant Generic Callback of seed 002) carry the header name and value registered for them."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any

TOLERANCE_SECONDS = 5 * 60
SECRET_PREFIX = "whsec_"


class WebhookVerificationError(Exception):
    """The delivery is not one Migo sent with this secret (or it is too old)."""


def verify_webhook(
    headers: Mapping[str, str],
    body: bytes,
    secret: str,
    *,
    tolerance: int = TOLERANCE_SECONDS,
    now: float | None = None,
) -> Any:
    """The delivery's JSON payload, once its Standard Webhooks signature verifies over the raw `body` bytes (as
    received, before any parsing); else WebhookVerificationError."""
    lowered = {name.lower(): value for name, value in headers.items()}
    message_id, timestamp, signatures = (
        lowered.get("webhook-id"),
        lowered.get("webhook-timestamp"),
        lowered.get("webhook-signature"),
    )
    if not message_id or not timestamp or not signatures:
        raise WebhookVerificationError("webhook-id, webhook-timestamp and webhook-signature headers are required")
    if not timestamp.isdigit():
        raise WebhookVerificationError("webhook-timestamp must be Unix seconds")
    if abs((time.time() if now is None else now) - int(timestamp)) > tolerance:
        raise WebhookVerificationError("webhook-timestamp is too far from now: an old or replayed delivery")
    expected = base64.b64encode(
        hmac.new(_key(secret), f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    )
    for candidate in signatures.split(" "):
        version, _, signature = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(signature.encode(), expected):
            return json.loads(body)
    raise WebhookVerificationError("No signature matches this secret and body")


def verify_static_header(headers: Mapping[str, str], body: bytes, *, name: str, value: str) -> Any:
    """The delivery's JSON payload, once it carries the static header registered for the endpoint (its name
    matched case-insensitively, its value compared in constant time); else WebhookVerificationError."""
    received = next((v for k, v in headers.items() if k.lower() == name.lower()), None)
    if received is None or not hmac.compare_digest(received.encode(), value.encode()):
        raise WebhookVerificationError(f"The {name} header is missing or wrong")
    return json.loads(body)


def _key(secret: str) -> bytes:
    try:
        return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("A webhook secret is whsec_ followed by base64") from exc
