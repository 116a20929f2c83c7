"""Who calls the Middleware: its long-lived merchant token (seed 002) or its application's access token.

A merchant token is opaque and never expires: storefront plugins send it raw, configured once. Only its keyed
digest and last four characters are kept; it is shown once, by whatever issues it (the `migo` command, the
merchant's `/v1/merchant-tokens`, the back office's client page). Revoking it stops it at once; rotating it issues
a new one and revokes the old, so a leaked token is replaced in one call.

An access token is the Gateway's (tokens.py) with the `middleware` audience, issued by `POST /auth/token` for the
Middleware application's clientId/clientSecret (seed 000: "the JWT flow shared across all three APIs"). Either
one is accepted wherever the other is, and resolves to the same MerchantPrincipal.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.db import fetch_one
from migo.platform.errors import ERRORS, ApiError, MerchantUnauthorized
from migo.platform.ids import new_id
from migo.platform.pagination import Listing
from migo.platform.secrets import Secret

from . import tokens
from .models import MerchantToken
from .principals import MerchantPrincipal

MERCHANT_TOKENS = Listing(
    name="MerchantTokens",
    sortable={"createdAt": lambda: MerchantToken.created_at},
    default_sort="createdAt",
    tiebreaker=lambda: MerchantToken.id,
)


@dataclass(frozen=True)
class NewMerchantToken:
    """A token just issued, with its value: for the one answer that shows it."""

    record: MerchantToken
    token: Secret


async def issue(session: AsyncSession, application_id: uuid.UUID, token: Secret | None = None) -> NewMerchantToken:
    """A new merchant token for a Middleware application (`token`: the sandbox's, derived to stay stable)."""
    # Alphanumeric, so it is one word wherever a plugin's settings page pastes it; never two dots, as a JWT has.
    raw = token.reveal() if token else security.random_token(32).replace("-", "").replace("_", "")
    record = MerchantToken(
        id=new_id(), application_id=application_id, token_digest=security.token_digest(raw), last4=raw[-4:]
    )
    session.add(record)
    await session.flush()
    return NewMerchantToken(record, Secret(raw))


async def revoke(session: AsyncSession, scope: Select[MerchantToken], token_id: uuid.UUID) -> MerchantToken:
    """Revoke a token of `scope` (the caller's: `access.readable` or `access.client_merchant_tokens`); it answers
    401 from now on. Revoking a revoked token changes nothing."""
    record = await _locked(session, scope, token_id)
    if record.revoked_at is None:
        record.revoked_at = clock.now()
        await session.flush()
    return record


async def rotate(session: AsyncSession, scope: Select[MerchantToken], token_id: uuid.UUID) -> NewMerchantToken:
    """A new token for the same application, the old one revoked at once (a plugin that must not stop: issue a new
    one, configure it, then revoke the old). A revoked token is not rotated (409): it is gone already."""
    record = await _locked(session, scope, token_id)
    if record.revoked_at is not None:
        raise ApiError(ERRORS.CONFLICT, "The merchant token is revoked already; issue a new one.")
    record.revoked_at = clock.now()
    return await issue(session, record.application_id)


async def _locked(session: AsyncSession, scope: Select[MerchantToken], token_id: uuid.UUID) -> MerchantToken:
    """One token of the scope, locked (a rotation and a revocation of it never interleave); another's is 404."""
    record = await session.scalar(scope.where(MerchantToken.id == token_id).with_for_update(of=MerchantToken))
    if record is None:
        raise ApiError(ERRORS.NOT_FOUND, "The merchant token does not exist.")
    return record


# The merchant's credential is checked on every Middleware call: one driver statement each (platform.db).
_MERCHANT_BY_TOKEN = (
    "SELECT a.id, a.client_slug FROM merchant_tokens t JOIN applications a ON a.id = t.application_id "
    "WHERE t.token_digest = %(digest)s AND t.revoked_at IS NULL AND a.status = 'active'"
)
_MERCHANT_BY_APPLICATION = (
    "SELECT a.id, a.client_slug FROM applications a WHERE a.id = %(id)s AND a.kind = 'middleware' "
    "AND a.status = 'active'"
)


async def authenticate(session: AsyncSession, authorization: Secret | None) -> MerchantPrincipal:
    """The merchant behind `Authorization: <token>` or `Bearer <token>` (seed 002), the token a merchant token or
    a Middleware access token; else Unauthorized (`{"message": "Unauthorized"}`, whatever was wrong)."""
    if authorization is None:
        raise MerchantUnauthorized
    raw = authorization.reveal().strip()
    if raw[:7].lower() == "bearer ":
        raw = raw[7:].strip()
    if not raw:
        raise MerchantUnauthorized
    if raw.count(".") == 2:  # a JWT (header.payload.signature); a merchant token has no dot
        try:
            claims = tokens.decode_access(raw, "middleware")
        except ApiError:
            raise MerchantUnauthorized from None
        if claims.kind != "app":
            raise MerchantUnauthorized
        # Looked up, not trusted from the token: a disabled application's tokens stop at once.
        found = await fetch_one(session, _MERCHANT_BY_APPLICATION, {"id": claims.application_id})
    else:
        found = await fetch_one(session, _MERCHANT_BY_TOKEN, {"digest": security.token_digest(raw)})
    if found is None or found.client_slug is None:
        raise MerchantUnauthorized
    return MerchantPrincipal(application_id=found.id, client_slug=found.client_slug)
