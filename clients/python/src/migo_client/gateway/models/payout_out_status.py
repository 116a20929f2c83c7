from enum import StrEnum


class PayoutOutStatus(StrEnum):
    IN_TRANSIT = "in_transit"
    PAID = "paid"

    def __str__(self) -> str:
        return str(self.value)
