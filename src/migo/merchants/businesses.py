"""Businesses: an approved lead, promoted once, with its pricing and where its money is paid out.

Promoting twice answers 409 LEAD_ALREADY_PROMOTED naming the business, rather than the business again: a
client that retries a promote it lost the answer to reads the business with `GET /businesses/{id}` or sends an
Idempotency-Key. Concurrent promotes queue on the lead's row lock, so the second sees the first's business;
the unique lead_id is the backstop.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.cards import service as cards
from migo.events import service as events
from migo.identity import service as identity
from migo.payments import service as payments
from migo.platform.errors import ApiError
from migo.platform.ids import new_id

from .access import readable
from .errors import MERCHANT_ERRORS
from .leads import find_lead, open_account, seal_account
from .models import Business

# Default pricing until a company negotiates its own: 2.9% + 0.30 per payment, in the company's program currency.
DEFAULT_PRICING_PERCENT = Decimal("2.9000")
DEFAULT_PRICING_FIXED = Decimal("0.3000")


async def find_business(session: AsyncSession, company_id: uuid.UUID, business_id: uuid.UUID) -> Business:
    business = await session.scalar(readable(company_id, Business).where(Business.id == business_id))
    if business is None:
        raise ApiError(MERCHANT_ERRORS.BUSINESS_NOT_FOUND)
    return business


async def promote_lead(session: AsyncSession, company_id: uuid.UUID, lead_id: uuid.UUID) -> Business:
    lead = await find_lead(session, company_id, lead_id, lock=True)
    existing = await session.scalar(readable(company_id, Business).where(Business.lead_id == lead.id))
    if existing is not None:
        raise ApiError(MERCHANT_ERRORS.LEAD_ALREADY_PROMOTED, f"The lead is business {existing.id}.")
    if lead.status != "APPROVED" or lead.bank_account_ciphertext is None:
        raise ApiError(MERCHANT_ERRORS.LEAD_NOT_APPROVED, f"The lead is {lead.status}.")
    currency = await cards.program_currency(session, company_id)
    business = Business(
        id=new_id(),
        company_id=company_id,
        lead_id=lead.id,
        name=lead.business_name,
        status="ACTIVE",
        pricing_percent=DEFAULT_PRICING_PERCENT,
        pricing_fixed=DEFAULT_PRICING_FIXED,
        currency=currency,
        payout_bank_name=lead.bank_name or "",
        payout_holder=lead.bank_holder or "",
        payout_account_last4=lead.bank_account_last4 or "",
    )
    # Resealed to the business's own row, so the payout account does not depend on the lead's.
    business.payout_account_ciphertext = seal_account(open_account(lead.bank_account_ciphertext, lead.id), business.id)
    session.add(business)
    await session.flush()
    await events.record(
        session,
        "business.created",
        subject_id=str(business.id),
        company_id=company_id,
        data={"businessId": str(business.id), "leadId": str(lead.id), "name": business.name},
    )
    return business


async def link_client(session: AsyncSession, company_id: uuid.UUID, business_id: uuid.UUID, slug: str) -> Business:
    """Let the business's settlements take the captures of a Payment Link client of the company's partner."""
    business = await find_business(session, company_id, business_id)
    partner_id = await identity.partner_of_company(session, company_id)
    outcome = await payments.link_client(session, slug=slug, partner_id=partner_id, business_id=business.id)
    if outcome == "not_found":
        raise ApiError(MERCHANT_ERRORS.CLIENT_NOT_FOUND)
    if outcome == "linked_elsewhere":
        raise ApiError(MERCHANT_ERRORS.CLIENT_LINKED_ELSEWHERE)
    await events.record(
        session,
        "business.client_linked",
        subject_id=str(business.id),
        company_id=company_id,
        data={"id": str(business.id), "client": slug},
    )
    return business


async def linked_clients(session: AsyncSession, businesses: list[Business]) -> dict[uuid.UUID, list[str]]:
    return await payments.linked_clients(session, [business.id for business in businesses])
