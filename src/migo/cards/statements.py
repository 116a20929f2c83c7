"""Monthly card statements (seed 001): asked for with 201 and a reference, produced as a PDF by the worker."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import structlog
from babel.dates import format_date, format_skeleton, format_time
from fpdf.errors import FPDFException
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from migo.identity import service as identity
from migo.identity.principals import GatewayCaller
from migo.ledger import service as ledger
from migo.platform import clock, i18n
from migo.platform.errors import ERRORS, ApiError
from migo.platform.i18n import N_
from migo.platform.ids import new_id
from migo.platform.jobs import defer
from migo.platform.money import display_figure, display_money
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


_COLUMNS = (
    (N_("Date (UTC)"), 36, "L"),
    (N_("Description"), 82, "L"),
    (N_("Amount"), 36, "R"),
    (N_("Balance"), 36, "R"),
)


class _StatementPdf(NumberedPdf):
    """Pages after the first repeat the statement's running header and the table's column headings."""

    def __init__(self, running_header: str, currency: str, language: str) -> None:
        super().__init__(running_header, language)
        self.currency = currency
        self.language = language
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
        for message, width, align in _COLUMNS:
            heading = latin1(i18n.translate(self.language, message))
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
    language: str = i18n.SOURCE_LANGUAGE,
) -> bytes:
    """The statement: who issued it, whose card, the period and when it was made; opening and closing balances
    and the period's credits and debits; then every movement. Amounts in the currency's usual decimals, under
    right-aligned headings; every page numbered, and every page after the first headed again. Its words, amounts
    and dates in `language`."""

    def _(message: str) -> str:
        return latin1(i18n.translate(language, message))

    running_header = _(N_("Card statement %(period)s - card ending %(last4)s - %(issuer)s")) % {
        "period": f"{year:04d}-{month:02d}",
        "last4": card.last4,
        "issuer": issuer,
    }
    pdf = _StatementPdf(running_header, currency, language)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, _(N_("Card statement")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.set_text_color(90)
    pdf.cell(0, 6, latin1(issuer), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.ln(2)
    closing = lines[-1].balance_after if lines else opening
    credits = sum((line.amount for line in lines if line.amount > 0), Decimal(0))
    debits = sum((-line.amount for line in lines if line.amount < 0), Decimal(0))
    generated = generated_at.astimezone(UTC)
    for label, value in (
        (N_("Cardholder"), latin1(holder)),
        (N_("Card"), f"**** **** **** {card.last4}"),
        (N_("Period"), format_skeleton("yMMMM", datetime(year, month, 1), locale=language)),
        (N_("Generated"), f"{format_date(generated, 'medium', locale=language)} {_time(generated, language)} UTC"),
        (N_("Opening balance"), display_money(opening, currency, language)),
        (N_("Credits"), display_money(credits, currency, language)),
        (N_("Debits"), display_money(debits, currency, language)),
        (N_("Closing balance"), display_money(closing, currency, language)),
    ):
        pdf.cell(45, 6, _(label))
        pdf.cell(0, 6, latin1(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.in_table = True
    pdf.column_headings()
    if not lines:
        pdf.cell(0, 7, _(N_("No movements in this period.")), new_x="LMARGIN", new_y="NEXT")
    for line in lines:
        description = line.description or line.kind.replace("_", " ").capitalize()
        at = line.created_at.astimezone(UTC)
        pdf.cell(_COLUMNS[0][1], 6, latin1(f"{format_skeleton('yMd', at, locale=language)} {_time(at, language)}"))
        pdf.cell(_COLUMNS[1][1], 6, latin1(description[:48]))
        pdf.cell(_COLUMNS[2][1], 6, latin1(display_figure(line.amount, currency, language)), align="R")
        pdf.cell(
            _COLUMNS[3][1],
            6,
            latin1(display_figure(line.balance_after, currency, language)),
            align="R",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return bytes(pdf.output())


def _time(value: datetime, language: str) -> str:
    """Hours and minutes as the language writes them, in UTC (the statement's time zone)."""
    return format_time(value, "short", tzinfo=UTC, locale=language)


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
    # The partner's language, else English: the worker has no reader's browser to ask.
    language = i18n.choose(
        await identity.partner_locale(session, await identity.partner_of_company(session, card.company_id))
    )
    issued_by = i18n.translate(language, N_("%(program)s, issued by %(company)s"))
    try:
        statement.pdf = render_pdf(
            issuer=issued_by
            % {"program": program.name, "company": await identity.company_name(session, card.company_id)},
            language=language,
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
