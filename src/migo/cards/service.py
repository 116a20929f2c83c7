"""What the rest of Migo asks of cards: its one entry point. The sandbox, the `migo` command and the
benchmark provision programs and stock through it; no one else reads cards' tables.

- a program: `provision_program` with its `ProgramTerms`, `deposit_funding` into its funding account;
- stock: `print_cards` (inactive plastics, returned once with their numbers), `unassigned_stock`;
- a card's life as an operator's tool drives it: `activate`, `move_funds`, acting as an `Actor`;
- the ledger's verification: `MOVEMENT_SOURCES` (card transactions, network clearings) and `JOURNAL_ONLY`;
- a company's program currency (merchants price in it): `program_currency`;
- a card that money from outside the program may be credited to (a merchant's settlement): `credit_target`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from .access import readable
from .activation import activate
from .audit import Actor
from .funds import move_funds
from .models import Card, CardProgram
from .programs import (
    PrintedCard,
    ProgramTerms,
    deposit_funding,
    print_cards,
    program_of,
    provision_program,
    unassigned_stock,
)
from .reconciliation import JOURNAL_ONLY, MOVEMENT_SOURCES

__all__ = [
    "JOURNAL_ONLY",
    "MOVEMENT_SOURCES",
    "Actor",
    "CreditTarget",
    "PrintedCard",
    "ProgramTerms",
    "activate",
    "credit_target",
    "deposit_funding",
    "move_funds",
    "print_cards",
    "program_currency",
    "provision_program",
    "unassigned_stock",
]


async def program_currency(session: AsyncSession, company_id: uuid.UUID) -> str:
    """The currency of the company's card program; 409/7221 when it has none."""
    return (await program_of(session, company_id)).currency


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
