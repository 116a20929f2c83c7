from enum import StrEnum


class SuspensionRequestType(StrEnum):
    BLOCKED = "blocked"
    EXCLUDED = "excluded"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
