from enum import StrEnum


class OperatorProfileScope(StrEnum):
    CLIENT = "client"
    GLOBAL = "global"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
