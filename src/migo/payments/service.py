"""What the rest of Migo asks of payments: its one entry point. The sandbox, the `migo` command, the
database set-up and the benchmark configure merchants and BINs through it; no one else reads payments' tables.

- a merchant's Payment Link client: `configure_client` with its `ClientTerms` and `ProcessorTerms`,
  `client_exists`;
- BIN ranges: `read_bin_csv`, `load_bins`, `load_shipped_bins_if_empty`;
- the sandbox processor's test cards: `TEST_CARDS`, `THREE_DS_PASS_CODE`;
- the ledger's verification: `MOVEMENT_SOURCES` (payment links, acquirer settlements).
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from .bins import load as load_bins
from .bins import load_shipped_if_empty as load_shipped_bins_if_empty
from .bins import read_csv as read_bin_csv
from .clients import ClientTerms, ProcessorTerms, configure_client
from .models import PaymentClient
from .reconciliation import MOVEMENT_SOURCES
from .testcards import TEST_CARDS, THREE_DS_PASS_CODE

__all__ = [
    "MOVEMENT_SOURCES",
    "TEST_CARDS",
    "THREE_DS_PASS_CODE",
    "ClientTerms",
    "ProcessorTerms",
    "client_exists",
    "configure_client",
    "load_bins",
    "load_shipped_bins_if_empty",
    "read_bin_csv",
]


async def client_exists(session: AsyncSession, slug: str) -> bool:
    """Whether a Payment Link client with this slug was configured (by anyone: slugs are global)."""
    return bool(await session.scalar(select(exists().where(PaymentClient.slug == slug))))
