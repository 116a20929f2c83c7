"""What the rest of Migo asks of cards: its one entry point. The sandbox, the `migo` command and the
benchmark provision programs and stock through it; no one else reads cards' tables.

- a program: `provision_program` with its `ProgramTerms`, `deposit_funding` into its funding account;
- stock: `print_cards` (inactive plastics, returned once with their numbers), `unassigned_stock`;
- a card's life as an operator's tool drives it: `activate`, `move_funds`, acting as an `Actor`.
"""

from __future__ import annotations

from .activation import activate
from .audit import Actor
from .funds import move_funds
from .programs import PrintedCard, ProgramTerms, deposit_funding, print_cards, provision_program, unassigned_stock

__all__ = [
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
