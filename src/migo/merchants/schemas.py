"""Wire shapes of merchant acquiring: onboarding, terminal payments, settlements."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from migo.platform import pan
from migo.platform.money import MAX_INTEGER_DIGITS, Amount, Money
from migo.platform.secrets import BankAccountNumber, CardNumber, Cvv
from migo.platform.wire import EMAIL_PATTERN, ApiInput, ApiModel, Omittable, UtcDateTime

from .models import Business, Lead, LeadDocument, Payout, Settlement, TerminalOperation, TerminalPayment

LeadStatus = Literal["NEW", "DOCUMENTS_PENDING", "IN_REVIEW", "APPROVED", "REJECTED"]
DocumentType = Literal["ID_FRONT", "ID_BACK", "TAX_CERTIFICATE", "BANK_PROOF", "ADDRESS_PROOF"]
DocumentStatus = Literal["PENDING", "ACCEPTED", "REJECTED"]

_PHONE = r"^\+?[1-9][0-9]{6,14}$"
Name = Annotated[str, Field(min_length=1, max_length=200)]
Email = Annotated[str, Field(max_length=254, pattern=EMAIL_PATTERN)]
Phone = Annotated[str, Field(pattern=_PHONE, description="E.164, such as +50224865444.")]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2, such as GT.")]
TaxId = Annotated[str, Field(min_length=1, max_length=40)]
Address = Annotated[str, Field(min_length=1, max_length=500)]


class Contact(ApiInput):
    name: Name
    email: Email
    phone: Phone


class BankAccountIn(ApiInput):
    bank_name: Annotated[str, Field(min_length=1, max_length=120)]
    account_number: BankAccountNumber
    holder: Name


class LeadCreate(ApiInput):
    business_name: Name
    legal_name: Name
    tax_id: TaxId
    country: Country
    email: Email
    phone: Phone
    address: Address
    contact: Contact
    bank_account: BankAccountIn | None = None


class LeadUpdate(ApiInput):
    """The fields to change; those left out stay as they are."""

    # Every field of a lead is required: leaving one out keeps it, null would erase it.
    business_name: Omittable[Name] = None
    legal_name: Omittable[Name] = None
    tax_id: Omittable[TaxId] = None
    email: Omittable[Email] = None
    phone: Omittable[Phone] = None
    address: Omittable[Address] = None
    contact: Omittable[Contact] = None
    bank_account: Omittable[BankAccountIn] = None


class BankAccountOut(ApiModel):
    bank_name: str
    account_number_last4: str
    holder: str


class ContactOut(ApiModel):
    name: str
    email: str
    phone: str


class DocumentOut(ApiModel):
    id: uuid.UUID
    type: DocumentType
    status: DocumentStatus
    sha256: str = Field(description="The SHA-256 of the file, 64 hex characters.")
    size: int
    content_type: str
    rejection_reason: str | None
    created_at: UtcDateTime

    @classmethod
    def of(cls, document: LeadDocument) -> DocumentOut:
        return cls.model_validate(document)


class LeadOut(ApiModel):
    id: uuid.UUID
    status: LeadStatus
    requirements: list[str] = Field(
        description="What is still due before the lead can be submitted, e.g. `documents.BANK_PROOF`, `bankAccount`."
    )
    business_name: str
    legal_name: str
    tax_id: str
    country: str
    email: str
    phone: str
    address: str
    contact: ContactOut
    bank_account: BankAccountOut | None
    documents: list[DocumentOut]
    created_at: UtcDateTime
    updated_at: UtcDateTime | None

    @classmethod
    def of(cls, lead: Lead, documents: list[LeadDocument], requirements: list[str]) -> LeadOut:
        bank = None
        if lead.bank_account_last4 is not None:
            bank = BankAccountOut(
                bank_name=lead.bank_name or "",
                account_number_last4=lead.bank_account_last4,
                holder=lead.bank_holder or "",
            )
        return cls(
            id=lead.id,
            status=lead.status,
            requirements=requirements,
            business_name=lead.business_name,
            legal_name=lead.legal_name,
            tax_id=lead.tax_id,
            country=lead.country,
            email=lead.email,
            phone=lead.phone,
            address=lead.address,
            contact=ContactOut.model_validate(lead.contact),
            bank_account=bank,
            documents=[DocumentOut.of(document) for document in documents],
            created_at=lead.created_at,
            updated_at=lead.updated_at,
        )


class DocumentRejection(ApiInput):
    document_id: uuid.UUID = Field(description="A document of the lead.")
    reason: Annotated[str, Field(min_length=1, max_length=500, description="Why it is refused, for the merchant.")]


class LeadRejection(ApiInput):
    """A back-office reviewer's refusal: the documents named fall due again (the lead goes back to
    `DOCUMENTS_PENDING`); with no document named, the lead itself is refused (`REJECTED`, final)."""

    reasons: Annotated[list[DocumentRejection], Field(max_length=50)]
    reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="Why the lead itself is refused (no document named), or a note on the decision: kept in the "
        "audit trail, not shown to the merchant.",
    )

    @model_validator(mode="after")
    def _each_document_once(self) -> LeadRejection:
        named = [str(rejection.document_id) for rejection in self.reasons]
        twice = sorted({document for document in named if named.count(document) > 1})
        if twice:
            raise ValueError(f"a document is refused once, with one reason: {', '.join(twice)}")
        return self


class Pricing(ApiModel):
    percent: Money = Field(description="Percent of each payment, e.g. `2.9000` for 2.9%.")
    fixed: Money = Field(description="A fixed fee per payment, in `currency`.")
    currency: str


class BusinessOut(ApiModel):
    id: uuid.UUID
    lead_id: uuid.UUID
    name: str
    status: Literal["ACTIVE", "SUSPENDED"]
    pricing: Pricing
    payout: BankAccountOut
    clients: list[str] = Field(
        description="The Payment Link clients (slugs) whose captures this business's settlements take."
    )
    created_at: UtcDateTime

    @classmethod
    def of(cls, business: Business, clients: list[str] | None = None) -> BusinessOut:
        return cls(
            id=business.id,
            lead_id=business.lead_id,
            name=business.name,
            status=business.status,
            pricing=Pricing(
                percent=Decimal(business.pricing_percent),
                fixed=business.pricing_fixed,
                currency=business.currency,
            ),
            payout=BankAccountOut(
                bank_name=business.payout_bank_name,
                account_number_last4=business.payout_account_last4,
                holder=business.payout_holder,
            ),
            clients=clients or [],
            created_at=business.created_at,
        )


class BusinessClientLink(ApiInput):
    client_slug: Annotated[str, Field(min_length=1, max_length=100, description="A client of the company's partner.")]


class BranchCreate(ApiInput):
    name: Name
    address: Address


class BranchOut(ApiModel):
    id: uuid.UUID
    business_id: uuid.UUID
    name: str
    address: str
    created_at: UtcDateTime


class TerminalCreate(ApiInput):
    serial_number: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]
    model: Annotated[str, Field(min_length=1, max_length=64)]


class TerminalOut(ApiModel):
    id: uuid.UUID
    branch_id: uuid.UUID
    business_id: uuid.UUID
    serial_number: str
    model: str
    status: Literal["ACTIVE", "INACTIVE"]
    terminal_key_id: str = Field(validation_alias="key_id")
    created_at: UtcDateTime
    updated_at: UtcDateTime | None


class TerminalCredentials(ApiModel):
    terminal_key_id: str
    terminal_secret: str = Field(description="Shown this once: store it on the terminal.")


class TerminalCreated(TerminalOut):
    credentials: TerminalCredentials


# Terminal (POS) payments.

EntryMode = Literal["CHIP", "CONTACTLESS", "SWIPE", "MANUAL"]
TerminalPaymentStatus = Literal["pending", "approved", "denied", "reversed", "refunded"]


class TerminalCard(ApiInput):
    """The card as the terminal read it (the sandbox terminal sends the number; a certified one would send
    the chip's encrypted track)."""

    number: CardNumber = Field(examples=["4242424242424242"], description="Spaces and dashes are ignored.")
    expiry: str = Field(pattern=r"^(0[1-9]|1[0-2])/[0-9]{2}$", examples=["12/29"], description="MM/YY.")
    cvv: Cvv | None = Field(None, description="Only when typed (MANUAL); a chip or a tap has none.")

    @field_validator("number")
    @classmethod
    def _valid_number(cls, number: CardNumber) -> CardNumber:
        digits = number.digits()
        if not (12 <= len(digits.reveal()) <= 19 and pan.is_valid(digits.reveal())):
            raise ValueError("not a valid card number")
        return digits

    @field_validator("cvv")
    @classmethod
    def _valid_cvv(cls, cvv: Cvv | None) -> Cvv | None:
        if cvv is not None and not (cvv.reveal().isdigit() and len(cvv.reveal()) in (3, 4)):
            raise ValueError("3 or 4 digits")
        return cvv


class SettleToBalance(ApiInput):
    type: Literal["BALANCE"]


class SettleToPrepaidCard(ApiInput):
    type: Literal["PREPAID_CARD"]
    card_id: uuid.UUID = Field(description="A prepaid card of the company, in the business's currency.")


SettleTo = Annotated[SettleToBalance | SettleToPrepaidCard, Field(discriminator="type")]


class TerminalPaymentCreate(ApiInput):
    """`CreateTerminalPaymentInput` (seed 003: no top-level installments; a terminal payment is one charge)."""

    amount: Amount
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$", examples=["GTQ"])]
    entry_mode: EntryMode
    card: TerminalCard
    tip: Amount | None = Field(None, description="Added to the amount charged; settled with it.")
    reference: Annotated[
        str,
        Field(
            min_length=1,
            max_length=64,
            pattern=r"^[ -~]+$",
            description="The terminal's receipt number: one payment per reference and terminal.",
        ),
    ]
    settle_to: SettleTo = Field(
        default_factory=lambda: SettleToBalance(type="BALANCE"),
        description="Where the settlement credits this payment's net: the business balance (default) or a "
        "prepaid card.",
    )

    @model_validator(mode="after")
    def _charged_fits(self) -> TerminalPaymentCreate:
        # The card is charged amount + tip: that sum, not each part, must fit the money columns.
        if self.amount + (self.tip or 0) >= 10**MAX_INTEGER_DIGITS:
            raise ValueError(f"amount + tip must have at most {MAX_INTEGER_DIGITS} integer digits")
        return self


class PaymentCard(ApiModel):
    brand: str
    last4: str


class SettleToOut(ApiModel):
    type: Literal["BALANCE", "PREPAID_CARD"]
    card_id: uuid.UUID | None = None


class TerminalPaymentOut(ApiModel):
    payment_id: uuid.UUID
    terminal_id: uuid.UUID
    business_id: uuid.UUID
    reference: str
    status: TerminalPaymentStatus = Field(
        description="`pending`: the processor has not answered yet; the payment resolves within minutes."
    )
    auth_code: str | None
    decline_code: str | None = Field(description="Why it was denied: `insufficient_funds` (7303), `expired_card`, …")
    amount: Money
    tip: Money
    refunded_amount: Money
    currency: str
    entry_mode: EntryMode
    card: PaymentCard
    settle_to: SettleToOut
    settlement_id: uuid.UUID | None
    created_at: UtcDateTime
    captured_at: UtcDateTime | None

    @classmethod
    def of(cls, payment: TerminalPayment) -> TerminalPaymentOut:
        return cls(
            payment_id=payment.id,
            terminal_id=payment.terminal_id,
            business_id=payment.business_id,
            reference=payment.reference,
            status=payment.status,
            auth_code=payment.authorization_code,
            decline_code=payment.decline_code,
            amount=payment.amount,
            tip=payment.tip,
            refunded_amount=payment.refunded_amount,
            currency=payment.currency,
            entry_mode=payment.entry_mode,
            card=PaymentCard(brand=payment.card_brand, last4=payment.card_last4),
            settle_to=SettleToOut(type="PREPAID_CARD", card_id=payment.settle_to_card_id)
            if payment.settle_to_card_id
            else SettleToOut(type="BALANCE"),
            settlement_id=payment.settlement_id,
            created_at=payment.created_at,
            captured_at=payment.captured_at,
        )


class TerminalRefundCreate(ApiInput):
    amount: Amount | None = Field(None, description="Leave out to refund all that is left.")


class TerminalOperationOut(ApiModel):
    operation_id: uuid.UUID
    kind: Literal["reversal", "refund"]
    status: Literal["pending", "succeeded", "failed"]
    amount: Money
    payment: TerminalPaymentOut
    created_at: UtcDateTime
    completed_at: UtcDateTime | None

    @classmethod
    def of(cls, operation: TerminalOperation, payment: TerminalPayment) -> TerminalOperationOut:
        return cls(
            operation_id=operation.id,
            kind=operation.kind,
            status=operation.status,
            amount=operation.amount,
            payment=TerminalPaymentOut.of(payment),
            created_at=operation.created_at,
            completed_at=operation.completed_at,
        )


# Settlements.

SettlementStatus = Literal["pending", "settled", "paid_out"]


class PayoutOut(ApiModel):
    id: uuid.UUID
    status: Literal["in_transit", "paid"]
    amount: Money
    currency: str
    expected_date: date = Field(description="When the bank credits it (seed 003: T+1 to T+3 business days).")
    bank_name: str
    account_number_last4: str
    paid_at: UtcDateTime | None


class SettlementOut(ApiModel):
    id: uuid.UUID
    business_id: uuid.UUID
    cutoff_date: date
    settlement_date: date = Field(description="The business day the net is credited.")
    status: SettlementStatus
    currency: str
    gross: Money
    fees: Money
    net: Money
    line_count: int
    payout: PayoutOut | None
    created_at: UtcDateTime
    settled_at: UtcDateTime | None
    paid_out_at: UtcDateTime | None

    @classmethod
    def of(cls, settlement: Settlement, payout: Payout | None) -> SettlementOut:
        return cls(
            id=settlement.id,
            business_id=settlement.business_id,
            cutoff_date=settlement.cutoff_date,
            settlement_date=settlement.settlement_date,
            status=settlement.status,
            currency=settlement.currency,
            gross=settlement.gross,
            fees=settlement.fees,
            net=settlement.net,
            line_count=settlement.line_count,
            payout=PayoutOut.model_validate(payout) if payout else None,
            created_at=settlement.created_at,
            settled_at=settlement.settled_at,
            paid_out_at=settlement.paid_out_at,
        )


class SettlementLineOut(ApiModel):
    line: int = Field(validation_alias="position")
    source: Literal["terminal", "link"] = Field(description="A terminal's payment, or a linked client's link.")
    kind: Literal["payment", "refund"]
    reference: str
    payment_id: uuid.UUID | None = Field(description="The terminal payment (`source` terminal).")
    link_uid: str | None = Field(description="The Payment Link's uid (`source` link).")
    occurred_at: UtcDateTime
    gross: Money
    fee: Money
    net: Money
    settle_to_card_id: uuid.UUID | None


class SettlementCreditOut(ApiModel):
    type: Literal["BALANCE", "PREPAID_CARD"]
    card_id: uuid.UUID | None
    amount: Money


class SettlementDetail(SettlementOut):
    lines: list[SettlementLineOut]
    credits: list[SettlementCreditOut] = Field(description="Where the net went, once settled.")


class SandboxSettlementRun(ApiInput):
    cutoff_date: date | None = Field(
        None, description="The business day the run closes (default: today, UTC); it settles the next business day."
    )
