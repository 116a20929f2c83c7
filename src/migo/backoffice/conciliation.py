"""Conciliation of a processor's settlement file (seed 001: uploaded as cardholder batches are): what the
processor says it settled for a partner, line by line, against the card payments Migo recorded.

The file is a UTF-8 CSV, `processorReference,amount,currency,status,settledAt`, one line per movement the
processor settled: `settled` (a captured payment it paid for; `amount` the captured amount) or `refunded` (money
it took back for a payment; `amount` the payment's refunded total); `settledAt` an ISO 8601 date or instant
(UTC when it names no offset). It runs as one of the platform's batches; each well-formed line is one of:

- **matched**: the reference names a payment of ours (a Payment Link of one of the partner's clients, or a
  terminal sale of one of its companies) that this processor took, with the same currency and the same amount
  (for `settled`, what we captured and did not void; for `refunded`, what we refunded of it);
- **amountMismatch**: the reference names such a payment, but the amount or the currency differs (both sides
  are given: `ours`/`ourCurrency`, `theirs`/`currency`);
- **missingOnOurSide**: no payment of ours has this reference for this processor within the partner's scope
  (another partner's payment is as unknown as none).

The partner's scope: the links of the Payment Link clients configured for the partner (a client configured for
no partner is nobody's, and never conciliated) and the terminal sales of the partner's companies.

A malformed line (a short or long line, an empty reference, a bad amount, currency, status or date) or a line
repeating an earlier line's reference and status is a line error in the batch's progress, never a report entry:
it conciliates nothing (its payment may show as missing on their side until a corrected file comes).

**missingOnTheirs**, found once every line is conciliated: our payments this processor captured (and that were
not voided or reversed), within the partner's scope, from the first to the last day of the file's `settledAt`
(UTC days, inclusive), whose reference no well-formed `settled` line names. Our refunds the file does not list
are not reported: a refund is checked when the processor lists it.

A line's outcome is stored keyed by its batch and line, and the gaps in one transaction with the report's
closing, so a chunk conciliated again after a crash, or the job run twice, counts nothing twice.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.merchants import service as merchants
from migo.payments import service as payments
from migo.platform import batches, clock, security
from migo.platform.batches import Batch, LineOutcome
from migo.platform.db import database
from migo.platform.errors import ApiError
from migo.platform.money import format_money, parse_amount
from migo.platform.wire import format_timestamp

from .errors import CONCILIATION_ERRORS
from .models import Conciliation, ConciliationGap, ConciliationLine

CSV = batches.CsvFile(
    kind="conciliation",
    columns=("processorReference", "amount", "currency", "status", "settledAt"),
    subject="processorReference",
    reference="paymentId",
)
STATUSES = ("settled", "refunded")
_CURRENCY = re.compile(r"[A-Z]{3}")
# Set on a line, at upload, to the number of the earlier line with the same reference and status.
_REPEATS = "_repeats"


def owner(partner_id: uuid.UUID) -> str:
    return f"partner:{partner_id}"


def request_key(partner_id: uuid.UUID, operator_id: uuid.UUID, idempotency_key: str | None) -> bytes | None:
    """An operator's keys are its own, as CmsOperatorIdempotent keeps them."""
    if idempotency_key is None:
        return None
    return security.keyed_hash(f"{partner_id}\n{operator_id}\n{idempotency_key}", purpose="conciliation-upload")


@dataclass(frozen=True)
class SettledMovement:
    """A well-formed line of the file."""

    processor_reference: str
    status: str  # one of STATUSES
    amount: Decimal
    currency: str
    settled_at: datetime


def _invalid(detail: str) -> ApiError:
    return ApiError(CONCILIATION_ERRORS.INVALID_SETTLEMENT_LINE, detail)


def _settled_at(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):  # not a date, or one whose UTC falls off the calendar
        raise _invalid("settledAt: an ISO 8601 date or instant, such as 2026-11-26T05:34:57Z") from None
    # A settlement file speaks of days that have been: the report's period (a day past its last) must exist.
    if not 2000 <= moment.year <= 2999:
        raise _invalid("settledAt: a date between the years 2000 and 2999")
    return moment


def read_line(fields: dict[str, str]) -> SettledMovement:
    """The line as a settled movement, or the 7921/7922 line error that says what is wrong with it."""
    if fields.get("_cells") != str(len(CSV.columns)):
        raise _invalid(f"expected {len(CSV.columns)} columns: {','.join(CSV.columns)}")
    if _REPEATS in fields:
        raise ApiError(
            CONCILIATION_ERRORS.DUPLICATE_SETTLEMENT_LINE,
            f"line {fields[_REPEATS]} has the same processorReference and status",
        )
    reference = fields["processorReference"]
    if not reference or len(reference) > 200:
        raise _invalid("processorReference: from 1 to 200 characters")
    try:
        amount = parse_amount(fields["amount"])
    except ValueError as problem:
        raise _invalid(str(problem)) from None
    if not _CURRENCY.fullmatch(fields["currency"]):
        raise _invalid("currency: an ISO 4217 code, such as GTQ")
    status = fields["status"].lower()
    if status not in STATUSES:
        raise _invalid(f"status: one of {', '.join(STATUSES)}")
    return SettledMovement(reference, status, amount, fields["currency"], _settled_at(fields["settledAt"]))


