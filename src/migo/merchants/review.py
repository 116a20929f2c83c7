"""The back office's review of merchant leads (CMS): what an operator sees and decides, and its audit trail.

An operator belongs to a partner and sees the leads of its partner's companies only (`readable_by_companies`;
identity names the companies): another partner's lead answers 404 (7400), as another company's does on the
Gateway. Its decisions are the same `approve_lead` and `reject_lead` the sandbox's approve calls, so they move
the lead, its documents and its events (`lead.approved`, `lead.rejected`) exactly as there; each decision also
writes a row of the lead's audit trail (`merchant_lead_reviews`: who, when, from which status to which, the
documents refused and why) in the same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.platform.errors import ApiError
from migo.platform.storage import Storage

from . import documents, leads
from .access import readable_by_companies
from .errors import MERCHANT_ERRORS
from .leads import Rejection
from .models import Lead, LeadDocument, LeadReview


@dataclass(frozen=True)
class Reviewer:
    """A back-office operator of a partner, as the review knows it."""

    operator_id: uuid.UUID
    partner_id: uuid.UUID


async def listing(session: AsyncSession, partner_id: uuid.UUID, status: str | None) -> Select[Lead]:
    """The leads of the partner's companies, of one status if given (`IN_REVIEW`: the reviewers' queue)."""
    statement = readable_by_companies(await identity.company_ids_of_partner(session, partner_id), Lead)
    return statement.where(Lead.status == status) if status else statement


async def find_lead(session: AsyncSession, partner_id: uuid.UUID, lead_id: uuid.UUID, *, lock: bool = False) -> Lead:
    """A lead of one of the partner's companies, else 7400. Lock it before deciding: the lead's own row lock is
    what orders two reviewers deciding at once (the second sees the first's decision and gets 7405)."""
    companies = await identity.company_ids_of_partner(session, partner_id)
    statement = readable_by_companies(companies, Lead).where(Lead.id == lead_id)
    lead = await session.scalar(statement.with_for_update() if lock else statement)
    if lead is None:
        raise ApiError(MERCHANT_ERRORS.LEAD_NOT_FOUND)
    return lead


async def document_file(
    session: AsyncSession, storage: Storage, partner_id: uuid.UUID, lead_id: uuid.UUID, document_id: uuid.UUID
) -> tuple[Lead, LeadDocument, bytes]:
    """A document of a lead of the partner's companies, opened: the bytes the merchant uploaded, with its lead."""
    lead = await find_lead(session, partner_id, lead_id)
    return lead, *await documents.document_file(session, storage, lead.company_id, lead.id, document_id)


async def approve(session: AsyncSession, reviewer: Reviewer, lead_id: uuid.UUID) -> Lead:
    """Approve a lead in review and accept its pending documents (7405 unless it is `IN_REVIEW`)."""
    lead = await find_lead(session, reviewer.partner_id, lead_id, lock=True)
    before = lead.status
    await leads.approve_lead(session, lead.company_id, lead.id)
    _audit(session, reviewer, lead, "APPROVE", before, [], None)
    return lead


async def reject(
    session: AsyncSession, reviewer: Reviewer, lead_id: uuid.UUID, rejections: list[Rejection], reason: str | None
) -> Lead:
    """Refuse the documents named (they fall due again, the lead goes back to `DOCUMENTS_PENDING`), or with
    none named the lead itself (`REJECTED`); 7405 unless it is `IN_REVIEW`, 7411 naming another lead's document."""
    lead = await find_lead(session, reviewer.partner_id, lead_id, lock=True)
    before = lead.status
    await leads.reject_lead(session, lead.company_id, lead.id, rejections)
    _audit(session, reviewer, lead, "REJECT", before, rejections, reason)
    return lead


async def reviews_of(session: AsyncSession, partner_id: uuid.UUID, lead_id: uuid.UUID) -> list[LeadReview]:
    """The audit trail of a lead of the partner's companies, oldest decision first."""
    lead = await find_lead(session, partner_id, lead_id)
    statement = readable_by_companies([lead.company_id], LeadReview).where(LeadReview.lead_id == lead.id)
    return list(await session.scalars(statement.order_by(LeadReview.created_at, LeadReview.id)))


def _audit(
    session: AsyncSession,
    reviewer: Reviewer,
    lead: Lead,
    decision: str,
    before: str,
    rejections: list[Rejection],
    reason: str | None,
) -> None:
    session.add(
        LeadReview(
            lead_id=lead.id,
            company_id=lead.company_id,
            decision=decision,
            from_status=before,
            to_status=lead.status,
            actor_kind="operator",
            actor_id=str(reviewer.operator_id),
            channel="cms",
            rejected_documents=[
                {"documentId": str(rejection.document_id), "reason": rejection.reason} for rejection in rejections
            ],
            reason=reason,
        )
    )
