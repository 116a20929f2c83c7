"""Identity endpoints of the three surfaces: parse, call the service, answer."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Query
from sqlalchemy import Select

from migo.platform.envelope import CustomResponse, UnauthorizedResponse, created, ok
from migo.platform.errors import ERRORS, ApiError
from migo.platform.pagination import Listing, Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.settings import get_settings

from . import applications, cardholders, merchant_tokens, operator_accounts, operators, otp, signing, tokens, users
from .access import readable
from .applications import ApplicationKind
from .auth import (
    Caller,
    ClientIp,
    CmsApp,
    CmsOperator,
    GatewayApp,
    GatewayIdempotent,
    Merchant,
    MerchantIdempotent,
    SignedRequest,
)
from .errors import IDENTITY_ERRORS
from .models import MerchantToken, OutboundMessage, SigningKey, User
from .principals import MerchantPrincipal
from .schemas import (
    Cardholder,
    CardholderCreate,
    CardholderUpdate,
    ClientCredentials,
    LoginRequest,
    MerchantIdentity,
    MerchantTokenOut,
    NewMerchantTokenOut,
    NewSigningKeyOut,
    OperatorPasswordReset,
    OperatorProfile,
    OtpRequestBody,
    OtpSent,
    OutboxMessage,
    PasswordReset,
    PasswordResetRequest,
    RefreshRequest,
    RotateKeysRequest,
    SignatureCheck,
    SigningKeyOut,
    TokenPair,
)


def application_token_router(kind: ApplicationKind) -> APIRouter:
    """`POST /auth/token` and `POST /auth/refresh`: the same contract on the three surfaces, answered in the
    CustomResponse envelope on the Gateway and the CMS, bare on the Middleware (whose authorizer answers any bad
    access or refresh token `{"message": "Unauthorized"}`)."""
    router = APIRouter(
        route_class=MigoRoute,
        tags=["Authentication"],
        responses={401: {"description": "The credentials or the refresh token are not valid"}},
    )
    bare = kind == "middleware"

    def answer(issued: tokens.IssuedTokens) -> Any:
        return TokenPair.of(issued) if bare else ok(TokenPair.of(issued))

    @router.post("/auth/token", response_model=TokenPair if bare else CustomResponse[TokenPair])
    async def issue_access_token(body: ClientCredentials, ip: ClientIp, session: DbSession) -> Any:
        """Exchange the application's clientId/clientSecret for an access token (30 min) and a refresh
        token (7 days, single use). Ten wrong secrets for a clientId in 15 minutes, or 60 tries from one
        address in 5, are refused for the rest of the window (429 with Retry-After); refreshing is not."""
        try:
            application = await applications.authenticate_client(
                session, body.client_id, body.client_secret, kind, client_ip=ip
            )
        except ApiError as refused:
            if not bare or refused.error is not ERRORS.INVALID_CREDENTIALS:
                raise
            # Body credentials the handler checks: the Middleware's ErrorResponseDto, as for the hook's key pair.
            raise ApiError(IDENTITY_ERRORS.INVALID_CLIENT_CREDENTIALS, refused.detail) from None
        return answer(await applications.issue_application_tokens(session, application))

    # The Middleware's bare 401 is not its ErrorResponseDto (the `default` answer): documented apart.
    refused: dict[int | str, dict[str, Any]] = {
        401: {"model": UnauthorizedResponse, "description": "The refresh token is not valid, has expired or was spent."}
    }

    @router.post(
        "/auth/refresh",
        response_model=TokenPair if bare else CustomResponse[TokenPair],
        responses=refused if bare else None,
    )
    async def refresh_access_token(body: RefreshRequest, session: DbSession) -> Any:
        """Rotate both tokens. A refresh token works once; presenting a spent one revokes its session."""
        return answer(await applications.refresh_application_tokens(session, body.refresh_token, kind))

    return router


# ---- Wallet Gateway -------------------------------------------------------------------------------------

gateway_keys = APIRouter(route_class=MigoRoute, prefix="/auth", tags=["Signing keys"])

SIGNING_KEYS = Listing(
    name="SigningKeys",
    sortable={"createdAt": lambda: SigningKey.created_at, "expiresAt": lambda: SigningKey.expires_at},
    default_sort="createdAt",
    tiebreaker=lambda: SigningKey.id,
)


@gateway_keys.post(
    "/keys/rotate", status_code=201, response_model=CustomResponse[NewSigningKeyOut], dependencies=[GatewayIdempotent]
)
async def rotate_signing_keys(body: RotateKeysRequest, app: GatewayApp, session: DbSession) -> Any:
    """Create a signing key; the application's other keys stay valid for 24 hours more, then expire.
    For HMAC-SHA256 the secret is in this answer only; for ED25519 send your public key."""
    new = await signing.rotate_keys(
        session,
        app.application_id,
        algorithm=body.algorithm,
        public_key=body.public_key,
        valid_for=timedelta(days=body.expires_in_days),
    )
    shown = new.secret.reveal() if new.secret else None  # an HMAC secret is shown this once
    return created(NewSigningKeyOut(**SigningKeyOut.of(new.key).model_dump(), secret=shown))


@gateway_keys.get("/keys", response_model=CustomResponse[Page[SigningKeyOut]])
async def list_signing_keys(app: GatewayApp, session: DbSession, page: PageRequest = SIGNING_KEYS.params()) -> Any:
    rows, meta = await SIGNING_KEYS.fetch(session, readable(SigningKey, app.application_id), page)
    return ok(Page[SigningKeyOut](items=[SigningKeyOut.of(key) for key in rows], meta=meta))


@gateway_keys.get("/keys/{keyId}", response_model=CustomResponse[SigningKeyOut])
async def get_signing_key(keyId: str, app: GatewayApp, session: DbSession) -> Any:
    return ok(SigningKeyOut.of(await signing.get_key(session, app.application_id, keyId)))


@gateway_keys.delete("/keys/{keyId}", response_model=CustomResponse[SigningKeyOut])
async def revoke_signing_key(keyId: str, app: GatewayApp, session: DbSession) -> Any:
    """Revoke a key at once (a leaked secret, say). Requests signed with it then fail with 7604."""
    return ok(SigningKeyOut.of(await signing.revoke_key(session, app.application_id, keyId)))


@gateway_keys.post("/signature/verify", response_model=CustomResponse[SignatureCheck])
async def verify_signature(key: SignedRequest, body: dict[str, Any] | None = None) -> Any:
    """Check your request signing: sign any JSON body exactly as for a money-moving call."""
    return ok(SignatureCheck(key_id=key.id, algorithm=key.algorithm))


gateway_users_auth = APIRouter(route_class=MigoRoute, prefix="/users/auth", tags=["Cardholder sign-in"])


@gateway_users_auth.post("/login", response_model=CustomResponse[TokenPair])
async def login_user(body: LoginRequest, app: GatewayApp, ip: ClientIp, session: DbSession) -> Any:
    """Sign a cardholder in (application Bearer required). Five wrong passwords in 15 minutes lock the
    account for the rest of the window (429 with Retry-After)."""
    issued = await users.login(
        session,
        company_id=app.tenant_id,
        application_id=app.application_id,
        username=body.username,
        password=body.password,
        client_ip=ip,
    )
    return ok(TokenPair.of(issued))


@gateway_users_auth.post("/refresh", response_model=CustomResponse[TokenPair])
async def refresh_user_token(body: RefreshRequest, app: GatewayApp, session: DbSession) -> Any:
    issued = await users.refresh(session, application_id=app.application_id, refresh_token=body.refresh_token)
    return ok(TokenPair.of(issued))


@gateway_users_auth.post("/otp", response_model=CustomResponse[OtpSent])
async def send_user_otp(body: OtpRequestBody, app: GatewayApp, ip: ClientIp, session: DbSession) -> Any:
    """Send a one-time code (6 digits, 10 minutes, single use) to the cardholder's email or phone."""
    sent = await users.send_otp(
        session, company_id=app.tenant_id, username=body.username, purpose=body.purpose, client_ip=ip
    )
    return ok(OtpSent(expires_in=sent.expires_in))


