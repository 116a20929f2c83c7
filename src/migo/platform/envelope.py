"""Response shapes and error rendering for the three surfaces.

Gateway and CMS answer every request in the `CustomResponse<T>` envelope (seed 000); the Middleware answers
errors as an `ErrorResponseDto` with `ownCode` (seed 002), and a bad merchant token with exactly
`{"message": "Unauthorized"}`. One installer per style wires every failure path, so no handler ever
builds an error body itself.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from http import HTTPStatus
from typing import Any, Generic, Literal, TypeVar, get_args, get_origin

import psycopg
import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError, ValidationException
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from migo.platform.errors import (
    ERRORS,
    MIDDLEWARE_EQUIVALENT,
    ApiError,
    ErrorDef,
    MerchantUnauthorized,
    is_middleware_code,
)
from migo.platform.settings import get_settings

log = structlog.get_logger("migo.errors")

T = TypeVar("T")
Style = Literal["envelope", "middleware"]

# The error a request was answered with, for its access log line (platform.observability): the request's
# middleware puts a fresh dict here and render_error fills it in. A dict, not a value set here: a value set in
# a nested context would not be seen by the middleware, a change to the same dict is.
answered_error: ContextVar[dict[str, Any] | None] = ContextVar("answered_error", default=None)


def _note_error(error: ErrorDef) -> None:
    noted = answered_error.get()
    if noted is not None:
        noted.update(error_code=error.code, error_name=error.name)


class CustomResponse(BaseModel, Generic[T]):
    """Success envelope: `statusCode` equals the HTTP status."""

    statusCode: int  # noqa: N815 - wire name
    message: str
    data: T

    @classmethod
    def model_parametrized_name(cls, params: tuple[Any, ...]) -> str:
        data = params[0]
        if get_origin(data) is list:  # `CardOutListResponse`, not `listResponse` for every list
            return f"{getattr(get_args(data)[0], '__name__', 'Data')}ListResponse"
        return f"{getattr(data, '__name__', 'Data')}Response"


class ErrorBody(BaseModel):
    """What went wrong: the catalog's code and name, a readable detail, and, for a refusal that recorded
    something, that record as fields of its own (more may be added; a client ignores those it does not know)."""

    model_config = ConfigDict(extra="allow")

    code: int
    name: str
    detail: str
    transaction_id: str | None = Field(
        None,
        alias="transactionId",
        description="A denied money movement (a transfer, a load or an unload): the card transaction that "
        "records the denial, readable at `GET /rest/cards/transactions/{transactionId}`.",
    )
    status: Literal["denied"] | None = Field(None, description="A denied money movement: `denied`.")
    request_id: str | None = Field(
        None, alias="requestId", description="The request's id (also in `x-request-id`): quote it to support."
    )
    doc_url: str | None = Field(None, alias="docUrl", description="The error's entry in the error catalog page.")


class ErrorEnvelope(BaseModel):
    """Failure envelope of the Wallet Gateway and the CMS."""

    statusCode: int  # noqa: N815
    message: str
    error: ErrorBody


class ErrorResponseDto(BaseModel):
    """Failure shape of the Middleware."""

    statusCode: int  # noqa: N815
    ownCode: int  # noqa: N815
    message: str
    detail: str
    requestId: str | None = Field(  # noqa: N815
        None, description="The request's id (also in `x-request-id`): quote it to support."
    )
    docUrl: str | None = Field(None, description="The error's entry in the error catalog page.")  # noqa: N815


class UnauthorizedResponse(BaseModel):
    """The Middleware's answer to a bad merchant token, exactly (seed 002): no `ownCode`."""

    message: Literal["Unauthorized"]


def file_response(description: str, *media_types: str) -> dict[int | str, dict[str, Any]]:
    """A 200 whose body is a file in one of `media_types`, documented as binary. `application/octet-stream` is
    declared beside them: it is the binary type generated clients know (openapi-python-client reads an
    `application/pdf` answer it has no rule for as nothing, with a warning), and what any file is."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        200: {
            "description": description,
            "content": {media_type: binary for media_type in (*media_types, "application/octet-stream")},
        }
    }


_ANY_RESPONSE = CustomResponse[Any]  # parametrized once: pydantic's generic lookup showed in profiles


def ok(data: T, status: int = 200, message: str | None = None) -> CustomResponse[T]:
    return _ANY_RESPONSE(statusCode=status, message=message or HTTPStatus(status).phrase, data=data)


def created(data: T, message: str | None = None) -> CustomResponse[T]:
    return ok(data, 201, message)


def surface_style(path: str) -> Style:
    """The error shape of the surface a path belongs to: the envelope under /rest and /cms/rest, the
    Middleware's everywhere else."""
    return "envelope" if path.startswith(("/rest/", "/cms/rest/")) else "middleware"


def render_error(
    style: Style,
    error: ErrorDef,
    detail: str,
    headers: dict[str, str] | None = None,
    fields: Mapping[str, Any] | None = None,
) -> JSONResponse:
    """The error in the surface's shape; `fields` (ApiError.fields) join the envelope's `error` object."""
    if style == "middleware":
        if error.status == 401 and not is_middleware_code(error):
            # Seed 002: the Middleware's authorizer answers any authentication failure this way; only the
            # hook's body credentials (ownCode 2007) are checked by the handler and answer an ErrorResponseDto.
            _note_error(error)
            return JSONResponse({"message": "Unauthorized"}, status_code=401, headers=headers)
        error = MIDDLEWARE_EQUIVALENT.get(error, error)
        body: dict[str, Any] = {
            "statusCode": error.status,
            "ownCode": error.code,
            "message": error.message,
            "detail": detail,
            **_traced(error),
        }
    else:
        body = {
            "statusCode": error.status,
            "message": error.message,
            # `fields` never name code, name or detail (ApiError.fields: the record a refusal made)
            "error": {"code": error.code, "name": error.name, "detail": detail, **(fields or {}), **_traced(error)},
        }
    _note_error(error)  # the code the body carries
    return JSONResponse(body, status_code=error.status, headers=headers)


