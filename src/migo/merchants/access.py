"""Who may read what in the merchants domain: the domain's one tenant-scoping helper, `readable`.

Leads, their documents, businesses, branches, terminals, their payments, and settlements belong to the company
whose application created them; another company's do not exist for the caller (404). Only the company's
application (or one of its terminals, for the terminal's own payments) acts here, never a cardholder. On the CMS
a back-office operator reads through `readable_by_companies`: the rows of its partner's companies (identity's
`company_ids_of_partner` names them), and no other company's.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import TypeVar

from sqlalchemy import Select, select

from .models import (
    Branch,
    Business,
    Lead,
    LeadDocument,
    LeadReview,
    Payout,
    Settlement,
    Terminal,
    TerminalOperation,
    TerminalPayment,
)

Row = TypeVar(
    "Row",
    Lead,
    LeadDocument,
    Business,
    Branch,
    Terminal,
    LeadReview,
    TerminalPayment,
    TerminalOperation,
    Settlement,
    Payout,
)


def readable(company_id: uuid.UUID, model: type[Row]) -> Select[Row]:
    """The rows of `model` the company may read: its own."""
    return select(model).where(model.company_id == company_id)


def readable_by_companies(company_ids: Collection[uuid.UUID], model: type[Row]) -> Select[Row]:
    """The rows of `model` of any of these companies: what a partner's operator may read (none: nothing)."""
    return select(model).where(model.company_id.in_(list(company_ids)))
