"""Who is calling: typed FastAPI dependencies, one per kind of caller, for routers to declare.

- Gateway: `GatewayApp` (application Bearer), `GatewayUser` (cardholder Bearer, or application Bearer plus
  `x-user-token`), `Caller` (either), `SignedRequest` (a valid request signature, CONTRACT §3).
- CMS: `CmsApp`, `CmsOperator` (application Bearer plus the operator's `x-user-token`), `require_permission`.
- Middleware: `Merchant` (the merchant token or the Middleware application's access token, raw or `Bearer `).
"""

from __future__ import annotations

import ipaddress
import uuid
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import idempotency
from migo.platform.db import fetch_batch
from migo.platform.errors import ERRORS, ApiError
from migo.platform.idempotency import idempotency_for
from migo.platform.routing import DbSession, keep_despite_rollback
from migo.platform.secrets import Secret

from . import merchant_tokens, operators, signing, tokens
from .access import readable
from .errors import IDENTITY_ERRORS
from .models import User
from .principals import AppPrincipal, GatewayCaller, MerchantPrincipal, OperatorPrincipal, UserPrincipal

_bearer = HTTPBearer(auto_error=False, description="An access token from `POST …/auth/token` or a login.")
_user_token = APIKeyHeader(
    name="x-user-token", auto_error=False, description="The cardholder's or operator's access token."
)
_merchant_token = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    description="The merchant token, raw (recommended) or after `Bearer `; or an access token from `POST /auth/token`.",
)


def _claims(credentials: HTTPAuthorizationCredentials | None, audience: tokens.Audience) -> tokens.AccessClaims:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise ApiError(ERRORS.UNAUTHORIZED, "Send `Authorization: Bearer <access token>`.")
    return tokens.decode_access(credentials.credentials, audience)


def _application(claims: tokens.AccessClaims) -> AppPrincipal:
    if claims.kind != "app":
        raise ApiError(ERRORS.UNAUTHORIZED, "An application access token is required here.")
    return AppPrincipal(application_id=claims.application_id, tenant_id=claims.tenant_id)


async def gateway_app(credentials: HTTPAuthorizationCredentials | None = Security(_bearer)) -> AppPrincipal:
    return _application(_claims(credentials, "gateway"))


async def optional_gateway_app(
    credentials: HTTPAuthorizationCredentials | None = Security(_bearer),
) -> AppPrincipal | None:
    """The application, when the call carries a Bearer token (a route that takes other credentials too)."""
    return _application(_claims(credentials, "gateway")) if credentials is not None else None


async def cms_app(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Security(_bearer)
) -> AppPrincipal:
    app = _application(_claims(credentials, "cms"))
    request.state.cms_app = app  # whose call it is, for the back office's audit trail
    return app


async def gateway_caller(
    session: DbSession,
    credentials: HTTPAuthorizationCredentials | None = Security(_bearer),
    user_token: str | None = Security(_user_token),
) -> GatewayCaller:
    claims = _claims(credentials, "gateway")
    if claims.kind == "app" and user_token:
        on_behalf = tokens.decode_access(user_token, "gateway")
        if on_behalf.application_id != claims.application_id or on_behalf.kind != "user":
            raise ApiError(ERRORS.UNAUTHORIZED, "The x-user-token is not a cardholder token of this application.")
        claims = on_behalf
    if claims.kind == "app":
        return GatewayCaller(application_id=claims.application_id, company_id=claims.tenant_id, user_id=None)
    if claims.kind != "user":
        raise ApiError(ERRORS.UNAUTHORIZED, "The access token is not valid here.")
    found = (
        await session.execute(
            readable(User, claims.tenant_id)
            .with_only_columns(User.status, tokens.live_family(claims.family_id))
            .where(User.id == claims.subject_id)
        )
    ).first()
    if found is None or not found[1]:
        raise ApiError(ERRORS.UNAUTHORIZED, "The session of this token has ended; sign in again.")
    if found[0] != "active":
        raise ApiError(IDENTITY_ERRORS.USER_DISABLED)
    return GatewayCaller(application_id=claims.application_id, company_id=claims.tenant_id, user_id=claims.subject_id)


