"""Wire shapes of the identity endpoints."""

from __future__ import annotations

import base64
import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints

from migo.platform.secrets import Otp, Password, Secret
from migo.platform.wire import (
    EMAIL_PATTERN,
    ApiInput,
    ApiModel,
    CatalogName,
    Omittable,
    UtcDateTime,
    field_for_kind,
    one_of_required,
)

from . import signing
from .merchant_tokens import NewMerchantToken
from .models import MerchantToken, OutboundMessage, SigningKey, User
from .operators import PERMISSIONS
from .passwords import NewPassword
from .principals import OperatorScope
from .tokens import IssuedTokens


class ClientCredentials(ApiInput):
    client_id: str = Field(min_length=1, max_length=100)
    client_secret: Secret


class RefreshRequest(ApiInput):
    refresh_token: Secret


class TokenPair(ApiModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int = Field(description="Seconds until the access token expires.")
    refresh_expires_in: int = Field(description="Seconds until the refresh token expires.")

    @classmethod
    def of(cls, issued: IssuedTokens) -> TokenPair:
        return cls(
            access_token=issued.access_token.reveal(),
            refresh_token=issued.refresh_token.reveal(),
            expires_in=issued.expires_in,
            refresh_expires_in=issued.refresh_expires_in,
        )


class LoginRequest(ApiInput):
    username: str = Field(min_length=1, max_length=150)
    password: Password


class OtpRequestBody(ApiInput):
    username: str = Field(min_length=1, max_length=150)
    purpose: Literal["password_reset", "pin_reset"] = "password_reset"


class OtpSent(ApiModel):
    sent: bool = Field(True, description="Always true: the answer does not tell whether the user exists.")
    expires_in: int


class PasswordResetRequest(ApiInput):
    username: str = Field(min_length=1, max_length=150)
    code: Otp
    new_password: NewPassword


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
    def of(cls, message: OutboundMessage, body: str | None, status: str) -> OutboxMessage:
        return cls(
            id=message.id,
            channel=message.channel,
            recipient=message.recipient,
            subject=message.subject,
            body=body,
            status=status,
            created_at=message.created_at,
        )


class RotateKeysRequest(ApiInput):
    # What `signing.create_key` refuses, stated: an ED25519 key needs its public key, an HMAC key takes none.
    model_config = ConfigDict(
        json_schema_extra=field_for_kind("algorithm", "publicKey", required_with="ED25519", absent_with="HMAC-SHA256")
    )

    algorithm: signing.Algorithm = "HMAC-SHA256"
    public_key: str | None = Field(
        None,
        max_length=200,
        description="ED25519 only: the raw 32-byte public key, base64.",
        json_schema_extra={"pattern": r"^[A-Za-z0-9+/]{43}=$"},  # documented; a bad key is refused with 7601
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
            status=signing.key_status(key),
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
    scope: OperatorScope
    client_slug: str | None
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


_PHONE = r"^\+?[1-9][0-9]{6,14}$"
_ROLE_NAME = r"^[a-z0-9][a-z0-9._-]*$"
RoleName = Annotated[str, StringConstraints(min_length=1, max_length=60)]
# Documented as the catalog's enum (`roles.known_permissions` refuses any other code with 7000).
PermissionCode = Annotated[str, CatalogName("PermissionCode", tuple(sorted(PERMISSIONS)))]


class RoleCreate(ApiInput):
    name: str = Field(
        min_length=2, max_length=60, pattern=_ROLE_NAME, description="Lower case: letters, digits, `.`, `_`, `-`."
    )
    description: str = Field(min_length=1, max_length=300)
    permissions: list[PermissionCode] = Field(
        max_length=100, description="Codes of `GET /permissions`; the caller must hold each of them."
    )
    partner_id: uuid.UUID | None = Field(
        None,
        description="A platform (global) operator: the partner the role is for, such as a new partner's first "
        "custom role; left out, the caller's own. Any other partner answers 404 (7812).",
    )


class RoleUpdate(ApiInput):
    name: Omittable[str] = Field(None, min_length=2, max_length=60, pattern=_ROLE_NAME)
    description: Omittable[str] = Field(None, min_length=1, max_length=300)
    permissions: Omittable[list[PermissionCode]] = Field(
        None,
        max_length=100,
        description="The whole new set; the caller must hold every permission it adds or takes away.",
    )


OperatorStatus = Literal["invited", "active", "disabled"]


class OperatorOut(ApiModel):
    id: uuid.UUID
    username: str
    name: str
    email: str | None
    status: OperatorStatus
    scope: OperatorScope = Field(
        description="`partner`: the partner's objects; `global`: every partner's (the platform's operators); "
        "`client`: one Payment Link client's payments."
    )
    partner_id: uuid.UUID
    client_slug: str | None
    roles: list[str]
    created_at: UtcDateTime
    updated_at: UtcDateTime | None


class OperatorCreate(ApiInput):
    username: str = Field(min_length=3, max_length=150, pattern=r"^[A-Za-z0-9._@+-]+$")
    email: str = Field(max_length=254, pattern=EMAIL_PATTERN, description="Where invitations and reset codes go.")
    name: str = Field(min_length=1, max_length=200)
    roles: list[RoleName] = Field(
        max_length=20, description="Role names (system or the partner's); the caller must hold all they grant."
    )
    password: NewPassword | None = Field(
        None, description="The operator may sign in at once; omit it to invite the operator by email instead."
    )
    client_slug: str | None = Field(
        None,
        min_length=1,
        max_length=100,
        description="Scope the operator to this Payment Link client of the partner (a merchant's dashboard user): "
        "it acts on that client's payments only, and its roles may grant only `transactions.read`, "
        "`payments.refund` and `payment_links.create`.",
    )
    partner_id: uuid.UUID | None = Field(
        None,
        description="A platform (global) operator: the partner the operator is for, such as a new partner's first "
        "admin; left out, the caller's own. Any other partner answers 404 (7812).",
    )


class OperatorUpdate(ApiInput):
    name: Omittable[str] = Field(None, min_length=1, max_length=200)
    email: Omittable[str] = Field(None, max_length=254, pattern=EMAIL_PATTERN)
    roles: Omittable[list[RoleName]] = Field(None, max_length=20, description="The whole new set of role names.")
    status: Omittable[Literal["active", "disabled"]] = Field(
        None, description="`disabled` stops the operator's tokens at once; an operator cannot disable itself."
    )
    client_slug: str | None = Field(
        None,
        min_length=1,
        max_length=100,
        description="Its scope: a Payment Link client of the partner (its roles must then stay within a client's "
        "scope), or null for the whole partner. Takes effect on its next call.",
    )


class OperatorPasswordReset(ApiModel):
    operator_id: uuid.UUID
    password_set: bool = True


class CardholderFields(ApiInput):
    email: str | None = Field(None, max_length=254, pattern=EMAIL_PATTERN)
    phone: str | None = Field(None, pattern=_PHONE, description="E.164, such as +50224865444.")
    document_type: str | None = Field(None, min_length=2, max_length=20, description="DPI, PASSPORT, NIT, …")
    document_number: str | None = Field(None, min_length=1, max_length=40)
    birth_date: date | None = None


class CardholderCreate(CardholderFields):
    # What registration refuses, stated: the one-time codes need an email or a phone to reach the cardholder.
    model_config = ConfigDict(json_schema_extra=one_of_required("email", "phone"))

    username: str | None = Field(
        None,
        min_length=3,
        max_length=150,
        pattern=r"^[A-Za-z0-9._@+-]+$",
        description="Defaults to the email or phone.",
    )
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    password: NewPassword | None = Field(
        None,
        description="Self-registration; omit it when the company registers the cardholder.",
    )


class CardholderUpdate(CardholderFields):
    first_name: Omittable[str] = Field(None, min_length=1, max_length=100)
    last_name: Omittable[str] = Field(None, min_length=1, max_length=100)
    status: Omittable[Literal["active", "disabled"]] = None


class Cardholder(ApiModel):
    user_id: uuid.UUID
    username: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    document_type: str | None
    document_number: str | None
    birth_date: date | None
    status: Literal["active", "disabled"]
    registration_mode: Literal["SELF", "COMPANY"]
    password_set: bool
    created_at: UtcDateTime
    updated_at: UtcDateTime | None

    @classmethod
    def of(cls, user: User) -> Cardholder:
        return cls(
            user_id=user.id,
            username=user.username,
            first_name=user.first_name,
            last_name=user.last_name,
            email=user.email,
            phone=user.phone,
            document_type=user.document_type,
            document_number=user.document_number,
            birth_date=user.birth_date,
            status=user.status,
            registration_mode=user.registration_mode,
            password_set=user.password_hash is not None,
            created_at=user.created_at,
            updated_at=user.updated_at,
        )


class MerchantIdentity(ApiModel):
    client: str
    application_id: uuid.UUID
    environment: Literal["sandbox", "production"]


class MerchantTokenOut(ApiModel):
    """A merchant token, without its value: only the answer that issues it shows that."""

    id: uuid.UUID
    application_id: uuid.UUID = Field(description="The Middleware application the token acts for.")
    last4: str = Field(description="The token's last four characters, to tell it apart from the others.")
    status: Literal["active", "revoked"]
    created_at: UtcDateTime
    revoked_at: UtcDateTime | None = None

    @classmethod
    def of(cls, record: MerchantToken) -> MerchantTokenOut:
        return cls(
            id=record.id,
            application_id=record.application_id,
            last4=record.last4,
            status="active" if record.revoked_at is None else "revoked",
            created_at=record.created_at,
            revoked_at=record.revoked_at,
        )


class NewMerchantTokenOut(MerchantTokenOut):
    token: str = Field(description="The merchant token, shown in this answer only: Migo keeps its digest.")

    @classmethod
    def issued(cls, new: NewMerchantToken) -> NewMerchantTokenOut:
        return cls(**MerchantTokenOut.of(new.record).model_dump(), token=new.token.reveal())
