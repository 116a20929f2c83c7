"""The back office's error codes: the conciliation of processor settlement files (7920-7939, in the batches'
79xx; a file refused whole answers the batches' own 7901-7906)."""

from __future__ import annotations

from migo.platform.errors import domain_errors

backoffice_error = domain_errors("backoffice", gateway=(79,))


class CONCILIATION_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    UNKNOWN_PROCESSOR = backoffice_error(
        7920, "UNKNOWN_PROCESSOR", 400, "`source` must name a processor that settles payments by file."
    )
    INVALID_LINE = backoffice_error(7921, "INVALID_SETTLEMENT_LINE", 400, "The settlement line is malformed.")
    DUPLICATE_LINE = backoffice_error(
        7922, "DUPLICATE_SETTLEMENT_LINE", 400, "An earlier line has the same processorReference and status."
    )
    REPORT_NOT_READY = backoffice_error(
        7923, "CONCILIATION_NOT_DONE", 409, "The file is still being conciliated; poll its progress until done."
    )
