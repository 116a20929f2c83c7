"""The one row shape of the back office's transaction search (`GET /cms/rest/transactions`), so that support
answers "where is my money" in one search over three domains' tables, which the back office may not read.

Payments (link payments), cards (card transactions) and merchants (terminal payments) each export, through their
service, a SELECT of one partner's rows in this shape (`search_columns`), and the back office pages through the
UNION ALL of the three: PostgreSQL filters, searches, sorts, counts and pages the whole, so page 7 is exactly
rows 121-140 of the merged list and `totalItems` is exact whatever the mix of kinds. (Merging each domain's own
page in Python would need every domain to return `offset + limit` rows and a count, growing with the page.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import DateTime, Label, String, Uuid, cast, literal, null
from sqlalchemy.engine import Row
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeEngine

from migo.platform.money import MoneyColumn

TransactionKind = Literal["link_payment", "card_transaction", "terminal_payment"]

# Each column's type: a UNION needs every branch to agree, so each is cast (a NULL too) to it.
_COLUMNS: dict[str, TypeEngine[Any]] = {
    "kind": String(),
    "uid": String(),
    "created_at": DateTime(timezone=True),
    "amount": MoneyColumn,
    "currency": String(),
    "status": String(),
    "reference": String(),
    "external_id": String(),
    "user_id": String(),  # the end customer's id for a link; the card owner's user id for a card transaction
    "card_bin": String(),
    "card_last4": String(),
    "card_brand": String(),
    "counterpart_card_last4": String(),  # a transfer's target card: found by either card's last four
    "company_id": Uuid(),
    "client_slug": String(),
    "business_id": Uuid(),
}


def search_columns(
    kind: TransactionKind, **values: ColumnElement[Any] | InstrumentedAttribute[Any]
) -> list[Label[Any]]:
    """The SELECT list of a domain's rows: every column of the shape, in its order and type; a column the
    domain does not know is left out here and NULL there."""
    unknown = set(values) - (set(_COLUMNS) - {"kind"})
    if unknown:
        raise ValueError(f"not columns of the transaction search: {sorted(unknown)}")
    given: dict[str, ColumnElement[Any] | InstrumentedAttribute[Any]] = {"kind": literal(kind), **values}
    return [cast(given.get(name, null()), type_).label(name) for name, type_ in _COLUMNS.items()]


@dataclass(frozen=True)
class TransactionSummary:
    """One row of the search, as any domain's row reads."""

    kind: TransactionKind
    uid: str
    created_at: datetime
    amount: Decimal
    currency: str
    status: str
    reference: str | None
    external_id: str | None
    user_id: str | None
    card_bin: str | None
    card_last4: str | None
    card_brand: str | None
    counterpart_card_last4: str | None
    company_id: uuid.UUID | None
    client_slug: str | None
    business_id: uuid.UUID | None

    @classmethod
    def of(cls, row: Row[Any]) -> TransactionSummary:
        columns = row._mapping
        return cls(**{name: columns[name] for name in _COLUMNS})


assert [field.name for field in fields(TransactionSummary)] == list(_COLUMNS)  # one shape, read as written


@dataclass(frozen=True)
class TransactionRefund:
    """A refund an operator asked for: `pending` while the processor has not answered, else `succeeded` (a
    refused one is the domain's error instead)."""

    refund_id: uuid.UUID
    status: str
    amount: Decimal
    created_at: datetime
