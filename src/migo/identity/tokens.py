"""Access tokens (JWT, HS256 with a derived server key) and single-use, rotating refresh tokens.

An access token says who (`sub`, `typ`), for which surface (`aud`), under which application (`app`) and
tenant (`ten`). Refresh tokens are opaque, stored as keyed digests, used once: each refresh rotates both
tokens within a family, and presenting a spent refresh token revokes the whole family (CONTRACT §3).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any, Literal

import jwt
from sqlalchemy import ColumnElement, exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import new_id
from migo.platform.secrets import Secret

from .models import DashboardSession, RefreshToken, TokenFamily

Audience = Literal["gateway", "cms", "middleware"]
SubjectKind = Literal["app", "user", "operator"]
_ISSUER = "migo"
_ALGORITHM = "HS256"
# Only Migo's own servers issue access tokens, so a token issued "in the future" is forged or came from a
# server whose clock is wrong. The leeway absorbs the skew between two replicas' NTP-kept clocks (well under a
# second) with a wide margin, and a replica's clock caught in a step correction; beyond it, refuse.
ISSUED_AT_LEEWAY_SECONDS = 30
REFRESH_PREFIX = "rt_"
REUSE = "refresh_token_reuse"


@dataclass(frozen=True)
class AccessClaims:
    subject_id: uuid.UUID
    kind: SubjectKind
    audience: Audience
    application_id: uuid.UUID
    tenant_id: uuid.UUID
    family_id: uuid.UUID


@dataclass(frozen=True)
class IssuedTokens:
    """A new pair, for the answer that hands it to the client (the only place it is revealed)."""

    access_token: Secret
    refresh_token: Secret
    expires_in: int
    refresh_expires_in: int


def _signing_key() -> bytes:
    return security.derive_key("jwt-hs256")


def encode_access(claims: AccessClaims, ttl_seconds: int) -> str:
    issued = clock.now()
    payload: dict[str, Any] = {
        "iss": _ISSUER,
        "aud": claims.audience,
        "sub": str(claims.subject_id),
        "typ": claims.kind,
        "app": str(claims.application_id),
        "ten": str(claims.tenant_id),
        "fam": str(claims.family_id),
        "iat": int(issued.timestamp()),
        "exp": int((issued + timedelta(seconds=ttl_seconds)).timestamp()),
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(payload, _signing_key(), algorithm=_ALGORITHM)


def decode_access(token: str, audience: Audience) -> AccessClaims:
    """Claims of a valid access token for `audience`; TOKEN_EXPIRED or UNAUTHORIZED otherwise.

    Issue and expiry times are checked against the platform clock (not PyJWT's), so tests can move time.
    """
    now = clock.now().timestamp()
    try:
        claims, issued, expires = _verified(token, audience, _signing_key())
        if issued > now + ISSUED_AT_LEEWAY_SECONDS:
            raise jwt.ImmatureSignatureError("the token was issued in the future")
    except (jwt.PyJWTError, ValueError, TypeError, KeyError) as exc:
        raise ApiError(ERRORS.UNAUTHORIZED, "The access token is not valid.") from exc
    if expires <= now:
        raise ApiError(ERRORS.TOKEN_EXPIRED)
    return claims


@lru_cache(maxsize=4096)
def _verified(token: str, audience: Audience, key: bytes) -> tuple[AccessClaims, int, int]:
    """A token's claims, issue time and expiry once its signature verified. A token's bytes fix its claims,
    so a client that reuses its token for 30 minutes is verified once (the key is part of the cache key: a
    new master secret verifies anew); the times depend on the clock, so the caller checks them on every
    call, and a failure is never cached."""
    payload = jwt.decode(
        token,
        key,
        algorithms=[_ALGORITHM],
        audience=audience,
        issuer=_ISSUER,
        options={
            "verify_exp": False,
            "verify_iat": False,
            "verify_nbf": False,
            "require": ["iat", "exp", "sub", "typ", "app", "ten", "fam"],
        },
    )
    # PyJWT also accepts a list that contains the audience; ours is always the one string.
    if payload["aud"] != audience:
        raise jwt.InvalidAudienceError("the audience must be exactly one string")
    claims = AccessClaims(
        subject_id=uuid.UUID(payload["sub"]),
        kind=payload["typ"],
        audience=audience,
        application_id=uuid.UUID(payload["app"]),
        tenant_id=uuid.UUID(payload["ten"]),
        family_id=uuid.UUID(payload["fam"]),
    )
    return claims, int(payload["iat"]), int(payload["exp"])


async def issue(
    session: AsyncSession,
    *,
    subject_id: uuid.UUID,
    kind: SubjectKind,
    audience: Audience,
    application_id: uuid.UUID,
    tenant_id: uuid.UUID,
    access_ttl: int,
    refresh_ttl: int,
    family_id: uuid.UUID | None = None,
) -> IssuedTokens:
    """A new access token and refresh token; a new family (a new sign-in) unless rotating within one."""
    now = clock.now()
    if family_id is None:
        family_id = new_id()
        session.add(
            TokenFamily(
                id=family_id, subject_kind=kind, subject_id=subject_id, application_id=application_id, created_at=now
            )
        )
        await session.flush()  # the family row before its first token (no ORM relationship orders them)
    claims = AccessClaims(subject_id, kind, audience, application_id, tenant_id, family_id)
    refresh = REFRESH_PREFIX + security.random_token(32)
    session.add(
        RefreshToken(
            id=new_id(),
            family_id=family_id,
            subject_kind=kind,
            subject_id=subject_id,
            application_id=application_id,
            token_digest=security.token_digest(refresh),
            expires_at=now + timedelta(seconds=refresh_ttl),
            created_at=now,
        )
    )
    await session.flush()
    return IssuedTokens(Secret(encode_access(claims, access_ttl)), Secret(refresh), access_ttl, refresh_ttl)


async def spend_refresh_token(
    session: AsyncSession, raw_token: Secret, *, kind: SubjectKind, application_id: uuid.UUID | None = None
) -> RefreshToken:
    """Mark a refresh token used and return it, so the caller can issue the next pair in its family.

    The family row is locked first, so a rotation and a revocation of the same family never interleave.
    Presenting a spent token is reuse (a stolen token, or a client bug): the whole family is revoked, and
    that revocation is committed with the 401.
    """
    row = await session.scalar(
        select(RefreshToken).where(RefreshToken.token_digest == security.token_digest(raw_token.reveal()))
    )
    if row is None or row.subject_kind != kind or (application_id and row.application_id != application_id):
        raise ApiError(ERRORS.INVALID_REFRESH_TOKEN)
    family = await session.get(TokenFamily, row.family_id, with_for_update=True, populate_existing=True)
    assert family is not None
    now = clock.now()
    if family.revoked_at is not None:
        if family.revoked_reason == REUSE:
            raise ApiError(ERRORS.REFRESH_TOKEN_REUSED)
        raise ApiError(ERRORS.INVALID_REFRESH_TOKEN, "The session was ended; authenticate again.")
    await session.refresh(row)
    if row.used_at is not None:
        family.revoked_at = now
        family.revoked_reason = REUSE
        raise ApiError(ERRORS.REFRESH_TOKEN_REUSED, keep_changes=True)
    if row.expires_at <= now:
        raise ApiError(ERRORS.INVALID_REFRESH_TOKEN, "The refresh token has expired; authenticate again.")
    row.used_at = now
    return row


async def end_sessions(session: AsyncSession, kind: SubjectKind, subject_id: uuid.UUID, reason: str) -> None:
    """Revoke every live family of a subject (a password reset signs the user out everywhere); an operator's
    dashboard sessions end with them."""
    now = clock.now()
    await session.execute(
        update(TokenFamily)
        .where(TokenFamily.subject_kind == kind, TokenFamily.subject_id == subject_id, TokenFamily.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=reason)
    )
    if kind == "operator":
        await session.execute(
            update(DashboardSession)
            .where(DashboardSession.operator_id == subject_id, DashboardSession.ended_at.is_(None))
            .values(ended_at=now, ended_reason=reason)
        )


def live_family(family_id: uuid.UUID) -> ColumnElement[bool]:
    """True when the family of an access token is still live: checked with the subject's own row."""
    return exists().where(TokenFamily.id == family_id, TokenFamily.revoked_at.is_(None))
