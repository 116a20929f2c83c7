"""Merchant acquiring endpoints of the Wallet Gateway: parse, call the service, answer."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, Security, UploadFile
from fastapi.responses import Response
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity.auth import (
    KEY_ID_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    GatewayApp,
    GatewayAppIdempotent,
    optional_gateway_app,
    verify_signed_idempotent,
)
from migo.identity.principals import AppPrincipal
from migo.platform import idempotency
from migo.platform.bodylimit import REQUIRED_PART, accepts_upload
from migo.platform.db import fetch_batch
from migo.platform.envelope import CustomResponse, created, file_response, ok
from migo.platform.errors import ERRORS, ApiError
from migo.platform.pagination import Page, PageRequest
from migo.platform.processing import CardData
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.secrets import Secret
from migo.platform.storage import get_storage

from . import businesses, documents, leads, pos, reports, settlements, terminals
from .models import Settlement
from .pos import PosCaller, SaleRequest
from .schemas import (
    BranchCreate,
    BranchOut,
    BusinessClientLink,
    BusinessOut,
    DocumentOut,
    DocumentType,
    LeadCreate,
    LeadOut,
    LeadStatus,
    LeadUpdate,
    SandboxSettlementRun,
    SettlementCreditOut,
    SettlementDetail,
    SettlementLineOut,
    SettlementOut,
    SettlementStatus,
    SettleToPrepaidCard,
    TerminalCreate,
    TerminalCreated,
    TerminalCredentials,
    TerminalOperationOut,
    TerminalOut,
    TerminalPaymentCreate,
    TerminalPaymentOut,
    TerminalPaymentStatus,
    TerminalRefundCreate,
)

router = APIRouter(route_class=MigoRoute, tags=["Merchants"])
# The sandbox's stand-in for the back office's review (the surface leaves it out in production: 404).
sandbox_router = APIRouter(route_class=MigoRoute, prefix="/sandbox", tags=["Sandbox"])


@router.post("/leads", status_code=201, response_model=CustomResponse[LeadOut], dependencies=[GatewayAppIdempotent])
async def create_lead(body: LeadCreate, app: GatewayApp, session: DbSession) -> Any:
    """A merchant's application to accept payments: `NEW`, with `requirements` listing what is still due
    (documents and, unless given here, the bank account). Only the account number's last four are answered."""
    return created(await leads.lead_view(session, await leads.create_lead(session, app.tenant_id, body)))


@router.get("/leads", response_model=CustomResponse[Page[LeadOut]])
async def list_leads(
    app: GatewayApp,
    session: DbSession,
    status: Annotated[LeadStatus | None, Query()] = None,
    page: PageRequest = leads.LEADS.params(),
) -> Any:
    """The company's leads; `searchText` matches the business and legal names and the tax id."""
    found, meta = await leads.LEADS.fetch(session, leads.listing(app.tenant_id, status), page)
    return ok(Page[LeadOut](items=await leads.lead_views(session, found), meta=meta))


