"""What the rest of Migo asks of cards: its one entry point. The sandbox, the `migo` command and the
benchmark provision programs and stock through it; no one else reads cards' tables.

- a program: `provision_program` with its `ProgramTerms`, `deposit_funding` into its funding account;
- stock: `print_cards` (inactive plastics in one stock batch, returned once with their numbers), or
  `start_printing` (a run the worker prints a chunk at a time; `open_stock_batch` and `print_next_chunk` for
  a run printed in place), `unassigned_stock`; a partner's stock batches
  (`STOCK_BATCHES`, `stock_batches`, `stock_batch`) and a batch's embossing file (`embossing_lines`, written out
  by `embossing_csv`);
- a card's life as an operator's tool drives it: `activate`, `move_funds`, acting as an `Actor`;
- the ledger's verification: `MOVEMENT_SOURCES` (card transactions, network clearings) and `JOURNAL_ONLY`;
- a company's program currency (merchants price in it): `program_currency`; the programs of a partner's
  companies, as its back office shows them: `company_programs`;
- a card that money from outside the program may be credited to (a merchant's settlement): `credit_target`;
- a partner's back office: a cardholder's cards (`holder_cards`), a card blocked or unblocked by an operator
  (`operator_transition`), its companies' card transactions in the CMS's transaction search
  (`partner_card_transactions`) and one of them (`partner_card_transaction`); a cardholder's cards blocked with it and
  unblocked with it (`holder_transition`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger
from migo.platform.errors import ApiError
from migo.platform.pagination import PageRequest, SortOrder

from . import lifecycle
from .access import readable, readable_by_companies
from .activation import activate
from .audit import Actor
from .back_office import CardSide, PartnerCardTransaction, partner_card_transaction, partner_card_transactions
from .errors import CARD_ERRORS
from .funds import move_funds
from .lifecycle import holder_transition
from .models import Card, CardProgram, CardUser
from .programs import (
    MAX_PRINT,
    PrintedCard,
    PrintedStock,
    ProgramTerms,
    deposit_funding,
    open_stock_batch,
    print_cards,
    print_next_chunk,
    program_of,
    provision_program,
    unassigned_stock,
)
from .reconciliation import JOURNAL_ONLY, MOVEMENT_SOURCES
from .stock import STOCK_BATCHES, StockBatch, embossing_csv, embossing_lines, stock_batch, stock_batches
from .tasks import start_printing

__all__ = [
    "JOURNAL_ONLY",
    "MAX_PRINT",
    "MOVEMENT_SOURCES",
    "STOCK_BATCHES",
    "Actor",
    "CardSide",
    "CreditTarget",
    "HeldCard",
    "PartnerCardTransaction",
    "PrintedCard",
    "PrintedStock",
    "ProgramTerms",
    "StockBatch",
    "activate",
    "company_programs",
    "credit_target",
    "deposit_funding",
    "embossing_csv",
    "embossing_lines",
    "holder_cards",
    "holder_transition",
    "move_funds",
    "open_stock_batch",
    "operator_transition",
    "owners_by_last4",
    "partner_card_transaction",
    "partner_card_transactions",
    "print_cards",
    "print_next_chunk",
    "program_currency",
    "provision_program",
    "start_printing",
    "stock_batch",
    "stock_batches",
    "unassigned_stock",
]


async def program_currency(session: AsyncSession, company_id: uuid.UUID) -> str:
    """The currency of the company's card program; 409/7221 when it has none."""
    return (await program_of(session, company_id)).currency


async def company_programs(session: AsyncSession, company_ids: list[uuid.UUID]) -> dict[uuid.UUID, ProgramTerms]:
    """The card program of each of these companies that has one, by company: its name, currency, BIN and
    limits (what the company's cards are branded and bounded by)."""
    programs = await session.scalars(readable_by_companies(company_ids, CardProgram))
    return {
        program.company_id: ProgramTerms(
            name=program.name,
            currency=program.currency,
            bin=program.bin,
            max_balance=program.max_balance,
            per_transfer_limit=program.per_transfer_limit,
            daily_transfer_limit=program.daily_transfer_limit,
            validity_months=program.validity_months,
        )
        for program in programs
    }


async def owners_by_last4(session: AsyncSession, company_ids: list[uuid.UUID], last4: str) -> list[uuid.UUID]:
    """The cardholders of these companies who own a card ending in `last4` (a back office's search)."""
    found = await session.scalars(
        readable_by_companies(company_ids, Card)
        .with_only_columns(Card.owner_user_id)
        .where(Card.last4 == last4, Card.owner_user_id.is_not(None))
        .distinct()
    )
    return [owner for owner in found if owner is not None]


@dataclass(frozen=True)
class CreditTarget:
    """A card's ledger account as a credit from outside the program sees it: its currency, and the highest
    balance the program lets it reach (None: no maximum)."""

    card_id: uuid.UUID
    account_id: uuid.UUID
    currency: str
    ceiling: Decimal | None
    active: bool


async def credit_target(session: AsyncSession, company_id: uuid.UUID, card_id: uuid.UUID) -> CreditTarget | None:
    """The company's card by its id, for a credit (None when the company has no such card, or it was
    cancelled: no money goes to a cancelled card)."""
    row = (
        await session.execute(
            readable(company_id, Card)
            .join(CardProgram, CardProgram.id == Card.program_id)
            .with_only_columns(Card.id, Card.account_id, Card.status, CardProgram.currency, CardProgram.max_balance)
            .where(Card.id == card_id, Card.status != "CANCELLED")
        )
    ).first()
    if row is None:
        return None
    return CreditTarget(row.id, row.account_id, row.currency, row.max_balance, row.status == "ACTIVE")


@dataclass(frozen=True)
class HeldCard:
    """A card a cardholder holds, as the back office shows it: never its number, only its BIN and last four;
    with its latest movements, newest first."""

    card: Card
    balance: ledger.Balance
    is_owner: bool
    recent_movements: Sequence[ledger.Movement]


RECENT_MOVEMENTS = 5


async def holder_cards(session: AsyncSession, company_id: uuid.UUID, user_id: uuid.UUID) -> list[HeldCard]:
    rows = await session.execute(
        readable(company_id, Card)
        .add_columns(CardUser.is_owner)
        .join(CardUser, CardUser.card_id == Card.id)
        .where(CardUser.user_id == user_id)
        .order_by(Card.created_at, Card.id)
    )
    latest = PageRequest(1, RECENT_MOVEMENTS, ledger.MOVEMENTS.default_sort, SortOrder.DESC, None)
    return [
        HeldCard(
            card,
            await ledger.balance_of(session, card.account_id),
            owner,
            (await ledger.movements(session, card.account_id, latest))[0],
        )
        for card, owner in rows
    ]


async def operator_transition(
    session: AsyncSession,
    company_ids: list[uuid.UUID],
    card_id: uuid.UUID,
    action: str,
    *,
    reason: str,
    operator_id: uuid.UUID,
) -> tuple[str, Card]:
    """Block or unblock a card of one of the companies (a back-office operator's), audited as the operator's
    on the `cms` channel; another company's card, or none, is 7200. Answers the status before, and the card."""
    for company_id in company_ids:
        card = await session.scalar(readable(company_id, Card).where(Card.id == card_id).with_for_update())
        if card is not None:
            before = card.status
            moved = await lifecycle.move(
                session, card, action, reason=reason, actor=Actor("operator", str(operator_id), "cms")
            )
            return before, moved
    raise ApiError(CARD_ERRORS.CARD_NOT_FOUND)
