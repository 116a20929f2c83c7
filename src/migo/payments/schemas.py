"""Wire shapes of the Middleware's payment endpoints (seed 002's field names, to the letter)."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from migo.notifications.service import Delivery
from migo.platform.money import Amount
from migo.platform.secrets import CardNumber, Cvv, Secret
from migo.platform.wire import ApiInput, ApiModel, UtcDateTime
from migo.webhooks.inbound import Notice

from .models import PaymentOperation, PaymentTransaction, Suspension

MAX_LINK_AMOUNT = 10**15


def parse_link_amount(value: Any) -> int:
    """Seed 002's `amount` is an integer; existing integrations send `100.0`, so a JSON number whose fraction
    is zero is that integer. Strings, booleans, fractions and non-positive values are refused."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("amount must be an integer, such as 100")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("amount must be a whole number of the currency's unit, such as 100")
        value = int(value)
    if value <= 0:
        raise ValueError("amount must be greater than zero")
    if value >= MAX_LINK_AMOUNT:
        raise ValueError(f"amount must be less than {MAX_LINK_AMOUNT}")
    return value


LinkAmount = Annotated[
    int,
    BeforeValidator(parse_link_amount),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_LINK_AMOUNT - 1, "examples": [100]}),
]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]


class LinkFields(ApiInput):
    """The body fields `POST /transactions` and `POST /transactions-hook` share (one transaction builder)."""

    amount: LinkAmount = Field(description="Subtotal in whole units of the currency; inside the client's range.")
    user_id: ShortText = Field(
        description="The end customer in your domain, kept verbatim: on sms and wa a phone (8 to 15 digits, with "
        "or without a leading +), on email an email address, where Migo sends the link; on web and app any id."
    )
    channel: Annotated[str, Field(min_length=1, max_length=20)] = Field(
        description="How the link reaches the customer (wa, sms, email: Migo sends it; web, app: you deliver it); "
        "must be enabled for the client."
    )
    client: Annotated[str, Field(min_length=1, max_length=100)] = Field(description="Your client slug.")
    ads: list[Any] | None = Field(None, description="Reserved: send [] or leave out.")
    currency: Annotated[str, Field(min_length=1, max_length=10)] | None = Field(
        None, description="ISO 4217; missing or not enabled for the client: the client's first currency."
    )
    processor_amount: dict[Annotated[str, Field(max_length=40)], LinkAmount] | None = Field(
        None, description="Processor name → amount charged when that processor is used; each ≤ amount."
    )
    custom_keys: dict[str, Any] | None = Field(None, description="Your data, kept verbatim.")
    external_id: ShortText | None = Field(None, description="Your id for this payment.")
    created_by: ShortText | None = Field(None, description="Who created it (shown in dashboards).")
    customer_id: ShortText | None = Field(None, description="Stored as additionalData.clientCode.")
    subscription_data: dict[str, Any] | None = Field(None, description="Stored as additionalData.subscriptionInfo.")
    return_url: Annotated[str, Field(max_length=2000)] | None = Field(
        None, description="Where the checkout sends the customer back; its origin must be allowed for the client."
    )
    locale: Annotated[str, Field(max_length=12)] | None = Field(
        None,
        description="The language of the checkout: `es` or `en`. Left out: the partner's default, else the "
        "customer's browser's.",
        examples=["es"],
    )

    @model_validator(mode="after")
    def _storable_json(self) -> LinkFields:
        """customKeys and subscriptionData are stored as JSON: finite numbers and valid Unicode only."""
        for name, value in (("customKeys", self.custom_keys), ("subscriptionData", self.subscription_data)):
            if value is None:
                continue
            try:
                json.dumps(value, allow_nan=False, ensure_ascii=False).encode("utf-8")
            except (ValueError, UnicodeEncodeError):
                raise ValueError(f"{name}: numbers must be finite and text valid Unicode") from None
        return self


class CreateLinkRequest(LinkFields):
    """`POST /transactions`."""


class CreateHookLinkRequest(LinkFields):
    """`POST /transactions-hook`: the application's key pair travels in the body."""

    private_key: Secret = Field(description="Your private key.")
    public_key: Annotated[str, Field(min_length=1, max_length=200)] = Field(description="Your public key.")


class CreatedLink(ApiModel):
    # `URL` upper case, exactly as seed 002 shows.
    model_config = ConfigDict(alias_generator=None, populate_by_name=True)

    uid: str = Field(examples=["Ypo5z2zTpLqWoe3eVvZMH"])
    reference: str = Field(examples=["CAMPGT020007SB"])
    URL: str = Field(examples=["https://sandbox.migopayments.com/?orderId=Ypo5z2zTpLqWoe3eVvZMH"])


