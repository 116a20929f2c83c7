from enum import StrEnum


class MissingOnOurSideStatus(StrEnum):
    REFUNDED = "refunded"
    SETTLED = "settled"

    def __str__(self) -> str:
        return str(self.value)
