"""Request correlation, access logs and Prometheus metrics, as one pure-ASGI middleware around every surface."""

from __future__ import annotations

import os
import re
import time
import uuid

import structlog
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from migo.platform import security
from migo.platform.envelope import answered_error, render_error
from migo.platform.errors import ERRORS
from migo.platform.settings import Settings

REQUEST_ID_HEADER = "x-request-id"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

log = structlog.get_logger("migo.access")

HTTP_REQUESTS = Counter("migo_http_requests_total", "HTTP requests answered", ["method", "route", "status"])
HTTP_LATENCY = Histogram(
    "migo_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


def _route_label(scope: Scope) -> str:
    """The matched route's template (`/rest/users/{userId}`), never the raw path: bounded cardinality."""
    route = scope.get("route")
    if isinstance(route, Mount):  # matched a mount, then nothing inside it (a 404, or a static file)
        return f"{scope.get('root_path', '')}/*"
    path = getattr(route, "path", None)
    if path is None:
        return "unmatched"
    return f"{scope.get('root_path', '')}{path}" or "/"


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"x-request-id"), None)
        request_id = incoming if incoming and _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status = 500
        error: dict[str, object] = {}
        answered_error.set(error)

        async def send_with_request_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        finally:
            elapsed = time.perf_counter() - started
            route = _route_label(scope)
            method = scope["method"]
            HTTP_REQUESTS.labels(method, route, str(status)).inc()
            HTTP_LATENCY.labels(method, route).observe(elapsed)
            log.info(
                "request",
                method=method,
                path=scope["path"],
                route=route,
                status=status,
                duration_ms=round(elapsed * 1000, 2),
                **(error if status >= 400 else {}),  # the catalog's code a failed request was answered with
            )


def metrics_routes(settings: Settings) -> list[Route]:
    """`GET /metrics`. With MIGO_METRICS_TOKEN set, only for `Authorization: Bearer <that token>` (what a
    Prometheus scrape config's `authorization` sends); without it, open in the sandbox and not served at all
    in production, so metrics never become public by a setting left out."""
    if settings.metrics_token is None:
        return [Route("/metrics", metrics_endpoint, methods=["GET"])] if settings.is_sandbox else []
    token = settings.metrics_token.get_secret_value()

    async def scrape_metrics(request: Request) -> Response:
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not security.constant_time_equals(credentials.strip(), token):
            # The root's own shape: the Middleware's `{"message": "Unauthorized"}`.
            unauthorized = ERRORS.UNAUTHORIZED
            return render_error("middleware", unauthorized, unauthorized.message, {"WWW-Authenticate": "Bearer"})
        return await metrics_endpoint(request)

    return [Route("/metrics", scrape_metrics, methods=["GET"])]


async def metrics_endpoint(request: Request) -> Response:
    """Prometheus exposition; aggregates every server process when PROMETHEUS_MULTIPROC_DIR is set."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