async def gateway_user(caller: GatewayCaller = Depends(gateway_caller)) -> UserPrincipal:
    if caller.user_id is None:
        raise ApiError(ERRORS.USER_TOKEN_REQUIRED)
    return UserPrincipal(user_id=caller.user_id, company_id=caller.company_id, application_id=caller.application_id)


async def cms_operator(
    request: Request,
    session: DbSession,
    app: AppPrincipal = Depends(cms_app),
    user_token: str | None = Security(_user_token),
) -> OperatorPrincipal:
    if not user_token:
        raise ApiError(IDENTITY_ERRORS.OPERATOR_TOKEN_REQUIRED)
    claims = tokens.decode_access(user_token, "cms")
    if claims.kind != "operator" or claims.application_id != app.application_id or claims.tenant_id != app.tenant_id:
        raise ApiError(ERRORS.UNAUTHORIZED, "The x-user-token is not an operator token of this application.")
    access = await operators.access_of(session, claims.subject_id, claims.tenant_id, claims.family_id)
    operator = OperatorPrincipal(
        operator_id=claims.subject_id,
        partner_id=claims.tenant_id,
        application_id=app.application_id,
        roles=tuple(access.roles),
        permissions=access.permissions,
        platform=access.platform,
        client_slug=access.operator.client_slug,
    )
    request.state.operator = operator  # who made the call, for the back office's audit trail
    return operator


def require_permission(permission: str) -> OperatorPrincipal:
    """`operator: OperatorPrincipal = require_permission("cardholders.read")` in a CMS endpoint."""
    if permission not in operators.PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")

    async def check(operator: OperatorPrincipal = Depends(cms_operator)) -> OperatorPrincipal:
        if permission not in operator.permissions:
            raise ApiError(IDENTITY_ERRORS.PERMISSION_DENIED, f"This action needs the `{permission}` permission.")
        return operator

    check.permission = permission  # type: ignore[attr-defined]  # what a route needs, for its tests and docs
    return Depends(check)


async def merchant(session: DbSession, authorization: str | None = Security(_merchant_token)) -> MerchantPrincipal:
    return await merchant_tokens.authenticate(session, Secret(authorization) if authorization else None)


KEY_ID_HEADER = Header(None, alias="x-key-id", description="Id of the signing key.")
TIMESTAMP_HEADER = Header(None, alias="x-timestamp", description="Unix seconds; within 5 minutes of the server clock.")
SIGNATURE_HEADER = Header(
    None,
    alias="x-signature",
    description='base64 signature over `timestamp "\\n" METHOD "\\n" path-with-query "\\n" Idempotency-Key '
    '(or empty) "\\n" raw body`.',
)


def signed_target(request: Request) -> str:
    """The path and query as the client sent them (percent-encoding kept): what it signed."""
    raw = request.scope.get("raw_path")
    path = raw.decode("latin-1").split("?", 1)[0] if raw else request.scope["path"]
    query = request.scope.get("query_string", b"").decode("latin-1")
    return f"{path}?{query}" if query else path


async def _verify_signature(
    request: Request,
    session: AsyncSession,
    app: AppPrincipal,
    key_id: str | None,
    timestamp: str | None,
    signature: str | None,
    *,
    idempotency_key: str | None,
    pending: idempotency.PendingIdempotency | None,
) -> signing.LiveKey:
    """The key lookup, the signature's one use and (with an Idempotency-Key) the idempotency lock and stored
    answer, in one round trip; the signature is verified before anything is replayed. A used signature is
    refused unless it carries the Idempotency-Key whose answer is stored: that answer is replayed."""
    headers = signing.read_headers(key_id, timestamp, signature)
    use = signing.use_statement(headers)
    statements = [signing.key_statement(app.application_id, headers), use]
    found, first_use, *stored = await fetch_batch(session, [*statements, *(pending.statements() if pending else [])])
    signed = signing.SignedRequest(request.method, signed_target(request), idempotency_key, await request.body())
    key = signing.verified_key(headers, found, signed)
    keep_despite_rollback(request, use)
    if pending is not None:
        idempotency.settle(request, pending, *stored)  # the 409s, or the stored answer
    signing.refuse_replay(first_use)
    return key


