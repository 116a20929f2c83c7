from enum import StrEnum


class CardOutPermissionsType0Item(StrEnum):
    MANAGE = "manage"
    TRANSACT = "transact"
    VIEW = "view"

    def __str__(self) -> str:
        return str(self.value)
