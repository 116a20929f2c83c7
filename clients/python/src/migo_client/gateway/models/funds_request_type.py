from enum import StrEnum


class FundsRequestType(StrEnum):
    LOAD = "load"
    UNLOAD = "unload"

    def __str__(self) -> str:
        return str(self.value)
