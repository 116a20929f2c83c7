from enum import StrEnum


class PartnersSortBy(StrEnum):
    CREATEDAT = "createdAt"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
