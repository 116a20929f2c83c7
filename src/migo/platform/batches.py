"""Bulk uploads: one shape for every batch of Migo (CONTRACT §6, seed 001).

An upload is read whole before anything runs (UTF-8 CSV, the expected header, under the size and line
limits; otherwise refused with a 79xx code and nothing is kept), its lines are stored with the batch, and the
request answers 200 with the batch id (seed 001) while a job works through the lines in chunks, each chunk
committed: progress moves while it runs and survives a crash (a chunk cut short is done again, so a line's
work must be idempotent, keyed by batch and line). A bad line is reported on its own and never stops the batch.

Progress: `{status: queued|running|done|failed, total, processed, succeeded, failed, errors: [{line, code,
message}]}`, an error per failed line; `failed` as a status only when the batch as a whole could not run.
Results: a CSV with a line per input line (its number, subject, outcome, reference or error).
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import Field
from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, func, select, text, update
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform import clock
from migo.platform.db import Base, CreatedAtMixin, IdMixin, database
from migo.platform.errors import ERRORS, ApiError, domain_errors
from migo.platform.wire import ApiModel

# Through the standard library (configure_logging renders it as JSON like the rest): the tables' modules are
# imported with the schema, before logging is set up, and must not import structlog that early.
log = logging.getLogger("migo.batches")

batch_error = domain_errors("batches", gateway=(79,))


class BATCH_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    FILE_NOT_CSV = batch_error(7901, "FILE_NOT_CSV", 400, "The file is not a UTF-8 CSV file.")
    FILE_WRONG_HEADER = batch_error(7902, "FILE_WRONG_HEADER", 400, "The file's header is not the expected one.")
    FILE_TOO_LARGE = batch_error(7903, "FILE_TOO_LARGE", 413, "The file is larger than a batch may be.")
    FILE_EMPTY = batch_error(7904, "FILE_EMPTY", 400, "The file has no lines after its header.")
    FILE_TOO_MANY_LINES = batch_error(
        7905, "FILE_TOO_MANY_LINES", 400, "The file has more lines than a batch may have."
    )
    FILE_REQUIRED = batch_error(7906, "FILE_REQUIRED", 400, "Send the file in the multipart part named `file`.")


BatchStatus = Literal["queued", "running", "done", "failed"]
CHUNK = 100
# Lines of a chunk worked at once: each waits on the database and the processor most of its time.
LINES_AT_ONCE = 8


class Batch(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "batches"
    __table_args__ = (Index("uq_batches_owner_request_key", "owner", "request_key", unique=True),)

    owner: Mapped[str] = mapped_column(String(140))  # whose: "client:<slug>", "partner:<id>"
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), default="queued")
    total: Mapped[int] = mapped_column(Integer)
    processed: Mapped[int] = mapped_column(Integer, default=0)
    succeeded: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    file_digest: Mapped[bytes] = mapped_column(LargeBinary)
    request_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    failure: Mapped[str | None] = mapped_column(String(300))
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class BatchLine(Base):
    __tablename__ = "batch_lines"
    __table_args__ = (Index("ix_batch_lines_failed", "batch_id", "line", postgresql_where=text("status = 'failed'")),)

    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("batches.id"), primary_key=True)
    line: Mapped[int] = mapped_column(Integer, primary_key=True)  # its line number in the file (header: 1)
    fields: Mapped[dict[str, str]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    subject: Mapped[str | None] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(200))
    outcome: Mapped[str | None] = mapped_column(String(40))
    error_code: Mapped[int | None] = mapped_column(Integer)
    error_message: Mapped[str | None] = mapped_column(String(300))


class LineError(ApiModel):
    line: int
    code: int
    message: str


class BatchProgress(ApiModel):
    batch_id: uuid.UUID
    status: BatchStatus
    total: int
    processed: int
    succeeded: int
    failed: int
    errors: list[LineError] = Field(description="One entry per failed line.")
    failure: str | None = Field(description="Why the batch as a whole failed (status `failed`).")


class BatchAccepted(ApiModel):
    batch_id: uuid.UUID


@dataclass(frozen=True)
class CsvFile:
    """One kind of upload: what it must be (its exact header and its limits), and how its results name a line's
    subject (one of its columns) and the reference its work made."""

    kind: str  # the batches' `kind`: a batch id is found only among the batches of its own kind
    columns: tuple[str, ...]
    subject: str
    reference: str = "reference"
    max_bytes: int = 10 * 1024 * 1024
    max_lines: int = 100_000

    @property
    def result_columns(self) -> tuple[str, ...]:
        return ("line", self.subject, "outcome", self.reference, "errorCode", "errorMessage")


def read_csv(data: bytes, spec: CsvFile) -> list[dict[str, str]]:
    """The file's lines as dicts by column, or a 79xx refusal of the whole file."""
    if len(data) > spec.max_bytes:
        raise ApiError(BATCH_ERRORS.FILE_TOO_LARGE, f"At most {spec.max_bytes} bytes.")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiError(BATCH_ERRORS.FILE_NOT_CSV, "The file is not UTF-8 text.") from None
    if "\x00" in content:
        raise ApiError(BATCH_ERRORS.FILE_NOT_CSV, "The file is not text.")
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        # Each row with the file's line number it starts on (a quoted cell may span lines; the header is line 1).
        rows: list[tuple[int, list[str]]] = []
        start = 1
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as problem:
        raise ApiError(BATCH_ERRORS.FILE_NOT_CSV, f"The file is not valid CSV ({problem}).") from None
    if not rows or [name.strip() for name in rows[0][1]] != list(spec.columns):
        raise ApiError(BATCH_ERRORS.FILE_WRONG_HEADER, f"The header must be: {','.join(spec.columns)}")
    lines = [(number, row) for number, row in rows[1:] if any(cell.strip() for cell in row)]
    if not lines:
        raise ApiError(BATCH_ERRORS.FILE_EMPTY)
    if len(lines) > spec.max_lines:
        raise ApiError(BATCH_ERRORS.FILE_TOO_MANY_LINES, f"At most {spec.max_lines} lines.")
    # A short or long line is kept as it is and reported by the line's own check (a bad line never stops it).
    return [
        {
            **dict(zip(spec.columns, (cell.strip() for cell in row), strict=False)),
            "_cells": str(len(row)),
            "_line": str(number),
        }
        for number, row in lines
    ]


