from enum import StrEnum


class LinkNotificationChannel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    WA = "wa"

    def __str__(self) -> str:
        return str(self.value)
