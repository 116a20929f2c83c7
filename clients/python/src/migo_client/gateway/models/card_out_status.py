from enum import StrEnum


class CardOutStatus(StrEnum):
    ACTIVE = "ACTIVE"
    BLOCKED = "BLOCKED"
    CANCELLED = "CANCELLED"
    INACTIVE = "INACTIVE"

    def __str__(self) -> str:
        return str(self.value)
