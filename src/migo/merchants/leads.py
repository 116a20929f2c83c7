"""Leads: a merchant's application, what is still due, and its review.

A lead moves through these statuses; every other move is refused (7405, or 7403 for an edit or an upload):

| from | to | by |
|---|---|---|
| NEW | DOCUMENTS_PENDING | the first document uploaded |
| NEW, DOCUMENTS_PENDING | IN_REVIEW | submit, with nothing due (else 7404 naming what is) |
| IN_REVIEW | APPROVED | approve: every pending document is accepted |
| IN_REVIEW | DOCUMENTS_PENDING | reject naming documents: those are rejected and fall due again |
| IN_REVIEW | REJECTED | reject naming no document: the lead itself is refused |

The merchant may edit the lead and upload documents only while it is NEW or DOCUMENTS_PENDING: a lead in
review is frozen so the reviewer decides on what they saw. APPROVED and REJECTED are final; an APPROVED lead is
promoted to a business once (businesses.promote_lead).

`requirements` lists what is due, as Stripe Connect shows it: `documents.<TYPE>` for each required document type
without a document that is pending or accepted, and `bankAccount` until one is given. Required: ID_FRONT,
ID_BACK, TAX_CERTIFICATE, BANK_PROOF and the bank account (payouts need it and its proof). ADDRESS_PROOF is
optional: accepted and reviewed when sent, never due.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.platform import clock, security
from migo.platform.errors import ApiError
from migo.platform.ids import new_id
from migo.platform.pagination import Listing
from migo.platform.secrets import BankAccountNumber

from .access import readable, readable_by_companies
from .errors import MERCHANT_ERRORS
from .models import Lead, LeadDocument
from .schemas import BankAccountIn, LeadCreate, LeadOut, LeadUpdate

REQUIRED_DOCUMENTS = ("ID_FRONT", "ID_BACK", "TAX_CERTIFICATE", "BANK_PROOF")
EDITABLE = ("NEW", "DOCUMENTS_PENDING")
_ACCOUNT_PURPOSE = "merchant-bank-account"

LEADS = Listing(
    name="Leads",
    sortable={
        "createdAt": lambda: Lead.created_at,
        "businessName": lambda: Lead.business_name,
        "status": lambda: Lead.status,
    },
    default_sort="createdAt",
    searchable=(lambda: Lead.business_name, lambda: Lead.legal_name, lambda: Lead.tax_id),
    tiebreaker=lambda: Lead.id,
)


@dataclass(frozen=True)
class Rejection:
    """A reviewer's reason to refuse one document."""

    document_id: uuid.UUID
    reason: str


def seal_account(number: BankAccountNumber, owner_id: uuid.UUID) -> bytes:
    """The account number encrypted and bound to its owner row: a sealed number copied to another row fails."""
    return security.encrypt(number.reveal().encode(), purpose=_ACCOUNT_PURPOSE, context=owner_id.bytes)


def open_account(ciphertext: bytes, owner_id: uuid.UUID) -> BankAccountNumber:
    plaintext = security.decrypt(ciphertext, purpose=_ACCOUNT_PURPOSE, context=owner_id.bytes)
    return BankAccountNumber(plaintext.decode())


def listing(company_id: uuid.UUID, status: str | None) -> Select[Lead]:
    statement = readable(company_id, Lead)
    return statement.where(Lead.status == status) if status else statement


async def find_lead(session: AsyncSession, company_id: uuid.UUID, lead_id: uuid.UUID, *, lock: bool = False) -> Lead:
    statement = readable(company_id, Lead).where(Lead.id == lead_id)
    lead = await session.scalar(statement.with_for_update() if lock else statement)
    if lead is None:
        raise ApiError(MERCHANT_ERRORS.LEAD_NOT_FOUND)
    return lead


async def documents_of(session: AsyncSession, lead: Lead) -> list[LeadDocument]:
    statement = readable(lead.company_id, LeadDocument).where(LeadDocument.lead_id == lead.id)
    return list(await session.scalars(statement.order_by(LeadDocument.created_at, LeadDocument.id)))


def requirements(lead: Lead, documents: list[LeadDocument]) -> list[str]:
    provided = {document.type for document in documents if document.status != "REJECTED"}
    due = [f"documents.{kind}" for kind in REQUIRED_DOCUMENTS if kind not in provided]
    return due + ([] if lead.bank_account_ciphertext else ["bankAccount"])


async def lead_view(session: AsyncSession, lead: Lead) -> LeadOut:
    return (await lead_views(session, [lead]))[0]


async def lead_views(session: AsyncSession, found: Sequence[Lead]) -> list[LeadOut]:
    """The leads as answered, with their documents and what is due: one query for a whole page's documents
    (a page on the CMS holds the leads of several companies of the operator's partner)."""
    if not found:
        return []
    companies = {lead.company_id for lead in found}
    statement = readable_by_companies(companies, LeadDocument).where(
        LeadDocument.lead_id.in_([lead.id for lead in found])
    )
    by_lead: dict[uuid.UUID, list[LeadDocument]] = {lead.id: [] for lead in found}
    for document in await session.scalars(statement.order_by(LeadDocument.created_at, LeadDocument.id)):
        by_lead[document.lead_id].append(document)
    return [LeadOut.of(lead, by_lead[lead.id], requirements(lead, by_lead[lead.id])) for lead in found]


