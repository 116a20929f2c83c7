"""The back office's error codes (78xx, CONTRACT §2: back office and RBAC; identity's operators hold 7800-7849)."""

from __future__ import annotations

from migo.platform.errors import domain_errors

backoffice_error = domain_errors("backoffice", gateway=(78,))


class BACKOFFICE_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    COMPANY_NOT_FOUND = backoffice_error(7850, "COMPANY_NOT_FOUND", 404, "The company does not exist.")
    COMPANY_REQUIRED = backoffice_error(
        7851, "COMPANY_REQUIRED", 400, "The partner manages several companies: name one in `companyId`."
    )
    STOCK_BATCH_NOT_FOUND = backoffice_error(7852, "STOCK_BATCH_NOT_FOUND", 404, "The card stock batch does not exist.")
