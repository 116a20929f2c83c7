from enum import StrEnum


class TransactionOutStatus(StrEnum):
    APPROVED = "approved"
    DENIED = "denied"

    def __str__(self) -> str:
        return str(self.value)
