"""Request signatures for money-moving Gateway calls (CONTRACT §3).

The client sends `x-key-id`, `x-timestamp` (Unix seconds) and `x-signature`: base64 of HMAC-SHA256 or of an
Ed25519 signature over the whole request,

    timestamp "\n" METHOD "\n" path-with-query "\n" Idempotency-Key (or "") "\n" raw body bytes

so a signature cannot be re-aimed at another path (another card) or re-sent under a fresh Idempotency-Key. A
signature is good for one request: sent again it is refused, unless it carries the same Idempotency-Key,
whose stored answer is then replayed. A signature that does not verify is 7604 INVALID_SIGNATURE; an expired
key is 7616 KEYS_EXPIRED. Rotation issues a new key and lets the previous ones live 24 h more, so a fleet can
switch without failed calls.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.db import Statement
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import prefixed
from migo.platform.secrets import Secret
from migo.platform.settings import get_settings

from .access import readable
from .errors import IDENTITY_ERRORS
from .models import SigningKey

Algorithm = Literal["HMAC-SHA256", "ED25519"]
ROTATION_GRACE = timedelta(hours=24)
KEY_ID_HEADER = "x-key-id"
TIMESTAMP_HEADER = "x-timestamp"
SIGNATURE_HEADER = "x-signature"


@dataclass(frozen=True)
class LiveKey:
    """The columns a signature check reads (a driver row, not an ORM object: it runs on every signed call)."""

    id: str
    algorithm: str
    secret_ciphertext: bytes | None
    public_key: bytes | None
    expires_at: datetime
    revoked_at: datetime | None


_LIVE_KEY_SQL = (
    "SELECT id, algorithm, secret_ciphertext, public_key, expires_at, revoked_at FROM signing_keys "
    "WHERE id = %(key_id)s AND application_id = %(application_id)s"
)


@dataclass(frozen=True)
class NewSigningKey:
    key: SigningKey
    secret: Secret | None  # the HMAC secret, shown once


def _seal(key_id: str, secret: Secret) -> bytes:
    return security.encrypt(secret.reveal().encode(), purpose="signing-key", context=key_id.encode())


def _unseal(key: SigningKey | LiveKey) -> bytes:
    assert key.secret_ciphertext is not None
    return security.decrypt(key.secret_ciphertext, purpose="signing-key", context=key.id.encode())


def ensure_hmac_secret(key: SigningKey, secret: Secret) -> None:
    """Re-seal an HMAC key's secret when it no longer opens (the master secret changed)."""
    try:
        if hmac.compare_digest(_unseal(key), secret.reveal().encode()):
            return
    except InvalidTag:
        pass
    key.secret_ciphertext = _seal(key.id, secret)


