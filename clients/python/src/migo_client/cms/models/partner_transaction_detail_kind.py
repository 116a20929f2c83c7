from enum import StrEnum


class PartnerTransactionDetailKind(StrEnum):
    CARD_TRANSACTION = "card_transaction"
    LINK_PAYMENT = "link_payment"
    TERMINAL_PAYMENT = "terminal_payment"

    def __str__(self) -> str:
        return str(self.value)
