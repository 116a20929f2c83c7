from enum import StrEnum


class PartnerApplicationOutKind(StrEnum):
    CMS = "cms"
    GATEWAY = "gateway"
    MIDDLEWARE = "middleware"

    def __str__(self) -> str:
        return str(self.value)