def _decode_ed25519_public_key(text: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise ApiError(
            IDENTITY_ERRORS.INVALID_SIGNING_KEY, "publicKey must be a base64-encoded raw 32-byte Ed25519 public key"
        ) from exc
    return raw


async def create_key(
    session: AsyncSession,
    application_id: uuid.UUID,
    *,
    algorithm: Algorithm = "HMAC-SHA256",
    public_key: str | None = None,
    valid_for: timedelta = timedelta(days=365),
    key_id: str | None = None,
    secret: Secret | None = None,
) -> NewSigningKey:
    key_id = key_id or prefixed("key", 12)
    now = clock.now()
    key = SigningKey(
        id=key_id, application_id=application_id, algorithm=algorithm, created_at=now, expires_at=now + valid_for
    )
    if algorithm == "HMAC-SHA256":
        if public_key is not None:
            raise ApiError(ERRORS.VALIDATION_ERROR, "publicKey is only for ED25519 keys")
        secret = secret or Secret(security.random_token(32))
        key.secret_ciphertext = _seal(key_id, secret)
    else:
        if public_key is None:
            raise ApiError(ERRORS.VALIDATION_ERROR, "body.publicKey: required for ED25519 keys")
        key.public_key = _decode_ed25519_public_key(public_key)
        secret = None
    session.add(key)
    await session.flush()
    return NewSigningKey(key, secret)


async def rotate_keys(
    session: AsyncSession,
    application_id: uuid.UUID,
    *,
    algorithm: Algorithm,
    public_key: str | None,
    valid_for: timedelta,
) -> NewSigningKey:
    """A new key; the application's other live keys expire within 24 hours (sooner if they already did)."""
    now = clock.now()
    retire_at = now + ROTATION_GRACE
    await session.execute(
        update(SigningKey)
        .where(
            SigningKey.application_id == application_id,
            SigningKey.revoked_at.is_(None),
            SigningKey.expires_at > retire_at,
        )
        .values(expires_at=retire_at)
    )
    return await create_key(session, application_id, algorithm=algorithm, public_key=public_key, valid_for=valid_for)


async def get_key(session: AsyncSession, application_id: uuid.UUID, key_id: str) -> SigningKey:
    key = await session.scalar(readable(SigningKey, application_id).where(SigningKey.id == key_id))
    if key is None:
        raise ApiError(IDENTITY_ERRORS.SIGNING_KEY_NOT_FOUND)
    return key


async def revoke_key(session: AsyncSession, application_id: uuid.UUID, key_id: str) -> SigningKey:
    key = await get_key(session, application_id, key_id)
    if key.revoked_at is None:
        key.revoked_at = clock.now()
    return key


def key_status(key: SigningKey) -> str:
    if key.revoked_at is not None:
        return "revoked"
    return "expired" if key.expires_at <= clock.now() else "active"


def _invalid(detail: str) -> ApiError:
    return ApiError(IDENTITY_ERRORS.INVALID_SIGNATURE, detail)


def _decode_signature(text: str) -> bytes:
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_" if ("-" in text or "_" in text) else None)
    except (binascii.Error, ValueError) as exc:
        raise _invalid("x-signature must be base64") from exc


@dataclass(frozen=True)
class SignatureHeaders:
    key_id: str
    timestamp: str
    signature: bytes


def read_headers(key_id: str | None, timestamp: str | None, signature: str | None) -> SignatureHeaders:
    """The three headers, present, well formed and within the clock tolerance; else INVALID_SIGNATURE."""
    if not key_id or not timestamp or not signature:
        raise _invalid(f"{KEY_ID_HEADER}, {TIMESTAMP_HEADER} and {SIGNATURE_HEADER} headers are required")
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", key_id):  # a key id is at most 64 such characters (signing_keys.id)
        raise _invalid(f"{KEY_ID_HEADER} does not name a signing key")
    if not re.fullmatch(r"[0-9]{1,12}", timestamp):
        raise _invalid(f"{TIMESTAMP_HEADER} must be Unix seconds")
    tolerance = get_settings().signature_tolerance_seconds
    if abs(clock.now().timestamp() - int(timestamp)) > tolerance:
        raise _invalid(f"{TIMESTAMP_HEADER} is more than {tolerance // 60} minutes from the server's clock")
    return SignatureHeaders(key_id, timestamp, _decode_signature(signature))


def key_statement(application_id: uuid.UUID, headers: SignatureHeaders) -> Statement:
    """Looks up the key the headers name, among the application's own (a driver statement)."""
    return _LIVE_KEY_SQL, {"key_id": headers.key_id, "application_id": application_id}


@dataclass(frozen=True)
class SignedRequest:
    """What a signature covers: the request as sent."""

    method: str
    target: str  # the path as sent, with its query string: `/rest/cards/{id}/funds?x=1`
    idempotency_key: str | None
    body: bytes

    def message(self, timestamp: str) -> bytes:
        head = "\n".join((timestamp, self.method.upper(), self.target, self.idempotency_key or ""))
        return head.encode() + b"\n" + self.body


# A signature is accepted once. The insert runs in the round trip that looks the key up, before the signature
# is verified: a refusal rolls it back, and a request that fails after the signature verified records the use
# on its own (platform.routing `keep_despite_rollback`), so a captured signature never works twice.
_USE_SQL = (
    "INSERT INTO signature_uses (key_id, signature_digest, expires_at) "
    "VALUES (%(key_id)s, %(digest)s, %(expires_at)s) ON CONFLICT DO NOTHING RETURNING true AS first_use"
)


def use_statement(headers: SignatureHeaders) -> Statement:
    """Records this use of the signature; `refuse_replay` reads the answer."""
    expires_at = clock.now() + timedelta(seconds=2 * get_settings().signature_tolerance_seconds)
    digest = hashlib.sha256(headers.signature).digest()
    return _USE_SQL, {"key_id": headers.key_id, "digest": digest, "expires_at": expires_at}


_MISMATCH = "The signature does not match this request; sign timestamp, method, path, Idempotency-Key and raw body."


def verified_key(headers: SignatureHeaders, found: Any, request: SignedRequest) -> LiveKey:
    """The key `key_statement` found (None: no such key), once the request's signature verifies with it."""
    key = LiveKey(*found) if found is not None else None
    if key is None or key.revoked_at is not None:
        raise _invalid(f"{KEY_ID_HEADER} does not name a live signing key of this application")
    if key.expires_at <= clock.now():
        raise ApiError(IDENTITY_ERRORS.KEYS_EXPIRED)
    message = request.message(headers.timestamp)
    provided = headers.signature
    if key.algorithm == "HMAC-SHA256":
        expected = hmac.new(_unseal(key), message, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, provided):
            raise _invalid(_MISMATCH)
    else:
        assert key.public_key is not None
        try:
            Ed25519PublicKey.from_public_bytes(key.public_key).verify(provided, message)
        except InvalidSignature as exc:
            raise _invalid(_MISMATCH) from exc
    return key


def refuse_replay(used: Any) -> None:
    """INVALID_SIGNATURE when `use_statement` found the signature already accepted."""
    if used is None:
        raise _invalid(
            "This signature was already used; sign each request anew (a retry with the same Idempotency-Key "
            "replays the first answer)."
        )


def sign(secret: Secret, timestamp: int, request: SignedRequest) -> str:
    """How a client signs with an HMAC key (used by the sandbox cheat sheet, tests and benchmarks)."""
    digest = hmac.new(secret.reveal().encode(), request.message(str(timestamp)), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()
