"""Wire shapes of the back office."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from migo.cards import service as cards
from migo.cards.schemas import MovementOut
from migo.cards.service import MAX_PRINT
from migo.identity import service as identity
from migo.identity.schemas import CardholderFields
from migo.merchants import service as merchants
from migo.payments import service as payments
from migo.platform.errors import ApiError
from migo.platform.money import Amount, Money
from migo.platform.pan import masked
from migo.platform.transaction_search import TransactionSummary
from migo.platform.wire import ApiInput, ApiModel, Omittable, UtcDateTime, field_for_kind, patch_changes
from migo.webhooks.schemas import CallbackEndpointIn

from .errors import PARTNER_ERRORS
from .transactions import Found


class AuditRecordOut(ApiModel):
    id: uuid.UUID
    at: UtcDateTime
    operator_id: uuid.UUID | None = Field(description="None: the call named no operator (refused, or a sign-in).")
    operator_username: str | None = Field(
        None, description="The operator's username now (a platform operator's too); None when the call named none."
    )
    application_id: uuid.UUID | None
    action: str = Field(description="The operation, as the OpenAPI document names it: `approveLead`.")
    method: str
    route: str
    resource: dict[str, str] = Field(description='The ids in the call\'s path: `{"leadId": "…"}`.')
    resource_name: str | None = Field(
        description="The resource's name as the call left it (a username, a role's, partner's or business name, "
        "an uploaded file's name); a later rename leaves it. None: it has none the trail keeps, or was not found."
    )
    status: int
    outcome: Literal["success", "refused", "failed"]
    origin_ip: str
    request_id: str
    changes: dict[str, Any] | None = Field(description="What it changed: `{field: {before, after}}`.")


class PartnerCardholderOut(ApiModel):
    user_id: uuid.UUID = Field(validation_alias="id")
    company_id: uuid.UUID
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    document_type: str | None
    document_number: str | None
    external_id: str | None
    status: str = Field(description="`active`, or `disabled`: it cannot sign in (an operator's block, for one).")
    blocked_at: UtcDateTime | None = Field(description="When an operator blocked the cardholder; None: not blocked.")
    block_reason: str | None = Field(description="Why, as the operator said it.")
    created_at: UtcDateTime


class HeldCardOut(ApiModel):
    card_id: uuid.UUID
    masked_pan: str = Field(description="BIN, six asterisks, last four: the number itself is never shown here.")
    last4: str
    status: str
    currency: str
    balance: Money
    available_balance: Money
    is_owner: bool
    expiry_month: int
    expiry_year: int
    recent_movements: list[MovementOut] = Field(description="Its latest movements, newest first (at most 5).")
    blocked_with_holder: bool = Field(description="Blocked by the cardholder's block: lifting it unblocks this card.")


class PartnerCardholderDetail(PartnerCardholderOut):
    cards: list[HeldCardOut]


class CardStatusChange(ApiInput):
    reason: Annotated[
        str, Field(min_length=3, max_length=300, description="Why: kept in the card's (or cardholder's) history.")
    ]


class CardStatusOut(ApiModel):
    card_id: uuid.UUID
    status: str
    previous_status: str


class CardholderBatchLine(CardholderFields):
    """One line of a cardholder batch: the fields of `POST /users` for a cardholder the company registers (no
    password: the cardholder sets one through the one-time-code flow), and the company's own id for it."""

    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    external_id: str | None = Field(None, min_length=1, max_length=100)


class AmountMismatch(ApiModel):
    line: int
    processor_reference: str
    status: Literal["settled", "refunded"]
    channel: Literal["link", "terminal"] = Field(description="Ours: a Payment Link, or a terminal sale.")
    payment_id: str = Field(description="The link's uid, or the terminal payment's id.")
    ours: Money = Field(description="What we captured (a `settled` line) or refunded (a `refunded` line).")
    our_currency: str
    theirs: Money = Field(description="The line's amount.")
    currency: str = Field(description="The line's currency.")


class MissingOnOurSide(ApiModel):
    line: int
    processor_reference: str
    status: Literal["settled", "refunded"]
    amount: Money
    currency: str
    settled_at: UtcDateTime


