"""Wire shapes of the back office."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field

from migo.identity.schemas import CardholderFields
from migo.platform.money import Money
from migo.platform.wire import ApiInput, ApiModel, UtcDateTime


class AuditRecordOut(ApiModel):
    id: uuid.UUID
    at: UtcDateTime
    operator_id: uuid.UUID | None = Field(description="None: the call named no operator (refused, or a sign-in).")
    application_id: uuid.UUID | None
    action: str = Field(description="The operation, as the OpenAPI document names it: `approveLead`.")
    method: str
    route: str
    resource: dict[str, str] = Field(description='The ids in the call\'s path: `{"leadId": "…"}`.')
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
    status: str
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


class PartnerCardholderDetail(PartnerCardholderOut):
    cards: list[HeldCardOut]


class CardStatusChange(ApiInput):
    reason: Annotated[str, Field(min_length=3, max_length=300, description="Why: kept in the card's history.")]


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
