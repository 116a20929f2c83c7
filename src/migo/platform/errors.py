"""The error catalog: every business error code, once.

Two code spaces (CONTRACT §2): the Wallet Gateway and CMS answer with `error.code` in 7000-8099, in ranges by
domain; the Middleware answers with an `ownCode` (the Payment Link codes of seed 002 and a few of ours).
Services raise `ApiError(ERRORS.X)`; each surface renders it in its own envelope. Platform-wide errors
(validation, not found, idempotency, rate limits, internal) have an equivalent in each space.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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
    ) -> None:
        super().__init__(f"{error.name}: {detail or error.message}")
        self.error = error
        self.detail = detail or error.message
        self.headers = headers or {}
        # A business outcome rather than a failure (a denied transfer): what the request recorded about it
        # is committed with the error answer instead of rolled back.
        self.keep_changes = keep_changes


class MerchantUnauthorized(Exception):
    """A bad merchant token: the Middleware answers 401 `{"message": "Unauthorized"}` exactly (seed 002)."""


def _define(code: int, name: str, status: int, message: str) -> ErrorDef:
    return ErrorDef(code, name, status, message)


class ERRORS:
    """Wallet Gateway and CMS codes (7000-8099)."""

    # 70xx request and authentication
    VALIDATION_ERROR = _define(7000, "VALIDATION_ERROR", 400, "The request is invalid.")
    UNAUTHORIZED = _define(7001, "UNAUTHORIZED", 401, "A valid access token is required.")
    TOKEN_EXPIRED = _define(7002, "TOKEN_EXPIRED", 401, "The access token has expired; refresh it.")
    INVALID_CREDENTIALS = _define(7003, "INVALID_CREDENTIALS", 401, "The credentials are not valid.")
    FORBIDDEN = _define(7004, "FORBIDDEN", 403, "This credential may not perform this action.")
    NOT_FOUND = _define(7005, "NOT_FOUND", 404, "The resource does not exist.")
    METHOD_NOT_ALLOWED = _define(7006, "METHOD_NOT_ALLOWED", 405, "The method is not allowed on this path.")
    IDEMPOTENCY_KEY_REUSED = _define(
        7007, "IDEMPOTENCY_KEY_REUSED", 409, "This Idempotency-Key was used with a different request."
    )
    IDEMPOTENCY_IN_PROGRESS = _define(
        7008, "IDEMPOTENCY_IN_PROGRESS", 409, "A request with this Idempotency-Key is still in progress."
    )
    RATE_LIMITED = _define(7009, "RATE_LIMITED", 429, "Too many attempts; try again later.")
    REFRESH_TOKEN_REUSED = _define(
        7010, "REFRESH_TOKEN_REUSED", 401, "The refresh token was already used; the session was revoked."
    )
    INVALID_REFRESH_TOKEN = _define(
        7011, "INVALID_REFRESH_TOKEN", 401, "The refresh token is not valid or has expired."
    )
    USER_TOKEN_REQUIRED = _define(
        7012, "USER_TOKEN_REQUIRED", 403, "This action is the cardholder's: it needs a cardholder access token."
    )
    UNSUPPORTED_MEDIA_TYPE = _define(7013, "UNSUPPORTED_MEDIA_TYPE", 415, "The body must be JSON.")
    CONFLICT = _define(7014, "CONFLICT", 409, "The request conflicts with the resource's current state.")
    PAYLOAD_TOO_LARGE = _define(7015, "PAYLOAD_TOO_LARGE", 413, "The request body is too large.")

    # 71xx users
    USER_NOT_FOUND = _define(7100, "USER_NOT_FOUND", 404, "The user does not exist.")
    USERNAME_TAKEN = _define(7101, "USERNAME_TAKEN", 409, "The username is already registered.")
    USER_DISABLED = _define(7102, "USER_DISABLED", 403, "The user is disabled.")
    INVALID_OTP = _define(7103, "INVALID_OTP", 400, "The one-time code is not valid.")
    OTP_EXPIRED = _define(7104, "OTP_EXPIRED", 400, "The one-time code has expired; request a new one.")
    WEAK_PASSWORD = _define(7105, "WEAK_PASSWORD", 400, "The password does not meet the password policy.")

    # 72xx cards
    CARD_NOT_FOUND = _define(7200, "CARD_NOT_FOUND", 404, "The card does not exist.")
    CARD_INACTIVE = _define(7201, "CARD_INACTIVE", 409, "The card has not been activated.")
    CARD_BLOCKED = _define(7202, "CARD_BLOCKED", 409, "The card is blocked.")
    CARD_CANCELLED = _define(7203, "CARD_CANCELLED", 409, "The card is cancelled.")
    CARD_ALREADY_ACTIVE = _define(7204, "CARD_ALREADY_ACTIVE", 409, "The card is already active.")
    INVALID_CARD_NUMBER = _define(7205, "INVALID_CARD_NUMBER", 400, "The card number is not valid.")
    ACTIVATION_FAILED = _define(
        7206, "ACTIVATION_FAILED", 400, "No card waiting for activation matches this number for this cardholder."
    )
    CARDHOLDER_NAME_MISMATCH = _define(
        7207, "CARDHOLDER_NAME_MISMATCH", 400, "The name does not match the name printed on the card."
    )
    INVALID_CARD_TRANSITION = _define(7208, "INVALID_CARD_TRANSITION", 409, "The card cannot make this transition.")
    CARD_PERMISSION_DENIED = _define(7209, "CARD_PERMISSION_DENIED", 403, "The user may not do this with this card.")
    PIN_NOT_SET = _define(7210, "PIN_NOT_SET", 409, "The card has no PIN yet.")
    PIN_ALREADY_SET = _define(7211, "PIN_ALREADY_SET", 409, "The card already has a PIN; rotate or reset it.")
    INCORRECT_PIN = _define(7212, "INCORRECT_PIN", 400, "The PIN is not correct.")
    PIN_LOCKED = _define(7213, "PIN_LOCKED", 423, "The PIN is locked after three wrong tries; reset it by OTP.")
    WEAK_PIN = _define(7214, "WEAK_PIN", 400, "A PIN has 4 digits, not all equal and not a sequence.")
    INVALID_VIEW_TOKEN = _define(
        7215, "INVALID_VIEW_TOKEN", 403, "The view token is not valid, has expired or was already used."
    )
    STATEMENT_NOT_FOUND = _define(7216, "STATEMENT_NOT_FOUND", 404, "The statement does not exist.")
    STATEMENT_NOT_READY = _define(7217, "STATEMENT_NOT_READY", 409, "The statement is still being produced.")
    EXTERNAL_CARD_NOT_FOUND = _define(7218, "EXTERNAL_CARD_NOT_FOUND", 404, "The linked card does not exist.")
    EXTERNAL_CARD_ALREADY_LINKED = _define(
        7219, "EXTERNAL_CARD_ALREADY_LINKED", 409, "This card is already linked to the cardholder."
    )
    CARD_EXPIRED = _define(7220, "CARD_EXPIRED", 400, "The card has expired.")
    CARD_PROGRAM_NOT_FOUND = _define(
        7221, "CARD_PROGRAM_NOT_FOUND", 409, "The company has no card program; it is provisioned at onboarding."
    )

    # 73xx funds and transfers
    TRANSACTION_NOT_FOUND = _define(7300, "TRANSACTION_NOT_FOUND", 404, "The transaction does not exist.")
    SAME_CARD = _define(7301, "SAME_CARD", 400, "The source and target cards are the same card.")
    CARDS_IN_DIFFERENT_COMPANIES = _define(
        7302, "CARDS_IN_DIFFERENT_COMPANIES", 422, "Transfers move funds between cards of the same company only."
    )
    INSUFFICIENT_FUNDS = _define(
        7303, "INSUFFICIENT_FUNDS", 422, "The source account does not have enough balance for this transaction."
    )
    TRANSFER_LIMIT_EXCEEDED = _define(
        7304, "TRANSFER_LIMIT_EXCEEDED", 422, "The amount is above the program's limit per transfer."
    )
    DAILY_TRANSFER_LIMIT_EXCEEDED = _define(
        7305, "DAILY_TRANSFER_LIMIT_EXCEEDED", 422, "The transfer would exceed the card's daily transfer limit."
    )
    MAX_BALANCE_EXCEEDED = _define(
        7306, "MAX_BALANCE_EXCEEDED", 422, "The card's balance would exceed the program's maximum balance."
    )
    FUNDING_INSUFFICIENT = _define(
        7307, "FUNDING_INSUFFICIENT", 422, "The company's funding account does not have enough balance for this load."
    )

    # 76xx keys and signatures
    SIGNING_KEY_NOT_FOUND = _define(7600, "SIGNING_KEY_NOT_FOUND", 404, "The signing key does not exist.")
    INVALID_SIGNING_KEY = _define(7601, "INVALID_SIGNING_KEY", 400, "The signing key material is not valid.")
    INVALID_SIGNATURE = _define(7604, "INVALID_SIGNATURE", 401, "The request signature did not validate.")
    KEYS_EXPIRED = _define(7616, "KEYS_EXPIRED", 401, "The signing keys have expired; rotate them.")

    # 78xx back office and RBAC
    OPERATOR_TOKEN_REQUIRED = _define(
        7800, "OPERATOR_TOKEN_REQUIRED", 401, "An operator token is required in x-user-token."
    )
    PERMISSION_DENIED = _define(7801, "PERMISSION_DENIED", 403, "The operator lacks the required permission.")
    OPERATOR_DISABLED = _define(7802, "OPERATOR_DISABLED", 403, "The operator is disabled.")

    # 80xx system
    INTERNAL_ERROR = _define(8000, "INTERNAL_ERROR", 500, "An unexpected error occurred; it was logged.")
    SERVICE_UNAVAILABLE = _define(8001, "SERVICE_UNAVAILABLE", 503, "The service is temporarily unavailable.")


class MW_ERRORS:  # noqa: N801 - a namespace of constants, named like ERRORS
    """Middleware ownCodes (seed 002's Payment Link codes first)."""

    GENERIC_CREATION_ERROR = _define(2002, "GENERIC_CREATION_ERROR", 400, "The transaction could not be created.")
    AMOUNT_OUT_OF_RANGE = _define(
        2003, "AMOUNT_OUT_OF_RANGE", 409, "The amount is outside the client's range, or a processorAmount exceeds it."
    )
    CUSTOMER_BLOCKED = _define(2004, "CUSTOMER_BLOCKED", 400, "The end customer is blocked for this client.")
    CUSTOMER_SUSPENDED = _define(2005, "CUSTOMER_SUSPENDED", 400, "The end customer is suspended for this client.")
    CUSTOMER_EXCLUDED = _define(2006, "CUSTOMER_EXCLUDED", 400, "The end customer is excluded for this client.")
    INVALID_KEYS = _define(2007, "INVALID_KEYS", 401, "The publicKey/privateKey pair does not match an application.")
    INVALID_BODY = _define(5000, "INVALID_BODY", 409, "Required fields are missing or the body is invalid.")
    # [decided] the Middleware's platform-wide errors, beside seed 002's
    NOT_FOUND = _define(5001, "NOT_FOUND", 404, "The resource does not exist.")
    METHOD_NOT_ALLOWED = _define(5002, "METHOD_NOT_ALLOWED", 405, "The method is not allowed on this path.")
    IDEMPOTENCY_KEY_REUSED = _define(
        5003, "IDEMPOTENCY_KEY_REUSED", 409, "This Idempotency-Key was used with a different request."
    )
    CLIENT_NOT_FOUND = _define(5004, "CLIENT_NOT_FOUND", 409, "The client slug does not exist.")
    IDEMPOTENCY_IN_PROGRESS = _define(
        5005, "IDEMPOTENCY_IN_PROGRESS", 409, "A request with this Idempotency-Key is still in progress."
    )
    RATE_LIMITED = _define(5006, "RATE_LIMITED", 429, "Too many requests; try again later.")
    FORBIDDEN = _define(5007, "FORBIDDEN", 403, "This credential may not perform this action.")
    CONFLICT = _define(5008, "CONFLICT", 409, "The request conflicts with the resource's current state.")
    INTERNAL_ERROR = _define(5009, "INTERNAL_ERROR", 500, "An unexpected error occurred; it was logged.")
    SERVICE_UNAVAILABLE = _define(5010, "SERVICE_UNAVAILABLE", 503, "The service is temporarily unavailable.")
    # [decided] payments after the link is created
    TRANSACTION_NOT_PAYABLE = _define(
        5011, "TRANSACTION_NOT_PAYABLE", 409, "The payment link is paid, expired, reversed or out of attempts."
    )
    NOT_CAPTURABLE = _define(5012, "NOT_CAPTURABLE", 409, "Only an authorized, uncaptured payment can be captured.")
    CAPTURE_WINDOW_EXPIRED = _define(
        5013, "CAPTURE_WINDOW_EXPIRED", 409, "The authorization is older than 7 days and can no longer be captured."
    )
    REFUND_EXCEEDS_CAPTURED = _define(
        5014, "REFUND_EXCEEDS_CAPTURED", 409, "The refunds would exceed the captured amount."
    )
    NOT_REFUNDABLE = _define(5015, "NOT_REFUNDABLE", 409, "Only a captured payment can be refunded.")
    NOT_REVERSIBLE = _define(
        5016, "NOT_REVERSIBLE", 409, "Only an authorization, or an unsettled unrefunded capture, can be reversed."
    )
    PROCESSOR_UNAVAILABLE = _define(
        5017,
        "PROCESSOR_UNAVAILABLE",
        502,
        "The payment processor did not answer; Migo confirms the outcome with it and reports it by webhook.",
    )
    PAYLOAD_TOO_LARGE = _define(5018, "PAYLOAD_TOO_LARGE", 413, "The request body is too large.")
    PAYMENT_IN_PROGRESS = _define(
        5019, "PAYMENT_IN_PROGRESS", 409, "The processor is still answering another request on this payment."
    )
    PROCESSOR_DECLINED = _define(5020, "PROCESSOR_DECLINED", 409, "The payment processor refused the operation.")


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


def _members(namespace: type) -> list[ErrorDef]:
    return sorted((value for value in vars(namespace).values() if isinstance(value, ErrorDef)), key=lambda e: e.code)


def catalog() -> list[ErrorDef]:
    return _members(ERRORS)


def middleware_catalog() -> list[ErrorDef]:
    return _members(MW_ERRORS)


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
