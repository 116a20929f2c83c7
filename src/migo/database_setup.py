"""Bring a database to what the code expects: migrations, then the catalogs kept as data (RBAC, BINs)."""

from __future__ import annotations

import asyncio

from migo.identity import operators
from migo.payments import service as payments
from migo.platform import migrations
from migo.platform.db import database


async def upgrade_database(url: str) -> None:
    await asyncio.to_thread(migrations.upgrade, url)
    try:
        async with database.transaction() as session:
            await operators.sync_catalog(session)
            await payments.load_shipped_bins_if_empty(session)
    finally:
        await database.dispose()
