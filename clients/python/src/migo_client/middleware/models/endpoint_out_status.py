from enum import StrEnum


class EndpointOutStatus(StrEnum):
    DISABLED = "disabled"
    ENABLED = "enabled"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)
