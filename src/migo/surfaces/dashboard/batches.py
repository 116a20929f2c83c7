"""The dashboard's batches: the partner's cardholder batches and conciliation files, their uploads, a batch's
live progress (an htmx fragment polled until the batch is finished) and its results. Each checks the permission
of the matching CMS endpoint (`cardholders.batch`; `conciliation.upload` to upload a conciliation file,
`settlements.read` to read one) and goes through the same back-office functions, in the operator's partner:
another partner's batch is not found (404)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from migo.backoffice import cardholder_batches, conciliation, tasks, uploads
from migo.backoffice.access import own_partner
from migo.identity import service as identity
from migo.payments import service as payments
from migo.platform import batches
from migo.platform.auditing import name_resource, record_changes
from migo.platform.bodylimit import accepts_upload
from migo.platform.errors import ApiError
from migo.platform.pagination import PageRequest, SortOrder
from migo.platform.routing import DbSession, MigoRoute

from .pages import render
from .viewer import PATH, Refused, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

PAGE_SIZE = 25
SignedIn = Annotated[Viewer, Depends(viewer)]
BatchId = Annotated[uuid.UUID, Path(alias="batchId")]
# What reading each kind needs, as its CMS progress endpoint does.
READ_PERMISSION: dict[uploads.UploadKind, str] = {
    "cardholders": "cardholders.batch",
    "conciliation": "settlements.read",
}
UploadedFile = Annotated[UploadFile | None, File()]
# The page's own key: a second press of the button (or a reload of the POST) is the same batch.
PageKey = Annotated[str, Form(alias="idempotencyKey", min_length=8, max_length=200)]


@dataclass(frozen=True)
class Refusal:
    """A file refused whole, shown beside the form it came from."""

    kind: uploads.UploadKind
    message: str


async def _batches_page(
    request: Request,
    session: DbSession,
    seen: Viewer,
    *,
    page: int = 1,
    refused: Refusal | None = None,
    status: int = 200,
) -> Response:
    readable = [kind for kind, permission in READ_PERMISSION.items() if seen.may(permission)]
    may_upload = {"cardholders": seen.may("cardholders.batch"), "conciliation": seen.may("conciliation.upload")}
    if not readable and not any(may_upload.values()):
        raise Refused("This page needs `cardholders.batch`, `settlements.read` or `conciliation.upload`.")
    partner = await own_partner(session, seen.operator, seen.partner_id)
    items, meta = [], None
    if readable:
        wanted = PageRequest(page, PAGE_SIZE, "createdAt", SortOrder.DESC, search_text=None)
        rows, meta = await uploads.UPLOADS.fetch(session, uploads.listing(partner, readable), wanted, rows=True)
        items = [uploads.Upload.of(row) for row in rows]
    companies = []
    if may_upload["cardholders"]:
        companies = [
            (company, await identity.company_name(session, company))
            for company in await identity.company_ids_of_partner(session, partner)
        ]
    return render(
        request,
        "batches.html",
        seen,
        status_code=status,
        items=items,
        meta=meta,
        may_upload=may_upload,
        companies=companies,
        sources=payments.configurable_processors() if may_upload["conciliation"] else [],
        columns={kind: spec.columns for kind, spec in uploads.KINDS.items()},
        refused=refused,
        page_key=str(uuid.uuid4()),
    )


@router.get("/batches", name="list_batches")
async def list_batches(
    request: Request, session: DbSession, seen: SignedIn, page: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> Response:
    """The partner's uploads of the kinds the viewer may read, newest first, and the forms it may upload with."""
    return await _batches_page(request, session, seen, page=page)


async def _read(file: UploadFile | None, spec: batches.CsvFile, request: Request) -> bytes:
    if file is None or not file.filename:
        raise ApiError(batches.BATCH_ERRORS.FILE_REQUIRED, "Choose a CSV file.")
    name_resource(request, file.filename)  # a file refused whole too
    return await file.read(spec.max_bytes + 1)


