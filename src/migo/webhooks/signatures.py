"""Signed deliveries, Standard Webhooks style (standardwebhooks.com): `webhook-id`, `webhook-timestamp` and
`webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, with secrets written `whsec_<base64>`.
During a rotation both secrets sign, space-separated, so a receiver with either one verifies."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from migo.platform.secrets import Secret

SECRET_PREFIX = "whsec_"
SECRET_FORMAT = re.compile(r"^whsec_[A-Za-z0-9+/]{32,88}={0,2}$")


def generate_secret() -> Secret:
    return Secret(SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode())


def is_valid_secret(secret: Secret) -> bool:
    text = secret.reveal()
    if not SECRET_FORMAT.match(text):
        return False
    try:
        return len(base64.b64decode(text.removeprefix(SECRET_PREFIX), validate=True)) >= 24
    except ValueError:
        return False


def _key(secret: Secret) -> bytes:
    """The HMAC key a `whsec_` secret stands for: the one place its value is read."""
    return base64.b64decode(secret.reveal().removeprefix(SECRET_PREFIX))


def sign(secret: Secret, message_id: str, timestamp: int, body: bytes) -> str:
    key = _key(secret)
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def verify(secret: Secret, message_id: str, timestamp: str, body: bytes, signature_header: str) -> bool:
    """Whether one of the header's space-separated `v1,<base64>` signatures is this secret's over the message."""
    expected = sign(secret, message_id, int(timestamp), body)
    return any(hmac.compare_digest(candidate, expected) for candidate in signature_header.split(" ") if candidate)


def headers(secrets_in_use: list[Secret], message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(sign(secret, message_id, timestamp, body) for secret in secrets_in_use),
    }


REDIRECT_CONTEXT = "migo-return-v1\n"  # a redirect's MAC can never pass for a delivery's, made with the same key


def redirect_signature(secret: Secret, signed_query: str) -> str:
    """Hex HMAC-SHA256, with the webhook secret's key, of the hosted checkout's return parameters exactly as
    they appear in the URL (from `uid=` up to `&signature=`), after a fixed context line."""
    return hmac.new(_key(secret), (REDIRECT_CONTEXT + signed_query).encode(), hashlib.sha256).hexdigest()
