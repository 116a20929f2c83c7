"""Wallet Gateway (`ali-api-gw-rest`), mounted at /rest."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.routing import Route

from migo.cards import router as cards
from migo.identity import router as identity
from migo.merchants import router as merchants
from migo.payments import router as payments
from migo.platform.catalog_router import error_catalog_router
from migo.platform.errors import catalog_markdown
from migo.platform.settings import Settings
from migo.platform.surface import build_surface
from migo.webhooks import router as webhooks

DESCRIPTION = """
The building blocks of a card and wallet program: cardholders, cards, funds, transfers, statements.

Authenticate with `POST /rest/auth/token` (clientId, clientSecret) and send `Authorization: Bearer
<accessToken>`. Cardholder calls take the cardholder's token. Money-moving calls are signed: `x-key-id`,
`x-timestamp` and `x-signature` = base64(HMAC-SHA256(secret, timestamp + "\\n" + METHOD + "\\n" +
path-with-query + "\\n" + Idempotency-Key (or "") + "\\n" + raw body)); a signature works once, and a copy
with the same Idempotency-Key replays the first answer. Every answer is a `CustomResponse` envelope:
`{statusCode, message, data}` or `{statusCode, message, error: {code, name, detail}}`. Amounts are strings
with four decimals.

Events (`GET /rest/events`) are delivered to the webhook endpoints you register (`/rest/webhook-endpoints`):
at least once, with the same `eventId` on every retry, for 7 days. The card processor's and the acquirer's
notices arrive at `/rest/webhooks/volcan` and `/rest/webhooks/settlements`, also served at the bare paths seed 003
names, `/webhooks/volcan` and `/webhooks/settlements` (the same operations: each lists both servers).

## Error catalog

"""


PREFIX = "/rest"
# Seed 003 names the inbound receivers at the server's root. They are Gateway operations, documented once:
# each lists the root as a second server, and the root app hands these paths to this same app (`bare_routes`).
BARE_PATHS = ("/webhooks/volcan", "/webhooks/settlements")
_SERVERS = [
    {"url": PREFIX, "description": "The Wallet Gateway"},
    {"url": "/", "description": "The bare path seed 003 names: an alias of the same operation"},
]


def bare_routes(gateway: FastAPI) -> list[Route]:
    """The root app's routes of BARE_PATHS: the Gateway app itself answers them whatever the method, routing
    the bare path as its own (its handlers, its envelope, its body limit, its 405)."""
    return [Route(path, gateway) for path in BARE_PATHS]


def build_gateway(settings: Settings) -> FastAPI:
    routers = [
        identity.application_token_router("gateway"),
        identity.gateway_keys,
        identity.gateway_users_auth,
        identity.gateway_cardholders,
        cards.money,
        cards.router,
        cards.holders,
        merchants.router,
        webhooks.gateway_router,
        cards.notices,
        payments.settlement_notices,
        error_catalog_router(),
    ]
    if settings.is_sandbox:
        routers += [identity.sandbox_outbox, merchants.sandbox_router]
    app = build_surface(
        title="Migo Wallet Gateway",
        description=DESCRIPTION + catalog_markdown(),
        style="envelope",
        settings=settings,
        routers=routers,
    )
    document = app.openapi

    def with_bare_servers() -> dict[str, Any]:
        schema = document()  # built once, then cached: setting the servers again changes nothing
        for path in BARE_PATHS:
            schema["paths"][path]["post"]["servers"] = _SERVERS
        return schema

    app.openapi = with_bare_servers  # type: ignore[method-assign]
    return app