@router.post("/batches/cardholders", name="upload_cardholder_batch")
@accepts_upload
async def upload_cardholder_batch(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    page_key: PageKey,
    file: UploadedFile = None,
    company_id: Annotated[uuid.UUID | None, Form(alias="companyId")] = None,
) -> Response:
    """The CMS upload (`POST /cms/rest/app/partners/{partnerId}/cardholders/batch`); a file refused whole is
    shown on the page, which nothing was kept for."""
    seen.need("cardholders.batch")
    partner = await own_partner(session, seen.operator, seen.partner_id)
    try:
        data = await _read(file, cardholder_batches.CSV, request)
        batch = await tasks.start_cardholder_batch(session, partner, company_id, data, f"dashboard:{page_key}")
    except ApiError as refusal:
        shown = Refusal("cardholders", refusal.detail or refusal.error.message)
        return await _batches_page(request, session, seen, refused=shown, status=refusal.error.status)
    return RedirectResponse(f"{PATH}/batches/cardholders/{batch.id}", status_code=303)


@router.post("/batches/conciliation", name="upload_conciliation_file")
@accepts_upload
async def upload_conciliation_file(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    page_key: PageKey,
    file: UploadedFile = None,
    source: Annotated[str | None, Form(max_length=40)] = None,
) -> Response:
    """The CMS upload (`POST /cms/rest/conciliation`) for the partner the pages act on."""
    seen.need("conciliation.upload")
    partner = await own_partner(session, seen.operator, seen.partner_id)
    try:
        data = await _read(file, conciliation.CSV, request)
        batch, new = await tasks.start_conciliation(
            session,
            partner_id=partner,
            operator_id=seen.operator.operator_id,
            source=source,
            data=data,
            idempotency_key=f"dashboard:{page_key}",
        )
    except ApiError as refusal:
        shown = Refusal("conciliation", refusal.detail or refusal.error.message)
        return await _batches_page(request, session, seen, refused=shown, status=refusal.error.status)
    if new:
        record_changes(request, batchId=(None, str(batch.id)), source=(None, source))
    return RedirectResponse(f"{PATH}/batches/conciliation/{batch.id}", status_code=303)


async def _progress(
    session: DbSession, seen: Viewer, kind: uploads.UploadKind, batch_id: uuid.UUID
) -> uploads.UploadProgress:
    seen.need(READ_PERMISSION[kind])
    partner = await own_partner(session, seen.operator, seen.partner_id)
    return await uploads.progress(session, partner, kind, batch_id)


@router.get("/batches/{kind}/{batchId}", name="show_batch")
async def show_batch(
    request: Request, session: DbSession, seen: SignedIn, kind: uploads.UploadKind, batch_id: BatchId
) -> Response:
    found = await _progress(session, seen, kind, batch_id)
    return render(request, "batch.html", seen, kind=kind, found=found)


@router.get("/batches/{kind}/{batchId}/progress", name="show_batch_progress")
async def show_batch_progress(
    request: Request, session: DbSession, seen: SignedIn, kind: uploads.UploadKind, batch_id: BatchId
) -> Response:
    """The batch's progress alone, which its page polls (htmx) until the batch is finished."""
    found = await _progress(session, seen, kind, batch_id)
    return render(request, "batch_progress.html", seen, kind=kind, found=found)


def _csv(text: str, filename: str) -> Response:
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/batches/cardholders/{batchId}/results.csv", name="download_cardholder_batch_results")
async def download_cardholder_batch_results(session: DbSession, seen: SignedIn, batch_id: BatchId) -> Response:
    """The CMS results (`.../cardholders/batch/{batchId}/results`): a line per input line."""
    seen.need("cardholders.batch")
    owner = cardholder_batches.owner(await own_partner(session, seen.operator, seen.partner_id))
    text = await batches.results_csv(session, owner, cardholder_batches.CSV, batch_id)
    return _csv(text, f"cardholders-{batch_id}.csv")


@router.get("/batches/conciliation/{batchId}/report.csv", name="download_conciliation_report")
async def download_conciliation_report(session: DbSession, seen: SignedIn, batch_id: BatchId) -> Response:
    """The CMS report (`/conciliation/{batchId}/report.csv`), once the file is conciliated (409 before)."""
    seen.need("settlements.read")
    found = await conciliation.report(session, await own_partner(session, seen.operator, seen.partner_id), batch_id)
    return _csv(conciliation.report_csv(found), f"conciliation-{batch_id}.csv")
