"""The back office's CMS endpoints: parse, call the service, answer."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Header, Query, Request, Response, UploadFile

from migo.identity import service as identity
from migo.identity.auth import require_permission
from migo.identity.principals import OperatorPrincipal
from migo.platform import batches
from migo.platform.auditing import audited_read, name_resource
from migo.platform.bodylimit import REQUIRED_PART, accepts_upload
from migo.platform.envelope import CustomResponse, ok
from migo.platform.errors import ApiError
from migo.platform.pagination import Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute

from . import cardholder_batches, cardholders, tasks, trail
from .access import own_partner
from .schemas import (
    AuditRecordOut,
    CardholderBlockOut,
    CardStatusChange,
    CardStatusOut,
    PartnerCardholderDetail,
    PartnerCardholderOut,
)

router = APIRouter(route_class=MigoRoute, tags=["Audit"])


@router.get("/audit", response_model=CustomResponse[Page[AuditRecordOut]])
async def list_audit_records(
    session: DbSession,
    operator: OperatorPrincipal = require_permission("audit.read"),
    operatorId: Annotated[uuid.UUID | None, Query(description="Only this operator's.")] = None,
    action: Annotated[str | None, Query(max_length=120, description="Only this operation: `approveLead`.")] = None,
    resourceId: Annotated[str | None, Query(max_length=100, description="Only calls naming this id.")] = None,
    atFrom: Annotated[datetime | None, Query(description="At or after this instant.")] = None,
    atTo: Annotated[datetime | None, Query(description="Before this instant.")] = None,
    partnerId: Annotated[
        uuid.UUID | None, Query(description="A global operator reads this partner's trail (others: their own).")
    ] = None,
    page: PageRequest = trail.RECORDS.params(),
) -> Any:
    """The partner's audit trail, newest first: every CMS call that changed something (or tried to) and every
    read of sensitive data; what a global operator did to the partner is in it too. `searchText` matches, in
    part and whatever the case, the operation, the route, the ids in the path and the resource's name as the
    call left it (an operator's username, a role's or partner's name, a Payment Link client's display name, a
    lead's business name, an uploaded file's name; a renamed resource's older records keep its older name). A
    cardholder or a card is never named: find them by id."""
    partner = await own_partner(session, operator, partnerId) if partnerId is not None else operator.partner_id
    statement = trail.listing(partner, operatorId, action, resourceId, atFrom, atTo)
    found, meta = await trail.RECORDS.fetch(session, statement, page)
    return ok(Page[AuditRecordOut](items=await trail.shown(session, found), meta=meta))


# A partner's cardholders and cards (`/app/partners/{partnerId}/…`): the operator's own partner only.


@router.get(
    "/app/partners/{partnerId}/cardholders",
    response_model=CustomResponse[Page[PartnerCardholderOut]],
    tags=["Cardholders"],
)
async def list_partner_cardholders(
    partnerId: uuid.UUID,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cardholders.read"),
    status: Annotated[Literal["active", "disabled"] | None, Query()] = None,
    page: PageRequest = identity.PARTNER_CARDHOLDERS.params(),
) -> Any:
    """The cardholders of every company of the partner; `searchText` matches names, email, phone, document
    number and external id, and four digits also the last four of a card the cardholder owns."""
    items, meta = await cardholders.search(session, operator, partnerId, status, page)
    return ok(Page[PartnerCardholderOut](items=items, meta=meta))


@router.get(
    "/app/partners/{partnerId}/cardholders/{userId}",
    response_model=CustomResponse[PartnerCardholderDetail],
    tags=["Cardholders"],
)
@audited_read  # a cardholder's personal data
async def get_partner_cardholder(
    partnerId: uuid.UUID,
    userId: uuid.UUID,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cardholders.read"),
) -> Any:
    """The cardholder's profile and cards (masked number, status, balance)."""
    return ok(await cardholders.profile(session, operator, partnerId, userId))


@router.post(
    "/app/partners/{partnerId}/cardholders/{userId}/block",
    response_model=CustomResponse[CardholderBlockOut],
    tags=["Cardholders"],
)
async def block_partner_cardholder(
    partnerId: uuid.UUID,
    userId: uuid.UUID,
    body: CardStatusChange,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cardholders.block"),
) -> Any:
    """Block a cardholder, saying why: it cannot sign in, and every session it has ends at once (its access
    and refresh tokens stop working); each ACTIVE card it owns is blocked with the reason (the company hears
    `cardholder.blocked` and each card's `card.blocked`). Blocking a blocked cardholder changes nothing and
    answers it as it is."""
    return ok(await cardholders.cardholder_block(request, partnerId, userId, "block", body.reason, operator, session))


@router.post(
    "/app/partners/{partnerId}/cardholders/{userId}/unblock",
    response_model=CustomResponse[CardholderBlockOut],
    tags=["Cardholders"],
)
async def unblock_partner_cardholder(
    partnerId: uuid.UUID,
    userId: uuid.UUID,
    body: CardStatusChange,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cardholders.block"),
) -> Any:
    """Lift a cardholder's block: it may sign in again, and exactly the cards its block blocked are unblocked
    (not a card blocked for another reason). Unblocking a cardholder that is not blocked changes nothing."""
    return ok(await cardholders.cardholder_block(request, partnerId, userId, "unblock", body.reason, operator, session))


@router.post(
    "/app/partners/{partnerId}/cards/{cardId}/block", response_model=CustomResponse[CardStatusOut], tags=["Cards"]
)
async def block_partner_card(
    partnerId: uuid.UUID,
    cardId: uuid.UUID,
    body: CardStatusChange,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cards.block"),
) -> Any:
    """Block an ACTIVE card of one of the partner's companies, saying why (the card's history keeps it; the
    cardholder hears `card.blocked`)."""
    return ok(await cardholders.card_status(request, partnerId, cardId, "block", body.reason, operator, session))


@router.post(
    "/app/partners/{partnerId}/cards/{cardId}/unblock", response_model=CustomResponse[CardStatusOut], tags=["Cards"]
)
async def unblock_partner_card(
    partnerId: uuid.UUID,
    cardId: uuid.UUID,
    body: CardStatusChange,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cards.block"),
) -> Any:
    """Unblock a BLOCKED card, saying why."""
    return ok(await cardholders.card_status(request, partnerId, cardId, "unblock", body.reason, operator, session))


# Cardholder batches (seed 001's path): a CSV of cardholders, registered by the worker while the caller polls.


@router.post(
    "/app/partners/{partnerId}/cardholders/batch",
    response_model=CustomResponse[batches.BatchAccepted],
    tags=["Cardholder batches"],
)
@accepts_upload
async def upload_cardholder_batch(
    partnerId: uuid.UUID,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cardholders.batch"),
    file: Annotated[
        UploadFile | None,
        File(description=f"CSV, UTF-8: {','.join(cardholder_batches.CSV.columns)}", json_schema_extra=REQUIRED_PART),
    ] = None,
    companyId: Annotated[
        uuid.UUID | None, Form(description="The company the cardholders join; may be left out when it is the only one.")
    ] = None,
    idempotency_key: Annotated[
        str | None,
        Header(alias="Idempotency-Key", max_length=255, description="The same key with the same file: the same batch."),
    ] = None,
) -> Any:
    """Register many cardholders of one of the partner's companies from a CSV (multipart, part `file`; header
    `firstName,lastName,email,phone,documentType,documentNumber,birthDate,externalId`, at most 10 MiB and
    100,000 lines). Answers 200 with the `batchId` at once (seed 001) and runs in the worker: poll
    `.../batch/{batchId}/progress`, then fetch `.../results`. A file that is not such a CSV is refused whole
    (79xx) before anything runs. Each line is a cardholder the company registers (no password: they set one
    with a one-time code); a bad line, or one whose email or document number an earlier line or an existing
    cardholder of the company has, is reported and skipped."""
    partner = await own_partner(session, operator, partnerId)  # another partner's path is a 404 whatever is sent
    if file is None:
        raise ApiError(batches.BATCH_ERRORS.FILE_REQUIRED)
    name_resource(request, file.filename)  # a file refused whole too
    data = await file.read(cardholder_batches.CSV.max_bytes + 1)
    batch = await tasks.start_cardholder_batch(session, partner, companyId, data, idempotency_key)
    return ok(batches.BatchAccepted(batch_id=batch.id))


@router.get(
    "/app/partners/{partnerId}/cardholders/batch/{batchId}/progress",
    response_model=CustomResponse[batches.BatchProgress],
    tags=["Cardholder batches"],
)
async def get_cardholder_batch_progress(
    partnerId: uuid.UUID,
    batchId: uuid.UUID,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cardholders.batch"),
) -> Any:
    """Where the batch stands: `queued`, `running`, `done` (or `failed` when it could not run as a whole), the
    counters, and an error per failed line (its line number in the file, the header being line 1)."""
    owner = cardholder_batches.owner(await own_partner(session, operator, partnerId))
    return ok(await batches.progress(session, owner, cardholder_batches.CSV, batchId))


@router.get(
    "/app/partners/{partnerId}/cardholders/batch/{batchId}/results",
    response_class=Response,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "The results CSV"}},
    tags=["Cardholder batches"],
)
async def get_cardholder_batch_results(
    partnerId: uuid.UUID,
    batchId: uuid.UUID,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cardholders.batch"),
) -> Any:
    """A CSV line per input line: `line,externalId,outcome,userId,errorCode,errorMessage` (outcome `created`,
    `error`, or `pending` until the worker reaches it)."""
    owner = cardholder_batches.owner(await own_partner(session, operator, partnerId))
    text = await batches.results_csv(session, owner, cardholder_batches.CSV, batchId)
    return Response(text, media_type="text/csv")