class CreatedHookLink(ApiModel):
    model_config = ConfigDict(alias_generator=None, populate_by_name=True)

    uid: str
    URL: str


def _whole(value: Decimal) -> int:
    return int(value)


class TransactionOut(ApiModel):
    """A payment link and what happened to it. Amounts are whole units, like `amount` at creation."""

    uid: str
    reference: str
    status: Literal["pending", "authorized", "approved", "denied", "refunded", "reversed", "expired", "subscribed"]
    client: str
    amount: int
    currency: str
    user_id: str
    channel: str
    external_id: str | None
    created_by: str | None
    custom_keys: dict[str, Any] | None
    processor_amount: dict[str, Any] | None
    additional_data: dict[str, Any]
    capture_mode: Literal["automatic", "manual"]
    authorized_amount: int
    captured_amount: int
    refunded_amount: int
    processor: str | None
    installments: int | None
    authorization_code: str | None
    last4: str | None
    brand: str | None
    decline_code: str | None
    attempts: int
    URL: str = Field(alias="URL")
    created_at: UtcDateTime
    expires_at: UtcDateTime
    authorized_at: UtcDateTime | None
    captured_at: UtcDateTime | None

    @classmethod
    def of(cls, transaction: PaymentTransaction, client_slug: str, url: str) -> TransactionOut:
        return cls(
            uid=transaction.uid,
            reference=transaction.reference,
            status=transaction.status,
            client=client_slug,
            amount=_whole(transaction.amount),
            currency=transaction.currency,
            user_id=transaction.user_id,
            channel=transaction.channel,
            external_id=transaction.external_id,
            created_by=transaction.created_by,
            custom_keys=transaction.custom_keys,
            processor_amount=transaction.processor_amounts,
            additional_data=transaction.additional_data,
            capture_mode=transaction.capture_mode,
            authorized_amount=_whole(transaction.authorized_amount),
            captured_amount=_whole(transaction.captured_amount),
            refunded_amount=_whole(transaction.refunded_amount),
            processor=transaction.processor,
            installments=transaction.installments,
            authorization_code=transaction.authorization_code,
            last4=transaction.last4,
            brand=transaction.brand,
            decline_code=transaction.decline_code,
            attempts=transaction.attempts,
            URL=url,
            created_at=transaction.created_at,
            expires_at=transaction.expires_at,
            authorized_at=transaction.authorized_at,
            captured_at=transaction.captured_at,
        )


class LinkNotification(ApiModel):
    """The message Migo sent the link in, to `userId` on the link's channel: `queued` until the channel's
    provider takes it (retried with backoff meanwhile), then `sent` (at `sentAt`), or `failed` for good."""

    channel: Literal["sms", "wa", "email"]
    status: Literal["queued", "sent", "failed"]
    sent_at: UtcDateTime | None


class TransactionDetail(TransactionOut):
    """A payment link, with how Migo's message carrying it went."""

    notification: LinkNotification | None = Field(
        description="Links on sms, wa and email only; null for the channels the merchant delivers itself."
    )

    @classmethod
    def of_link(cls, link: TransactionOut, sent: Delivery | None) -> TransactionDetail:
        notification = None if sent is None else LinkNotification.model_validate(sent)
        return cls(**dict(link), notification=notification)


class CaptureRequest(ApiInput):
    amount: LinkAmount | None = Field(None, description="At most the authorized amount; all of it when left out.")


class RefundRequest(ApiInput):
    amount: LinkAmount | None = Field(
        None, description="At most what is captured and not yet refunded; all of it when left out."
    )
    reason: Annotated[str, Field(max_length=300)] | None = None


class Refund(ApiModel):
    """A refund of a link: `pending` until the processor answers, then `succeeded` (with
    `transaction.refunded`) or `failed` (with `transaction.refund_failed` and its `failureCode`)."""

    refund_id: uuid.UUID
    status: Literal["pending", "succeeded", "failed"]
    amount: int
    reason: str | None
    failure_code: str | None
    created_at: UtcDateTime
    resolved_at: UtcDateTime | None

    @classmethod
    def fields_of(cls, refund: PaymentOperation) -> dict[str, Any]:
        return {
            "refund_id": refund.id,
            "status": refund.status,
            "amount": int(refund.amount),
            "reason": refund.reason,
            "failure_code": refund.failure_code,
            "created_at": refund.created_at,
            "resolved_at": refund.resolved_at,
        }

    @classmethod
    def of(cls, refund: PaymentOperation) -> Refund:
        return cls(**cls.fields_of(refund))


