from enum import StrEnum


class TransactionOutType(StrEnum):
    LOAD = "load"
    TRANSFER = "transfer"
    UNLOAD = "unload"

    def __str__(self) -> str:
        return str(self.value)
