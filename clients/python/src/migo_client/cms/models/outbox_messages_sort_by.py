from enum import StrEnum


class OutboxMessagesSortBy(StrEnum):
    CREATEDAT = "createdAt"

    def __str__(self) -> str:
        return str(self.value)
