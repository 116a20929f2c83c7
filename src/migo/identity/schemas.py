"""Wire shapes of the identity endpoints."""

from __future__ import annotations

import base64
import uuid
from typing import Literal

from pydantic import Field, SecretStr

from migo.platform.wire import ApiInput, ApiModel, UtcDateTime

from . import signing
from .models import OutboundMessage, SigningKey
from .tokens import IssuedTokens


class ClientCredentials(ApiInput):
    client_id: str = Field(min_length=1, max_length=100)
    client_secret: SecretStr = Field(min_length=1, max_length=200)


class RefreshRequest(ApiInput):
    refresh_token: SecretStr = Field(min_length=1, max_length=200)


class TokenPair(ApiModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int = Field(description="Seconds until the access token expires.")
    refresh_expires_in: int = Field(description="Seconds until the refresh token expires.")

    @classmethod
    def of(cls, issued: IssuedTokens) -> TokenPair:
        return cls(
            access_token=issued.access_token,
            refresh_token=issued.refresh_token,
            expires_in=issued.expires_in,
            refresh_expires_in=issued.refresh_expires_in,
        )


class LoginRequest(ApiInput):
    username: str = Field(min_length=1, max_length=150)
    password: SecretStr = Field(min_length=1, max_length=200)


class OtpRequestBody(ApiInput):
    username: str = Field(min_length=1, max_length=150)
    purpose: Literal["password_reset", "pin_reset"] = "password_reset"


class OtpSent(ApiModel):
    sent: bool = Field(True, description="Always true: the answer does not tell whether the user exists.")
    expires_in: int


class PasswordResetRequest(ApiInput):
    username: str = Field(min_length=1, max_length=150)
    code: str = Field(pattern=r"^\d{6}$")
    new_password: SecretStr = Field(min_length=1, max_length=200)


class PasswordReset(ApiModel):
    user_id: uuid.UUID
    password_set: bool = True


class OutboxMessage(ApiModel):
    id: uuid.UUID
    channel: str
    recipient: str
    subject: str
    body: str | None
    status: str
    created_at: UtcDateTime

    @classmethod
    def of(cls, message: OutboundMessage) -> OutboxMessage:
        return cls.model_validate(message)


class RotateKeysRequest(ApiInput):
    algorithm: signing.Algorithm = "HMAC-SHA256"
    public_key: str | None = Field(
        None, max_length=200, description="ED25519 only: the raw 32-byte public key, base64."
    )
    expires_in_days: int = Field(365, ge=1, le=730)


class SigningKeyOut(ApiModel):
    key_id: str
    algorithm: str
    status: Literal["active", "expired", "revoked"]
    public_key: str | None = None
    expires_at: UtcDateTime
    created_at: UtcDateTime
    revoked_at: UtcDateTime | None = None

    @classmethod
    def of(cls, key: SigningKey) -> SigningKeyOut:
        return cls(
            key_id=key.id,
            algorithm=key.algorithm,
            status=signing.key_status(key),  # type: ignore[arg-type]
            public_key=base64.b64encode(key.public_key).decode() if key.public_key else None,
            expires_at=key.expires_at,
            created_at=key.created_at,
            revoked_at=key.revoked_at,
        )


class NewSigningKeyOut(SigningKeyOut):
    secret: str | None = Field(None, description="HMAC-SHA256 only: the secret, shown this once.")


class SignatureCheck(ApiModel):
    valid: Literal[True] = True
    key_id: str
    algorithm: str


class OperatorProfile(ApiModel):
    operator_id: uuid.UUID
    partner_id: uuid.UUID
    username: str
    display_name: str
    roles: list[str]
    permissions: list[str]


class RoleOut(ApiModel):
    id: uuid.UUID
    name: str
    description: str
    system: bool
    permissions: list[str]
    created_at: UtcDateTime


class PermissionOut(ApiModel):
    code: str
    description: str


class MerchantIdentity(ApiModel):
    client: str
    application_id: uuid.UUID
    environment: Literal["sandbox", "production"]
