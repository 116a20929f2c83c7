from enum import StrEnum


class VolcanNoticeType(StrEnum):
    AUTHORIZATION = "authorization"
    CLEARING = "clearing"
    REVERSAL = "reversal"

    def __str__(self) -> str:
        return str(self.value)
