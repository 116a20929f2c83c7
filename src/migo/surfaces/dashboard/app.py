"""The dashboard's FastAPI app, mounted at /dashboard: its pages, its answers to a missing session (the sign-in
page), a refusal (403) and a business error (the error's status, its message on a page), its security headers,
and the audit trail the CMS keeps (the same records: an action here is an action in the back office)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from migo.backoffice.service import AuditTrail
from migo.platform.bodylimit import limit_surface
from migo.platform.errors import ERRORS, ApiError
from migo.platform.settings import Settings

from . import (
    audit,
    batches,
    cardholders,
    leads,
    links,
    merchants,
    operators,
    partners,
    payments,
    signin,
    subscriptions,
    webhooks,
)
from .pages import render_problem
from .viewer import Refused, SignInRequired

# No inline script anywhere: scripts and styles come from /static only.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    ),
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """The headers above on every answer; an answer that sets one of them itself keeps its own (a KYC document
    the lead's page frames: leads.DOCUMENT_HEADERS), as two policies would both apply."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                own = message.get("headers", [])
                named = {name.lower() for name, _ in own}
                message["headers"] = [*own, *(header for header in self.headers if header[0] not in named)]
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


def build_dashboard(settings: Settings) -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.include_router(signin.router)
    app.include_router(payments.router)
    app.include_router(partners.router)
    app.include_router(links.router)
    app.include_router(batches.router)
    app.include_router(cardholders.router)
    app.include_router(audit.router)
    app.include_router(operators.router)
    app.include_router(webhooks.router)
    app.include_router(leads.router)
    app.include_router(merchants.router)
    app.include_router(subscriptions.router)

    @app.exception_handler(SignInRequired)
    async def sign_in_first(request: Request, exc: SignInRequired) -> Response:
        if request.headers.get("HX-Request"):  # htmx follows this header, not a 303
            return Response(status_code=204, headers={"HX-Redirect": exc.next_path})
        return RedirectResponse(exc.next_path, status_code=303)

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        return render_problem(request, 403, "Not allowed", exc.message)

    @app.exception_handler(ApiError)
    async def business_error(request: Request, exc: ApiError) -> Response:
        title = "Not found" if exc.error.status == 404 else exc.error.message
        return render_problem(request, exc.error.status, title, exc.detail or exc.error.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return render_problem(request, 400, ERRORS.VALIDATION_ERROR.message, "Check the values of the form.")

    limit_surface(
        app, "envelope", max_json_bytes=settings.max_json_body_bytes, max_upload_bytes=settings.max_upload_body_bytes
    )
    app.add_middleware(AuditTrail)
    app.add_middleware(SecurityHeaders)
    return app
