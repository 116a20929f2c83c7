from enum import StrEnum


class SubscriptionsSortBy(StrEnum):
    CREATEDAT = "createdAt"
    CURRENTPERIODEND = "currentPeriodEnd"

    def __str__(self) -> str:
        return str(self.value)
