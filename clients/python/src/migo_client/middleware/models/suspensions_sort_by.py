from enum import StrEnum


class SuspensionsSortBy(StrEnum):
    CREATEDAT = "createdAt"

    def __str__(self) -> str:
        return str(self.value)
