from enum import StrEnum


class SettleToOutType(StrEnum):
    BALANCE = "BALANCE"
    PREPAID_CARD = "PREPAID_CARD"

    def __str__(self) -> str:
        return str(self.value)
