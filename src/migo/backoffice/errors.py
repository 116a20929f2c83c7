"""The back office's error codes: the lines of its bulk uploads (79xx, beside the file refusals that
platform.batches owns)."""

from __future__ import annotations

from migo.platform.errors import domain_errors

backoffice_error = domain_errors("backoffice", gateway=(79,))


class BACKOFFICE_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    # 791x a line of a cardholder batch
    LINE_INVALID = backoffice_error(7910, "LINE_INVALID", 400, "A field of the line is missing or not valid.")
    LINE_DUPLICATE_IN_FILE = backoffice_error(
        7911, "LINE_DUPLICATE_IN_FILE", 409, "An earlier line of the file has the same email or document number."
    )
    CARDHOLDER_EXISTS = backoffice_error(
        7912, "CARDHOLDER_EXISTS", 409, "A cardholder of the company has this email or document number already."
    )
    COMPANY_REQUIRED = backoffice_error(
        7913, "COMPANY_REQUIRED", 400, "The partner has several companies: name the one the cardholders join."
    )
