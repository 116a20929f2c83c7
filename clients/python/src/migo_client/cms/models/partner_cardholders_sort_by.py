from enum import StrEnum


class PartnerCardholdersSortBy(StrEnum):
    CREATEDAT = "createdAt"
    LASTNAME = "lastName"

    def __str__(self) -> str:
        return str(self.value)
