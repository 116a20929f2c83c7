from enum import StrEnum


class TerminalPaymentsSortBy(StrEnum):
    AMOUNT = "amount"
    CREATEDAT = "createdAt"

    def __str__(self) -> str:
        return str(self.value)
