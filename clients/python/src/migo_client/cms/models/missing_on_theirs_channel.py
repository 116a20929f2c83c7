from enum import StrEnum


class MissingOnTheirsChannel(StrEnum):
    LINK = "link"
    TERMINAL = "terminal"

    def __str__(self) -> str:
        return str(self.value)
