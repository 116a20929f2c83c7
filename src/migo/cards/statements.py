"""Monthly card statements (seed 001): asked for with 201 and a reference, produced as a PDF by the worker."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import structlog
from fpdf.errors import FPDFException
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from migo.identity import service as identity
from migo.identity.principals import GatewayCaller
from migo.ledger import service as ledger
from migo.platform import clock
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import new_id
from migo.platform.jobs import defer
from migo.platform.money import display_money
from migo.platform.pdf import NumberedPdf, latin1

from .access import card_for, readable
from .errors import CARD_ERRORS
from .models import Card, CardProgram, CardStatement

log = structlog.get_logger("migo.cards")


def period(month: int, year: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
    return start, end


async def request_statement(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, month: int, year: int
) -> CardStatement:
    card = await card_for(session, caller, card_id, "view")
    now = clock.now()
    if (year, month) > (now.year, now.month):
        raise ApiError(ERRORS.VALIDATION_ERROR, "body: the statement's month cannot be in the future")
    statement = CardStatement(
        id=new_id(),
        company_id=card.company_id,
        card_id=card.id,
        month=month,
        year=year,
        status="processing",
        created_at=now,
    )
    session.add(statement)
    await session.flush()
    from .tasks import render_statement  # the task module imports this one

    await defer(session, render_statement, statement_id=str(statement.id))
    return statement


async def get_statement(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, statement_id: uuid.UUID, *, with_pdf: bool = False
) -> CardStatement:
    card = await card_for(session, caller, card_id, "view")
    query = readable(caller, CardStatement).where(CardStatement.id == statement_id, CardStatement.card_id == card.id)
    if with_pdf:
        query = query.options(undefer(CardStatement.pdf))
    statement = await session.scalar(query)
    if statement is None:
        raise ApiError(CARD_ERRORS.STATEMENT_NOT_FOUND)
    return statement


_COLUMNS = (("Date (UTC)", 36, "L"), ("Description", 82, "L"), ("Amount", 36, "R"), ("Balance", 36, "R"))


class _StatementPdf(NumberedPdf):
    """Pages after the first repeat the statement's running header and the table's column headings."""

    def __init__(self, running_header: str, currency: str) -> None:
        super().__init__(running_header)
        self.currency = currency
        self.in_table = False

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", size=8)
        self.set_text_color(110)
        self.cell(0, 6, self.document_title, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0)
        if self.in_table:
            self.column_headings()

    def column_headings(self) -> None:
        self.set_font("Helvetica", "B", 9)
        for heading, width, align in _COLUMNS:
            shown = f"{heading} ({self.currency})" if align == "R" else heading
            self.cell(width, 7, shown, border="B", align=align)
        self.ln()
        self.set_font("Helvetica", size=9)


def render_pdf(
    *,
    issuer: str,
    holder: str,
    card: Card,
    currency: str,
    month: int,
    year: int,
    opening: Decimal,
    lines: list[ledger.Movement],
    generated_at: datetime,
) -> bytes:
    """The statement: who issued it, whose card, the period and when it was made; opening and closing balances
    and the period's credits and debits; then every movement. Amounts in the currency's usual decimals, under
    right-aligned headings; every page numbered, and every page after the first headed again."""
    pdf = _StatementPdf(f"Card statement {year:04d}-{month:02d} - card ending {card.last4} - {issuer}", currency)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Card statement", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.set_text_color(90)
    pdf.cell(0, 6, latin1(issuer), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.ln(2)
    closing = lines[-1].balance_after if lines else opening
    credits = sum((line.amount for line in lines if line.amount > 0), Decimal(0))
    debits = sum((-line.amount for line in lines if line.amount < 0), Decimal(0))
    for label, value in (
        ("Cardholder", latin1(holder)),
        ("Card", f"**** **** **** {card.last4}"),
        ("Period", f"{year:04d}-{month:02d}"),
        ("Generated", generated_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("Opening balance", display_money(opening, currency)),
        ("Credits", display_money(credits, currency)),
        ("Debits", display_money(debits, currency)),
        ("Closing balance", display_money(closing, currency)),
    ):
        pdf.cell(45, 6, label)
        pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.in_table = True
    pdf.column_headings()
    if not lines:
        pdf.cell(0, 7, "No movements in this period.", new_x="LMARGIN", new_y="NEXT")
    for line in lines:
        description = line.description or line.kind.replace("_", " ").capitalize()
        pdf.cell(_COLUMNS[0][1], 6, line.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M"))
        pdf.cell(_COLUMNS[1][1], 6, latin1(description[:48]))
        pdf.cell(_COLUMNS[2][1], 6, _figure(line.amount, currency), align="R")
        pdf.cell(_COLUMNS[3][1], 6, _figure(line.balance_after, currency), align="R", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _figure(value: Decimal, currency: str) -> str:
    """An amount in a column headed with its currency: `1,234.50`."""
    return display_money(value, currency).removeprefix(f"{currency} ")


async def produce(session: AsyncSession, statement_id: uuid.UUID) -> CardStatement | None:
    """Render a statement (the worker's job); a statement already produced is left as it is."""
    statement = await session.get(CardStatement, statement_id, with_for_update=True)
    if statement is None or statement.status != "processing":
        return None
    card = await session.get(Card, statement.card_id)
    assert card is not None
    program = await session.get(CardProgram, card.program_id)
    holder = (
        await identity.cardholder_name(session, card.company_id, card.owner_user_id) if card.owner_user_id else None
    )
    assert program is not None
    start, end = period(statement.month, statement.year)
    opening, lines = await ledger.statement_of(session, card.account_id, start, end)
    try:
        statement.pdf = render_pdf(
            issuer=f"{program.name}, issued by {await identity.company_name(session, card.company_id)}",
            holder=holder or card.embossed_name or "-",
            card=card,
            currency=program.currency,
            month=statement.month,
            year=statement.year,
            opening=opening,
            lines=lines,
            generated_at=clock.now(),
        )
    except FPDFException:
        # Rendering the same data again would fail the same way: say so instead of staying "processing".
        log.exception("statement_render_failed", statement_id=str(statement.id))
        statement.status = "failed"
        return statement
    statement.status = "ready"
    statement.ready_at = clock.now()
    return statement
