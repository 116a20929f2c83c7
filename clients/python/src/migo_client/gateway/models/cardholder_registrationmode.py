from enum import StrEnum


class CardholderRegistrationmode(StrEnum):
    COMPANY = "COMPANY"
    SELF = "SELF"

    def __str__(self) -> str:
        return str(self.value)
