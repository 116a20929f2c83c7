"""The partner's merchants on the dashboard: its companies' businesses with their branches and terminals
(`merchants.read`, as the CMS's lead review), and their settlements with their lines and the reports the
Gateway gives a company, CSV and PDF (`settlements.read`). Read through the merchants domain's partner-scoped
functions: another partner's business or settlement is not found (404)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal, get_args

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from migo.identity import service as identity
from migo.merchants import back_office, reports, settlements
from migo.merchants.settlements import SettlementStatus
from migo.platform.pagination import PageRequest, SortOrder
from migo.platform.routing import DbSession, MigoRoute

from .pages import render
from .viewer import Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

PAGE_SIZE = 25
STATUSES = get_args(SettlementStatus)
SignedIn = Annotated[Viewer, Depends(viewer)]


@router.get("/businesses", name="list_businesses")
async def list_businesses(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    q: Annotated[str, Query(max_length=100)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    seen.need("merchants.read")
    companies = await identity.company_ids_of_partner(session, seen.partner_id)
    wanted = PageRequest(page=page, limit=PAGE_SIZE, sort_by="name", sort_order=SortOrder.ASC, search_text=q or None)
    found, meta = await back_office.BUSINESSES.fetch(session, back_office.partner_businesses(companies), wanted)
    return render(request, "businesses.html", seen, items=found, meta=meta, q=q)


@router.get("/businesses/{businessId}", name="show_business")
async def show_business(
    businessId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    seen: SignedIn,
) -> Response:
    seen.need("merchants.read")
    companies = await identity.company_ids_of_partner(session, seen.partner_id)
    business, branches = await back_office.partner_business(session, companies, businessId)
    return render(request, "business.html", seen, business=business, branches=branches)


@router.get("/settlements", name="list_settlements")
async def list_settlements(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    status: Annotated[str, Query(max_length=20)] = "",
    business: Annotated[uuid.UUID | None, Query()] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The newest cutoff first, as the finance desk reads them; of one business (404 for another partner's)."""
    seen.need("settlements.read")
    kept = status if status in STATUSES else None
    companies = await identity.company_ids_of_partner(session, seen.partner_id)
    of_business = None
    if business is not None:
        of_business, _ = await back_office.partner_business(session, companies, business)
    statement = back_office.partner_settlements(companies, kept, business)
    wanted = PageRequest(page=page, limit=PAGE_SIZE, sort_by="cutoffDate", sort_order=SortOrder.DESC, search_text=None)
    found, meta = await settlements.SETTLEMENTS.fetch(session, statement, wanted)
    names = await back_office.business_names(session, companies, {item.business_id for item in found})
    return render(
        request,
        "settlements.html",
        seen,
        items=found,
        meta=meta,
        names=names,
        business=of_business,
        status=kept or "",
        statuses=STATUSES,
    )


@router.get("/settlements/{settlementId}", name="show_settlement")
async def show_settlement(
    settlementId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    seen: SignedIn,
) -> Response:
    """The settlement with every line (as the Gateway's detail), where its net went, and its payout."""
    seen.need("settlements.read")
    companies = await identity.company_ids_of_partner(session, seen.partner_id)
    settlement = await back_office.partner_settlement(session, companies, settlementId)
    names = await back_office.business_names(session, companies, [settlement.business_id])
    return render(
        request,
        "settlement.html",
        seen,
        settlement=settlement,
        business=names[settlement.business_id],
        lines=await settlements.lines_of(session, settlement),
        credits=await settlements.credits_for(session, settlement),
        payout=(await settlements.payouts_of(session, [settlement.id])).get(settlement.id),
    )


@router.get("/settlements/{settlementId}/report.{kind}", name="settlement_report")
async def settlement_report(
    settlementId: uuid.UUID,  # noqa: N803
    kind: Literal["csv", "pdf"],
    session: DbSession,
    seen: SignedIn,
) -> Response:
    """The Gateway's CSV or PDF report of the settlement (the company as issuer), for a partner's operator."""
    seen.need("settlements.read")
    companies = await identity.company_ids_of_partner(session, seen.partner_id)
    settlement = await back_office.partner_settlement(session, companies, settlementId)
    report = await reports.settlement_report(session, settlement, kind)
    return Response(report.body, media_type=report.media_type, headers=reports.report_download(report))
