"""What the rest of Migo asks of recurring billing: its one entry point.

- the `migo subscriptions charge-csv` command: `accept_bulk_charges`, `run_bulk_charges`, `bulk_results`;
- the worker's steps: `renew_due`, `settle_pending_charges`;
- a subscription's time on a sandbox test clock: `advance_clock`;
- the dashboard's pages: `subscription_page`, `plan_page`, `plan_names`, `get_subscription`, `charge_page`, and
  `cancel`, the Middleware's own (its rules, its `subscription.cancelled` event).
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import batches
from migo.platform.db import database

from . import bulk
from .charges import advance_clock, renew_due, settle_pending_charges
from .history import ChargeRecord, charge_page, get_subscription, plan_names, plan_page, subscription_page
from .lifecycle import cancel
from .schemas import PlanOut, SubscriptionOut

__all__ = [
    "ChargeRecord",
    "PlanOut",
    "SubscriptionOut",
    "accept_bulk_charges",
    "advance_clock",
    "bulk_results",
    "cancel",
    "charge_page",
    "get_subscription",
    "plan_names",
    "plan_page",
    "renew_due",
    "run_bulk_charges",
    "settle_pending_charges",
    "subscription_page",
]


async def accept_bulk_charges(session: AsyncSession, client_slug: str, data: bytes) -> batches.Batch:
    """A CSV of charges for the client's subscriptions as a batch (79xx when the file is not right)."""
    batch, _ = await bulk.accept(session, client_slug, data, None)
    return batch


async def run_bulk_charges(
    batch_id: uuid.UUID, client_slug: str, *, on_progress: batches.Progress | None = None
) -> batches.BatchProgress:
    await batches.run(batch_id, bulk.charger(client_slug, batch_id), on_progress=on_progress)
    return await bulk_progress(client_slug, batch_id)


async def bulk_progress(client_slug: str, batch_id: uuid.UUID) -> batches.BatchProgress:
    async with database.transaction() as session:
        return await batches.progress(session, bulk.owner(client_slug), bulk.CSV, batch_id)


async def bulk_results(session: AsyncSession, client_slug: str, batch_id: uuid.UUID) -> str:
    return await batches.results_csv(session, bulk.owner(client_slug), bulk.CSV, batch_id)
