from enum import StrEnum


class LeadsSortBy(StrEnum):
    BUSINESSNAME = "businessName"
    CREATEDAT = "createdAt"
    STATUS = "status"

    def __str__(self) -> str:
        return str(self.value)
