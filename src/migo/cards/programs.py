"""Card programs (provisioned at onboarding, seed 004 step 1), their funding, and card stock printing."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger
from migo.platform import clock, pan
from migo.platform.db import database
from migo.platform.errors import ApiError
from migo.platform.ids import new_id
from migo.platform.secrets import CardNumber

from .access import readable
from .audit import SYSTEM, Actor
from .errors import CARD_ERRORS
from .models import Card, CardProgram, CardStockBatch

FUNDING_DEPOSIT_KIND = "funding_deposit"  # the ledger entry of money a company wired in
STOCK_CHUNK = 250  # cards printed and committed together by a worker's print run
MAX_PRINT = 10_000  # cards in one print run


@dataclass(frozen=True)
class ProgramTerms:
    name: str
    currency: str
    bin: str
    max_balance: Decimal | None = None
    per_transfer_limit: Decimal | None = None
    daily_transfer_limit: Decimal | None = None
    validity_months: int = 36

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[0-9]{6,8}", self.bin):
            raise ValueError("a BIN has 6 to 8 digits")
        if not (len(self.currency) == 3 and self.currency.isalpha() and self.currency.isupper()):
            raise ValueError("currency is an ISO 4217 code such as GTQ")
        if not 1 <= self.validity_months <= 120:
            raise ValueError("cards are valid for 1 to 120 months")


async def program_of(session: AsyncSession, company_id: uuid.UUID) -> CardProgram:
    program = await session.scalar(readable(company_id, CardProgram))
    if program is None:
        raise ApiError(CARD_ERRORS.CARD_PROGRAM_NOT_FOUND)
    return program


async def provision_program(session: AsyncSession, company_id: uuid.UUID, terms: ProgramTerms) -> CardProgram:
    """Create the company's program and funding account, or update its terms (the currency stays)."""
    program = await session.scalar(readable(company_id, CardProgram))
    if program is None:
        funding = await ledger.open_account(session, kind="funding", currency=terms.currency, company_id=company_id)
        program = CardProgram(id=new_id(), company_id=company_id, funding_account_id=funding.id, created_at=clock.now())
        session.add(program)
    elif program.currency != terms.currency:
        raise ValueError("a program's currency cannot change once its accounts exist")
    program.name = terms.name
    program.currency = terms.currency
    program.bin = terms.bin
    program.max_balance = terms.max_balance
    program.per_transfer_limit = terms.per_transfer_limit
    program.daily_transfer_limit = terms.daily_transfer_limit
    program.validity_months = terms.validity_months
    program.updated_at = clock.now()
    await session.flush()
    return program


async def deposit_funding(
    session: AsyncSession, company_id: uuid.UUID, amount: Decimal, *, reference: str | None = None
) -> ledger.EntryResult:
    """Money the company wired in: it becomes loadable onto cards."""
    program = await program_of(session, company_id)
    bank = await ledger.system_account(session, kind=ledger.BANK_CLEARING, currency=program.currency)
    return await ledger.post_entry(
        session,
        reference=reference or f"funding-deposit:{new_id()}",
        kind=FUNDING_DEPOSIT_KIND,
        description="Funding deposit",
        legs=ledger.transfer_legs(bank.id, program.funding_account_id, amount),
    )


@dataclass(frozen=True)
class PrintedCard:
    """A line of the embossing file: the one place a full card number is shown."""

    card_id: uuid.UUID
    number: CardNumber
    expiry: str  # MM/YY
    name: str | None


@dataclass(frozen=True)
class PrintedStock:
    """A print run: its stock batch and its cards, with their numbers (returned once, for the embossing file)."""

    batch_id: uuid.UUID
    cards: list[PrintedCard]


def _expiry(validity_months: int) -> tuple[int, int]:
    today = clock.now()
    months = today.year * 12 + today.month - 1 + validity_months
    return months % 12 + 1, months // 12


