from enum import StrEnum


class AmountMismatchStatus(StrEnum):
    REFUNDED = "refunded"
    SETTLED = "settled"

    def __str__(self) -> str:
        return str(self.value)
