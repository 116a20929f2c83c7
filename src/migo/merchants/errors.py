"""The merchants domain's error codes: 74xx merchants, terminals and their payments; 75xx settlements."""

from __future__ import annotations

from migo.platform.errors import domain_errors

merchant_error = domain_errors("merchants", gateway=(74,))


class MERCHANT_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    LEAD_NOT_FOUND = merchant_error(7400, "LEAD_NOT_FOUND", 404, "The lead does not exist.")
    DOCUMENT_NOT_FOUND = merchant_error(7401, "DOCUMENT_NOT_FOUND", 404, "The document does not exist.")
    BUSINESS_NOT_FOUND = merchant_error(7402, "BUSINESS_NOT_FOUND", 404, "The business does not exist.")
    LEAD_NOT_EDITABLE = merchant_error(
        7403, "LEAD_NOT_EDITABLE", 409, "The lead is in review or decided; it can no longer be changed."
    )
    REQUIREMENTS_DUE = merchant_error(
        7404, "REQUIREMENTS_DUE", 409, "The lead cannot be submitted while requirements are still due."
    )
    INVALID_LEAD_TRANSITION = merchant_error(
        7405, "INVALID_LEAD_TRANSITION", 409, "The lead cannot make this transition from its status."
    )
    LEAD_NOT_APPROVED = merchant_error(7406, "LEAD_NOT_APPROVED", 409, "Only an approved lead becomes a business.")
    LEAD_ALREADY_PROMOTED = merchant_error(
        7407, "LEAD_ALREADY_PROMOTED", 409, "The lead was already promoted to a business."
    )
    DOCUMENT_TYPE_NOT_ACCEPTED = merchant_error(
        7408, "DOCUMENT_TYPE_NOT_ACCEPTED", 415, "A document is a PDF, JPEG or PNG file, recognised by its content."
    )
    DOCUMENT_TOO_LARGE = merchant_error(7409, "DOCUMENT_TOO_LARGE", 413, "A document is at most 10 MB.")
    DOCUMENT_FILE_REQUIRED = merchant_error(
        7410, "DOCUMENT_FILE_REQUIRED", 400, "Send the document's `type` and the file in the part named `file`."
    )
    UNKNOWN_REJECTED_DOCUMENT = merchant_error(
        7411, "UNKNOWN_REJECTED_DOCUMENT", 400, "A rejection names a document that is not one of the lead's."
    )
    BRANCH_NOT_FOUND = merchant_error(7412, "BRANCH_NOT_FOUND", 404, "The branch does not exist.")
    TERMINAL_NOT_FOUND = merchant_error(7413, "TERMINAL_NOT_FOUND", 404, "The terminal does not exist.")
    TERMINAL_ALREADY_REGISTERED = merchant_error(
        7414, "TERMINAL_ALREADY_REGISTERED", 409, "A terminal with this serial number is already registered."
    )
    TERMINAL_ALREADY_ACTIVE = merchant_error(7415, "TERMINAL_ALREADY_ACTIVE", 409, "The terminal is already active.")
    TERMINAL_INACTIVE = merchant_error(7416, "TERMINAL_INACTIVE", 409, "The terminal is deactivated.")
    BUSINESS_NOT_ACTIVE = merchant_error(7417, "BUSINESS_NOT_ACTIVE", 409, "The business is not active.")
    TERMINAL_PAYMENT_NOT_FOUND = merchant_error(7418, "TERMINAL_PAYMENT_NOT_FOUND", 404, "The payment does not exist.")
    DUPLICATE_TERMINAL_REFERENCE = merchant_error(
        7419, "DUPLICATE_TERMINAL_REFERENCE", 409, "This terminal already took a payment with this reference."
    )
    CURRENCY_NOT_ACCEPTED = merchant_error(
        7420, "CURRENCY_NOT_ACCEPTED", 409, "The business takes payments in its pricing currency only."
    )
    SETTLEMENT_CARD_NOT_FOUND = merchant_error(
        7421, "SETTLEMENT_CARD_NOT_FOUND", 404, "The prepaid card named in `settleTo` does not exist."
    )
    PAYMENT_NOT_REVERSIBLE = merchant_error(
        7422,
        "PAYMENT_NOT_REVERSIBLE",
        409,
        "Only an approved payment can be reversed, and only before its settlement cutoff (23:30 UTC); refund it.",
    )
    PAYMENT_NOT_REFUNDABLE = merchant_error(
        7423, "PAYMENT_NOT_REFUNDABLE", 409, "Only an approved payment can be refunded, up to what is left of it."
    )
    TERMINAL_OPERATION_IN_PROGRESS = merchant_error(
        7424, "TERMINAL_OPERATION_IN_PROGRESS", 409, "A payment or an operation of this payment is being confirmed."
    )
    TERMINAL_OPERATION_FAILED = merchant_error(
        7425, "TERMINAL_OPERATION_FAILED", 402, "The processor refused the operation."
    )
    CLIENT_NOT_FOUND = merchant_error(
        7426, "CLIENT_NOT_FOUND", 404, "No Payment Link client of the company's partner has this slug."
    )
    CLIENT_LINKED_ELSEWHERE = merchant_error(
        7427, "CLIENT_LINKED_ELSEWHERE", 409, "The client's captures already settle to another business."
    )


settlement_error = domain_errors("settlements", gateway=(75,))


class SETTLEMENT_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    SETTLEMENT_NOT_FOUND = settlement_error(7500, "SETTLEMENT_NOT_FOUND", 404, "The settlement does not exist.")
    SETTLEMENT_ALREADY_PAID_OUT = settlement_error(
        7501, "SETTLEMENT_ALREADY_PAID_OUT", 409, "The settlement was paid out: it has no next step."
    )
    INVALID_CUTOFF_DATE = settlement_error(
        7502, "INVALID_CUTOFF_DATE", 400, "A cutoff date is today or a day before it (UTC), not a future day."
    )