class MissingOnTheirs(ApiModel):
    processor_reference: str
    channel: Literal["link", "terminal"]
    payment_id: str
    amount: Money = Field(description="What we captured.")
    currency: str
    captured_at: UtcDateTime


class ConciliationReport(ApiModel):
    batch_id: uuid.UUID
    source: str = Field(description="The processor whose file it is.")
    settled_from: date | None = Field(description="The first day (UTC) of the file's settledAt; None: no good line.")
    settled_to: date | None = Field(description="The last day (UTC) of the file's settledAt, inclusive.")
    matched: int = Field(description="Lines whose payment has the same amount and currency.")
    amount_mismatch: list[AmountMismatch]
    missing_on_our_side: list[MissingOnOurSide] = Field(
        description="Lines whose reference names no payment of ours (nor of the partner's) for this processor."
    )
    missing_on_theirs: list[MissingOnTheirs] = Field(
        description="Our captures by this processor within settledFrom..settledTo that no `settled` line names."
    )


# A partner's transactions: link payments, card transactions and terminal payments in one search.

TransactionKind = Literal["link_payment", "card_transaction", "terminal_payment"]
# Every status any kind takes: a link's (all of these), a card transaction's (approved, denied), a terminal
# payment's (pending, approved, denied, reversed, refunded).
TransactionStatus = Literal[
    "pending", "authorized", "approved", "denied", "refunded", "reversed", "expired", "subscribed"
]


class TransactionOwner(ApiModel):
    company_id: uuid.UUID | None = Field(
        description="The partner's company: a card transaction's or a terminal payment's."
    )
    client_slug: str | None = Field(description="The Payment Link client: a link payment's.")
    business_id: uuid.UUID | None = Field(
        description="The merchant business: a terminal payment's, or a link payment's when its client settles to one."
    )


class PartnerTransactionOut(ApiModel):
    kind: TransactionKind
    uid: str = Field(description="A link payment's uid, or a card transaction's or terminal payment's id.")
    amount: Money = Field(description="A terminal payment's is what the card was charged: the amount and the tip.")
    currency: str
    status: TransactionStatus
    created_at: UtcDateTime
    reference: str | None
    external_id: str | None
    user_id: str | None = Field(
        description="A link payment's end customer (`userId`), or the user id of a card transaction's card owner."
    )
    masked_card: str | None = Field(description="BIN, six asterisks, last four: when the BIN is known.")
    card_last4: str | None
    card_brand: str | None
    owner: TransactionOwner

    @classmethod
    def fields_of(cls, row: TransactionSummary) -> dict[str, Any]:
        return {
            "kind": row.kind,
            "uid": row.uid,
            "amount": row.amount,
            "currency": row.currency,
            "status": row.status,
            "created_at": row.created_at,
            "reference": row.reference,
            "external_id": row.external_id,
            "user_id": row.user_id,
            "masked_card": masked(row.card_bin, row.card_last4) if row.card_bin and row.card_last4 else None,
            "card_last4": row.card_last4,
            "card_brand": row.card_brand,
            "owner": TransactionOwner(
                company_id=row.company_id, client_slug=row.client_slug, business_id=row.business_id
            ),
        }

    @classmethod
    def of(cls, row: TransactionSummary) -> PartnerTransactionOut:
        return cls(**cls.fields_of(row))


class LinkPaymentDetail(ApiModel):
    channel: str
    authorized_amount: Money
    captured_amount: Money
    refunded_amount: Money
    processor: str | None
    authorization_code: str | None
    installments: int | None
    decline_code: str | None
    captured_at: UtcDateTime | None


class TransactionCardOut(ApiModel):
    card_id: uuid.UUID
    masked_pan: str = Field(description="BIN, six asterisks, last four: the number itself is never shown here.")
    last4: str


class CardTransactionDetail(ApiModel):
    type: Literal["load", "unload", "transfer"]
    source_card: TransactionCardOut | None = Field(description="The card the money left (none for a load).")
    target_card: TransactionCardOut | None = Field(description="The card the money reached (none for an unload).")
    description: str | None
    denial_code: int | None = Field(description="A denied one's reason, as the Gateway answered it (7303, …).")


