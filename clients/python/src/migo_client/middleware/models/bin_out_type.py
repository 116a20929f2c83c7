from enum import StrEnum


class BinOutType(StrEnum):
    CREDIT = "credit"
    DEBIT = "debit"
    PREPAID = "prepaid"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
