from enum import StrEnum


class PartnerClientUpdateChannelsItem(StrEnum):
    APP = "app"
    EMAIL = "email"
    SMS = "sms"
    WA = "wa"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