class TerminalPaymentDetail(ApiModel):
    amount: Money = Field(description="Before the tip.")
    tip: Money
    refunded_amount: Money
    entry_mode: str
    terminal_id: uuid.UUID
    branch_id: uuid.UUID
    authorization_code: str | None
    decline_code: str | None
    captured_at: UtcDateTime | None


def _card(side: cards.CardSide | None) -> TransactionCardOut | None:
    if side is None:
        return None
    return TransactionCardOut(card_id=side.card_id, masked_pan=masked(side.bin, side.last4), last4=side.last4)


class PartnerTransactionDetail(PartnerTransactionOut):
    """One transaction, with what its kind tells (one of the three details, the others null)."""

    link_payment: LinkPaymentDetail | None
    card_transaction: CardTransactionDetail | None
    terminal_payment: TerminalPaymentDetail | None

    @classmethod
    def of_found(cls, found: Found) -> PartnerTransactionDetail:
        link = found if isinstance(found, payments.PartnerLinkPayment) else None
        card = found if isinstance(found, cards.PartnerCardTransaction) else None
        sale = found if isinstance(found, merchants.PartnerTerminalPayment) else None
        return cls(
            **cls.fields_of(found.summary),
            link_payment=LinkPaymentDetail.model_validate(link) if link else None,
            card_transaction=CardTransactionDetail(
                type=card.type,
                source_card=_card(card.source_card),
                target_card=_card(card.target_card),
                description=card.description,
                denial_code=card.denial_code,
            )
            if card
            else None,
            terminal_payment=TerminalPaymentDetail.model_validate(sale) if sale else None,
        )


class TransactionRefundCreate(ApiInput):
    amount: Amount | None = Field(
        None,
        description="At most what is left to refund; all of it when left out. A link payment is refunded in whole "
        "units, as it was paid.",
    )
    reason: Annotated[
        str,
        Field(
            min_length=3, max_length=300, description="Why: kept in the audit trail, and with a link payment's refund."
        ),
    ]


class TransactionCaptureCreate(ApiInput):
    amount: Amount | None = Field(
        None,
        description="At most what was authorized, in whole units as the link was paid; all of it when left out.",
    )


class TransactionRefundOut(ApiModel):
    refund_id: uuid.UUID
    status: Literal["pending", "succeeded"] = Field(
        description="`pending` while the processor has not answered: Migo confirms it, and the merchant hears it."
    )
    amount: Money
    created_at: UtcDateTime
    transaction: PartnerTransactionDetail


class CardholderBlockOut(ApiModel):
    user_id: uuid.UUID
    status: str = Field(description="`disabled` while blocked: no sign-in, every session ended.")
    blocked_at: UtcDateTime | None
    block_reason: str | None
    cards: list[CardStatusOut] = Field(
        description="The cards this call blocked or unblocked; none when it changed nothing (already so)."
    )


class CardStockRequest(ApiInput):
    count: Annotated[int, Field(ge=1, le=MAX_PRINT, description=f"Cards to print: 1 to {MAX_PRINT:,}.")]
    company_id: uuid.UUID | None = Field(None, description="The partner's company; omit it when it has only one.")
    embossed_name: Annotated[
        str | None,
        Field(
            max_length=26,
            pattern=r"^[A-Za-z0-9][A-Za-z0-9 .'/-]*$",
            description="The name to emboss on every card (upper-cased); omit it for instant-issue cards.",
        ),
    ] = None


class CardStockBatchOut(ApiModel):
    batch_id: uuid.UUID = Field(validation_alias="id")
    company_id: uuid.UUID
    count: int
    printed: int = Field(description="Printed so far: the worker prints a run a chunk at a time.")
    status: Literal["queued", "running", "done"] = Field(description="Its embossing file is there once `done`.")
    embossed_name: str | None
    channel: str = Field(description="Where it was printed: `cms`, `cli` (`migo cards print`) or `system`.")
    printed_by: str | None = Field(validation_alias="actor_id", description="The operator's id when on the CMS.")
    created_at: UtcDateTime


