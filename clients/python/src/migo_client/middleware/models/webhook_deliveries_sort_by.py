from enum import StrEnum


class WebhookDeliveriesSortBy(StrEnum):
    CREATEDAT = "createdAt"

    def __str__(self) -> str:
        return str(self.value)