async def signed_request(
    request: Request,
    session: DbSession,
    app: AppPrincipal = Depends(gateway_app),
    key_id: str | None = KEY_ID_HEADER,
    timestamp: str | None = TIMESTAMP_HEADER,
    signature: str | None = SIGNATURE_HEADER,
) -> signing.LiveKey:
    """A signed call that is not idempotent: its signature works once."""
    key = request.headers.get(idempotency.HEADER)
    return await _verify_signature(
        request, session, app, key_id, timestamp, signature, idempotency_key=key, pending=None
    )


async def signed_idempotent_request(
    request: Request,
    session: DbSession,
    app: AppPrincipal = Depends(gateway_app),
    caller: GatewayCaller = Depends(gateway_caller),
    key_id: str | None = KEY_ID_HEADER,
    timestamp: str | None = TIMESTAMP_HEADER,
    signature: str | None = SIGNATURE_HEADER,
    idempotency_key: str | None = idempotency.key_header(),
) -> signing.LiveKey:
    """A money-moving call: its signature, then its Idempotency-Key."""
    return await verify_signed_idempotent(
        request, session, app, caller.idempotency_scope, key_id, timestamp, signature, idempotency_key
    )


async def verify_signed_idempotent(
    request: Request,
    session: AsyncSession,
    app: AppPrincipal,
    scope: str,
    key_id: str | None,
    timestamp: str | None,
    signature: str | None,
    idempotency_key: str | None,
) -> signing.LiveKey:
    """The signature of the application's call, then its Idempotency-Key (kept under `scope`; a malformed key
    is reported only once the signature verifies). For a route that takes other credentials too and has
    resolved the application itself."""
    try:
        pending = idempotency.start(request, scope, idempotency_key, await request.body())
    except ApiError as malformed_key:
        await _verify_signature(
            request, session, app, key_id, timestamp, signature, idempotency_key=idempotency_key, pending=None
        )
        raise malformed_key from None
    return await _verify_signature(
        request, session, app, key_id, timestamp, signature, idempotency_key=idempotency_key, pending=pending
    )


async def client_ip(request: Request) -> str:
    """Whom per-address limits count: the IPv4 address, or the /64 of an IPv6 one (one subscriber's block:
    its addresses are free to rotate through). Async: a plain function would cost a thread hop per request."""
    host = request.client.host if request.client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


GatewayApp = Annotated[AppPrincipal, Depends(gateway_app)]
GatewayUser = Annotated[UserPrincipal, Depends(gateway_user)]
Caller = Annotated[GatewayCaller, Depends(gateway_caller)]
SignedRequest = Annotated[signing.LiveKey, Depends(signed_request)]
CmsApp = Annotated[AppPrincipal, Depends(cms_app)]
CmsOperator = Annotated[OperatorPrincipal, Depends(cms_operator)]
Merchant = Annotated[MerchantPrincipal, Depends(merchant)]
ClientIp = Annotated[str, Depends(client_ip)]
# The partner a CMS call acts on, for `access.acting_partner`: a platform (global) operator names any.
NamedPartner = Annotated[
    uuid.UUID | None,
    Query(
        alias="partnerId",
        description="A platform (global) operator: the partner to act on; left out, the caller's own. Any other "
        "partner answers 404 (7812).",
    ),
]

# `dependencies=[GatewayIdempotent]` makes a Gateway endpoint honour Idempotency-Key, scoped per application.
GatewayIdempotent = idempotency_for(gateway_caller, caller_scope=lambda caller: caller.idempotency_scope)
# The same for endpoints only an application may call (`GatewayApp`: a cardholder's token is refused).
GatewayAppIdempotent = idempotency_for(gateway_app, caller_scope=lambda app: app.idempotency_scope)
# `dependencies=[SignedIdempotent]`: a money-moving Gateway call, signed and honouring Idempotency-Key.
SignedIdempotent = Depends(signed_idempotent_request)
CmsIdempotent = idempotency_for(cms_app, caller_scope=lambda app: app.idempotency_scope)
# An operator's keys are its own: a stored answer is replayed only to the operator who made the request.
CmsOperatorIdempotent = idempotency_for(
    cms_operator, caller_scope=lambda op: f"app:{op.application_id}:operator:{op.operator_id}"
)
MerchantIdempotent = idempotency_for(merchant, caller_scope=lambda m: m.idempotency_scope)
