"""Wire shapes of merchant onboarding."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from migo.platform.money import Money
from migo.platform.secrets import BankAccountNumber
from migo.platform.wire import ApiInput, ApiModel, UtcDateTime

from .models import Business, Lead, LeadDocument

LeadStatus = Literal["NEW", "DOCUMENTS_PENDING", "IN_REVIEW", "APPROVED", "REJECTED"]
DocumentType = Literal["ID_FRONT", "ID_BACK", "TAX_CERTIFICATE", "BANK_PROOF", "ADDRESS_PROOF"]
DocumentStatus = Literal["PENDING", "ACCEPTED", "REJECTED"]

_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_PHONE = r"^\+?[1-9][0-9]{6,14}$"
Name = Annotated[str, Field(min_length=1, max_length=200)]
Email = Annotated[str, Field(max_length=254, pattern=_EMAIL)]
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

    business_name: Name | None = None
    legal_name: Name | None = None
    tax_id: TaxId | None = None
    email: Email | None = None
    phone: Phone | None = None
    address: Address | None = None
    contact: Contact | None = None
    bank_account: BankAccountIn | None = None

    @model_validator(mode="after")
    def _no_nulls(self) -> LeadUpdate:
        # Every field of a lead is required: leaving one out keeps it, null would erase it.
        nulls = sorted(name for name in self.model_fields_set if getattr(self, name) is None)
        if nulls:
            raise ValueError(f"cannot be null (leave them out to keep them): {', '.join(nulls)}")
        return self


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
    created_at: UtcDateTime

    @classmethod
    def of(cls, business: Business) -> BusinessOut:
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
            created_at=business.created_at,
        )


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
