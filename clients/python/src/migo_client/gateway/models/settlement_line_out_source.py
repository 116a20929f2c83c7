from enum import StrEnum


class SettlementLineOutSource(StrEnum):
    LINK = "link"
    TERMINAL = "terminal"

    def __str__(self) -> str:
        return str(self.value)