@router.get("/leads/{leadId}", response_model=CustomResponse[LeadOut])
async def get_lead(leadId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    return ok(await leads.lead_view(session, await leads.find_lead(session, app.tenant_id, leadId)))


@router.patch("/leads/{leadId}", response_model=CustomResponse[LeadOut])
async def update_lead(leadId: uuid.UUID, body: LeadUpdate, app: GatewayApp, session: DbSession) -> Any:
    """Change the fields sent (the bank account, the contact, the address, …) while the lead is `NEW` or
    `DOCUMENTS_PENDING`; in review or decided it is frozen (7403)."""
    return ok(await leads.lead_view(session, await leads.update_lead(session, app.tenant_id, leadId, body)))


@router.post("/leads/{leadId}/documents", status_code=201, response_model=CustomResponse[DocumentOut])
@accepts_upload
async def upload_lead_document(
    leadId: uuid.UUID,
    app: GatewayApp,
    session: DbSession,
    type: Annotated[
        DocumentType | None, Form(description="What the document is.", json_schema_extra=REQUIRED_PART)
    ] = None,
    file: Annotated[
        UploadFile | None, File(description="A PDF, JPEG or PNG file, at most 10 MB.", json_schema_extra=REQUIRED_PART)
    ] = None,
) -> Any:
    """A KYC document (multipart: `type`, `file`). Recognised by its content, never its name: anything but a
    PDF, JPEG or PNG is refused (7408, 415), and so is a file over 10 MB (7409, 413)."""
    data = await file.read(documents.MAX_DOCUMENT_BYTES + 1) if file is not None else None
    document = await documents.add_document(session, get_storage(), app.tenant_id, leadId, type, data)
    return created(DocumentOut.of(document))


@router.get(
    "/leads/{leadId}/documents/{documentId}",
    response_class=Response,
    responses=file_response("The document, as uploaded", "application/pdf", "image/jpeg", "image/png"),
)
async def download_lead_document(
    leadId: uuid.UUID, documentId: uuid.UUID, app: GatewayApp, session: DbSession
) -> Response:
    document, data = await documents.document_file(session, get_storage(), app.tenant_id, leadId, documentId)
    return Response(
        data,
        media_type=document.content_type,
        headers={"Content-Disposition": f'attachment; filename="{document.type.lower()}-{document.id}"'},
    )


@router.post("/leads/{leadId}/submit", response_model=CustomResponse[LeadOut])
async def submit_lead(leadId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    """Send the lead to review (`IN_REVIEW`); while requirements are due, 409 (7404) naming them."""
    return ok(await leads.lead_view(session, await leads.submit_lead(session, app.tenant_id, leadId)))


@router.post("/leads/{leadId}/promote", status_code=201, response_model=CustomResponse[BusinessOut])
async def promote_lead(leadId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    """Make an `APPROVED` lead a business (`ACTIVE`, default pricing 2.9% + 0.30 in the company's program
    currency, paid out to the lead's bank account). Once: a second promote answers 409 (7407) naming it."""
    return created(BusinessOut.of(await businesses.promote_lead(session, app.tenant_id, leadId)))


@router.get("/businesses/{businessId}", response_model=CustomResponse[BusinessOut])
async def get_business(businessId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    business = await businesses.find_business(session, app.tenant_id, businessId)
    linked = await businesses.linked_clients(session, [business])
    return ok(BusinessOut.of(business, linked[business.id]))


@router.post("/businesses/{businessId}/clients", response_model=CustomResponse[BusinessOut])
async def link_business_client(
    businessId: uuid.UUID, body: BusinessClientLink, app: GatewayApp, session: DbSession
) -> Any:
    """Let the business's settlements take the captures and refunds (in its currency) of a Payment Link client of
    the company's partner, from its next cutoff: 404/7426 for a client the partner does not have, 409/7427
    for one another business settles already. Linking again changes nothing."""
    business = await businesses.link_client(session, app.tenant_id, businessId, body.client_slug)
    linked = await businesses.linked_clients(session, [business])
    return ok(BusinessOut.of(business, linked[business.id]))


@sandbox_router.post("/leads/{leadId}/approve", response_model=CustomResponse[LeadOut])
async def approve_lead_in_sandbox(leadId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    """Sandbox: approve a lead in review and accept its documents, as a back-office reviewer would."""
    return ok(await leads.lead_view(session, await leads.approve_lead(session, app.tenant_id, leadId)))


@router.post(
    "/businesses/{businessId}/branches",
    status_code=201,
    response_model=CustomResponse[BranchOut],
    dependencies=[GatewayAppIdempotent],
)
async def create_branch(businessId: uuid.UUID, body: BranchCreate, app: GatewayApp, session: DbSession) -> Any:
    branch = await terminals.add_branch(session, app.tenant_id, businessId, body.name, body.address)
    return created(BranchOut.model_validate(branch))


@router.get("/businesses/{businessId}/branches", response_model=CustomResponse[Page[BranchOut]])
async def list_branches(
    businessId: uuid.UUID, app: GatewayApp, session: DbSession, page: PageRequest = terminals.BRANCHES.params()
) -> Any:
    statement = await terminals.branches_of(session, app.tenant_id, businessId)
    found, meta = await terminals.BRANCHES.fetch(session, statement, page)
    return ok(Page[BranchOut](items=[BranchOut.model_validate(branch) for branch in found], meta=meta))


@router.get("/branches/{branchId}", response_model=CustomResponse[BranchOut])
async def get_branch(branchId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    return ok(BranchOut.model_validate(await terminals.find_branch(session, app.tenant_id, branchId)))


@router.post(
    "/branches/{branchId}/terminals",
    status_code=201,
    response_model=CustomResponse[TerminalCreated],
    dependencies=[GatewayAppIdempotent],
)
async def register_terminal(branchId: uuid.UUID, body: TerminalCreate, app: GatewayApp, session: DbSession) -> Any:
    """Register a POS terminal (`ACTIVE`) with its credentials: `terminalSecret` is shown in this answer only."""
    registered = await terminals.register_terminal(session, app.tenant_id, branchId, body.serial_number, body.model)
    view = TerminalOut.model_validate(registered.terminal)
    credentials = TerminalCredentials(terminal_key_id=view.terminal_key_id, terminal_secret=registered.secret.reveal())
    return created(TerminalCreated(**view.model_dump(), credentials=credentials))


@router.get("/terminals/{terminalId}", response_model=CustomResponse[TerminalOut])
async def get_terminal(terminalId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    return ok(TerminalOut.model_validate(await terminals.find_terminal(session, app.tenant_id, terminalId)))


@router.post("/terminals/{terminalId}/deactivate", response_model=CustomResponse[TerminalOut])
async def deactivate_terminal(terminalId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    """Stop the terminal taking payments (7416 if it already is)."""
    terminal = await terminals.change_terminal_status(session, app.tenant_id, terminalId, "deactivate")
    return ok(TerminalOut.model_validate(terminal))


@router.post("/terminals/{terminalId}/activate", response_model=CustomResponse[TerminalOut])
async def activate_terminal(terminalId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    """Let a deactivated terminal take payments again, with the same credentials (7415 if it is active)."""
    terminal = await terminals.change_terminal_status(session, app.tenant_id, terminalId, "activate")
    return ok(TerminalOut.model_validate(terminal))


# Terminal (POS) payments: a terminal calls with its own credentials, the company's application with its token.

_terminal_credentials = HTTPBasic(
    auto_error=False,
    scheme_name="TerminalCredentials",
    description="The terminal's own credentials: HTTP Basic with `terminalKeyId:terminalSecret`.",
)


async def _terminal(session: DbSession, credentials: HTTPBasicCredentials) -> PosCaller:
    terminal = await terminals.authenticate_terminal(session, credentials.username, Secret(credentials.password))
    if terminal is None:
        raise ApiError(ERRORS.UNAUTHORIZED, "The terminal credentials are not valid.")
    return PosCaller(terminal.company_id, terminal.id, f"terminal:{terminal.id}")


def _application(app: AppPrincipal | None) -> PosCaller:
    if app is None:
        raise ApiError(
            ERRORS.UNAUTHORIZED, "Send the terminal's credentials (HTTP Basic) or the application's Bearer token."
        )
    return PosCaller(app.tenant_id, None, app.idempotency_scope)


async def pos_reader(
    session: DbSession,
    credentials: HTTPBasicCredentials | None = Security(_terminal_credentials),
    app: AppPrincipal | None = Depends(optional_gateway_app),
) -> PosCaller:
    """Who reads a terminal's payments: the terminal itself, or the company's application."""
    return await _terminal(session, credentials) if credentials is not None else _application(app)


async def pos_payer(
    request: Request,
    session: DbSession,
    credentials: HTTPBasicCredentials | None = Security(_terminal_credentials),
    app: AppPrincipal | None = Depends(optional_gateway_app),
    key_id: str | None = KEY_ID_HEADER,
    timestamp: str | None = TIMESTAMP_HEADER,
    signature: str | None = SIGNATURE_HEADER,
    idempotency_key: str | None = idempotency.key_header(),
) -> PosCaller:
    """Who moves money at a terminal: the terminal (its credentials are its proof; Idempotency-Key honoured),
    or the application, with a signed request as every money-moving Gateway call."""
    if credentials is not None:
        caller = await _terminal(session, credentials)
        pending = idempotency.start(request, caller.idempotency_scope, idempotency_key, await request.body())
        if pending is not None:
            lock, stored = await fetch_batch(session, pending.statements())
            idempotency.settle(request, pending, lock, stored)
        return caller
    caller = _application(app)
    assert app is not None
    await verify_signed_idempotent(
        request, session, app, caller.idempotency_scope, key_id, timestamp, signature, idempotency_key
    )
    return caller


async def payment_filters(
    status: Annotated[TerminalPaymentStatus | None, Query()] = None,
    createdFrom: Annotated[datetime | None, Query(description="Taken at or after this instant.")] = None,
    createdTo: Annotated[datetime | None, Query(description="Taken before this instant.")] = None,
) -> pos.PaymentFilter:
    return pos.PaymentFilter(status, createdFrom, createdTo)


PaymentFilters = Annotated[pos.PaymentFilter, Depends(payment_filters)]
PosReader = Annotated[PosCaller, Depends(pos_reader)]
PosPayer = Annotated[PosCaller, Depends(pos_payer)]


def _request_key(caller: PosCaller, request: Request) -> bytes | None:
    return pos.request_key(caller.idempotency_scope, request.headers.get(idempotency.HEADER))


@router.post("/terminals/{terminalId}/payments", status_code=201, response_model=CustomResponse[TerminalPaymentOut])
async def create_terminal_payment(terminalId: uuid.UUID, body: TerminalPaymentCreate, caller: PosPayer) -> Any:
    """Charge a card at the terminal (`CreateTerminalPaymentInput`). Approved or denied (`declineCode`), or
    `pending` when the processor did not answer in time (it resolves within minutes: read it again). A card Migo
    issued is charged on-us; a deactivated terminal is refused (7416); a reference the terminal already charged
    is refused (7419)."""
    expiry_month, expiry_year = body.card.expiry.split("/")
    sale = SaleRequest(
        amount=body.amount,
        tip=body.tip or Decimal(0),
        currency=body.currency,
        entry_mode=body.entry_mode,
        card=CardData(
            number=body.card.number,
            expiry_month=int(expiry_month),
            expiry_year=2000 + int(expiry_year),
            cvv=body.card.cvv,
        ),
        reference=body.reference,
        settle_to_card_id=body.settle_to.card_id if isinstance(body.settle_to, SettleToPrepaidCard) else None,
    )
    return created(TerminalPaymentOut.of(await pos.take_payment(caller, terminalId, sale)))


@router.get("/terminals/{terminalId}/payments", response_model=CustomResponse[Page[TerminalPaymentOut]])
async def list_terminal_payments(
    terminalId: uuid.UUID,
    caller: PosReader,
    session: DbSession,
    filters: PaymentFilters,
    page: PageRequest = pos.PAYMENTS.params(),
) -> Any:
    statement = await pos.terminal_payments(session, caller, terminalId, filters)
    return ok(await _payments_page(session, statement, page))


async def _payments_page(session: AsyncSession, statement: Any, page: Any) -> Page[TerminalPaymentOut]:
    found, meta = await pos.PAYMENTS.fetch(session, statement, page)
    return Page[TerminalPaymentOut](items=[TerminalPaymentOut.of(payment) for payment in found], meta=meta)


@router.get("/terminals/{terminalId}/payments/{paymentId}", response_model=CustomResponse[TerminalPaymentOut])
async def get_terminal_payment(
    terminalId: uuid.UUID, paymentId: uuid.UUID, caller: PosReader, session: DbSession
) -> Any:
    return ok(TerminalPaymentOut.of(await pos.find_payment(session, caller, terminalId, paymentId)))


@router.post(
    "/terminals/{terminalId}/payments/{paymentId}/reverse", response_model=CustomResponse[TerminalOperationOut]
)
async def reverse_terminal_payment(
    terminalId: uuid.UUID, paymentId: uuid.UUID, request: Request, caller: PosPayer
) -> Any:
    """Cancel an approved payment, all of it, before its settlement cutoff (23:30 UTC) and any refund; after
    it, 7422: refund it instead."""
    operation, payment = await pos.reverse_payment(
        caller, terminalId, paymentId, request_key=_request_key(caller, request)
    )
    return ok(TerminalOperationOut.of(operation, payment))


@router.post(
    "/terminals/{terminalId}/payments/{paymentId}/refund",
    status_code=201,
    response_model=CustomResponse[TerminalOperationOut],
)
async def refund_terminal_payment(
    terminalId: uuid.UUID,
    paymentId: uuid.UUID,
    request: Request,
    caller: PosPayer,
    body: TerminalRefundCreate | None = None,
) -> Any:
    """Give back all or part of what is left of an approved payment; its settlement nets it (7423 beyond)."""
    amount = body.amount if body is not None else None
    operation, payment = await pos.refund_payment(
        caller, terminalId, paymentId, amount, request_key=_request_key(caller, request)
    )
    return created(TerminalOperationOut.of(operation, payment))


@router.get("/businesses/{businessId}/payments", response_model=CustomResponse[Page[TerminalPaymentOut]])
async def list_business_payments(
    businessId: uuid.UUID,
    app: GatewayApp,
    session: DbSession,
    filters: PaymentFilters,
    page: PageRequest = pos.PAYMENTS.params(),
) -> Any:
    """The payments every terminal of the business took."""
    statement = await pos.business_payments(session, app.tenant_id, businessId, filters)
    return ok(await _payments_page(session, statement, page))


# Settlements.


@router.get("/settlements", response_model=CustomResponse[Page[SettlementOut]])
async def list_settlements(
    app: GatewayApp,
    session: DbSession,
    businessId: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[SettlementStatus | None, Query()] = None,
    cutoffFrom: Annotated[date | None, Query(description="Cutoff date on or after (YYYY-MM-DD).")] = None,
    cutoffTo: Annotated[date | None, Query(description="Cutoff date on or before (YYYY-MM-DD).")] = None,
    page: PageRequest = settlements.SETTLEMENTS.params(),
) -> Any:
    if businessId is not None:
        await businesses.find_business(session, app.tenant_id, businessId)  # another company's: 404
    statement = settlements.listing(app.tenant_id, businessId, status, cutoffFrom, cutoffTo)
    found, meta = await settlements.SETTLEMENTS.fetch(session, statement, page)
    payouts = await settlements.payouts_of(session, [settlement.id for settlement in found])
    items = [SettlementOut.of(settlement, payouts.get(settlement.id)) for settlement in found]
    return ok(Page[SettlementOut](items=items, meta=meta))


@router.get("/settlements/{settlementId}", response_model=CustomResponse[SettlementDetail])
async def get_settlement(settlementId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    """The settlement with its lines (each payment or refund: gross, fee, net) and, once settled, where its net
    was credited."""
    settlement = await settlements.find_settlement(session, app.tenant_id, settlementId)
    return ok(await _settlement_detail(session, settlement))


async def _settlement_detail(session: AsyncSession, settlement: Settlement) -> SettlementDetail:
    payout = (await settlements.payouts_of(session, [settlement.id])).get(settlement.id)
    lines = await settlements.lines_of(session, settlement)
    credits = await settlements.credits_for(session, settlement)
    return SettlementDetail(
        **SettlementOut.of(settlement, payout).model_dump(),
        lines=[SettlementLineOut.model_validate(line) for line in lines],
        credits=[
            SettlementCreditOut(
                type="PREPAID_CARD" if credit.card_id else "BALANCE", card_id=credit.card_id, amount=credit.amount
            )
            for credit in credits
        ],
    )


@router.get(
    "/settlements/{settlementId}/report.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "The lines, as CSV"}},
)
async def settlement_report_csv(settlementId: uuid.UUID, app: GatewayApp, session: DbSession) -> Response:
    """One row per line (payment or refund) and a totals row: `line,source,type,reference,payment,occurredAt,gross,
    fee,net,currency,settleTo` (`payment`: the terminal payment's id or the Payment Link's uid)."""
    settlement = await settlements.find_settlement(session, app.tenant_id, settlementId)
    report = await reports.settlement_report(session, settlement, "csv")
    return Response(report.body, media_type=report.media_type, headers=reports.report_download(report))


@router.get(
    "/settlements/{settlementId}/report.pdf",
    response_class=Response,
    responses=file_response(
        "The report: issuer, business, period, totals and lines, on numbered pages", "application/pdf"
    ),
)
async def settlement_report_pdf(settlementId: uuid.UUID, app: GatewayApp, session: DbSession) -> Response:
    settlement = await settlements.find_settlement(session, app.tenant_id, settlementId)
    report = await reports.settlement_report(session, settlement, "pdf")
    return Response(report.body, media_type=report.media_type, headers=reports.report_download(report))


@sandbox_router.post("/settlements/run", response_model=CustomResponse[list[SettlementOut]])
async def run_settlements_in_sandbox(app: GatewayApp, body: SandboxSettlementRun | None = None) -> Any:
    """Sandbox: close, as if the cutoff happened now, everything the company's businesses captured and did not
    settle yet (the job's own code), dated the next business day after `cutoffDate`. Answers the settlements it
    made (none when there was nothing to settle)."""
    made = await settlements.run_in_sandbox(app.tenant_id, body.cutoff_date if body else None)
    return ok([SettlementOut.of(settlement, None) for settlement in made])


@sandbox_router.post("/settlements/{settlementId}/advance", response_model=CustomResponse[SettlementDetail])
async def advance_settlement_in_sandbox(settlementId: uuid.UUID, app: GatewayApp, session: DbSession) -> Any:
    """Sandbox: take the settlement to its next status without waiting for its dates: `pending` → `settled`
    (credited, the payout sent), `settled` → `paid_out` (the payout arrived); 7501 after that."""
    settlement = await settlements.advance_in_sandbox(session, app.tenant_id, settlementId)
    return ok(await _settlement_detail(session, settlement))
