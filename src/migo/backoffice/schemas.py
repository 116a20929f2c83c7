"""Wire shapes of the back office."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import Field

from migo.cards.service import MAX_PRINT
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
    embossed_name: str | None
    channel: str = Field(description="Where it was printed: `cms`, `cli` (`migo cards print`) or `system`.")
    printed_by: str | None = Field(validation_alias="actor_id", description="The operator's id when on the CMS.")
    created_at: UtcDateTime