async def _record(session: AsyncSession, event_type: str, lead: Lead, **data: Any) -> None:
    await events.record(
        session,
        event_type,
        subject_id=str(lead.id),
        company_id=lead.company_id,
        data={"leadId": str(lead.id), "status": lead.status, **data},
    )


def _set_bank_account(lead: Lead, bank: BankAccountIn) -> None:
    lead.bank_name = bank.bank_name
    lead.bank_holder = bank.holder
    lead.bank_account_ciphertext = seal_account(bank.account_number, lead.id)
    lead.bank_account_last4 = bank.account_number.reveal()[-4:]


async def create_lead(session: AsyncSession, company_id: uuid.UUID, body: LeadCreate) -> Lead:
    lead = Lead(
        id=new_id(),
        company_id=company_id,
        status="NEW",
        business_name=body.business_name,
        legal_name=body.legal_name,
        tax_id=body.tax_id,
        country=body.country,
        email=body.email,
        phone=body.phone,
        address=body.address,
        contact=body.contact.model_dump(),
    )
    if body.bank_account is not None:
        _set_bank_account(lead, body.bank_account)
    session.add(lead)
    await session.flush()
    await _record(session, "lead.created", lead)
    return lead


def require_editable(lead: Lead) -> None:
    if lead.status not in EDITABLE:
        raise ApiError(MERCHANT_ERRORS.LEAD_NOT_EDITABLE, f"The lead is {lead.status}.")


async def update_lead(session: AsyncSession, company_id: uuid.UUID, lead_id: uuid.UUID, body: LeadUpdate) -> Lead:
    lead = await find_lead(session, company_id, lead_id, lock=True)
    require_editable(lead)
    changes = body.model_dump(exclude_unset=True, exclude={"bank_account", "contact"})
    for field, value in changes.items():
        setattr(lead, field, value)
    if body.contact is not None:
        lead.contact = body.contact.model_dump()
    if body.bank_account is not None:
        _set_bank_account(lead, body.bank_account)
    lead.updated_at = clock.now()
    return lead


async def submit_lead(session: AsyncSession, company_id: uuid.UUID, lead_id: uuid.UUID) -> Lead:
    lead = await find_lead(session, company_id, lead_id, lock=True)
    if lead.status not in EDITABLE:
        raise ApiError(MERCHANT_ERRORS.INVALID_LEAD_TRANSITION, f"A {lead.status} lead cannot be submitted.")
    due = requirements(lead, await documents_of(session, lead))
    if due:
        raise ApiError(MERCHANT_ERRORS.REQUIREMENTS_DUE, f"Still due: {', '.join(due)}.")
    lead.status = "IN_REVIEW"
    lead.updated_at = clock.now()
    await _record(session, "lead.submitted", lead)
    return lead


async def _in_review(session: AsyncSession, company_id: uuid.UUID, lead_id: uuid.UUID, action: str) -> Lead:
    lead = await find_lead(session, company_id, lead_id, lock=True)
    if lead.status != "IN_REVIEW":
        raise ApiError(MERCHANT_ERRORS.INVALID_LEAD_TRANSITION, f"Only a lead in review can be {action}.")
    return lead


async def approve_lead(session: AsyncSession, company_id: uuid.UUID, lead_id: uuid.UUID) -> Lead:
    """Accept the lead and every document under review (the sandbox's approve and the CMS review call this)."""
    lead = await _in_review(session, company_id, lead_id, "approved")
    for document in await documents_of(session, lead):
        if document.status == "PENDING":
            document.status = "ACCEPTED"
    lead.status = "APPROVED"
    lead.updated_at = clock.now()
    await _record(session, "lead.approved", lead)
    return lead


async def reject_lead(
    session: AsyncSession, company_id: uuid.UUID, lead_id: uuid.UUID, reasons: list[Rejection]
) -> Lead:
    """Refuse the documents named, which fall due again, and send the lead back to DOCUMENTS_PENDING; with no
    document named, refuse the lead itself (REJECTED, final)."""
    lead = await _in_review(session, company_id, lead_id, "rejected")
    documents = {document.id: document for document in await documents_of(session, lead)}
    unknown = [str(reason.document_id) for reason in reasons if reason.document_id not in documents]
    if unknown:
        raise ApiError(MERCHANT_ERRORS.UNKNOWN_REJECTED_DOCUMENT, f"Not documents of this lead: {', '.join(unknown)}.")
    for reason in reasons:
        documents[reason.document_id].status = "REJECTED"
        documents[reason.document_id].rejection_reason = reason.reason
    lead.status = "DOCUMENTS_PENDING" if reasons else "REJECTED"
    lead.updated_at = clock.now()
    await _record(session, "lead.rejected", lead, rejectedDocuments=[str(r.document_id) for r in reasons])
    return lead
