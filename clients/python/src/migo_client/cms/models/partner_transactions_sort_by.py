from enum import StrEnum


class PartnerTransactionsSortBy(StrEnum):
    AMOUNT = "amount"
    CREATEDAT = "createdAt"

    def __str__(self) -> str:
        return str(self.value)
