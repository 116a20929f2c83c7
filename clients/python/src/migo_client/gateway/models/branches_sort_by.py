from enum import StrEnum


class BranchesSortBy(StrEnum):
    CREATEDAT = "createdAt"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
