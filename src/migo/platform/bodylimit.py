"""Request body limits by route class, enforced while the body streams in.

Before this, nothing looked at a body's size: a 100 MB body to the unauthenticated `POST /rest/auth/token` was
read into memory (about 300 MB) before validation refused it, and four at once stalled `/health`. Each request
now gets a budget from its path, before any handler runs:

| route class | limit | setting |
|---|---|---|
| JSON APIs: Gateway, CMS, Middleware (everything not below) | 1 MiB | `MIGO_MAX_JSON_BODY_BYTES` |
| hosted-page form posts (`/`, `/checkout/…`, `/card-activation`) | 64 KiB | — |
| upload endpoints, which opt in with `@accepts_upload` | 20 MiB | `MIGO_MAX_UPLOAD_BODY_BYTES` |

A declared Content-Length over the budget is refused before the app runs, so no handler, database or
password hash is reached, and a client that sent `Expect: 100-continue` never sends the body. A body without
one (chunked) is counted as it arrives, and reading stops at the first chunk past the budget. The answer is a
413 in the surface's own shape (7015 PAYLOAD_TOO_LARGE in the envelope, ownCode 5018 in the Middleware, plain
text on the hosted pages), with `Connection: close` so the server drops the connection instead of reading
the rest of the body.

Each app guards its own routes (CONTRACT §1: a surface is deployable alone): every surface limits its body in
`surface.build_surface`, and the root app only its hosted pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route, compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from migo.platform.envelope import Style, render_error
from migo.platform.errors import ERRORS

# A checkout or activation form is a few short fields; 64 KiB leaves room and nothing more.
HOSTED_FORM_MAX_BYTES = 64 * 1024
_UPLOAD_MARK = "__migo_accepts_upload__"
_CLOSE = {"Connection": "close"}

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


def accepts_upload(endpoint: Endpoint) -> Endpoint:
    """Declare an endpoint an upload: its body may reach `MIGO_MAX_UPLOAD_BODY_BYTES` instead of the JSON
    limit. Put it under the route decorator; its surface finds it through the routers it includes:

        @router.post("/app/partners/{partnerId}/cardholders/batch")
        @accepts_upload
        async def upload_cardholder_batch(file: UploadFile, ...) -> Any: ...
    """
    setattr(endpoint, _UPLOAD_MARK, True)
    return endpoint


# A multipart part its upload cannot go without, though it is optional to FastAPI so that the endpoint answers
# its absence with its own code (7906 FILE_REQUIRED, 7410 DOCUMENT_FILE_REQUIRED) rather than a generic 7000:
# `File(json_schema_extra=REQUIRED_PART)` documents it required (the surface's OpenAPI document reads the mark).
REQUIRED_PART_MARK = "x-migo-required-part"
REQUIRED_PART: dict[str, Any] = {REQUIRED_PART_MARK: True}


def upload_paths(routes: Iterable[BaseRoute], prefix: str = "") -> list[str]:
    """The path templates (`/app/partners/{partnerId}/…`) of every `@accepts_upload` endpoint, through mounts
    and the routers a FastAPI app includes (it keeps them as branches, not in its routes)."""
    found: list[str] = []
    for context in iter_route_contexts(list(routes)):
        route = context.original_route
        if isinstance(route, Mount):
            found += upload_paths(route.routes, prefix + route.path)
        elif isinstance(route, Route) and getattr(route.endpoint, _UPLOAD_MARK, False):
            found.append(prefix + (context.path or route.path))
    return found


def _detail(max_bytes: int) -> str:
    return f"The request body is larger than the {max_bytes} bytes this endpoint accepts."


class BodyTooLarge(HTTPException):
    """Raised from `receive` once a streamed body passes its budget, wherever the body is being read. It is an
    HTTP 413, so each surface's HTTP error handler answers it in that surface's shape."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, _detail(max_bytes), headers=_CLOSE)


# (the path within the app) → its budget in bytes, or None when the app leaves the path to another
Budget = Callable[[str], int | None]


class BodyLimitMiddleware:
    """Refuses a body over the budget of its path with `refusal(limit)`; a path with no budget passes."""

    def __init__(self, app: ASGIApp, *, budget: Budget, refusal: Callable[[int], Response]) -> None:
        self.app = app
        self.budget = budget
        self.refusal = refusal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        max_bytes = self.budget(_route_path(scope)) if scope["type"] == "http" else None
        if max_bytes is None:
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > max_bytes:
            await self.refusal(max_bytes)(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    raise BodyTooLarge(max_bytes)
            return message

        await self.app(scope, counting_receive, send)


def limit_surface(app: FastAPI, style: Style, *, max_json_bytes: int, max_upload_bytes: int) -> None:
    """A surface's budget: its `@accepts_upload` endpoints the upload limit, everything else the JSON one;
    refused in the surface's own error shape. Call it once every router is included."""
    uploads = [compile_path(path)[0] for path in upload_paths(app.routes)]

    def budget(path: str) -> int:
        return max_upload_bytes if _matches(uploads, path) else max_json_bytes

    def refusal(max_bytes: int) -> Response:
        return render_error(style, ERRORS.PAYLOAD_TOO_LARGE, _detail(max_bytes), _CLOSE)

    app.add_middleware(BodyLimitMiddleware, budget=budget, refusal=refusal)


def limit_hosted_pages(paths: Iterable[str]) -> Middleware:
    """The root app's own: a hosted page's form post gets the small form budget and a plain-text refusal;
    every other path belongs to a surface, which limits it itself."""
    pages = [compile_path(path)[0] for path in paths]

    def budget(path: str) -> int | None:
        return HOSTED_FORM_MAX_BYTES if _matches(pages, path) else None

    def refusal(max_bytes: int) -> Response:
        return PlainTextResponse(_detail(max_bytes), status_code=413, headers=_CLOSE)

    return Middleware(BodyLimitMiddleware, budget=budget, refusal=refusal)


def _route_path(scope: Scope) -> str:
    """The path within the app that is called (a mounted app sees the mount's prefix in `root_path`)."""
    path, root = scope["path"], scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def _matches(patterns: list[re.Pattern[str]], path: str) -> bool:
    return any(pattern.match(path) for pattern in patterns)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            # The HTTP server has already refused a malformed one; what is left is digits.
            return int(value) if value.isdigit() else None
    return None
