from enum import StrEnum


class CardStockBatchesSortBy(StrEnum):
    COUNT = "count"
    CREATEDAT = "createdAt"

    def __str__(self) -> str:
        return str(self.value)
