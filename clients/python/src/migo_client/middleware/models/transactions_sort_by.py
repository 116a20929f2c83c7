from enum import StrEnum


class TransactionsSortBy(StrEnum):
    AMOUNT = "amount"
    CREATEDAT = "createdAt"
    REFERENCE = "reference"

    def __str__(self) -> str:
        return str(self.value)
