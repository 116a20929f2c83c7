"""A partner's card stock on the CMS (`/app/partners/{partnerId}/card-stock`): parse, call the service, answer.

Printing takes `cards.manage`, listing `cards.read`, and the embossing file, the one answer with full card
numbers, `cards.embossing` (admin only), each download kept in the audit trail.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from migo.cards import service as cards
from migo.identity.auth import CmsOperatorIdempotent, require_permission
from migo.identity.principals import OperatorPrincipal
from migo.platform import batches
from migo.platform.auditing import audited_read, record_changes
from migo.platform.envelope import CustomResponse, created, ok
from migo.platform.pagination import Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute

from . import stock
from .schemas import CardStockBatchOut, CardStockRequest

router = APIRouter(route_class=MigoRoute, prefix="/app/partners/{partnerId}/card-stock", tags=["Card stock"])


@router.post(
    "",
    status_code=201,
    response_model=CustomResponse[CardStockBatchOut],
    dependencies=[CmsOperatorIdempotent],
)
async def print_card_stock(
    partnerId: uuid.UUID,  # noqa: N803
    body: CardStockRequest,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cards.manage"),
) -> Any:
    """Print `count` inactive, unassigned cards into a company's stock, as `migo cards print` does: one stock
    batch, answered at once (`queued`) and printed by the worker a committed chunk at a time (poll
    `.../{batchId}/progress`). The numbers are never in an answer: once `done`, download the batch's embossing
    file for the card manufacturer (409/7853 before). Honours `Idempotency-Key`."""
    batch = await stock.print_stock(
        session,
        operator,
        partnerId,
        count=body.count,
        company_id=body.company_id,
        embossed_name=body.embossed_name,
    )
    record_changes(request, batchId=(None, str(batch.id)), count=(None, batch.count))
    return created(CardStockBatchOut.model_validate(batch))


@router.get("/{batchId}/progress", response_model=CustomResponse[batches.BatchProgress])
async def get_card_stock_progress(
    partnerId: uuid.UUID,  # noqa: N803
    batchId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cards.read"),
) -> Any:
    """Where the print run stands, in the shape every batch of Migo shares: `total` cards, `processed` (all of
    them `succeeded`) printed so far; `done` once printed whole (a run has no failed lines)."""
    batch = await stock.find_batch(session, operator, partnerId, batchId)
    return ok(
        batches.BatchProgress(
            batch_id=batch.id,
            status=batch.status,
            total=batch.count,
            processed=batch.printed,
            succeeded=batch.printed,
            failed=0,
            errors=[],
            failure=None,
        )
    )


@router.get("", response_model=CustomResponse[Page[CardStockBatchOut]])
async def list_card_stock(
    partnerId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cards.read"),
    page: PageRequest = cards.STOCK_BATCHES.params(),
) -> Any:
    """The stock batches of the partner's companies, newest first."""
    statement = await stock.stock_batches(session, operator, partnerId)
    found, meta = await cards.STOCK_BATCHES.fetch(session, statement, page)
    return ok(Page[CardStockBatchOut](items=[CardStockBatchOut.model_validate(batch) for batch in found], meta=meta))


@router.get(
    "/{batchId}/embossing-file",
    response_class=Response,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "The embossing file: `cardId,number,expiry,name`",
        }
    },
)
@audited_read  # full card numbers
async def download_embossing_file(
    partnerId: uuid.UUID,  # noqa: N803
    batchId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("cards.embossing"),
) -> Response:
    """The batch's embossing file, as `migo cards print` writes it: a CSV with the header
    `cardId,number,expiry,name` and one line per card the batch printed (the full number, expiry `MM/YY`, the
    embossed name or empty). The one place a full card number is shown; every download is in the audit trail."""
    content = await stock.embossing_file(session, operator, partnerId, batchId)
    return Response(
        content,
        media_type="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="embossing-{batchId}.csv"',
            "Cache-Control": "no-store",  # no proxy or browser cache keeps card numbers
        },
    )
