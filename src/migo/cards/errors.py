"""The cards domain's error codes: cards (72xx), and funds and transfers (73xx)."""

from __future__ import annotations

from migo.platform.errors import domain_errors
from migo.platform.i18n import N_  # a message a customer also reads on a hosted page, translated there

card_error = domain_errors("cards", gateway=(72, 73))


class CARD_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    # 72xx cards
    CARD_NOT_FOUND = card_error(7200, "CARD_NOT_FOUND", 404, "The card does not exist.")
    CARD_INACTIVE = card_error(7201, "CARD_INACTIVE", 409, "The card has not been activated.")
    CARD_BLOCKED = card_error(7202, "CARD_BLOCKED", 409, N_("The card is blocked."))
    CARD_CANCELLED = card_error(7203, "CARD_CANCELLED", 409, N_("The card is cancelled."))
    CARD_ALREADY_ACTIVE = card_error(7204, "CARD_ALREADY_ACTIVE", 409, N_("The card is already active."))
    INVALID_CARD_NUMBER = card_error(7205, "INVALID_CARD_NUMBER", 400, N_("The card number is not valid."))
    ACTIVATION_FAILED = card_error(
        7206, "ACTIVATION_FAILED", 400, N_("No card waiting for activation matches this number for this cardholder.")
    )
    CARDHOLDER_NAME_MISMATCH = card_error(
        7207, "CARDHOLDER_NAME_MISMATCH", 400, N_("The name does not match the name printed on the card.")
    )
    INVALID_CARD_TRANSITION = card_error(7208, "INVALID_CARD_TRANSITION", 409, "The card cannot make this transition.")
    CARD_PERMISSION_DENIED = card_error(7209, "CARD_PERMISSION_DENIED", 403, "The user may not do this with this card.")
    PIN_NOT_SET = card_error(7210, "PIN_NOT_SET", 409, "The card has no PIN yet.")
    PIN_ALREADY_SET = card_error(7211, "PIN_ALREADY_SET", 409, "The card already has a PIN; rotate or reset it.")
    INCORRECT_PIN = card_error(7212, "INCORRECT_PIN", 400, "The PIN is not correct.")
    PIN_LOCKED = card_error(7213, "PIN_LOCKED", 423, "The PIN is locked after three wrong tries; reset it by OTP.")
    WEAK_PIN = card_error(7214, "WEAK_PIN", 400, "A PIN has 4 digits, not all equal and not a sequence.")
    INVALID_VIEW_TOKEN = card_error(
        7215, "INVALID_VIEW_TOKEN", 403, "The view token is not valid, has expired or was already used."
    )
    STATEMENT_NOT_FOUND = card_error(7216, "STATEMENT_NOT_FOUND", 404, "The statement does not exist.")
    STATEMENT_NOT_READY = card_error(7217, "STATEMENT_NOT_READY", 409, "The statement is still being produced.")
    EXTERNAL_CARD_NOT_FOUND = card_error(7218, "EXTERNAL_CARD_NOT_FOUND", 404, "The linked card does not exist.")
    EXTERNAL_CARD_ALREADY_LINKED = card_error(
        7219, "EXTERNAL_CARD_ALREADY_LINKED", 409, "This card is already linked to the cardholder."
    )
    CARD_EXPIRED = card_error(7220, "CARD_EXPIRED", 400, N_("The card has expired."))
    CARD_PROGRAM_NOT_FOUND = card_error(
        7221, "CARD_PROGRAM_NOT_FOUND", 409, "The company has no card program; it is provisioned at onboarding."
    )

    # 73xx funds and transfers
    TRANSACTION_NOT_FOUND = card_error(7300, "TRANSACTION_NOT_FOUND", 404, "The transaction does not exist.")
    SAME_CARD = card_error(7301, "SAME_CARD", 400, "The source and target cards are the same card.")
    CARDS_IN_DIFFERENT_COMPANIES = card_error(
        7302, "CARDS_IN_DIFFERENT_COMPANIES", 422, "Transfers move funds between cards of the same company only."
    )
    INSUFFICIENT_FUNDS = card_error(
        7303, "INSUFFICIENT_FUNDS", 422, "The source account does not have enough balance for this transaction."
    )
    TRANSFER_LIMIT_EXCEEDED = card_error(
        7304, "TRANSFER_LIMIT_EXCEEDED", 422, "The amount is above the program's limit per transfer."
    )
    DAILY_TRANSFER_LIMIT_EXCEEDED = card_error(
        7305, "DAILY_TRANSFER_LIMIT_EXCEEDED", 422, "The transfer would exceed the card's daily transfer limit."
    )
    MAX_BALANCE_EXCEEDED = card_error(
        7306, "MAX_BALANCE_EXCEEDED", 422, "The card's balance would exceed the program's maximum balance."
    )
    FUNDING_INSUFFICIENT = card_error(
        7307, "FUNDING_INSUFFICIENT", 422, "The company's funding account does not have enough balance for this load."
    )


# A card's status, as the refusal of an action that needs another one (and the denial the SQL functions name).
STATUS_ERRORS = {
    "INACTIVE": CARD_ERRORS.CARD_INACTIVE,
    "BLOCKED": CARD_ERRORS.CARD_BLOCKED,
    "CANCELLED": CARD_ERRORS.CARD_CANCELLED,
    "ACTIVE": CARD_ERRORS.CARD_ALREADY_ACTIVE,
}