def error_doc_url(code: int) -> str:
    """The error's entry on the served catalog page (`/errors`, one anchor per code)."""
    return f"{get_settings().public_url}/errors#code-{code}"


def _traced(error: ErrorDef) -> dict[str, str]:
    """What lets a developer follow an error up: the request's id (the log lines carry it) and the catalog."""
    request_id = structlog.contextvars.get_contextvars().get("request_id")
    traced = {"requestId": request_id} if isinstance(request_id, str) else {}
    return {**traced, "docUrl": error_doc_url(error.code)}


def describe_validation_errors(errors: Sequence[Any]) -> str:
    """Every problem at once, by location ("body.amount: ..."), never echoing the input value."""
    parts = []
    for problem in errors:
        location = ".".join(str(part) for part in problem.get("loc", ()))
        message = problem.get("msg", "is invalid")
        if problem.get("type") == "json_invalid":
            message = "the body is not valid JSON"
        parts.append(f"{location}: {message}" if location else message)
    return "; ".join(parts) or "The request is invalid."


_HTTP_ERRORS = {
    400: ERRORS.VALIDATION_ERROR,  # a body the framework could not parse (e.g. nested deeper than it goes)
    401: ERRORS.UNAUTHORIZED,
    403: ERRORS.FORBIDDEN,
    404: ERRORS.NOT_FOUND,
    405: ERRORS.METHOD_NOT_ALLOWED,
    413: ERRORS.PAYLOAD_TOO_LARGE,
    415: ERRORS.UNSUPPORTED_MEDIA_TYPE,
    503: ERRORS.SERVICE_UNAVAILABLE,
}


def install_error_handlers(app: FastAPI, style: Style) -> None:
    async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return render_error(style, exc.error, exc.detail, exc.headers, exc.fields)

    async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return render_error(style, ERRORS.VALIDATION_ERROR, describe_validation_errors(exc.errors()))

    async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        error = _HTTP_ERRORS.get(exc.status_code)
        if error is None:  # a status no catalog entry names: keep it, with the generic code of its class
            generic = ERRORS.INTERNAL_ERROR if exc.status_code >= 500 else ERRORS.VALIDATION_ERROR
            error = ErrorDef(generic.code, generic.name, exc.status_code, HTTPStatus(exc.status_code).phrase)
        detail = exc.detail if isinstance(exc.detail, str) and exc.status_code < 500 else error.message
        return render_error(style, error, detail, dict(exc.headers or {}))

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    if style == "middleware":

        async def on_merchant_unauthorized(request: Request, exc: Exception) -> JSONResponse:
            _note_error(ERRORS.UNAUTHORIZED)
            return JSONResponse({"message": "Unauthorized"}, status_code=401)

        app.add_exception_handler(MerchantUnauthorized, on_merchant_unauthorized)
    app.add_middleware(UnexpectedErrorMiddleware, style=style)


class UnexpectedErrorMiddleware:
    """Turns an exception no handler knew into a 500 in the surface's envelope: logged, never echoed."""

    def __init__(self, app: ASGIApp, style: Style) -> None:
        self.app = app
        self.style = style

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            unavailable = _is_unavailability(exc)
            if unavailable:  # an outage, not a bug: one line per refused request, no traceback
                log.warning("database_unavailable", error_type=type(exc).__name__, path=scope.get("path"))
            else:
                _log_unexpected(exc, scope)
            if started:
                raise
            error = ERRORS.SERVICE_UNAVAILABLE if unavailable else ERRORS.INTERNAL_ERROR
            headers = {"Retry-After": "1"} if unavailable else None
            response = render_error(self.style, error, error.message, headers)
            await response(scope, receive, send)


def _log_unexpected(exc: Exception, scope: Scope) -> None:
    """With its traceback, except for a validation error: its text repeats every value it refused (an answer
    that failed its model, with the tokens or the CVV in it), so only where it failed and why is logged."""
    if isinstance(exc, ValidationException | ValidationError):
        endpoint = None  # FastAPI names the route whose answer failed; its frame is gone from the stack
        if isinstance(exc, ValidationException) and exc.endpoint_function:
            endpoint = f"{exc.endpoint_file}:{exc.endpoint_line} in {exc.endpoint_function}"
        log.error(
            "unhandled_error",
            error_type=type(exc).__name__,
            path=scope.get("path"),
            problems=describe_validation_errors(exc.errors()),
            endpoint=endpoint,
            stack="".join(traceback.format_tb(exc.__traceback__)),
        )
    else:
        log.exception("unhandled_error", error_type=type(exc).__name__, path=scope.get("path"))


def _is_unavailability(exc: BaseException) -> bool:
    """The database is out of reach or its pool is exhausted: a 503 to retry, not a bug."""
    return (
        isinstance(exc, PoolTimeout)
        or (isinstance(exc, DBAPIError) and exc.connection_invalidated)
        # Hot statements go to the driver directly (platform.db): its own errors arrive unwrapped.
        or isinstance(exc, (OperationalError, psycopg.OperationalError))
    )