@gateway_users_auth.post("/password/reset", response_model=CustomResponse[PasswordReset])
async def reset_user_password(body: PasswordResetRequest, app: GatewayApp, ip: ClientIp, session: DbSession) -> Any:
    """Set a new password with a code from `/users/auth/otp` (also how company-registered cardholders set
    their first password)."""
    user = await users.reset_password(
        session,
        company_id=app.tenant_id,
        username=body.username,
        code=body.code,
        new_password=body.new_password,
        client_ip=ip,
    )
    return ok(PasswordReset(user_id=user.id))


gateway_cardholders = APIRouter(route_class=MigoRoute, prefix="/users", tags=["Cardholders"])

CARDHOLDERS = Listing(
    name="Cardholders",
    sortable={
        "createdAt": lambda: User.created_at,
        "username": lambda: User.username,
        "lastName": lambda: User.last_name,
    },
    default_sort="createdAt",
    tiebreaker=lambda: User.id,
    searchable=(
        lambda: User.username,
        lambda: User.first_name,
        lambda: User.last_name,
        lambda: User.email,
        lambda: User.phone,
        lambda: User.document_number,
    ),
)


@gateway_cardholders.post(
    "", status_code=201, response_model=CustomResponse[Cardholder], dependencies=[GatewayIdempotent]
)
async def create_cardholder(body: CardholderCreate, app: GatewayApp, session: DbSession) -> Any:
    """Create a cardholder in the company's environment (seed 004, step 2). With a password the cardholder
    registered themselves; without one the company registered them, and they set it with a one-time code."""
    user = await cardholders.register(
        session,
        app.tenant_id,
        username=body.username,
        details=cardholders.CardholderDetails(**body.model_dump(exclude={"username", "password"})),
        password=body.password,
    )
    return created(Cardholder.of(user))


