from enum import StrEnum


class OperatorsSortBy(StrEnum):
    CREATEDAT = "createdAt"
    NAME = "name"
    USERNAME = "username"

    def __str__(self) -> str:
        return str(self.value)
