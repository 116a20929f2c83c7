"""The back office's own error codes (78xx beside identity's operators and RBAC; its bulk uploads in the
batches' 79xx, where a file refused whole answers the batches' own 7901-7906): its transaction search (783x),
its partners, their applications and Payment Link clients (784x), the partner's companies and card stock
(785x), the lines of a cardholder batch (791x) and the conciliation of processor settlement files (792x)."""

from __future__ import annotations

from migo.platform.errors import domain_errors

backoffice_error = domain_errors("backoffice", gateway=(78, 79))


class BACKOFFICE_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    COMPANY_NOT_FOUND = backoffice_error(7850, "COMPANY_NOT_FOUND", 404, "The company does not exist.")
    COMPANY_REQUIRED = backoffice_error(
        7851, "COMPANY_REQUIRED", 400, "The partner manages several companies: name one in `companyId`."
    )
    STOCK_BATCH_NOT_FOUND = backoffice_error(7852, "STOCK_BATCH_NOT_FOUND", 404, "The card stock batch does not exist.")
    STOCK_NOT_PRINTED = backoffice_error(
        7853, "STOCK_NOT_PRINTED", 409, "The print run is still printing; poll its progress until it is done."
    )


class CARDHOLDER_BATCH_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    LINE_INVALID = backoffice_error(7910, "LINE_INVALID", 400, "A field of the line is missing or not valid.")
    LINE_DUPLICATE_IN_FILE = backoffice_error(
        7911, "LINE_DUPLICATE_IN_FILE", 409, "An earlier line of the file has the same email or document number."
    )
    CARDHOLDER_EXISTS = backoffice_error(
        7912, "CARDHOLDER_EXISTS", 409, "A cardholder of the company has this email or document number already."
    )


class CONCILIATION_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    UNKNOWN_PROCESSOR = backoffice_error(
        7920, "UNKNOWN_PROCESSOR", 400, "`source` must name a processor that settles payments by file."
    )
    INVALID_SETTLEMENT_LINE = backoffice_error(
        7921, "INVALID_SETTLEMENT_LINE", 400, "The settlement line is malformed."
    )
    DUPLICATE_SETTLEMENT_LINE = backoffice_error(
        7922, "DUPLICATE_SETTLEMENT_LINE", 400, "An earlier line has the same processorReference and status."
    )
    CONCILIATION_NOT_DONE = backoffice_error(
        7923, "CONCILIATION_NOT_DONE", 409, "The file is still being conciliated; poll its progress until done."
    )


class TRANSACTION_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    PARTNER_TRANSACTION_NOT_FOUND = backoffice_error(
        7830, "PARTNER_TRANSACTION_NOT_FOUND", 404, "No transaction of the partner's has this uid."
    )
    CARD_TRANSACTION_NOT_REFUNDABLE = backoffice_error(
        7831,
        "CARD_TRANSACTION_NOT_REFUNDABLE",
        409,
        "A card transaction is not refunded from the back office: the back office never moves a card's money "
        "(the card's company loads, unloads or transfers it back).",
    )


class PARTNER_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    GLOBAL_SCOPE_REQUIRED = backoffice_error(
        7840, "GLOBAL_SCOPE_REQUIRED", 403, "Only a platform operator may do this."
    )
    PARTNER_CLIENT_NOT_FOUND = backoffice_error(
        7841, "PARTNER_CLIENT_NOT_FOUND", 404, "No Payment Link client of the partner has this slug."
    )
    APPLICATION_COMPANY_REQUIRED = backoffice_error(
        7842,
        "APPLICATION_COMPANY_REQUIRED",
        400,
        "A Gateway application acts for one company of the partner: name it in `companyId`.",
    )
    APPLICATION_COMPANY_NOT_ALLOWED = backoffice_error(
        7843,
        "APPLICATION_COMPANY_NOT_ALLOWED",
        400,
        "A CMS application acts for the whole partner: leave `companyId` out.",
    )
