from enum import StrEnum


class TerminalPaymentOutEntrymode(StrEnum):
    CHIP = "CHIP"
    CONTACTLESS = "CONTACTLESS"
    MANUAL = "MANUAL"
    SWIPE = "SWIPE"

    def __str__(self) -> str:
        return str(self.value)
