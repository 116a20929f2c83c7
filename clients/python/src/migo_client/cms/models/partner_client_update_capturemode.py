from enum import StrEnum


class PartnerClientUpdateCapturemode(StrEnum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)
