"""Monthly card statements (seed 001): asked for with 201 and a reference, produced as a PDF by the worker."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import structlog
from fpdf import FPDF
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
from migo.platform.money import format_money
from migo.platform.pdf import latin1

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


def render_pdf(
    *, holder: str, card: Card, currency: str, month: int, year: int, opening: Decimal, lines: list[ledger.Movement]
) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Card statement", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    closing = lines[-1].balance_after if lines else opening
    for label, value in (
        ("Cardholder", latin1(holder)),
        ("Card", f"**** **** **** {card.last4}"),
        ("Period", f"{year:04d}-{month:02d}"),
        ("Opening balance", f"{format_money(opening)} {currency}"),
        ("Closing balance", f"{format_money(closing)} {currency}"),
    ):
        pdf.cell(45, 6, label)
        pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 10)
    widths = (40, 80, 35, 35)
    for width, heading in zip(widths, ("Date (UTC)", "Description", "Amount", "Balance"), strict=True):
        pdf.cell(width, 7, heading, border="B")
    pdf.ln()
    pdf.set_font("Helvetica", size=9)
    if not lines:
        pdf.cell(0, 7, "No movements in this period.", new_x="LMARGIN", new_y="NEXT")
    for line in lines:
        description = line.description or line.kind.replace("_", " ").capitalize()
        pdf.cell(widths[0], 6, line.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M"))
        pdf.cell(widths[1], 6, latin1(description[:48]))
        pdf.cell(widths[2], 6, format_money(line.amount), align="R")
        pdf.cell(widths[3], 6, format_money(line.balance_after), align="R", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


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
            holder=holder or card.embossed_name or "-",
            card=card,
            currency=program.currency,
            month=statement.month,
            year=statement.year,
            opening=opening,
            lines=lines,
        )
    except FPDFException:
        # Rendering the same data again would fail the same way: say so instead of staying "processing".
        log.exception("statement_render_failed", statement_id=str(statement.id))
        statement.status = "failed"
        return statement
    statement.status = "ready"
    statement.ready_at = clock.now()
    return statement
