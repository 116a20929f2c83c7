"""Merchant onboarding endpoints of the Wallet Gateway: parse, call the service, answer."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import Response

from migo.identity.auth import GatewayApp, GatewayAppIdempotent
from migo.platform.bodylimit import accepts_upload
from migo.platform.envelope import CustomResponse, created, ok
from migo.platform.pagination import Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.storage import get_storage

from . import businesses, documents, leads, terminals
from .schemas import (
    BranchCreate,
    BranchOut,
    BusinessOut,
    DocumentOut,
    DocumentType,
    LeadCreate,
    LeadOut,
    LeadStatus,
    LeadUpdate,
    TerminalCreate,
    TerminalCreated,
    TerminalCredentials,
    TerminalOut,
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
    type: Annotated[DocumentType | None, Form(description="What the document is.")] = None,
    file: Annotated[UploadFile | None, File(description="A PDF, JPEG or PNG file, at most 10 MB.")] = None,
) -> Any:
    """A KYC document (multipart: `type`, `file`). Recognised by its content, never its name: anything but a
    PDF, JPEG or PNG is refused (7408, 415), and so is a file over 10 MB (7409, 413)."""
    data = await file.read(documents.MAX_DOCUMENT_BYTES + 1) if file is not None else None
    document = await documents.add_document(session, get_storage(), app.tenant_id, leadId, type, data)
    return created(DocumentOut.of(document))


@router.get(
    "/leads/{leadId}/documents/{documentId}",
    response_class=Response,
    responses={
        200: {
            "content": {"application/pdf": {}, "image/jpeg": {}, "image/png": {}},
            "description": "The document, as uploaded",
        }
    },
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
    return ok(BusinessOut.of(await businesses.find_business(session, app.tenant_id, businessId)))


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
