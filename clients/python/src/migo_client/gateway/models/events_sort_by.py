from enum import StrEnum


class EventsSortBy(StrEnum):
    OCCURREDAT = "occurredAt"

    def __str__(self) -> str:
        return str(self.value)
