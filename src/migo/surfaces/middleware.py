"""Middleware (`migo-api`), mounted at /: payment links, subscriptions, suspensions, BIN verifications."""

from __future__ import annotations

from fastapi import FastAPI

from migo.identity import router as identity
from migo.platform.settings import Settings
from migo.platform.surface import build_surface

DESCRIPTION = """
Backend-to-backend: hosted Payment Links, the subscription engine, BIN verifications, fraud suspensions.

Send the merchant token as `Authorization: <token>` (raw, recommended) or `Bearer <token>`. A bad token
answers 401 with exactly `{"message": "Unauthorized"}`. Errors are an `ErrorResponseDto`:
`{statusCode, ownCode, message, detail}`.
"""


def build_middleware(settings: Settings) -> FastAPI:
    return build_surface(
        title="Migo Middleware",
        description=DESCRIPTION,
        style="middleware",
        routers=[identity.middleware_identity],
    )
