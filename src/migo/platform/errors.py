"""The error catalog: every business error code, once.

Two code spaces (CONTRACT §2): the Wallet Gateway and CMS answer with `error.code` in 7000-8099, in ranges by
domain; the Middleware answers with an `ownCode` (the Payment Link codes of seed 002 and a few of ours).
The platform-wide errors (validation, not found, idempotency, rate limits, internal) are here, with an
equivalent in each space; each domain declares its own in its `errors.py`, and all of them form the one
catalog served at `/errors`. Services raise `ApiError(X)`; each surface renders it in its own envelope.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from migo.platform.i18n import N_  # a message a customer also reads on a hosted page, translated there


@dataclass(frozen=True, slots=True)
class ErrorDef:
    code: int
    name: str
    status: int
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "httpStatus": self.status, "message": self.message}


class ApiError(Exception):
    """A business error: rendered in the caller's envelope, never a 500."""

    def __init__(
        self,
        error: ErrorDef,
        detail: str | None = None,
        *,
        headers: dict[str, str] | None = None,
        keep_changes: bool = False,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{error.name}: {detail or error.message}")
        self.error = error
        self.detail = detail or error.message
        self.headers = headers or {}
        # A business outcome rather than a failure (a denied transfer): what the request recorded about it
        # is committed with the error answer instead of rolled back.
        self.keep_changes = keep_changes
        # What the caller needs of that outcome as data, not inside `detail` (the denied transaction's id and
        # status): the Gateway's and the CMS's envelope adds them to its `error` object; the Middleware's
        # ErrorResponseDto keeps seed 002's four fields.
        self.fields = dict(fields or {})


class MerchantUnauthorized(Exception):
    """A bad merchant token: the Middleware answers 401 `{"message": "Unauthorized"}` exactly (seed 002)."""


Space = Literal["gateway", "middleware"]
_CATALOG: dict[Space, dict[int, ErrorDef]] = {"gateway": {}, "middleware": {}}


def domain_errors(
    owner: str, *, gateway: Iterable[int] = (), middleware: Iterable[range] = ()
) -> Callable[..., ErrorDef]:
    """The definer of one domain's errors, bound to the ranges it owns: Gateway/CMS codes by hundreds (72 for
    72xx, CONTRACT §2) and Middleware ownCodes by ranges. Each domain declares its own codes with it (in its
    `errors.py`); they all land in the one catalog, and a code or a name defined twice, or a code outside the
    domain's ranges, fails at import."""
    hundreds, owned = frozenset(gateway), tuple(middleware)

    def define(code: int, name: str, status: int, message: str) -> ErrorDef:
        space: Space = "gateway" if 7000 <= code <= 8099 else "middleware"
        if (code // 100 not in hundreds) if space == "gateway" else not any(code in r for r in owned):
            raise ValueError(f"{owner} does not own code {code} ({name})")
        taken = _CATALOG[space]
        if code in taken or any(error.name == name for error in taken.values()):
            raise ValueError(f"error {code} {name} is defined twice")
        error = ErrorDef(code, name, status, message)
        taken[code] = error
        return error

    return define


_platform_error = domain_errors(
    "platform", gateway=(70, 80), middleware=(range(5000, 5004), range(5005, 5011), range(5018, 5019))
)


class ERRORS:
    """Platform-wide Wallet Gateway and CMS codes: requests and authentication (70xx), the system (80xx)."""

    # 70xx request and authentication
    VALIDATION_ERROR = _platform_error(7000, "VALIDATION_ERROR", 400, "The request is invalid.")
    UNAUTHORIZED = _platform_error(7001, "UNAUTHORIZED", 401, "A valid access token is required.")
    TOKEN_EXPIRED = _platform_error(7002, "TOKEN_EXPIRED", 401, "The access token has expired; refresh it.")
    INVALID_CREDENTIALS = _platform_error(7003, "INVALID_CREDENTIALS", 401, "The credentials are not valid.")
    FORBIDDEN = _platform_error(7004, "FORBIDDEN", 403, "This credential may not perform this action.")
    NOT_FOUND = _platform_error(7005, "NOT_FOUND", 404, "The resource does not exist.")
    METHOD_NOT_ALLOWED = _platform_error(7006, "METHOD_NOT_ALLOWED", 405, "The method is not allowed on this path.")
    IDEMPOTENCY_KEY_REUSED = _platform_error(
        7007, "IDEMPOTENCY_KEY_REUSED", 409, "This Idempotency-Key was used with a different request."
    )
    IDEMPOTENCY_IN_PROGRESS = _platform_error(
        7008, "IDEMPOTENCY_IN_PROGRESS", 409, "A request with this Idempotency-Key is still in progress."
    )
    RATE_LIMITED = _platform_error(7009, "RATE_LIMITED", 429, N_("Too many attempts; try again later."))
    REFRESH_TOKEN_REUSED = _platform_error(
        7010, "REFRESH_TOKEN_REUSED", 401, "The refresh token was already used; the session was revoked."
    )
    INVALID_REFRESH_TOKEN = _platform_error(
        7011, "INVALID_REFRESH_TOKEN", 401, "The refresh token is not valid or has expired."
    )
    USER_TOKEN_REQUIRED = _platform_error(
        7012, "USER_TOKEN_REQUIRED", 403, "This action is the cardholder's: it needs a cardholder access token."
    )
    UNSUPPORTED_MEDIA_TYPE = _platform_error(7013, "UNSUPPORTED_MEDIA_TYPE", 415, "The body must be JSON.")
    CONFLICT = _platform_error(7014, "CONFLICT", 409, "The request conflicts with the resource's current state.")
    PAYLOAD_TOO_LARGE = _platform_error(7015, "PAYLOAD_TOO_LARGE", 413, "The request body is too large.")

    # 80xx system
    INTERNAL_ERROR = _platform_error(8000, "INTERNAL_ERROR", 500, "An unexpected error occurred; it was logged.")
    SERVICE_UNAVAILABLE = _platform_error(8001, "SERVICE_UNAVAILABLE", 503, "The service is temporarily unavailable.")


class MW_ERRORS:  # noqa: N801 - a namespace of constants, named like ERRORS
    """The Middleware's platform-wide ownCodes: seed 002's 5000, and ours beside it."""

    INVALID_BODY = _platform_error(5000, "INVALID_BODY", 409, "Required fields are missing or the body is invalid.")
    NOT_FOUND = _platform_error(5001, "NOT_FOUND", 404, "The resource does not exist.")
    METHOD_NOT_ALLOWED = _platform_error(5002, "METHOD_NOT_ALLOWED", 405, "The method is not allowed on this path.")
    IDEMPOTENCY_KEY_REUSED = _platform_error(
        5003, "IDEMPOTENCY_KEY_REUSED", 409, "This Idempotency-Key was used with a different request."
    )
    IDEMPOTENCY_IN_PROGRESS = _platform_error(
        5005, "IDEMPOTENCY_IN_PROGRESS", 409, "A request with this Idempotency-Key is still in progress."
    )
    RATE_LIMITED = _platform_error(5006, "RATE_LIMITED", 429, N_("Too many requests; try again later."))
    FORBIDDEN = _platform_error(5007, "FORBIDDEN", 403, "This credential may not perform this action.")
    CONFLICT = _platform_error(5008, "CONFLICT", 409, "The request conflicts with the resource's current state.")
    INTERNAL_ERROR = _platform_error(5009, "INTERNAL_ERROR", 500, "An unexpected error occurred; it was logged.")
    SERVICE_UNAVAILABLE = _platform_error(5010, "SERVICE_UNAVAILABLE", 503, "The service is temporarily unavailable.")
    PAYLOAD_TOO_LARGE = _platform_error(5018, "PAYLOAD_TOO_LARGE", 413, "The request body is too large.")


# Platform errors raised by shared code, as the Middleware names them.
MIDDLEWARE_EQUIVALENT: dict[ErrorDef, ErrorDef] = {
    ERRORS.VALIDATION_ERROR: MW_ERRORS.INVALID_BODY,
    ERRORS.UNSUPPORTED_MEDIA_TYPE: MW_ERRORS.INVALID_BODY,
    ERRORS.PAYLOAD_TOO_LARGE: MW_ERRORS.PAYLOAD_TOO_LARGE,
    ERRORS.NOT_FOUND: MW_ERRORS.NOT_FOUND,
    ERRORS.METHOD_NOT_ALLOWED: MW_ERRORS.METHOD_NOT_ALLOWED,
    ERRORS.IDEMPOTENCY_KEY_REUSED: MW_ERRORS.IDEMPOTENCY_KEY_REUSED,
    ERRORS.IDEMPOTENCY_IN_PROGRESS: MW_ERRORS.IDEMPOTENCY_IN_PROGRESS,
    ERRORS.RATE_LIMITED: MW_ERRORS.RATE_LIMITED,
    ERRORS.FORBIDDEN: MW_ERRORS.FORBIDDEN,
    ERRORS.CONFLICT: MW_ERRORS.CONFLICT,
    ERRORS.INTERNAL_ERROR: MW_ERRORS.INTERNAL_ERROR,
    ERRORS.SERVICE_UNAVAILABLE: MW_ERRORS.SERVICE_UNAVAILABLE,
}


def catalog() -> list[ErrorDef]:
    """Every Gateway and CMS code, of every domain imported (the app imports them all)."""
    return sorted(_CATALOG["gateway"].values(), key=lambda e: e.code)


def middleware_catalog() -> list[ErrorDef]:
    return sorted(_CATALOG["middleware"].values(), key=lambda e: e.code)


def is_middleware_code(error: ErrorDef) -> bool:
    """An ownCode (the Middleware's own space), as opposed to a Gateway/CMS code."""
    return _CATALOG["middleware"].get(error.code) is error


def catalog_markdown() -> str:
    """The catalog as Markdown tables, for the API reference pages."""
    lines = ["| code | name | HTTP | meaning |", "|---|---|---|---|"]
    lines += [f"| {e.code} | {e.name} | {e.status} | {e.message} |" for e in catalog()]
    lines += [
        "",
        "Payment Link (Middleware) `ownCode`s:",
        "",
        "| ownCode | name | HTTP | meaning |",
        "|---|---|---|---|",
    ]
    lines += [f"| {e.code} | {e.name} | {e.status} | {e.message} |" for e in middleware_catalog()]
    return "\n".join(lines)
