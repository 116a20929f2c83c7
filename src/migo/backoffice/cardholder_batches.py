"""Cardholder batches (seed 001): a partner's CSV of cardholders for one of its companies, run as one of Migo's
batches (platform.batches): refused whole when it is not such a file, then registered line by line by the worker.

Each line registers a cardholder the company registers (no password: they set it through the one-time-code
flow, as `POST /users` without one does). A line's cardholder gets an id derived from the batch and the line
under a server key, so a chunk run again after a crash finds the cardholder it made instead of making a second
one or calling it a duplicate. A second line with the email or document number of an earlier line of the file,
or of a cardholder the company already has, is that line's error; the batch goes on.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.platform import batches, security
from migo.platform.batches import Batch
from migo.platform.db import database
from migo.platform.envelope import describe_validation_errors
from migo.platform.errors import ApiError

from .errors import BACKOFFICE_ERRORS, CARDHOLDER_BATCH_ERRORS
from .schemas import CardholderBatchLine

CSV = batches.CsvFile(
    kind="cardholders",
    columns=(
        "firstName",
        "lastName",
        "email",
        "phone",
        "documentType",
        "documentNumber",
        "birthDate",
        "externalId",
    ),
    subject="externalId",
    reference="userId",
)
_DUPLICATE_OF = "_duplicateOf"  # set on a line at upload: the earlier line with its email or document number


def owner(partner_id: uuid.UUID) -> str:
    return f"partner:{partner_id}"


def request_key(partner_id: uuid.UUID, idempotency_key: str | None) -> bytes | None:
    if idempotency_key is None:
        return None
    return security.keyed_hash(f"{partner_id}\n{idempotency_key}", purpose="cardholder-batch")


def line_user_id(batch_id: uuid.UUID, line: int) -> uuid.UUID:
    """The id of the cardholder a line registers: the same every time the line runs, unguessable without the
    server's key (a cardholder's id is what its activation link carries)."""
    digest = security.keyed_hash(f"{batch_id}:{line}", purpose="cardholder-batch-line")
    return uuid.UUID(bytes=digest[:16], version=4)


def _mark_duplicates(lines: list[dict[str, str]]) -> None:
    """Mark every line whose email (any case) or document number an earlier valid line of the file has: only the
    first is registered (a line refused for its own fault registers nobody, so it takes no email from a later
    one). Done on the whole file at upload, since the worker runs a chunk's lines at once."""
    first_seen: dict[tuple[str, str], int] = {}
    for fields in lines:
        if not _is_valid(fields):
            continue
        keys = [("email", fields.get("email", "").lower()), ("documentNumber", fields.get("documentNumber", ""))]
        for key in keys:
            if not key[1]:
                continue
            earlier = first_seen.get(key)
            if earlier is not None:
                fields[_DUPLICATE_OF] = f"{earlier}:{key[0]}"
                break
        else:
            for key in keys:
                if key[1]:
                    first_seen[key] = int(fields["_line"])  # its line number in the file


def _is_valid(fields: dict[str, str]) -> bool:
    try:
        _parse(fields)
    except ApiError:
        return False
    return True


def _parse(fields: dict[str, str]) -> CardholderBatchLine:
    if fields.get("_cells") != str(len(CSV.columns)):
        raise ApiError(
            CARDHOLDER_BATCH_ERRORS.LINE_INVALID, f"expected {len(CSV.columns)} columns: {','.join(CSV.columns)}"
        )
    if _DUPLICATE_OF in fields:
        line, field = fields[_DUPLICATE_OF].split(":")
        raise ApiError(CARDHOLDER_BATCH_ERRORS.LINE_DUPLICATE_IN_FILE, f"{field}: line {line} has the same")
    try:
        return CardholderBatchLine.model_validate({column: fields[column] or None for column in CSV.columns})
    except ValidationError as problem:
        raise ApiError(CARDHOLDER_BATCH_ERRORS.LINE_INVALID, describe_validation_errors(problem.errors())) from None


def registrar(batch_id: uuid.UUID, company_id: uuid.UUID) -> batches.ProcessLine:
    """What the batch does with each of its lines: register its cardholder in the company, once."""

    async def register_line(fields: dict[str, str], line: int) -> batches.LineOutcome:
        subject = fields.get("externalId") or None
        user_id = line_user_id(batch_id, line)
        try:
            parsed = _parse(fields)
            details = identity.CardholderDetails(**parsed.model_dump())
            async with database.transaction() as session:
                clash = await identity.register_cardholder_once(session, company_id, user_id, details)
            if clash is not None:
                raise ApiError(CARDHOLDER_BATCH_ERRORS.CARDHOLDER_EXISTS, f"{clash}: a cardholder has it already")
        except ApiError as refusal:
            return batches.LineOutcome.refused(subject, refusal)
        return batches.LineOutcome(True, subject, "created", str(user_id))

    return register_line


async def register_all(
    batch_id: uuid.UUID, company_id: uuid.UUID, *, on_progress: batches.Progress | None = None
) -> batches.BatchStatus:
    """Run the batch (the worker's job): its lines registered chunk by chunk, the cardholders' table analyzed
    as the batch grows it."""
    return await batches.run(
        batch_id, registrar(batch_id, company_id), on_progress=on_progress, fills=identity.CARDHOLDER_TABLES
    )


async def company_of_batch(session: AsyncSession, partner_id: uuid.UUID, company_id: uuid.UUID | None) -> uuid.UUID:
    """The company the cardholders join: the one named (the partner's, else 404), or the partner's only one."""
    companies = await identity.company_ids_of_partner(session, partner_id)
    if company_id is None:
        if len(companies) != 1:
            raise ApiError(BACKOFFICE_ERRORS.COMPANY_REQUIRED, f"companyId: one of the partner's {len(companies)}")
        return companies[0]
    if company_id not in companies:
        raise ApiError(BACKOFFICE_ERRORS.COMPANY_NOT_FOUND, "companyId: the partner has no such company.")
    return company_id


async def accept(
    session: AsyncSession, partner_id: uuid.UUID, company_id: uuid.UUID, data: bytes, idempotency_key: str | None
) -> tuple[Batch, bool]:
    """The upload read whole and stored as a batch (refused whole with a 79xx code otherwise); the same
    Idempotency-Key with the same file for the same company finds the batch it made (another file or company:
    409). Returns it and whether it is new."""
    lines: list[dict[str, Any]] = batches.read_csv(data, CSV)
    _mark_duplicates(lines)
    return await batches.create(
        session,
        owner=owner(partner_id),
        spec=CSV,
        lines=lines,
        digest=batches.file_digest(company_id.bytes + data),
        request_key=request_key(partner_id, idempotency_key),
    )