def _mark_repeats(lines: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    """The lines, each repeating an earlier line's reference and status marked with that line's number (a
    processor settles a movement once: counting it twice would hide a difference)."""
    first: dict[tuple[str, str], int] = {}
    marked = []
    for index, fields in enumerate(lines):
        number = index + 2  # as the batch numbers them, the header being line 1
        key = (fields.get("processorReference", ""), fields.get("status", "").lower())
        seen = first.setdefault(key, number)
        marked.append(fields if seen == number or not key[0] else {**fields, _REPEATS: str(seen)})
    return marked


async def accept(
    session: AsyncSession,
    *,
    partner_id: uuid.UUID,
    operator_id: uuid.UUID,
    source: str | None,
    data: bytes,
    idempotency_key: str | None,
) -> tuple[Batch, bool]:
    """The file read whole and stored as a batch of the partner (refused whole with a 79xx code otherwise);
    the same Idempotency-Key with the same source and file finds the batch it made (another: 409). Returns it
    and whether it is new."""
    if source not in payments.configurable_processors():
        known = ", ".join(payments.configurable_processors())
        raise ApiError(CONCILIATION_ERRORS.UNKNOWN_PROCESSOR, f"source: one of {known}")
    lines = batches.read_csv(data, CSV)
    batch, new = await batches.create(
        session,
        owner=owner(partner_id),
        spec=CSV,
        lines=_mark_repeats(lines),
        digest=batches.file_digest(source.encode() + b"\n" + data),  # the same file from another processor differs
        request_key=request_key(partner_id, operator_id, idempotency_key),
    )
    if new:
        session.add(Conciliation(batch_id=batch.id, partner_id=partner_id, processor=source))
        await session.flush()
    return batch, new


async def _our_payment(
    session: AsyncSession, conciliation: Conciliation, company_ids: Sequence[uuid.UUID], reference: str
) -> payments.ProcessorPayment | None:
    partner, processor = conciliation.partner_id, conciliation.processor
    found = await payments.link_by_processor_reference(session, partner, processor, reference)
    return found or await merchants.terminal_payment_by_processor_reference(session, company_ids, processor, reference)


def _our_amount(movement: SettledMovement, ours: payments.ProcessorPayment) -> Decimal:
    """What we recorded of the movement the line names: the capture it settled, or the refunds it took back."""
    return ours.captured if movement.status == "settled" else ours.refunded


def _outcome(movement: SettledMovement, ours: payments.ProcessorPayment | None) -> str:
    if ours is None:
        return "missing_on_our_side"
    same = _our_amount(movement, ours) == movement.amount and ours.currency == movement.currency
    return "matched" if same else "amount_mismatch"


async def conciliator(batch_id: uuid.UUID) -> batches.ProcessLine:
    """What the batch does with each of its lines: find the payment its reference names, compare, and keep
    the outcome under the batch and the line."""
    async with database.transaction() as session:
        conciliation = await session.get(Conciliation, batch_id)
        assert conciliation is not None
        company_ids = await identity.company_ids_of_partner(session, conciliation.partner_id)

    async def conciliate_line(fields: dict[str, str], line: int) -> LineOutcome:
        subject = fields.get("processorReference") or None
        try:
            movement = read_line(fields)
        except ApiError as refusal:
            return LineOutcome.refused(subject, refusal)
        async with database.transaction() as session:
            ours = await _our_payment(session, conciliation, company_ids, movement.processor_reference)
            outcome = _outcome(movement, ours)
            kept = {
                "processor_reference": movement.processor_reference,
                "status": movement.status,
                "amount": movement.amount,
                "currency": movement.currency,
                "settled_at": movement.settled_at,
                "outcome": outcome,
                "channel": ours.channel if ours else None,
                "payment_id": ours.payment_id if ours else None,
                "our_amount": _our_amount(movement, ours) if ours else None,
                "our_currency": ours.currency if ours else None,
            }
            # Conciliated again (a chunk cut short): the same row, brought to what the payment says now.
            await session.execute(
                insert(ConciliationLine)
                .values(batch_id=batch_id, line=line, **kept)
                .on_conflict_do_update(index_elements=["batch_id", "line"], set_=kept)
            )
        return LineOutcome(True, subject, outcome, ours.payment_id if ours else None)

    return conciliate_line


def _day(moment: datetime) -> datetime:
    return datetime.combine(moment.astimezone(UTC).date(), time(), tzinfo=UTC)


async def _captured_in(
    session: AsyncSession, conciliation: Conciliation, start: datetime, end: datetime
) -> AsyncIterator[payments.ProcessorPayment]:
    partner, processor = conciliation.partner_id, conciliation.processor
    async for payment in payments.links_captured_between(session, partner, processor, start, end):
        yield payment
    company_ids = await identity.company_ids_of_partner(session, partner)
    async for payment in merchants.terminal_payments_captured_between(session, company_ids, processor, start, end):
        yield payment


async def close(batch_id: uuid.UUID) -> None:
    """Once every line is conciliated: the file's period, and our captures in it the file does not list, kept
    with the report's closing in one transaction (closed already: nothing to do)."""
    async with database.transaction() as session:
        conciliation = await session.get(Conciliation, batch_id, with_for_update=True)
        assert conciliation is not None
        if conciliation.closed_at is not None:
            return
        first, last = (
            await session.execute(
                select(func.min(ConciliationLine.settled_at), func.max(ConciliationLine.settled_at)).where(
                    ConciliationLine.batch_id == batch_id
                )
            )
        ).one()
        if first is not None:  # no well-formed line: no period, nothing can be missing
            start, end = _day(first), _day(last) + timedelta(days=1)
            listed = set(
                await session.scalars(
                    select(ConciliationLine.processor_reference).where(
                        ConciliationLine.batch_id == batch_id, ConciliationLine.status == "settled"
                    )
                )
            )
            async for payment in _captured_in(session, conciliation, start, end):
                if payment.processor_reference not in listed:
                    assert payment.captured_at is not None
                    session.add(
                        ConciliationGap(
                            batch_id=batch_id,
                            channel=payment.channel,
                            payment_id=payment.payment_id,
                            processor_reference=payment.processor_reference,
                            amount=payment.captured,
                            currency=payment.currency,
                            captured_at=payment.captured_at,
                        )
                    )
            conciliation.settled_from, conciliation.settled_until = start, end
        conciliation.closed_at = clock.now()


async def conciliate(batch_id: uuid.UUID) -> None:
    """The whole job: every line, chunk by chunk (a run again after a crash resumes at the first line still
    pending), then the gaps."""
    if await batches.run(batch_id, await conciliator(batch_id)) == "done":
        await close(batch_id)


# ---- the report --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    conciliation: Conciliation
    lines: Sequence[ConciliationLine]  # in file order
    gaps: Sequence[ConciliationGap]  # oldest capture first

    def lines_with(self, outcome: str) -> list[ConciliationLine]:
        return [line for line in self.lines if line.outcome == outcome]

    @property
    def settled_from(self) -> date | None:
        return self.conciliation.settled_from.date() if self.conciliation.settled_from else None

    @property
    def settled_to(self) -> date | None:
        until = self.conciliation.settled_until
        return (until - timedelta(days=1)).date() if until else None


async def report_ready(session: AsyncSession, batch_id: uuid.UUID) -> bool:
    """Whether a conciliation's report is complete: its batch is done and its gaps found (the caller found the
    batch in its partner's scope)."""
    closed = await session.scalar(select(Conciliation.closed_at).where(Conciliation.batch_id == batch_id))
    return closed is not None


async def report(session: AsyncSession, partner_id: uuid.UUID, batch_id: uuid.UUID) -> Report:
    """The partner's conciliation once done (another partner's, or none, is 404; one still running 409)."""
    batch = await batches.find(session, owner(partner_id), CSV, batch_id)
    conciliation = await session.get(Conciliation, batch.id)
    assert conciliation is not None  # a partner's conciliation batch is made with its conciliation
    if conciliation.closed_at is None:
        raise ApiError(CONCILIATION_ERRORS.CONCILIATION_NOT_DONE, f"The batch is {batch.status}.")
    lines = await session.scalars(
        select(ConciliationLine).where(ConciliationLine.batch_id == batch.id).order_by(ConciliationLine.line)
    )
    gaps = await session.scalars(
        select(ConciliationGap)
        .where(ConciliationGap.batch_id == batch.id)
        .order_by(ConciliationGap.captured_at, ConciliationGap.payment_id)
    )
    return Report(conciliation, lines.all(), gaps.all())


REPORT_COLUMNS = (
    "line",
    "outcome",
    "processorReference",
    "status",
    "amount",
    "currency",
    "ourAmount",
    "ourCurrency",
    "channel",
    "paymentId",
    "at",
)


def report_csv(found: Report) -> str:
    """Every conciliated line in file order (`at`: its settledAt), then each payment missing on their side
    (`outcome` missing_on_theirs, no line, `at`: its capture)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REPORT_COLUMNS)
    for line in found.lines:
        writer.writerow(
            (
                line.line,
                line.outcome,
                batches.spreadsheet_cell(line.processor_reference),
                line.status,
                format_money(line.amount),
                line.currency,
                format_money(line.our_amount) if line.our_amount is not None else "",
                line.our_currency or "",
                line.channel or "",
                line.payment_id or "",
                format_timestamp(line.settled_at),
            )
        )
    for gap in found.gaps:
        writer.writerow(
            (
                "",
                "missing_on_theirs",
                batches.spreadsheet_cell(gap.processor_reference),
                "",
                "",
                "",
                format_money(gap.amount),
                gap.currency,
                gap.channel,
                gap.payment_id,
                format_timestamp(gap.captured_at),
            )
        )
    return out.getvalue()
