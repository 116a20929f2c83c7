"""Wallet Gateway (`ali-api-gw-rest`), mounted at /rest."""

from __future__ import annotations

from fastapi import FastAPI

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
notices arrive at `/rest/webhooks/volcan` and `/rest/webhooks/settlements`.

## Error catalog

"""


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
    return build_surface(
        title="Migo Wallet Gateway",
        description=DESCRIPTION + catalog_markdown(),
        style="envelope",
        settings=settings,
        routers=routers,
    )
