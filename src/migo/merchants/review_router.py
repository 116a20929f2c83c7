"""The CMS back office's review of merchant leads (`/cms/rest/leads`): parse, call the review, answer.

Reading takes `merchants.read`, deciding `merchants.review`; an operator sees its partner's companies' leads
only (a platform operator: the partner's it names with `partnerId`). The answers are the Gateway's lead and
document shapes.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.identity.auth import NamedPartner, require_permission
from migo.identity.principals import OperatorPrincipal
from migo.platform.auditing import audited_read, name_resource, record_changes
from migo.platform.envelope import CustomResponse, file_response, ok
from migo.platform.pagination import Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.storage import get_storage

from . import leads, review
from .schemas import LeadOut, LeadRejection, LeadStatus

router = APIRouter(route_class=MigoRoute, prefix="/leads", tags=["Merchant review"])


async def _reviewer(
    session: AsyncSession, operator: OperatorPrincipal, partner_id: uuid.UUID | None
) -> review.Reviewer:
    partner = await identity.acting_partner(session, operator, partner_id)
    return review.Reviewer(operator_id=operator.operator_id, partner_id=partner)


@router.get("", response_model=CustomResponse[Page[LeadOut]])
async def list_leads(
    session: DbSession,
    operator: OperatorPrincipal = require_permission("merchants.read"),
    status: Annotated[LeadStatus | None, Query(description="`IN_REVIEW` for the leads awaiting a decision.")] = None,
    partner_id: NamedPartner = None,
    page: PageRequest = leads.LEADS.params(),
) -> Any:
    """The leads of the partner's companies, with their documents; `searchText` matches the business and legal
    names and the tax id. Reviewers work `status=IN_REVIEW&sortBy=createdAt&sortOrder=ASC`: oldest first."""
    statement = await review.listing(session, await identity.acting_partner(session, operator, partner_id), status)
    found, meta = await leads.LEADS.fetch(session, statement, page)
    return ok(Page[LeadOut](items=await leads.lead_views(session, found), meta=meta))


@router.get("/{leadId}", response_model=CustomResponse[LeadOut])
async def get_lead(
    leadId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("merchants.read"),
    partner_id: NamedPartner = None,
) -> Any:
    partner = await identity.acting_partner(session, operator, partner_id)
    return ok(await leads.lead_view(session, await review.find_lead(session, partner, leadId)))


@router.get(
    "/{leadId}/documents/{documentId}",
    response_class=Response,
    responses=file_response("The document, as the merchant uploaded it", "application/pdf", "image/jpeg", "image/png"),
)
@audited_read  # a KYC document: personal data
async def download_lead_document(
    leadId: uuid.UUID,  # noqa: N803
    documentId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("merchants.read"),
    partner_id: NamedPartner = None,
) -> Response:
    partner = await identity.acting_partner(session, operator, partner_id)
    lead, document, data = await review.document_file(session, get_storage(), partner, leadId, documentId)
    name_resource(request, lead.business_name)
    return Response(
        data,
        media_type=document.content_type,
        headers={"Content-Disposition": f'attachment; filename="{document.type.lower()}-{document.id}"'},
    )


@router.post("/{leadId}/approve", response_model=CustomResponse[LeadOut])
async def approve_lead(
    leadId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("merchants.review"),
    partner_id: NamedPartner = None,
) -> Any:
    """Approve a lead `IN_REVIEW` and accept its pending documents (409, 7405, from any other status). The
    merchant hears `lead.approved` and may promote the lead to a business. Audited."""
    lead = await review.approve(session, await _reviewer(session, operator, partner_id), leadId)
    record_changes(request, status=("IN_REVIEW", lead.status))
    name_resource(request, lead.business_name)
    return ok(await leads.lead_view(session, lead))


@router.post("/{leadId}/reject", response_model=CustomResponse[LeadOut])
async def reject_lead(
    leadId: uuid.UUID,  # noqa: N803
    body: LeadRejection,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("merchants.review"),
    partner_id: NamedPartner = None,
) -> Any:
    """Refuse the documents named, each with its reason: they fall due again in `requirements` and the lead
    returns to `DOCUMENTS_PENDING` until the merchant uploads new ones and submits again. With `reasons: []`
    the lead itself is refused (`REJECTED`, final). 409 (7405) unless the lead is `IN_REVIEW`; 400 (7411) for a
    document that is not the lead's. The merchant hears `lead.rejected`. Audited."""
    rejections = [leads.Rejection(item.document_id, item.reason) for item in body.reasons]
    reviewer = await _reviewer(session, operator, partner_id)
    lead = await review.reject(session, reviewer, leadId, rejections, body.reason)
    record_changes(
        request, status=("IN_REVIEW", lead.status), rejectedDocuments=([], [str(r.document_id) for r in rejections])
    )
    name_resource(request, lead.business_name)
    return ok(await leads.lead_view(session, lead))
