from enum import StrEnum


class PaymentOutcomeThreeds(StrEnum):
    CHALLENGED = "challenged"
    FAILED = "failed"
    NOT_REQUIRED = "not_required"
    PASSED = "passed"

    def __str__(self) -> str:
        return str(self.value)