# Partners: the partner's token lifetimes, companies (with their card programs) and applications.

Seconds = Annotated[int, Field(ge=0, le=2**31 - 1)]


class PartnerOut(ApiModel):
    id: uuid.UUID
    name: str
    created_at: UtcDateTime
    user_access_ttl_seconds: int = Field(description="A cardholder's access token (Wallet Gateway), in seconds.")
    user_refresh_ttl_seconds: int = Field(description="A cardholder's refresh token, in seconds.")
    operator_access_ttl_seconds: int = Field(description="An operator's access token (CMS), in seconds.")
    operator_refresh_ttl_seconds: int = Field(description="An operator's refresh token, in seconds.")
    locale: str | None = Field(
        description="The language of its hosted pages (checkout, card activation) and card statements when a "
        "Payment Link names none: `es` or `en`; null: the customer's browser's (English for a statement)."
    )


class CardProgramOut(ApiModel):
    name: str = Field(description="The program's brand: the name its cards carry.")
    bin: str
    currency: str
    max_balance: Money | None = Field(description="None: no maximum.")
    per_transfer_limit: Money | None
    daily_transfer_limit: Money | None
    validity_months: int


class PartnerCompanyOut(ApiModel):
    id: uuid.UUID
    name: str
    created_at: UtcDateTime
    card_program: CardProgramOut | None = Field(description="None until the company's program is provisioned.")


class PartnerApplicationOut(ApiModel):
    """An application and its public identifiers: never a secret, a key or a hash."""

    id: uuid.UUID
    kind: Literal["gateway", "cms", "middleware"]
    name: str
    client_id: str
    client_slug: str | None = Field(description="A Middleware application's Payment Link client.")
    company_id: uuid.UUID | None = Field(description="A Gateway application's company.")
    status: str
    created_at: UtcDateTime


class PartnerApplicationCreate(ApiInput):
    model_config = ConfigDict(
        json_schema_extra=field_for_kind("kind", "companyId", required_with="gateway", absent_with="cms")
    )

    kind: identity.PartnerApplicationKind = Field(
        description="`cms`: the partner's operators sign in through it; `gateway`: one of its companies' backends "
        "call the Wallet Gateway with it."
    )
    name: Annotated[str, Field(min_length=1, max_length=200)]
    company_id: uuid.UUID | None = Field(
        None,
        description="A Gateway application's company, one of the partner's (required); a CMS application takes none.",
    )

    def company_for_kind(self) -> uuid.UUID | None:
        """The company the application acts for: a Gateway application's own (required, 400/7842); a CMS
        application acts for the whole partner, so none (400/7843)."""
        if self.kind == "gateway" and self.company_id is None:
            raise ApiError(PARTNER_ERRORS.APPLICATION_COMPANY_REQUIRED)
        if self.kind == "cms" and self.company_id is not None:
            raise ApiError(PARTNER_ERRORS.APPLICATION_COMPANY_NOT_ALLOWED)
        return self.company_id


class NewPartnerApplicationOut(PartnerApplicationOut):
    partner_id: uuid.UUID
    client_secret: str = Field(
        description="Shown in this answer only (and in its replays under the same Idempotency-Key, for 24 hours, "
        "to the same operator): Migo keeps its hash alone."
    )


class PartnerCompanyCreate(ApiInput):
    name: Annotated[str, Field(min_length=1, max_length=200)]


class PartnerDetail(PartnerOut):
    companies: list[PartnerCompanyOut]
    applications: list[PartnerApplicationOut]


_LIFETIMES = (
    "Access tokens live 300 to 86400 seconds (5 minutes to 24 hours), refresh tokens 3600 to 7776000 (1 hour to 90 "
    "days) and longer than the access token they renew."
)


class PartnerCreate(ApiInput):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    user_access_ttl_seconds: Seconds | None = Field(None, description=f"The default when left out. {_LIFETIMES}")
    user_refresh_ttl_seconds: Seconds | None = None
    operator_access_ttl_seconds: Seconds | None = None
    operator_refresh_ttl_seconds: Seconds | None = None


