from enum import StrEnum


class TerminalPaymentOutStatus(StrEnum):
    APPROVED = "approved"
    DENIED = "denied"
    PENDING = "pending"
    REFUNDED = "refunded"
    REVERSED = "reversed"

    def __str__(self) -> str:
        return str(self.value)
