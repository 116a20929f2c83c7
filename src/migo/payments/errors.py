"""The payments domain's Middleware ownCodes: seed 002's Payment Link codes (2002-2006, 5004) and ours for what
follows a link's creation (5011-5020)."""

from __future__ import annotations

from migo.platform.errors import domain_errors
from migo.platform.i18n import N_  # a message a customer also reads on a hosted page, translated there

payment_error = domain_errors("payments", middleware=(range(2002, 2007), range(5004, 5005), range(5011, 5100)))


class PAYMENT_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    # seed 002's Payment Link codes
    GENERIC_CREATION_ERROR = payment_error(2002, "GENERIC_CREATION_ERROR", 400, "The transaction could not be created.")
    AMOUNT_OUT_OF_RANGE = payment_error(
        2003, "AMOUNT_OUT_OF_RANGE", 409, "The amount is outside the client's range, or a processorAmount exceeds it."
    )
    CUSTOMER_BLOCKED = payment_error(2004, "CUSTOMER_BLOCKED", 400, "The end customer is blocked for this client.")
    CUSTOMER_SUSPENDED = payment_error(
        2005, "CUSTOMER_SUSPENDED", 400, "The end customer is suspended for this client."
    )
    CUSTOMER_EXCLUDED = payment_error(2006, "CUSTOMER_EXCLUDED", 400, "The end customer is excluded for this client.")
    CLIENT_NOT_FOUND = payment_error(5004, "CLIENT_NOT_FOUND", 409, "The client slug does not exist.")

    # after the link is created
    TRANSACTION_NOT_PAYABLE = payment_error(
        5011, "TRANSACTION_NOT_PAYABLE", 409, "The payment link is paid, expired, reversed or out of attempts."
    )
    NOT_CAPTURABLE = payment_error(
        5012, "NOT_CAPTURABLE", 409, "Only an authorized, uncaptured payment can be captured."
    )
    CAPTURE_WINDOW_EXPIRED = payment_error(
        5013, "CAPTURE_WINDOW_EXPIRED", 409, "The authorization is older than 7 days and can no longer be captured."
    )
    REFUND_EXCEEDS_CAPTURED = payment_error(
        5014, "REFUND_EXCEEDS_CAPTURED", 409, "The refunds would exceed the captured amount."
    )
    NOT_REFUNDABLE = payment_error(5015, "NOT_REFUNDABLE", 409, "Only a captured payment can be refunded.")
    NOT_REVERSIBLE = payment_error(
        5016, "NOT_REVERSIBLE", 409, "Only an authorization, or an unsettled unrefunded capture, can be reversed."
    )
    PROCESSOR_UNAVAILABLE = payment_error(
        5017,
        "PROCESSOR_UNAVAILABLE",
        502,
        "The payment processor did not answer; Migo confirms the outcome with it and reports it by webhook.",
    )
    PAYMENT_IN_PROGRESS = payment_error(
        5019, "PAYMENT_IN_PROGRESS", 409, N_("The processor is still answering another request on this payment.")
    )
    PROCESSOR_DECLINED = payment_error(5020, "PROCESSOR_DECLINED", 409, "The payment processor refused the operation.")
