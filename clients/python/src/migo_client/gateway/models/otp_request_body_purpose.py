from enum import StrEnum


class OtpRequestBodyPurpose(StrEnum):
    PASSWORD_RESET = "password_reset"
    PIN_RESET = "pin_reset"

    def __str__(self) -> str:
        return str(self.value)