@gateway_cardholders.get("", response_model=CustomResponse[Page[Cardholder]])
async def list_cardholders(app: GatewayApp, session: DbSession, page: PageRequest = CARDHOLDERS.params()) -> Any:
    """The company's cardholders; `searchText` matches username, names, email, phone and document number."""
    rows, meta = await CARDHOLDERS.fetch(session, cardholders.listing(app.tenant_id), page)
    return ok(Page[Cardholder](items=[Cardholder.of(user) for user in rows], meta=meta))


@gateway_cardholders.get("/{userId}", response_model=CustomResponse[Cardholder])
async def get_cardholder(userId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    """An application reads any cardholder of its company; a cardholder reads themselves."""
    if caller.user_id is not None and caller.user_id != userId:
        raise ApiError(IDENTITY_ERRORS.USER_NOT_FOUND)
    return ok(Cardholder.of(await cardholders.get(session, caller.company_id, userId)))


@gateway_cardholders.patch("/{userId}", response_model=CustomResponse[Cardholder])
async def update_cardholder(userId: uuid.UUID, body: CardholderUpdate, app: GatewayApp, session: DbSession) -> Any:
    changes = body.model_dump(exclude_unset=True)
    return ok(Cardholder.of(await cardholders.update(session, app.tenant_id, userId, changes)))


sandbox_outbox = APIRouter(route_class=MigoRoute, prefix="/sandbox", tags=["Sandbox"])

OUTBOX = Listing(
    name="OutboxMessages",
    sortable={"createdAt": lambda: OutboundMessage.created_at},
    default_sort="createdAt",
    tiebreaker=lambda: OutboundMessage.id,
)


@sandbox_outbox.get("/outbox", response_model=CustomResponse[Page[OutboxMessage]])
async def read_sandbox_outbox(
    app: GatewayApp,
    session: DbSession,
    username: str = Query(min_length=1, max_length=150),
    page: PageRequest = OUTBOX.params(),
) -> Any:
    """Sandbox only: the messages (one-time codes included) sent to a cardholder of your company."""
    rows, meta = await OUTBOX.fetch(session, users.outbox_of(app.tenant_id, username), page)
    entries = await otp.outbox_entries(session, rows)
    return ok(Page[OutboxMessage](items=[OutboxMessage.of(*entry) for entry in entries], meta=meta))


# ---- CMS ---------------------------------------------------------------------------------------------

cms_operators = APIRouter(route_class=MigoRoute, tags=["Operators and roles"])


@cms_operators.post("/auth/login", response_model=CustomResponse[TokenPair], tags=["Authentication"])
async def login_operator(body: LoginRequest, app: CmsApp, ip: ClientIp, session: DbSession) -> Any:
    """Sign an operator in under the CMS application's Bearer; send the `accessToken` as `x-user-token`."""
    issued = await operators.login(
        session,
        partner_id=app.tenant_id,
        application_id=app.application_id,
        username=body.username,
        password=body.password,
        client_ip=ip,
    )
    return ok(TokenPair.of(issued))


@cms_operators.post("/auth/login/refresh", response_model=CustomResponse[TokenPair], tags=["Authentication"])
async def refresh_operator_token(body: RefreshRequest, app: CmsApp, session: DbSession) -> Any:
    issued = await operators.refresh(session, application_id=app.application_id, refresh_token=body.refresh_token)
    return ok(TokenPair.of(issued))


@cms_operators.post(
    "/auth/password/reset", response_model=CustomResponse[OperatorPasswordReset], tags=["Authentication"]
)
async def reset_operator_password(body: PasswordResetRequest, app: CmsApp, ip: ClientIp, session: DbSession) -> Any:
    """Set an operator's password with the code its invitation or a reset (`POST /operators/{operatorId}/
    reset-password`) sent: an invited operator becomes active, and every session of the operator ends. A code
    works once, for 5 tries; the answer is the same for a username that does not exist."""
    operator = await operator_accounts.reset_password(
        session,
        partner_id=app.tenant_id,
        username=body.username,
        code=body.code,
        new_password=body.new_password,
        client_ip=ip,
    )
    return ok(OperatorPasswordReset(operator_id=operator.id))


@cms_operators.get("/me", response_model=CustomResponse[OperatorProfile])
async def get_current_operator(operator: CmsOperator, session: DbSession) -> Any:
    access = await operators.access_of(session, operator.operator_id, operator.partner_id)
    return ok(
        OperatorProfile(
            operator_id=access.operator.id,
            partner_id=access.operator.partner_id,
            scope=operator.scope,
            client_slug=operator.client_slug,
            username=access.operator.username,
            display_name=access.operator.display_name,
            roles=access.roles,
            permissions=sorted(access.permissions),
        )
    )


# ---- Middleware --------------------------------------------------------------------------------------

middleware_identity = APIRouter(route_class=MigoRoute, prefix="/v1", tags=["Merchant"])


@middleware_identity.get("/me", response_model=MerchantIdentity)
async def get_current_merchant(caller: Merchant) -> Any:
    """Which client this merchant token acts for: a quick check that the token works."""
    return MerchantIdentity(
        client=caller.client_slug, application_id=caller.application_id, environment=get_settings().environment
    )


@middleware_identity.get("/merchant-tokens", response_model=Page[MerchantTokenOut])
async def list_merchant_tokens(
    caller: Merchant, session: DbSession, page: PageRequest = merchant_tokens.MERCHANT_TOKENS.params()
) -> Any:
    """The application's merchant tokens, revoked ones included, each by its last four characters."""
    rows, meta = await merchant_tokens.MERCHANT_TOKENS.fetch(session, _own_tokens(caller), page)
    return Page[MerchantTokenOut](items=[MerchantTokenOut.of(record) for record in rows], meta=meta)


@middleware_identity.post(
    "/merchant-tokens",
    status_code=201,
    response_model=NewMerchantTokenOut,
    dependencies=[MerchantIdempotent],
)
async def create_merchant_token(caller: Merchant, session: DbSession) -> Any:
    """Issue another merchant token for the application; the `token` is in this answer only (a retry under the
    same Idempotency-Key replays it). The application's other tokens keep working."""
    return NewMerchantTokenOut.issued(await merchant_tokens.issue(session, caller.application_id))


@middleware_identity.delete("/merchant-tokens/{tokenId}", response_model=MerchantTokenOut)
async def revoke_merchant_token(tokenId: uuid.UUID, caller: Merchant, session: DbSession) -> Any:
    """Revoke a token at once: it answers 401 `{"message": "Unauthorized"}` from then on."""
    return MerchantTokenOut.of(await merchant_tokens.revoke(session, _own_tokens(caller), tokenId))


@middleware_identity.post(
    "/merchant-tokens/{tokenId}/rotate",
    status_code=201,
    response_model=NewMerchantTokenOut,
    dependencies=[MerchantIdempotent],
)
async def rotate_merchant_token(tokenId: uuid.UUID, caller: Merchant, session: DbSession) -> Any:
    """Replace a token: a new one (in this answer only), the old one revoked at once. A revoked token is 409."""
    return NewMerchantTokenOut.issued(await merchant_tokens.rotate(session, _own_tokens(caller), tokenId))


def _own_tokens(caller: MerchantPrincipal) -> Select[MerchantToken]:
    return readable(MerchantToken, caller.application_id)