class PartnerUpdate(ApiInput):
    """The fields to change; those left out stay as they are. The new lifetimes apply to tokens issued from now
    on (a sign-in or a refresh)."""

    name: Omittable[Annotated[str, Field(min_length=1, max_length=200)]] = None
    user_access_ttl_seconds: Omittable[Seconds] = Field(None, description=_LIFETIMES)
    user_refresh_ttl_seconds: Omittable[Seconds] = None
    operator_access_ttl_seconds: Omittable[Seconds] = None
    operator_refresh_ttl_seconds: Omittable[Seconds] = None
    locale: Annotated[str, Field(max_length=12)] | None = Field(
        None, description="`es` or `en`: the language of its hosted pages and card statements; null: the reader's."
    )


# A partner's Payment Link clients (Middleware): what `migo clients configure` sets, read and changed here.

Channel = Literal["wa", "sms", "email", "web", "app"]
CardType = Literal["credit", "debit", "prepaid"]


class ClientProcessorOut(ApiModel):
    name: str
    brands: list[str] = Field(description="The card brands it takes for the client; empty: all.")
    installments: list[int] = Field(description="The installment counts it offers on credit cards (1 always).")


class ClientVelocityOut(ApiModel):
    declines: int = Field(description="This many declines of one end customer…")
    window_minutes: int = Field(description="…within this many minutes…")
    suspension_minutes: int = Field(description="…suspend the customer for this many minutes.")


class ClientCallbackOut(ApiModel):
    """One of the client's webhook endpoints: where its Merchant Generic Callback goes. The header's value is
    never shown."""

    id: uuid.UUID
    url: str
    auth_header_name: str | None
    event_types: list[str]
    status: Literal["enabled", "paused", "disabled"] = Field(
        description="`disabled`: after a 410 Gone or an address that turned internal; the merchant enables it again."
    )
    body_template: str | None = Field(description="Its own callback body template; null: the flat body.")


class CheckoutFieldOut(ApiModel):
    label: str
    key: str


class PartnerClientOut(ApiModel):
    slug: str
    display_name: str = Field(description="The merchant's name on the hosted checkout.")
    channels: list[Channel]
    currencies: list[str] = Field(description="ISO 4217; the first is the default.")
    min_amount: Money
    max_amount: Money
    processors: list[ClientProcessorOut] = Field(description="In order of preference.")
    reference_prefix: str
    capture_mode: Literal["automatic", "manual"]
    link_lifetime_seconds: int
    max_attempts: int = Field(description="Payment attempts per link.")
    logo_url: str | None
    brand_color: str
    allowed_return_origins: list[str] = Field(description="Where the checkout may send the customer back.")
    default_return_url: str | None
    velocity: ClientVelocityOut
    allowed_brands: list[str] = Field(description="BIN rules; empty: every brand.")
    allowed_card_types: list[CardType]
    allowed_countries: list[str]
    checkout_fields: list[CheckoutFieldOut] = Field(
        description="The customKeys the hosted checkout shows under the amount, in order, each with its label."
    )
    callback_endpoints: list[ClientCallbackOut] = Field(
        description="Its webhook endpoints, oldest first; the first is the one `callbackEndpoint` sets."
    )

    @classmethod
    def of(cls, terms: payments.ClientTerms, callbacks: list[Any]) -> PartnerClientOut:
        declines, window, suspension = terms.velocity
        built = ("processors", "velocity", "checkout_fields", "callback_endpoints")
        return cls.model_validate(
            {
                **{name: getattr(terms, name) for name in cls.model_fields if name not in built},
                "processors": [ClientProcessorOut.model_validate(p) for p in terms.processors],
                "velocity": ClientVelocityOut(declines=declines, window_minutes=window, suspension_minutes=suspension),
                "checkout_fields": [CheckoutFieldOut(label=f.label, key=f.key) for f in terms.checkout_fields],
                "callback_endpoints": [ClientCallbackOut.model_validate(endpoint) for endpoint in callbacks],
            }
        )


class ClientProcessorIn(ApiInput):
    name: Annotated[str, Field(min_length=1, max_length=40)]
    brands: list[Annotated[str, Field(min_length=1, max_length=20)]] = Field([], max_length=20)
    installments: list[int] = Field([], max_length=48)


