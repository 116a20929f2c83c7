"""A partner's uploads, newest first: its cardholder batches and its conciliation files (each one of the
platform's batches), with their status and counters, for a list of them (the dashboard's; the CMS could list
them the same way). Only the kinds the caller may read are listed: each kind has its own permission."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import batches
from migo.platform.batches import Batch, BatchProgress
from migo.platform.pagination import Listing

from . import cardholder_batches, conciliation
from .models import Conciliation

UploadKind = Literal["cardholders", "conciliation"]
KINDS: dict[UploadKind, batches.CsvFile] = {"cardholders": cardholder_batches.CSV, "conciliation": conciliation.CSV}

UPLOADS = Listing(
    name="Uploads",
    sortable={"createdAt": lambda: Batch.created_at},
    default_sort="createdAt",
    tiebreaker=lambda: Batch.id,
)


@dataclass(frozen=True)
class Upload:
    kind: UploadKind
    batch_id: uuid.UUID
    status: str
    total: int
    processed: int
    succeeded: int
    failed: int
    created_at: datetime
    finished_at: datetime | None
    source: str | None  # a conciliation file's processor
    report_ready: bool  # a conciliation's report is complete (its gaps found after the last line)

    @classmethod
    def of(cls, row: Any) -> Upload:
        batch, processor, closed_at = row
        return cls(
            kind=batch.kind,
            batch_id=batch.id,
            status=batch.status,
            total=batch.total,
            processed=batch.processed,
            succeeded=batch.succeeded,
            failed=batch.failed,
            created_at=batch.created_at,
            finished_at=batch.finished_at,
            source=processor,
            report_ready=closed_at is not None,
        )


def listing(partner_id: uuid.UUID, kinds: Sequence[UploadKind]) -> Select[Any]:
    """The partner's batches of these kinds, each with its conciliation's processor and closing (None for a
    cardholder batch). Both kinds are owned as `partner:<id>`."""
    statement: Select[Any] = batches.readable(cardholder_batches.owner(partner_id), *(KINDS[kind] for kind in kinds))
    return statement.add_columns(Conciliation.processor, Conciliation.closed_at).outerjoin(
        Conciliation, Conciliation.batch_id == Batch.id
    )


@dataclass(frozen=True)
class UploadProgress:
    progress: BatchProgress
    finished: bool  # nothing more will change: failed, or done (a conciliation: with its report complete)


async def progress(
    session: AsyncSession, partner_id: uuid.UUID, kind: UploadKind, batch_id: uuid.UUID
) -> UploadProgress:
    """Where one of the partner's uploads stands, in the platform's one batch shape (another partner's, or one
    of another kind, is 404)."""
    found = await batches.progress(session, cardholder_batches.owner(partner_id), KINDS[kind], batch_id)
    finished = found.status == "failed" or (
        found.status == "done" and (kind != "conciliation" or await conciliation.report_ready(session, batch_id))
    )
    return UploadProgress(found, finished)
