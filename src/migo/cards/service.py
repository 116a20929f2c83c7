"""What the rest of Migo asks of cards: its one entry point. The sandbox, the `migo` command and the
benchmark provision programs and stock through it; no one else reads cards' tables.

- a program: `provision_program` with its `ProgramTerms`, `deposit_funding` into its funding account;
- stock: `print_cards` (inactive plastics, returned once with their numbers), `unassigned_stock`;
- a card's life as an operator's tool drives it: `activate`, `move_funds`, acting as an `Actor`;
- the ledger's verification: `MOVEMENT_SOURCES` (card transactions, network clearings) and `JOURNAL_ONLY`;
- a company's program currency (merchants price in it): `program_currency`.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from .activation import activate
from .audit import Actor
from .funds import move_funds
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
    "PrintedCard",
    "ProgramTerms",
    "activate",
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
