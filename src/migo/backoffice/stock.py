"""A partner's card stock on the CMS: printing inactive cards for one of its companies (the cards domain's own
print run, as `migo cards print` makes it), its stock batches, and a batch's embossing file.

A print run is queued and answered at once; the worker prints it a committed chunk at a time (its progress is
polled), and its embossing file is there once it is printed whole. Another partner's company or batch does not
exist here.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.cards import service as cards
from migo.identity import service as identity
from migo.identity.principals import OperatorPrincipal
from migo.platform.errors import ApiError

from .access import own_partner
from .errors import BACKOFFICE_ERRORS


async def _company(session: AsyncSession, partner_id: uuid.UUID, company_id: uuid.UUID | None) -> uuid.UUID:
    """The partner's company named, or its only one when none is named."""
    companies = await identity.company_ids_of_partner(session, partner_id)
    if company_id is not None:
        if company_id not in companies:
            raise ApiError(BACKOFFICE_ERRORS.COMPANY_NOT_FOUND)
        return company_id
    if not companies:
        raise ApiError(BACKOFFICE_ERRORS.COMPANY_NOT_FOUND, "The partner manages no company yet.")
    if len(companies) > 1:
        raise ApiError(BACKOFFICE_ERRORS.COMPANY_REQUIRED)
    return companies[0]


async def print_stock(
    session: AsyncSession,
    operator: OperatorPrincipal,
    partner_id: uuid.UUID,
    *,
    count: int,
    company_id: uuid.UUID | None,
    embossed_name: str | None,
) -> cards.StockBatch:
    """Queue the printing of `count` inactive, unassigned cards for the company's stock, as the operator's print
    run. The numbers are never answered: the batch's embossing file is where they are read."""
    company = await _company(session, await own_partner(session, operator, partner_id), company_id)
    queued = await cards.start_printing(
        session,
        company,
        count,
        embossed_name=embossed_name,
        printed_by=cards.Actor("operator", str(operator.operator_id), "cms"),
    )
    batch = await cards.stock_batch(session, [company], queued.id)
    assert batch is not None  # queued just now, in this transaction
    return batch


async def stock_batches(session: AsyncSession, operator: OperatorPrincipal, partner_id: uuid.UUID) -> Select[Any]:
    """The stock batches of the partner's companies (a list: cards.STOCK_BATCHES)."""
    return cards.stock_batches(
        await identity.company_ids_of_partner(session, await own_partner(session, operator, partner_id))
    )


async def find_batch(
    session: AsyncSession, operator: OperatorPrincipal, partner_id: uuid.UUID, batch_id: uuid.UUID
) -> cards.StockBatch:
    """A stock batch of the partner's companies; another's, or none, is 404/7852."""
    companies = await identity.company_ids_of_partner(session, await own_partner(session, operator, partner_id))
    batch = await cards.stock_batch(session, companies, batch_id)
    if batch is None:
        raise ApiError(BACKOFFICE_ERRORS.STOCK_BATCH_NOT_FOUND)
    return batch


async def embossing_file(
    session: AsyncSession, operator: OperatorPrincipal, partner_id: uuid.UUID, batch_id: uuid.UUID
) -> str:
    """The batch's embossing file (CSV, see cards.stock): every card it printed, numbers in full; 409/7853
    until the run is printed whole (the manufacturer gets one file per run, never a part of one)."""
    batch = await find_batch(session, operator, partner_id, batch_id)
    if batch.status != "done":
        raise ApiError(BACKOFFICE_ERRORS.STOCK_NOT_PRINTED, f"{batch.printed} of {batch.count} printed so far.")
    return cards.embossing_csv(await cards.embossing_lines(session, batch))
