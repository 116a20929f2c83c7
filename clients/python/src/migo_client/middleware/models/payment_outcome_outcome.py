from enum import StrEnum


class PaymentOutcomeOutcome(StrEnum):
    APPROVED = "approved"
    AUTHORIZED = "authorized"
    DECLINED = "declined"
    REQUIRES_ACTION = "requires_action"

    def __str__(self) -> str:
        return str(self.value)
