from enum import StrEnum


class TerminalPaymentCreateEntrymode(StrEnum):
    CHIP = "CHIP"
    CONTACTLESS = "CONTACTLESS"
    MANUAL = "MANUAL"
    SWIPE = "SWIPE"

    def __str__(self) -> str:
        return str(self.value)
