from enum import StrEnum


class ListPartnerTransactionsStatusType0(StrEnum):
    APPROVED = "approved"
    AUTHORIZED = "authorized"
    DENIED = "denied"
    EXPIRED = "expired"
    PENDING = "pending"
    REFUNDED = "refunded"
    REVERSED = "reversed"
    SUBSCRIBED = "subscribed"

    def __str__(self) -> str:
        return str(self.value)