class RefundOut(Refund):
    """A refund just asked for, and its link as it stands."""

    status: Literal["succeeded", "pending"] = Field(  # a refused refund answers 5020 instead
        description="`pending` while the processor has not answered; `transaction.refunded` or "
        "`transaction.refund_failed` follows once it has."
    )
    transaction: TransactionOut

    @classmethod
    def with_transaction(cls, refund: PaymentOperation, transaction: TransactionOut) -> RefundOut:
        return cls(**cls.fields_of(refund), transaction=transaction)


class SavedCardToken(Secret):
    """A saved card's token (`card_…`): it lets its client charge the card, so it masks itself as a secret."""

    __slots__ = ()
    max_length = 40
    pattern = r"^card_[A-Za-z0-9]{1,35}$"


class ChallengeAnswer(Secret):
    """What the cardholder types to answer a 3-D Secure challenge."""

    __slots__ = ()
    max_length = 12


class CardInput(ApiInput):
    """A card as typed (sandbox only: in production, cards are typed on the hosted page)."""

    card_number: CardNumber = Field(examples=["4242424242424242"])
    expiry: Annotated[str, Field(min_length=4, max_length=7)] = Field(description="MM/YY", examples=["12/34"])
    cvv: Cvv = Field(examples=["123"])
    cardholder_name: Annotated[str, Field(max_length=60)] | None = None


class SandboxPayRequest(CardInput):
    installments: Annotated[int, Field(ge=1, le=48)] = 1
    three_ds_code: ChallengeAnswer | None = Field(
        None, description="Answer to the 3-D Secure challenge when the card asks for one (sandbox: 123456)."
    )


class PaymentOutcome(ApiModel):
    """What one payment attempt came to, as the checkout shows it."""

    outcome: Literal["approved", "authorized", "declined", "requires_action"]
    decline_code: str | None
    decline_reason: str | None
    three_ds: Literal["not_required", "challenged", "passed", "failed"]
    transaction: TransactionOut


class SuspensionRequest(ApiInput):
    client: Annotated[str, Field(min_length=1, max_length=100)]
    user_id: ShortText
    type: Literal["blocked", "suspended", "excluded"]
    reason: Annotated[str, Field(min_length=1, max_length=300)]
    until: AwareDatetime | None = Field(
        None, description="When it ends by itself (ISO 8601 with a time zone); never when left out."
    )


class LiftRequest(ApiInput):
    reason: Annotated[str, Field(max_length=300)] | None = None


class SuspensionOut(ApiModel):
    id: uuid.UUID
    user_id: str
    type: str
    reason: str
    source: Literal["manual", "velocity"]
    until: UtcDateTime | None
    lifted_at: UtcDateTime | None
    lift_reason: str | None
    active: bool
    created_at: UtcDateTime

    @classmethod
    def of(cls, suspension: Suspension, now: datetime) -> SuspensionOut:
        active = suspension.lifted_at is None and (suspension.until is None or suspension.until > now)
        return cls.model_validate({**{k: getattr(suspension, k) for k in _SUSPENSION_FIELDS}, "active": active})


_SUSPENSION_FIELDS = ("id", "user_id", "type", "reason", "source", "until", "lifted_at", "lift_reason", "created_at")


class BinOut(ApiModel):
    bin: str
    brand: str
    type: Literal["credit", "debit", "prepaid", "unknown"]
    issuer: str | None
    country: str | None


class BinVerifyRequest(ApiInput):
    client: Annotated[str, Field(min_length=1, max_length=100)]
    bin: Annotated[str, Field(pattern=r"^[0-9]{6,8}$")]


class BinVerification(ApiModel):
    allowed: bool
    reasons: list[str]
    card: BinOut
    installments: list[int] = Field(description="What the client's processor offers this card.")


class ProcessorConfig(ApiModel):
    name: str
    brands: list[str]
    installments: list[int]


class CheckoutFieldConfig(ApiModel):
    label: str
    key: str = Field(description="The customKeys key whose value the checkout shows beside the label.")


class ClientConfig(ApiModel):
    client: str
    display_name: str
    channels: list[str]
    currencies: list[str]
    default_currency: str
    min_amount: int
    max_amount: int
    capture_mode: Literal["automatic", "manual"]
    processors: list[ProcessorConfig]
    link_lifetime_seconds: int
    max_attempts: int
    allowed_brands: list[str]
    allowed_card_types: list[str]
    allowed_countries: list[str]
    allowed_return_origins: list[str]
    default_return_url: str | None
    checkout_fields: list[CheckoutFieldConfig] = Field(
        description="The customKeys the hosted checkout shows under the amount (set by your back office)."
    )


class SettlementNotice(Notice):
    """The acquirer paid out what it owed for captured payments."""

    processor: str = Field(min_length=1, max_length=40)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    amount: Amount
    settlement_date: date
    transactions: list[Annotated[str, Field(max_length=40)]] = Field(default_factory=list)
