from enum import StrEnum


class SettlementLineOutKind(StrEnum):
    PAYMENT = "payment"
    REFUND = "refund"

    def __str__(self) -> str:
        return str(self.value)
