from enum import StrEnum


class PartnerClientOutChannelsItem(StrEnum):
    APP = "app"
    EMAIL = "email"
    SMS = "sms"
    WA = "wa"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
