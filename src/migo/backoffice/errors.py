"""The back office's own error codes (78xx, beside identity's operators and RBAC): its transaction search."""

from __future__ import annotations

from migo.platform.errors import domain_errors

backoffice_error = domain_errors("backoffice", gateway=(78,))


class BACKOFFICE_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
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
