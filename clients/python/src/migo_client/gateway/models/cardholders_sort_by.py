from enum import StrEnum


class CardholdersSortBy(StrEnum):
    CREATEDAT = "createdAt"
    LASTNAME = "lastName"
    USERNAME = "username"

    def __str__(self) -> str:
        return str(self.value)
