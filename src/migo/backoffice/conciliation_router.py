"""The CMS endpoints of conciliation: upload a processor's settlement file, follow its progress, read the
report (backoffice.conciliation says what each entry means). A platform operator conciliates for the partner it
names with `partnerId`."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Header, Request, Response, UploadFile

from migo.identity.auth import NamedPartner, require_permission
from migo.identity.principals import OperatorPrincipal
from migo.platform import batches
from migo.platform.auditing import name_resource, record_changes
from migo.platform.bodylimit import REQUIRED_PART, accepts_upload
from migo.platform.envelope import CustomResponse, ok
from migo.platform.errors import ApiError
from migo.platform.routing import DbSession, MigoRoute

from . import conciliation, tasks
from .access import own_partner
from .schemas import AmountMismatch, ConciliationReport, MissingOnOurSide, MissingOnTheirs

router = APIRouter(route_class=MigoRoute, prefix="/conciliation", tags=["Conciliation"])


@router.post("", response_model=CustomResponse[batches.BatchAccepted])
@accepts_upload
async def upload_conciliation_file(
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("conciliation.upload"),
    source: Annotated[
        str | None,
        Form(max_length=40, description="The processor whose file it is: `sandbox`.", json_schema_extra=REQUIRED_PART),
    ] = None,
    file: Annotated[
        UploadFile | None,
        File(description="CSV: processorReference,amount,currency,status,settledAt", json_schema_extra=REQUIRED_PART),
    ] = None,
    idempotency_key: Annotated[
        str | None,
        Header(alias="Idempotency-Key", max_length=200, description="The same key with the same file: the same batch."),
    ] = None,
    partner_id: NamedPartner = None,
) -> Any:
    """Conciliate a processor's settlement file against the partner's payments (multipart: `source`, the
    processor, and `file`; UTF-8, header `processorReference,amount,currency,status,settledAt`, at most 10 MiB
    and 100,000 lines; `status` settled or refunded). Answers 200 with the `batchId` at once (seed 001) and runs
    in the worker; poll `.../progress`, then read `.../report`. A file that is not such a CSV is refused whole
    (79xx) before anything runs; a malformed line is reported in the progress and skipped."""
    if file is None:
        raise ApiError(batches.BATCH_ERRORS.FILE_REQUIRED)
    name_resource(request, file.filename)  # a file refused whole too
    partner = await own_partner(session, operator, partner_id or operator.partner_id)
    data = await file.read(conciliation.CSV.max_bytes + 1)
    batch, new = await tasks.start_conciliation(
        session,
        partner_id=partner,
        operator_id=operator.operator_id,
        source=source,
        data=data,
        idempotency_key=idempotency_key,
    )
    if new:
        record_changes(request, batchId=(None, str(batch.id)), source=(None, source))
    return ok(batches.BatchAccepted(batch_id=batch.id))


@router.get("/{batchId}/progress", response_model=CustomResponse[batches.BatchProgress])
async def get_conciliation_progress(
    batchId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("settlements.read"),
    partner_id: NamedPartner = None,
) -> Any:
    """Where the file stands: `queued`, `running`, `done`, the counters, and an error per malformed line."""
    owner = conciliation.owner(await own_partner(session, operator, partner_id or operator.partner_id))
    return ok(await batches.progress(session, owner, conciliation.CSV, batchId))


@router.get("/{batchId}/report", response_model=CustomResponse[ConciliationReport])
async def get_conciliation_report(
    batchId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("settlements.read"),
    partner_id: NamedPartner = None,
) -> Any:
    """The differences between the file and our payments, once the file is done (409/7923 before): how many
    lines matched, and each amount mismatch, line missing on our side and capture missing on theirs."""
    found = await conciliation.report(
        session, await own_partner(session, operator, partner_id or operator.partner_id), batchId
    )
    return ok(
        ConciliationReport(
            batch_id=batchId,
            source=found.conciliation.processor,
            settled_from=found.settled_from,
            settled_to=found.settled_to,
            matched=len(found.lines_with("matched")),
            amount_mismatch=[
                AmountMismatch(
                    line=line.line,
                    processor_reference=line.processor_reference,
                    status=line.status,
                    channel=line.channel,
                    payment_id=line.payment_id,
                    ours=line.our_amount,
                    our_currency=line.our_currency,
                    theirs=line.amount,
                    currency=line.currency,
                )
                for line in found.lines_with("amount_mismatch")
            ],
            missing_on_our_side=[
                MissingOnOurSide.model_validate(line) for line in found.lines_with("missing_on_our_side")
            ],
            missing_on_theirs=[MissingOnTheirs.model_validate(gap) for gap in found.gaps],
        )
    )


@router.get(
    "/{batchId}/report.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "The report, as CSV"}},
)
async def get_conciliation_report_csv(
    batchId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("settlements.read"),
    partner_id: NamedPartner = None,
) -> Response:
    """Every conciliated line in file order, then each capture missing on their side:
    `line,outcome,processorReference,status,amount,currency,ourAmount,ourCurrency,channel,paymentId,at`."""
    found = await conciliation.report(
        session, await own_partner(session, operator, partner_id or operator.partner_id), batchId
    )
    return Response(
        conciliation.report_csv(found),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="conciliation-{batchId}.csv"'},
    )
