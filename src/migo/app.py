"""The root ASGI app: one port, every surface (CONTRACT §1).

    /cms/rest/…   CMS Backoffice        /rest/…   Wallet Gateway        /…   Middleware
    /webhooks/volcan, /webhooks/settlements: the Gateway's inbound receivers at seed 003's bare paths
    /?orderId=    hosted checkout        /dashboard/  the web dashboard  /static   assets
    /health /ready /metrics

Serve it with `migo serve`: uvicorn with this factory, and with the forwarded headers it believes limited to
MIGO_TRUSTED_PROXIES (uvicorn on its own believes 127.0.0.1).
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

from sqlalchemy import text
from sqlalchemy.orm import configure_mappers
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

import migo.models  # noqa: F401 - every mapped class, for configure_mappers()
from migo.composition import TASK_MODULES, compose
from migo.platform import migrations
from migo.platform.bodylimit import limit_hosted_pages
from migo.platform.db import database
from migo.platform.envelope import render_error, surface_style
from migo.platform.errors import ERRORS
from migo.platform.logging import configure_logging
from migo.platform.observability import RequestContextMiddleware, metrics_routes
from migo.platform.settings import Settings, get_settings
from migo.surfaces import gateway as gateway_surface
from migo.surfaces import web
from migo.surfaces.cms import build_cms
from migo.surfaces.dashboard import build_dashboard
from migo.surfaces.middleware import build_middleware


async def health(request: Request) -> JSONResponse:
    """Liveness: the process answers."""
    return JSONResponse({"status": "ok"})


async def ready(request: Request) -> JSONResponse:
    """Readiness: the database answers and its schema is at the code's migration head."""
    head = migrations.head_revision()
    try:
        async with database.engine.connect() as connection:
            current = await connection.scalar(text("SELECT version_num FROM alembic_version"))
    except Exception:  # any failure to reach the database means not ready
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    if current != head:
        return JSONResponse(
            {"status": "unavailable", "database": "ok", "migrations": {"current": current, "head": head}},
            status_code=503,
        )
    return JSONResponse({"status": "ready", "database": "ok", "migrations": {"current": current, "head": head}})


async def to_dashboard(request: Request) -> RedirectResponse:
    return RedirectResponse("/dashboard/", status_code=307)


async def not_found(scope: Scope, receive: Receive, send: Send) -> None:
    """A path no mount matches at all (a control character in it, say): a 404 in the surface's own shape."""
    style = surface_style(scope.get("path", ""))
    await render_error(style, ERRORS.NOT_FOUND, ERRORS.NOT_FOUND.message)(scope, receive, send)


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    # What start-up built (routes, mappers, schemas: ~200,000 objects) lives as long as the process: frozen, it
    # leaves the collector's generations, so a full collection stops walking it on a request's time (~90 ms).
    gc.collect()
    gc.freeze()
    yield
    await database.dispose()


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    compose()
    # Every mapper configured now, not by the first requests that build an ORM object (~0.3 s per process).
    configure_mappers()
    for module in TASK_MODULES:  # the job queue and its senders, which requests defer jobs to
        importlib.import_module(module)
    static = StaticFiles(directory=str(files("migo.platform") / "static"))
    gateway = gateway_surface.build_gateway(settings)
    routes = [
        Route("/health", health, methods=["GET"]),
        Route("/ready", ready, methods=["GET"]),
        *metrics_routes(settings),
        Mount("/static", static, name="static"),
        *web.routes,
        Mount("/cms/rest", build_cms(settings)),
        *gateway_surface.bare_routes(gateway),
        Mount(gateway_surface.PREFIX, gateway),
        Route("/dashboard", to_dashboard, methods=["GET"]),
        Mount("/dashboard", build_dashboard(settings)),
        Mount("/", build_middleware(settings)),
    ]
    # The hosted pages' form budget; each mounted surface limits its own routes.
    body_limit = limit_hosted_pages(route.path for route in web.routes if isinstance(route, Route))
    app = Starlette(
        routes=routes,
        # The body limit inside the request context, so a refused body is logged with its request id.
        middleware=[Middleware(RequestContextMiddleware), body_limit],
        lifespan=lifespan,
    )
    app.router.default = not_found
    return app