async def print_cards(
    session: AsyncSession,
    company_id: uuid.UUID,
    count: int,
    *,
    embossed_name: str | None = None,
    printed_by: Actor = SYSTEM,
) -> PrintedStock:
    """Create `count` inactive, unassigned physical cards with Luhn-valid numbers on the program's BIN, as one
    stock batch (who printed it kept with it), in the caller's transaction."""
    batch = await open_stock_batch(session, company_id, count, embossed_name=embossed_name, printed_by=printed_by)
    return PrintedStock(batch.id, await print_into(session, batch, count))


async def open_stock_batch(
    session: AsyncSession,
    company_id: uuid.UUID,
    count: int,
    *,
    embossed_name: str | None = None,
    printed_by: Actor = SYSTEM,
) -> CardStockBatch:
    """A print run of `count` cards, none printed yet (`print_into` prints them, a chunk at a time if need be);
    7221 when the company has no card program."""
    if not 1 <= count <= MAX_PRINT:
        raise ValueError(f"print 1 to {MAX_PRINT:,} cards at a time")
    await program_of(session, company_id)
    batch = CardStockBatch(
        id=new_id(),
        company_id=company_id,
        count=count,
        printed=0,
        embossed_name=embossed_name.strip().upper()[:26] if embossed_name else None,
        actor_kind=printed_by.kind,
        actor_id=printed_by.id,
        channel=printed_by.channel,
        created_at=clock.now(),
    )
    session.add(batch)
    await session.flush()
    return batch


async def print_into(session: AsyncSession, batch: CardStockBatch, count: int) -> list[PrintedCard]:
    """Print `count` more cards of the run (at most what it has left), counted on the batch in the same
    transaction: a chunk is printed and counted together, or not at all."""
    count = min(count, batch.count - batch.printed)
    company_id, name = batch.company_id, batch.embossed_name
    program = await program_of(session, company_id)
    month, year = _expiry(program.validity_months)
    printed: list[PrintedCard] = []
    while len(printed) < count:
        number = pan.generate(program.bin)
        sealed = pan.seal(number)
        try:
            async with session.begin_nested():  # a number already issued (rare): draw another
                account = await ledger.open_account(
                    session, kind="card", currency=program.currency, company_id=company_id
                )
                card = Card(
                    id=new_id(),
                    company_id=company_id,
                    program_id=program.id,
                    account_id=account.id,
                    pan_ciphertext=sealed.ciphertext,
                    pan_fingerprint=sealed.fingerprint,
                    bin=sealed.bin,
                    last4=sealed.last4,
                    expiry_month=month,
                    expiry_year=year,
                    embossed_name=name,
                    status="INACTIVE",
                    stock_batch_id=batch.id,
                    created_at=clock.now(),
                )
                session.add(card)
                await session.flush()
        except IntegrityError:
            continue
        printed.append(PrintedCard(card.id, CardNumber(number), f"{month:02d}/{year % 100:02d}", name))
    batch.printed += len(printed)
    await session.flush()
    return printed


async def print_next_chunk(batch_id: uuid.UUID) -> tuple[int, int]:
    """Print the next chunk of a run in a transaction of its own (a worker's step; one at a time per run, under
    the run's row lock): answers (printed, count) once it is committed."""
    async with database.transaction() as session:
        batch = await session.get(CardStockBatch, batch_id, with_for_update=True)
        assert batch is not None  # the job names a run it was queued for
        await print_into(session, batch, STOCK_CHUNK)
        return batch.printed, batch.count


async def unassigned_stock(session: AsyncSession, company_id: uuid.UUID, limit: int) -> list[PrintedCard]:
    """Inactive cards nobody holds yet, with their numbers (the sandbox cheat sheet shows a few)."""
    cards = await session.scalars(
        readable(company_id, Card)
        .where(Card.status == "INACTIVE", Card.owner_user_id.is_(None))
        .order_by(Card.created_at, Card.id)
        .limit(limit)
    )
    return [printed_card(card) for card in cards]


def printed_card(card: Card) -> PrintedCard:
    """A card as its embossing line shows it: its number revealed from the vault."""
    return PrintedCard(
        card.id,
        pan.reveal(card.pan_ciphertext),
        f"{card.expiry_month:02d}/{card.expiry_year % 100:02d}",
        card.embossed_name,
    )
