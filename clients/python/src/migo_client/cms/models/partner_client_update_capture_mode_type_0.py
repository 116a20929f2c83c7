from enum import StrEnum


class PartnerClientUpdateCaptureModeType0(StrEnum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)
