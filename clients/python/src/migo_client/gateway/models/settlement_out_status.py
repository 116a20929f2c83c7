from enum import StrEnum


class SettlementOutStatus(StrEnum):
    PAID_OUT = "paid_out"
    PENDING = "pending"
    SETTLED = "settled"

    def __str__(self) -> str:
        return str(self.value)
