from enum import StrEnum


class SettlementCreditOutType(StrEnum):
    BALANCE = "BALANCE"
    PREPAID_CARD = "PREPAID_CARD"

    def __str__(self) -> str:
        return str(self.value)
