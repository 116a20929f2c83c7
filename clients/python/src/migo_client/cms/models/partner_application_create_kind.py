from enum import StrEnum


class PartnerApplicationCreateKind(StrEnum):
    CMS = "cms"
    GATEWAY = "gateway"

    def __str__(self) -> str:
        return str(self.value)
