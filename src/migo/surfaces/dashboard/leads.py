"""The review of merchant leads on the dashboard: the CMS's queue (`/cms/rest/leads`, `merchants.read`), a lead
with its KYC documents shown inline, and the decisions (`merchants.review`): approve, refuse one document with its
reason, or refuse the lead. Each goes through merchants.review as the CMS router does, for the partner the pages
act on: another partner's lead is not found (404), and each decision and document read is in the audit trail."""

from __future__ import annotations

import uuid
from typing import Annotated, get_args

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from migo.merchants import leads, review
from migo.merchants.schemas import LeadStatus
from migo.platform.auditing import audited_read, file_under, name_resource, record_changes
from migo.platform.pagination import PageRequest, SortOrder
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.storage import get_storage

from .pages import render
from .viewer import PATH, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

PAGE_SIZE = 25
STATUSES = get_args(LeadStatus)
SignedIn = Annotated[Viewer, Depends(viewer)]
Reason = Annotated[str, Form(min_length=1, max_length=500)]
DECISIONS = ("approved", "rejected")  # what a decision's redirect says it did


@router.get("/leads", name="list_leads")
async def list_leads(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    q: Annotated[str, Query(max_length=100)] = "",
    status: Annotated[str, Query(max_length=20)] = "IN_REVIEW",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The queue: `IN_REVIEW` oldest first, as reviewers work it; any other status (or all) newest first."""
    seen.need("merchants.read")
    kept = status if status in STATUSES else None
    order = SortOrder.ASC if kept == "IN_REVIEW" else SortOrder.DESC
    wanted = PageRequest(page=page, limit=PAGE_SIZE, sort_by="createdAt", sort_order=order, search_text=q or None)
    found, meta = await leads.LEADS.fetch(session, await review.listing(session, seen.partner_id, kept), wanted)
    items = await leads.lead_views(session, found)
    return render(request, "leads.html", seen, items=items, meta=meta, q=q, status=kept or "", statuses=STATUSES)


@router.get("/leads/{leadId}", name="show_lead")
async def show_lead(
    leadId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    seen: SignedIn,
    decided: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    seen.need("merchants.read")
    lead = await leads.lead_view(session, await review.find_lead(session, seen.partner_id, leadId))
    return render(request, "lead.html", seen, lead=lead, decided=decided if decided in DECISIONS else None)


# The document's own headers: the lead's page frames a PDF (same origin only), nothing else may.
DOCUMENT_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
}


@router.get("/leads/{leadId}/documents/{documentId}", name="download_lead_document")
@audited_read  # a KYC document: personal data, as on the CMS
async def download_lead_document(
    leadId: uuid.UUID,  # noqa: N803
    documentId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    seen: SignedIn,
) -> Response:
    """The document as the merchant uploaded it, shown inline (the CMS offers it as an attachment)."""
    seen.need("merchants.read")
    lead, document, data = await review.document_file(session, get_storage(), seen.partner_id, leadId, documentId)
    file_under(request, seen.partner_id)
    name_resource(request, lead.business_name)
    disposition = f'inline; filename="{document.type.lower()}-{document.id}"'
    return Response(
        data, media_type=document.content_type, headers={"Content-Disposition": disposition, **DOCUMENT_HEADERS}
    )


@router.post("/leads/{leadId}/approve", name="approve_lead")
async def approve_lead(
    leadId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    seen: SignedIn,
) -> Response:
    """The CMS approval: the lead and its pending documents accepted (409 unless it is in review)."""
    seen.need("merchants.review")
    lead = await review.approve(session, _reviewer(seen), leadId)
    _audit(request, seen, lead.business_name, lead.status, None)
    return RedirectResponse(f"{PATH}/leads/{leadId}?decided=approved", status_code=303)


@router.post("/leads/{leadId}/reject", name="reject_lead")
async def reject_lead(
    leadId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    seen: SignedIn,
    reason: Reason,
    document_id: Annotated[uuid.UUID | None, Form()] = None,
) -> Response:
    """The CMS refusal: with `document_id`, that document for `reason` (it falls due again and the lead goes back
    to the merchant); without, the lead itself (`reasons: []`, final), `reason` kept in its audit trail."""
    seen.need("merchants.review")
    rejections = [leads.Rejection(document_id, reason.strip())] if document_id else []
    lead = await review.reject(session, _reviewer(seen), leadId, rejections, None if rejections else reason.strip())
    _audit(request, seen, lead.business_name, lead.status, [str(r.document_id) for r in rejections])
    return RedirectResponse(f"{PATH}/leads/{leadId}?decided=rejected", status_code=303)


def _reviewer(seen: Viewer) -> review.Reviewer:
    return review.Reviewer(operator_id=seen.operator.operator_id, partner_id=seen.partner_id)


def _audit(request: Request, seen: Viewer, business_name: str, status: str, refused: list[str] | None) -> None:
    """The decision's record, as the CMS router writes it, in the trail of the partner the pages act on."""
    if refused is None:
        record_changes(request, status=("IN_REVIEW", status))
    else:
        record_changes(request, status=("IN_REVIEW", status), rejectedDocuments=([], refused))
    file_under(request, seen.partner_id)
    name_resource(request, business_name)
