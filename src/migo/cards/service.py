"""What the rest of Migo asks of cards: its one entry point. The sandbox, the `migo` command and the
benchmark provision programs and stock through it; no one else reads cards' tables.

- a program: `provision_program` with its `ProgramTerms`, `deposit_funding` into its funding account;
- stock: `print_cards` (inactive plastics, returned once with their numbers), `unassigned_stock`;
- a card's life as an operator's tool drives it: `activate`, `move_funds`, acting as an `Actor`;
- the ledger's verification: `MOVEMENT_SOURCES` (card transactions, network clearings) and `JOURNAL_ONLY`.
"""

from __future__ import annotations

from .activation import activate
from .audit import Actor
from .funds import move_funds
from .programs import PrintedCard, ProgramTerms, deposit_funding, print_cards, provision_program, unassigned_stock
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
    "provision_program",
    "unassigned_stock",
]
