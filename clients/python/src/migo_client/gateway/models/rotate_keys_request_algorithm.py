from enum import StrEnum


class RotateKeysRequestAlgorithm(StrEnum):
    ED25519 = "ED25519"
    HMAC_SHA256 = "HMAC-SHA256"

    def __str__(self) -> str:
        return str(self.value)
