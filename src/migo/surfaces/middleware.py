"""Middleware (`migo-api`), mounted at /: payment links, subscriptions, suspensions, BIN verifications."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from migo.identity import router as identity
from migo.payments import router as payments
from migo.platform.settings import Settings
from migo.platform.surface import build_surface
from migo.subscriptions import router as subscriptions
from migo.webhooks import router as webhooks

DESCRIPTION = """
Backend-to-backend: hosted Payment Links, the subscription engine, BIN verifications, fraud suspensions.

Send the merchant token as `Authorization: <token>` (raw, recommended) or `Bearer <token>`. Or exchange the
Middleware application's clientId/clientSecret at `POST /auth/token` for an access token (30 minutes) and a
refresh token (7 days, single use: `POST /auth/refresh` rotates both; a spent one revokes the session), and send
the access token the same way. A bad, expired or revoked token of either kind answers 401 with exactly
`{"message": "Unauthorized"}`. Merchant tokens are listed, issued, rotated and revoked at `/v1/merchant-tokens`.
Errors are an `ErrorResponseDto`: `{statusCode, ownCode, message, detail}`.

`POST /transactions-hook` authenticates with the application's `publicKey` and `privateKey` in the body
instead, and answers browsers' cross-origin requests (CORS, with preflight).

When a link reaches a terminal status, the Merchant Generic Callback is POSTed to the webhook endpoints you
register (`/v1/webhook-endpoints`) with the static header you chose, and signed (Standard Webhooks) when the
endpoint has a signing secret. Delivery is at least once: dedupe on `eventId`. `GET /v1/events` backfills.
"""


class HookCors:
    """CORS for the browser-friendly hook only (seed 002); every other endpoint is backend-to-backend."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.cors = CORSMiddleware(
            app,
            allow_origins=["*"],
            allow_methods=["POST"],
            allow_headers=["Content-Type"],
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in payments.HOOK_PATHS:
            await self.cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)


def build_middleware(settings: Settings) -> FastAPI:
    routers = [
        identity.application_token_router("middleware"),
        payments.links_router,
        payments.hook_router,
        payments.operations_router,
        payments.fraud_router,
        subscriptions.billing_router,
        webhooks.middleware_router,
        identity.middleware_identity,
    ]
    if settings.is_sandbox:  # the pay helper does not exist in production: 404
        routers += [payments.sandbox_router, subscriptions.sandbox_router]
    app = build_surface(
        title="Migo Middleware", description=DESCRIPTION, style="middleware", routers=routers, settings=settings
    )
    app.add_middleware(HookCors)
    return app
