from enum import StrEnum


class AmountMismatchChannel(StrEnum):
    LINK = "link"
    TERMINAL = "terminal"

    def __str__(self) -> str:
        return str(self.value)
