from enum import StrEnum


class PartnerClientUpdateAllowedCardTypesType0Item(StrEnum):
    CREDIT = "credit"
    DEBIT = "debit"
    PREPAID = "prepaid"

    def __str__(self) -> str:
        return str(self.value)
