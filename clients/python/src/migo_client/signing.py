"""The Gateway's request signatures (CONTRACT §3): money-moving calls carry `x-key-id`, `x-timestamp` (Unix
seconds) and `x-signature`, the base64 HMAC-SHA256, with the signing key's secret, of

    timestamp "\\n" METHOD "\\n" path-with-query "\\n" Idempotency-Key (or "") "\\n" raw body bytes

so a signature cannot be re-aimed at another path or re-sent under a fresh Idempotency-Key."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, field

import httpx

IDEMPOTENCY_HEADER = "Idempotency-Key"


def signature(secret: str, timestamp: int, method: str, target: str, idempotency_key: str | None, body: bytes) -> str:
    """The `x-signature` of one request; `target` is the path with its query, exactly as sent."""
    head = "\n".join((str(timestamp), method.upper(), target, idempotency_key or ""))
    digest = hmac.new(secret.encode(), head.encode() + b"\n" + body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


@dataclass(frozen=True)
class SigningKey:
    """An HMAC-SHA256 signing key of the application (`POST /rest/auth/keys/rotate` issues one)."""

    key_id: str
    secret: str = field(repr=False)

    def sign(self, request: httpx.Request, timestamp: int) -> None:
        """Adds the signature headers for the request as it stands: its body must be read already, and its
        Idempotency-Key set (both are signed)."""
        request.headers["x-key-id"] = self.key_id
        request.headers["x-timestamp"] = str(timestamp)
        request.headers["x-signature"] = signature(
            self.secret,
            timestamp,
            request.method,
            request.url.raw_path.decode("ascii"),  # path and query as they go on the wire
            request.headers.get(IDEMPOTENCY_HEADER),
            request.content,
        )
