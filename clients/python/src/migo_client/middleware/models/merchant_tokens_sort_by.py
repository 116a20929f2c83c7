from enum import StrEnum


class MerchantTokensSortBy(StrEnum):
    CREATEDAT = "createdAt"

    def __str__(self) -> str:
        return str(self.value)
