from enum import StrEnum


class TerminalOperationOutKind(StrEnum):
    REFUND = "refund"
    REVERSAL = "reversal"

    def __str__(self) -> str:
        return str(self.value)
