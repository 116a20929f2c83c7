from enum import StrEnum


class PartnerClientUpdateAllowedCardTypesItem(StrEnum):
    CREDIT = "credit"
    DEBIT = "debit"
    PREPAID = "prepaid"

    def __str__(self) -> str:
        return str(self.value)
