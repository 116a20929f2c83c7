from enum import StrEnum


class PlansSortBy(StrEnum):
    AMOUNT = "amount"
    CREATEDAT = "createdAt"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
