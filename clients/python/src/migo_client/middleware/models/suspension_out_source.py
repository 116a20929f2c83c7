from enum import StrEnum


class SuspensionOutSource(StrEnum):
    MANUAL = "manual"
    VELOCITY = "velocity"

    def __str__(self) -> str:
        return str(self.value)
