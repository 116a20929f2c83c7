from enum import StrEnum


class AuditRecordOutOutcome(StrEnum):
    FAILED = "failed"
    REFUSED = "refused"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
