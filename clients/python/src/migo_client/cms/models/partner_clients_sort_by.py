from enum import StrEnum


class PartnerClientsSortBy(StrEnum):
    CREATEDAT = "createdAt"
    DISPLAYNAME = "displayName"
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
