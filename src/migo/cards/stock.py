"""Card stock as a partner's back office sees it: the print runs (stock batches) of its companies, and each
run's embossing file, the one document that carries full card numbers, for the card manufacturer.

The embossing file is the CSV `migo cards print` writes: a header `cardId,number,expiry,name`, then one line per
card of the run (number in full, expiry `MM/YY`, the embossed name or empty), in the order they were printed.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.pagination import Listing

from .access import readable, readable_by_companies
from .models import Card, CardStockBatch, StockStatus, stock_status
from .programs import PrintedCard, printed_card

STOCK_BATCHES = Listing(
    name="CardStockBatches",
    sortable={"createdAt": lambda: CardStockBatch.created_at, "count": lambda: CardStockBatch.count},
    default_sort="createdAt",
    tiebreaker=lambda: CardStockBatch.id,
)
EMBOSSING_COLUMNS = ("cardId", "number", "expiry", "name")


@dataclass(frozen=True)
class StockBatch:
    """A stock batch as the back office reads it (the attributes of the rows `stock_batches` lists)."""

    id: uuid.UUID
    company_id: uuid.UUID
    count: int
    printed: int
    embossed_name: str | None
    actor_kind: str
    actor_id: str | None
    channel: str
    created_at: datetime

    @property
    def status(self) -> StockStatus:
        return stock_status(self.printed, self.count)


def stock_batches(company_ids: Sequence[uuid.UUID]) -> Select[CardStockBatch]:
    """The stock batches of the companies (a list: STOCK_BATCHES)."""
    return readable_by_companies(company_ids, CardStockBatch)


async def stock_batch(
    session: AsyncSession, company_ids: Sequence[uuid.UUID], batch_id: uuid.UUID
) -> StockBatch | None:
    """One stock batch of the companies; None for another company's, or none."""
    row = await session.scalar(stock_batches(company_ids).where(CardStockBatch.id == batch_id))
    if row is None:
        return None
    return StockBatch(
        row.id,
        row.company_id,
        row.count,
        row.printed,
        row.embossed_name,
        row.actor_kind,
        row.actor_id,
        row.channel,
        row.created_at,
    )


async def embossing_lines(session: AsyncSession, batch: StockBatch) -> list[PrintedCard]:
    """Every card the batch printed, whatever became of it since, with its number revealed from the vault."""
    cards = await session.scalars(
        readable(batch.company_id, Card).where(Card.stock_batch_id == batch.id).order_by(Card.created_at, Card.id)
    )
    return [printed_card(card) for card in cards]


def embossing_csv(lines: Sequence[PrintedCard]) -> str:
    """The embossing file (see the module): the one place a full card number is written out."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EMBOSSING_COLUMNS)
    writer.writerows((str(line.card_id), line.number.reveal(), line.expiry, line.name or "") for line in lines)
    return out.getvalue()