class CheckoutFieldIn(ApiInput):
    label: Annotated[str, Field(min_length=1, max_length=60, description="What the customer reads: `Order`.")]
    key: Annotated[str, Field(min_length=1, max_length=100, description="The customKeys key whose value is shown.")]


class ClientVelocityIn(ApiInput):
    declines: int
    window_minutes: int
    suspension_minutes: int


class PartnerClientUpdate(ApiInput):
    """The fields to change; those left out stay as they are. The rules of `migo clients configure` apply: a
    value they refuse is a 400 naming the field, and nothing changes."""

    display_name: Omittable[Annotated[str, Field(min_length=1, max_length=120)]] = None
    channels: Omittable[list[Channel]] = Field(None, min_length=1, max_length=5)
    currencies: Omittable[list[Annotated[str, Field(pattern=r"^[A-Z]{3}$")]]] = Field(None, min_length=1, max_length=20)
    min_amount: Omittable[Amount] = Field(None, description="Whole units, as links are.")
    max_amount: Omittable[Amount] = Field(None, description="Whole units, as links are.")
    processors: Omittable[list[ClientProcessorIn]] = Field(None, min_length=1, max_length=10)
    reference_prefix: Omittable[Annotated[str, Field(min_length=1, max_length=12)]] = Field(
        None, description="Letters and digits; the references of links created from now on start with it."
    )
    capture_mode: Omittable[Literal["automatic", "manual"]] = None
    link_lifetime_seconds: Omittable[int] = Field(None, description="60 to 2592000 (1 minute to 30 days).")
    max_attempts: Omittable[int] = Field(None, description="1 to 20.")
    logo_url: Annotated[str, Field(max_length=500)] | None = Field(None, description="https; null: none.")
    brand_color: Omittable[Annotated[str, Field(max_length=7)]] = Field(None, description="#rrggbb")
    allowed_return_origins: Omittable[list[Annotated[str, Field(max_length=200)]]] = Field(None, max_length=20)
    default_return_url: Annotated[str, Field(max_length=2000)] | None = Field(None, description="null: none.")
    velocity: Omittable[ClientVelocityIn] = None
    allowed_brands: Omittable[list[Annotated[str, Field(min_length=1, max_length=20)]]] = Field(None, max_length=20)
    allowed_card_types: Omittable[list[CardType]] = Field(None, max_length=3)
    allowed_countries: Omittable[list[Annotated[str, Field(pattern=r"^[A-Z]{2}$")]]] = Field(None, max_length=250)
    checkout_fields: Omittable[list[CheckoutFieldIn]] = Field(
        None,
        max_length=10,
        description="The customKeys the checkout shows, in order (distinct keys); a link without one, or whose value "
        "is not text, a number or true/false, shows nothing for it. [] shows none.",
    )
    callback_endpoint: CallbackEndpointIn | None = Field(
        None,
        description="Where the client's Merchant Generic Callback goes: its callback endpoint (the first of "
        "`callbackEndpoints`) takes this URL and header, or is made for every event type; null removes it. The URL "
        "rules of the webhook endpoints apply.",
    )

    def terms_changes(self) -> dict[str, Any]:
        """The fields sent, as `payments.ClientTerms` holds them (null only for those that can be cleared)."""
        changes = patch_changes(self)
        changes.pop("callback_endpoint", None)  # the webhooks' (`sets_callback`), not the client's terms
        if self.processors is not None:
            changes["processors"] = tuple(
                payments.ProcessorTerms(p.name, tuple(p.brands), tuple(p.installments)) for p in self.processors
            )
        if self.checkout_fields is not None:
            changes["checkout_fields"] = tuple(payments.CheckoutField(f.label, f.key) for f in self.checkout_fields)
        if self.velocity is not None:
            velocity = self.velocity
            changes["velocity"] = (velocity.declines, velocity.window_minutes, velocity.suspension_minutes)
        return {name: tuple(value) if isinstance(value, list) else value for name, value in changes.items()}

    def sets_callback(self) -> bool:
        return "callback_endpoint" in self.model_fields_set
