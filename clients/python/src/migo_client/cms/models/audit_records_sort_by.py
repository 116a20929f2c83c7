from enum import StrEnum


class AuditRecordsSortBy(StrEnum):
    AT = "at"

    def __str__(self) -> str:
        return str(self.value)