def spreadsheet_cell(text: str) -> str:
    """A cell of a CSV an operator opens in a spreadsheet: one that starts with = + - @ would run as a formula
    (a reference in an uploaded file, or a terminal's, is never one), so it is kept as text."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def file_digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


async def create(
    session: AsyncSession,
    *,
    owner: str,
    spec: CsvFile,
    lines: Sequence[dict[str, str]],
    digest: bytes,
    request_key: bytes | None,
) -> tuple[Batch, bool]:
    """The batch of these lines, queued, in the caller's transaction; with a request key already used by this
    owner, the batch it made (False), or 409 when that was another file."""
    if request_key is not None:
        made = await session.scalar(select(Batch).where(Batch.owner == owner, Batch.request_key == request_key))
        if made is not None:
            if made.file_digest != digest or made.kind != spec.kind:
                raise ApiError(ERRORS.IDEMPOTENCY_KEY_REUSED)
            return made, False
    batch = Batch(
        id=uuid.uuid4(),
        owner=owner,
        kind=spec.kind,
        status="queued",
        total=len(lines),
        processed=0,
        succeeded=0,
        failed=0,
        file_digest=digest,
        request_key=request_key,
        created_at=clock.now(),
    )
    try:
        async with session.begin_nested():  # the same key sent twice at once: the second finds the first's batch
            session.add(batch)
            await session.flush()
    except IntegrityError:
        made = await session.scalar(select(Batch).where(Batch.owner == owner, Batch.request_key == request_key))
        if made is None:
            raise
        if made.file_digest != digest or made.kind != spec.kind:
            raise ApiError(ERRORS.IDEMPOTENCY_KEY_REUSED) from None
        return made, False
    # Numbered as the file's lines are (the header being line 1), blank lines and multi-line cells counted.
    for start in range(0, len(lines), 5_000):
        await session.execute(
            insert(BatchLine),
            [
                {
                    "batch_id": batch.id,
                    "line": int(fields["_line"]),
                    "fields": fields,
                    "subject": (fields.get(spec.subject) or None) and fields[spec.subject][:200],
                    "status": "pending",
                }
                for fields in lines[start : start + 5_000]
            ],
        )
    return batch, True


def readable(owner: str, *specs: CsvFile) -> Any:
    """The batches of these kinds one owner may read: the one scoping helper of batches."""
    return select(Batch).where(Batch.owner == owner, Batch.kind.in_([spec.kind for spec in specs]))


async def find(session: AsyncSession, owner: str, spec: CsvFile, batch_id: uuid.UUID) -> Batch:
    batch = await session.scalar(readable(owner, spec).where(Batch.id == batch_id))
    if batch is None:
        raise ApiError(ERRORS.NOT_FOUND, "No such batch.")
    return batch


async def progress(session: AsyncSession, owner: str, spec: CsvFile, batch_id: uuid.UUID) -> BatchProgress:
    batch = await find(session, owner, spec, batch_id)
    failed = await session.scalars(
        select(BatchLine).where(BatchLine.batch_id == batch.id, BatchLine.status == "failed").order_by(BatchLine.line)
    )
    return BatchProgress(
        batch_id=batch.id,
        status=batch.status,
        total=batch.total,
        processed=batch.processed,
        succeeded=batch.succeeded,
        failed=batch.failed,
        errors=[
            LineError(line=line.line, code=line.error_code or 0, message=line.error_message or "") for line in failed
        ],
        failure=batch.failure,
    )


async def results_csv(session: AsyncSession, owner: str, spec: CsvFile, batch_id: uuid.UUID) -> str:
    """A line per input line, in file order: what became of it (`pending` until the job reaches it)."""
    batch = await find(session, owner, spec, batch_id)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(spec.result_columns)
    rows = await session.stream_scalars(
        select(BatchLine).where(BatchLine.batch_id == batch.id).order_by(BatchLine.line)
    )
    async for line in rows:
        writer.writerow(
            (
                line.line,
                spreadsheet_cell(line.subject or ""),  # the uploader's own text, opened in a spreadsheet
                line.outcome or line.status,
                line.reference or "",
                line.error_code or "",
                spreadsheet_cell(line.error_message or ""),
            )
        )
    return out.getvalue()


@dataclass(frozen=True)
class LineOutcome:
    """What one line came to: `ok` with its outcome and reference (a transaction uid), or an error."""

    ok: bool
    subject: str | None
    outcome: str | None = None
    reference: str | None = None
    error_code: int | None = None
    error_message: str | None = None

    @classmethod
    def refused(cls, subject: str | None, error: ApiError) -> LineOutcome:
        return cls(False, subject, "error", None, error.error.code, error.detail[:300])


ProcessLine = Callable[[dict[str, str], int], Awaitable[LineOutcome]]
Progress = Callable[[int, int], Awaitable[None]]  # (processed, total), after each committed chunk


_RECORD_OUTCOMES = text(
    """
    UPDATE batch_lines AS l
    SET status = o.status, subject = o.subject, outcome = o.outcome, reference = o.reference,
        error_code = o.error_code, error_message = o.error_message
    FROM unnest(
        CAST(:lines AS integer[]), CAST(:statuses AS text[]), CAST(:subjects AS text[]), CAST(:outcomes AS text[]),
        CAST(:references AS text[]), CAST(:error_codes AS integer[]), CAST(:error_messages AS text[])
    ) AS o(line, status, subject, outcome, reference, error_code, error_message)
    WHERE l.batch_id = :batch_id AND l.line = o.line AND l.status = 'pending'
    RETURNING l.line
    """
)


# A batch that fills tables refreshes their planner statistics once it has processed this many lines, then each
# time the count doubles (a handful of ANALYZEs for 50,000 lines).
FIRST_ANALYZE_AFTER = 500


async def run(
    batch_id: uuid.UUID,
    process: ProcessLine,
    *,
    on_progress: Progress | None = None,
    fills: tuple[str, ...] = (),
) -> BatchStatus:
    """Work through the batch's pending lines a chunk at a time: the lines are processed outside any
    transaction (each line's work keeps its own), then the chunk's outcomes and the counters are committed
    together. One runner per batch at a time (the job's lock); a second runner counts nothing twice.

    `fills`: the tables the lines insert into, analyzed as the batch grows them. A line's lookups (is this
    email taken in the company?) are planned from the statistics, and autovacuum may be off or a minute
    behind: a plan made while the company had a handful of cardholders reads every one of them for each line,
    and 50,000 lines took 18 minutes instead of 4."""
    async with database.transaction() as session:
        await session.execute(
            update(Batch)
            .where(Batch.id == batch_id, Batch.status.in_(("queued", "running")))
            .values(status="running", started_at=func.coalesce(Batch.started_at, clock.now()))
        )
    slots = asyncio.Semaphore(LINES_AT_ONCE)
    # Every line of a chunk is settled when the chunk commits: the next chunk starts after its last line (the
    # lines before it are not read again, once per chunk).
    after = 0
    analyze_at = FIRST_ANALYZE_AFTER
    while True:
        async with database.transaction() as session:
            batch = await session.get(Batch, batch_id)
            assert batch is not None
            if batch.status != "running":
                return batch.status  # type: ignore[return-value]
            chunk = (
                await session.execute(
                    select(BatchLine.line, BatchLine.fields)
                    .where(BatchLine.batch_id == batch_id, BatchLine.line > after, BatchLine.status == "pending")
                    .order_by(BatchLine.line)
                    .limit(CHUNK)
                )
            ).all()
        if not chunk:
            async with database.transaction() as session:
                await session.execute(
                    update(Batch).where(Batch.id == batch_id).values(status="done", finished_at=clock.now())
                )
            return "done"

        async def one(number: int, fields: dict[str, str]) -> tuple[int, LineOutcome]:
            async with slots:
                try:
                    return number, await process(fields, number)
                except DBAPIError:
                    raise  # the database went away: the job runs again later from this chunk (lines are idempotent)
                except Exception:
                    # A line that broke (a bug) is that line's failure: the batch goes on (CONTRACT §6), and the
                    # error is logged for the operator.
                    log.exception("batch_line_failed: batch %s, line %s", batch_id, number)
                    return number, LineOutcome.refused(None, ApiError(ERRORS.INTERNAL_ERROR))

        outcomes = await asyncio.gather(*(one(number, fields) for number, fields in chunk))
        async with database.transaction() as session:
            # Only a line still pending is counted: a second runner of the batch (a job retried while the first
            # still ran) did the same idempotent work, and counts nothing twice. One statement for the chunk.
            written = await session.execute(
                _RECORD_OUTCOMES,
                {
                    "batch_id": batch_id,
                    "lines": [number for number, _ in outcomes],
                    "statuses": ["succeeded" if outcome.ok else "failed" for _, outcome in outcomes],
                    "subjects": [outcome.subject for _, outcome in outcomes],
                    "outcomes": [outcome.outcome for _, outcome in outcomes],
                    "references": [outcome.reference for _, outcome in outcomes],
                    "error_codes": [outcome.error_code for _, outcome in outcomes],
                    "error_messages": [outcome.error_message for _, outcome in outcomes],
                },
            )
            recorded = set(written.scalars())
            counted_lines = [outcome for number, outcome in outcomes if number in recorded]
            succeeded = sum(outcome.ok for outcome in counted_lines)
            counted = await session.execute(
                update(Batch)
                .where(Batch.id == batch_id)
                .values(
                    processed=Batch.processed + len(counted_lines),
                    succeeded=Batch.succeeded + succeeded,
                    failed=Batch.failed + len(counted_lines) - succeeded,
                )
                .returning(Batch.processed, Batch.total)
            )
            processed, total = counted.one()
        after = chunk[-1].line
        if fills and processed >= analyze_at:
            analyze_at = 2 * processed
            async with database.transaction() as session:
                quote = session.get_bind().dialect.identifier_preparer.quote_identifier
                for table in fills:
                    await session.execute(text(f"ANALYZE {quote(table)}"))
        if on_progress is not None:
            await on_progress(processed, total)
