from enum import StrEnum


class GrantRequestPermissionsItem(StrEnum):
    MANAGE = "manage"
    TRANSACT = "transact"
    VIEW = "view"

    def __str__(self) -> str:
        return str(self.value)
