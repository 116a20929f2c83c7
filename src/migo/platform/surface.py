"""Builds one API surface: its own FastAPI app, OpenAPI 3.1 document, offline reference page and error style."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from scalar_fastapi import AgentScalarConfig, get_scalar_api_reference
from starlette.requests import Request

from migo.platform.bodylimit import limit_surface
from migo.platform.envelope import ErrorEnvelope, ErrorResponseDto, Style, install_error_handlers
from migo.platform.settings import Settings

STATIC_PREFIX = "/static"
SCALAR_JS = f"{STATIC_PREFIX}/vendor/scalar/standalone.js"
# The error catalog's codes (`7303`, `INSUFFICIENT_FUNDS`) read whole, not broken over two lines.
_REFERENCE_CSS = ".markdown table td code, .markdown table th code { white-space: nowrap; }"
FAVICON = f"{STATIC_PREFIX}/favicon.svg"


def operation_id(route: APIRoute) -> str:
    """Generated clients read `issueAccessToken`, not `issue_access_token_rest_auth_token_post`."""
    head, *rest = route.name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def build_surface(
    *,
    title: str,
    description: str,
    style: Style,
    routers: Sequence[APIRouter],
    settings: Settings,
    version: str = "1.0.0",
    tags: list[dict[str, Any]] | None = None,
) -> FastAPI:
    error_model = ErrorResponseDto if style == "middleware" else ErrorEnvelope
    app = FastAPI(
        title=title,
        description=description,
        version=version,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        openapi_tags=tags,
        generate_unique_id_function=operation_id,
        responses={"default": {"model": error_model, "description": "Error"}},
        # Observability is Prometheus and structured logs (platform.observability); FastAPI's OpenTelemetry
        # hooks would otherwise look for a provider in the environment on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    install_error_handlers(app, style)
    for router in routers:
        app.include_router(router)
    limit_surface(
        app, style, max_json_bytes=settings.max_json_body_bytes, max_upload_bytes=settings.max_upload_body_bytes
    )

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
            )
            _drop_fastapi_validation_responses(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.get("/docs", include_in_schema=False)
    async def reference_page(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        # The bundle and favicon are served by the root app at /static: the page needs no internet.
        return get_scalar_api_reference(
            openapi_url=f"{root}/openapi.json",
            title=f"{title} — API reference",
            scalar_js_url=SCALAR_JS,
            scalar_favicon_url=FAVICON,
            with_default_fonts=False,
            telemetry=False,
            # Nothing on the page reaches outside services: no "Ask AI", no "Generate MCP", no "Deploy" toolbar.
            agent=AgentScalarConfig(disabled=True),
            show_developer_tools="never",
            overrides={"mcp": {"disabled": True}},
            custom_css=_REFERENCE_CSS,
        )

    return app


def _drop_fastapi_validation_responses(schema: dict[str, Any]) -> None:
    """FastAPI documents a 422 we never send (validation errors are 400, or 409 in the Middleware)."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            operation.get("responses", {}).pop("422", None)
    schemas = schema.get("components", {}).get("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
