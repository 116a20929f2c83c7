from enum import StrEnum


class SubscriptionOutStatus(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    INACTIVE = "inactive"
    PAST_DUE = "past_due"
    PAUSED = "paused"
    TRIALING = "trialing"

    def __str__(self) -> str:
        return str(self.value)
