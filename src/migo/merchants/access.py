"""Who may read what in the merchants domain: the domain's one tenant-scoping helper, `readable`.

Leads, their documents, businesses, branches, terminals, their payments, and settlements belong to the company
whose application created them; another company's do not exist for the caller (404). Only the company's
application (or one of its terminals, for the terminal's own payments) acts here, never a cardholder.
"""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy import Select, select

from .models import (
    Branch,
    Business,
    Lead,
    LeadDocument,
    Payout,
    Settlement,
    Terminal,
    TerminalOperation,
    TerminalPayment,
)

Row = TypeVar(
    "Row", Lead, LeadDocument, Business, Branch, Terminal, TerminalPayment, TerminalOperation, Settlement, Payout
)


def readable(company_id: uuid.UUID, model: type[Row]) -> Select[Row]:
    """The rows of `model` the company may read: its own."""
    return select(model).where(model.company_id == company_id)
