from enum import StrEnum


class MovementsSortBy(StrEnum):
    CREATEDAT = "createdAt"

    def __str__(self) -> str:
        return str(self.value)
