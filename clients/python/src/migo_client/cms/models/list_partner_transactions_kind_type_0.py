from enum import StrEnum


class ListPartnerTransactionsKindType0(StrEnum):
    CARD_TRANSACTION = "card_transaction"
    LINK_PAYMENT = "link_payment"
    TERMINAL_PAYMENT = "terminal_payment"

    def __str__(self) -> str:
        return str(self.value)
