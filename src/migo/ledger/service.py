"""The ledger: the only code that changes a balance.

A small, strict API in the spirit of TigerBeetle: open an account, post a balanced entry (at most once per
reference), place / post / void a hold, reverse an entry. The writes run in PostgreSQL functions
(sql/functions.sql): one round trip, accounts locked in id order. A business refusal (insufficient funds, a
ceiling) is an outcome the caller turns into its own answer, never a half-applied entry.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from sqlalchemy import Select, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock
from migo.platform.ids import new_id
from migo.platform.pagination import Listing, PageMeta, PageRequest

from .models import Account, Entry, Hold, Posting

# The ledger's verification, for the domains that record the money they move (`MovementSource`).
from .verify import SHOWN_OFFENDERS as SHOWN_OFFENDERS
from .verify import CheckResult as CheckResult
from .verify import Contradiction as Contradiction
from .verify import JournalOnly as JournalOnly
from .verify import MovementSource as MovementSource
from .verify import RecordedBatch as RecordedBatch
from .verify import RecordedMovement as RecordedMovement
from .verify import VerifyReport as VerifyReport
from .verify import count_contradictions as count_contradictions
from .verify import verify_ledger as verify_ledger

# Well-known system accounts (one per currency): money arriving from or leaving to banks; card money in
# flight between a card Migo issued and a merchant it paid on-us (the on-us processor, cards.on_us, debits the
# card into it; payments books each capture out of it, as out of any processor's clearing account).
BANK_CLEARING = "bank_clearing"
ON_US_CLEARING = "on_us_clearing"

EntryOutcome = Literal["posted", "duplicate", "insufficient_funds", "ceiling_exceeded", "hold_not_pending"]


class LedgerError(Exception):
    """A programming error in a caller (an unbalanced entry, a non-positive amount): never a client's fault."""


@dataclass(frozen=True)
class Leg:
    """One posting of an entry: `amount` is signed (positive raises the account's balance)."""

    account_id: uuid.UUID
    amount: Decimal
    ceiling: Decimal | None = None  # the highest balance this account may reach through this entry


@dataclass(frozen=True)
class EntryResult:
    outcome: EntryOutcome
    entry_id: uuid.UUID | None
    refused_account_id: uuid.UUID | None = None

    @property
    def applied(self) -> bool:
        """The entry exists now: posted by this call, or by an earlier one with the same reference."""
        return self.outcome in ("posted", "duplicate")


async def open_account(
    session: AsyncSession, *, kind: str, currency: str, company_id: uuid.UUID | None, allow_negative: bool = False
) -> Account:
    account = Account(
        id=new_id(),
        kind=kind,
        currency=currency,
        company_id=company_id,
        allow_negative=allow_negative,
        balance=Decimal(0),
        held=Decimal(0),
        created_at=clock.now(),
    )
    session.add(account)
    await session.flush()
    return account


async def allow_overdraft(session: AsyncSession, account_id: uuid.UUID) -> None:
    """Let the account go below zero from now on: a pool whose refunds may draw on money a settlement already
    paid out, netted by its next settlement (never a customer's balance)."""
    await session.execute(update(Account).where(Account.id == account_id).values(allow_negative=True))


async def system_account(session: AsyncSession, *, kind: str, currency: str) -> Account:
    """The platform's one account of this kind and currency (the outside world's side of an entry: money
    arriving from banks, owed by card networks); it may go negative. Opened the first time it is needed."""
    statement = select(Account).where(Account.kind == kind, Account.currency == currency, Account.company_id.is_(None))
    account = await session.scalar(statement)
    if account is None:
        # Two first uses at once must not open two accounts.
        await session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 7400001))"), {"key": f"{kind}:{currency}"}
        )
        account = await session.scalar(statement) or await open_account(
            session, kind=kind, currency=currency, company_id=None, allow_negative=True
        )
    return account


_POST_ENTRY = text(
    "SELECT entry_id, outcome, account_id FROM ledger_post_entry("
    "CAST(:entry_id AS uuid), :reference, :kind, :description, CAST(:accounts AS uuid[]), "
    "CAST(:amounts AS numeric[]), CAST(:ceilings AS numeric[]), CAST(:release_hold AS uuid), "
    "CAST(:reverses AS uuid), :at)"
)


async def post_entry(
    session: AsyncSession,
    *,
    reference: str,
    kind: str,
    legs: Sequence[Leg],
    description: str | None = None,
    release_hold: uuid.UUID | None = None,
    reverses: uuid.UUID | None = None,
) -> EntryResult:
    """Apply a balanced entry once: a second call with the same reference answers `duplicate`."""
    if len(legs) < 2 or len({leg.account_id for leg in legs}) != len(legs):
        raise LedgerError("an entry needs two or more postings on distinct accounts")
    if any(leg.amount == 0 for leg in legs):
        raise LedgerError("a posting cannot be zero")
    row = (
        await session.execute(
            _POST_ENTRY,
            {
                "entry_id": new_id(),
                "reference": reference,
                "kind": kind,
                "description": description,
                "accounts": [leg.account_id for leg in legs],
                "amounts": [leg.amount for leg in legs],
                "ceilings": [leg.ceiling for leg in legs],
                "release_hold": release_hold,
                "reverses": reverses,
                "at": clock.now(),
            },
        )
    ).one()
    return EntryResult(outcome=row.outcome, entry_id=row.entry_id, refused_account_id=row.account_id)


def transfer_legs(
    source: uuid.UUID, target: uuid.UUID, amount: Decimal, *, target_ceiling: Decimal | None = None
) -> list[Leg]:
    """The two postings that move `amount` from one account to another."""
    if amount <= 0:
        raise LedgerError("a transfer amount must be positive")
    return [Leg(source, -amount), Leg(target, amount, target_ceiling)]


@dataclass(frozen=True)
class HoldResult:
    outcome: Literal["placed", "duplicate", "insufficient_funds"]
    hold_id: uuid.UUID | None


async def place_hold(session: AsyncSession, *, reference: str, account_id: uuid.UUID, amount: Decimal) -> HoldResult:
    """Reserve `amount` of the account's available balance (balance minus other holds)."""
    if amount <= 0:
        raise LedgerError("a hold amount must be positive")
    row = (
        await session.execute(
            text(
                "SELECT hold_id, outcome FROM ledger_place_hold("
                "CAST(:hold_id AS uuid), :reference, CAST(:account AS uuid), :amount, :at)"
            ),
            {"hold_id": new_id(), "reference": reference, "account": account_id, "amount": amount, "at": clock.now()},
        )
    ).one()
    return HoldResult(outcome=row.outcome, hold_id=row.hold_id)


async def post_hold(
    session: AsyncSession,
    *,
    hold_id: uuid.UUID,
    reference: str,
    kind: str,
    legs: Sequence[Leg],
    description: str | None = None,
) -> EntryResult:
    """Settle a pending hold with an entry (a capture: it may move less than was held); the rest is released."""
    return await post_entry(
        session, reference=reference, kind=kind, legs=legs, description=description, release_hold=hold_id
    )


async def void_hold(session: AsyncSession, hold_id: uuid.UUID) -> Literal["voided", "hold_not_pending", "not_found"]:
    outcome = await session.scalar(
        text("SELECT ledger_void_hold(CAST(:hold AS uuid), :at)"), {"hold": hold_id, "at": clock.now()}
    )
    return outcome


async def reverse_entry(
    session: AsyncSession,
    entry_id: uuid.UUID,
    *,
    kind: str,
    reference: str | None = None,
    release_hold: uuid.UUID | None = None,
) -> EntryResult:
    """A new entry of `kind` (the caller's: a payment's void, …) with every posting negated; an entry is
    reversed at most once. `release_hold`: a pending hold that reserved the reversal's amount, settled by it."""
    postings = (await session.scalars(select(Posting).where(Posting.entry_id == entry_id))).all()
    if not postings:
        raise LedgerError(f"no entry {entry_id}")
    return await post_entry(
        session,
        reference=reference or f"reversal:{entry_id}",
        kind=kind,
        legs=[Leg(p.account_id, -p.amount) for p in postings],
        reverses=entry_id,
        release_hold=release_hold,
    )


@dataclass(frozen=True)
class Balance:
    """An account's balance as other domains read it."""

    balance: Decimal
    held: Decimal
    currency: str

    @property
    def available(self) -> Decimal:
        return self.balance - self.held


async def balance_of(session: AsyncSession, account_id: uuid.UUID) -> Balance:
    account = await get_account(session, account_id)
    return Balance(account.balance, account.held, account.currency)


@dataclass(frozen=True)
class Movement:
    """One posting of an account, with its entry's kind and description and the balance it left."""

    posting_id: int
    entry_id: uuid.UUID
    kind: str
    description: str | None
    amount: Decimal  # signed: negative leaves the account
    currency: str
    balance_after: Decimal
    created_at: datetime


# An account's movements as a list: sorted by posting (the order they were written), newest first by default.
MOVEMENTS = Listing(
    name="Movements",
    sortable={"createdAt": lambda: Posting.id},
    default_sort="createdAt",
    tiebreaker=lambda: Posting.id,
)


def _movements_of(account_id: uuid.UUID) -> Select[Posting, Entry]:
    return select(Posting, Entry).join(Entry, Entry.id == Posting.entry_id).where(Posting.account_id == account_id)


def _movement(posting: Posting, entry: Entry) -> Movement:
    return Movement(
        posting.id,
        entry.id,
        entry.kind,
        entry.description,
        posting.amount,
        posting.currency,
        posting.balance_after,
        posting.created_at,
    )


async def movements(
    session: AsyncSession,
    account_id: uuid.UUID,
    page: PageRequest,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
) -> tuple[list[Movement], PageMeta]:
    """One page of an account's movements, from `since` (inclusive) until `until` (exclusive)."""
    statement = _movements_of(account_id)
    if since is not None:
        statement = statement.where(Posting.created_at >= since)
    if until is not None:
        statement = statement.where(Posting.created_at < until)
    rows, meta = await MOVEMENTS.fetch(session, statement, page, rows=True)
    return [_movement(posting, entry) for posting, entry in rows], meta


async def latest_movements(
    session: AsyncSession, account_ids: Sequence[uuid.UUID], limit: int
) -> list[tuple[uuid.UUID, Movement]]:
    """The latest `limit` movements of these accounts taken together, newest first (in the order they were
    written, as `movements` sorts them), each with its account."""
    if not account_ids:
        return []
    rows = await session.execute(
        select(Posting, Entry)
        .join(Entry, Entry.id == Posting.entry_id)
        .where(Posting.account_id.in_(list(account_ids)))
        .order_by(Posting.id.desc())
        .limit(limit)
    )
    return [(posting.account_id, _movement(posting, entry)) for posting, entry in rows]


async def statement_of(
    session: AsyncSession, account_id: uuid.UUID, start: datetime, end: datetime
) -> tuple[Decimal, list[Movement]]:
    """An account's opening balance at `start` and every movement until `end`, oldest first."""
    opening = await session.scalar(
        select(Posting.balance_after)
        .where(Posting.account_id == account_id, Posting.created_at < start)
        .order_by(Posting.id.desc())
        .limit(1)
    )
    rows = await session.execute(
        _movements_of(account_id).where(Posting.created_at >= start, Posting.created_at < end).order_by(Posting.id)
    )
    return Decimal(opening or 0), [_movement(posting, entry) for posting, entry in rows]


async def get_account(session: AsyncSession, account_id: uuid.UUID) -> Account:
    account = await session.get(Account, account_id, populate_existing=True)
    if account is None:
        raise LedgerError(f"no account {account_id}")
    return account


async def available(session: AsyncSession, account_id: uuid.UUID) -> Decimal:
    account = await get_account(session, account_id)
    return account.balance - account.held


async def get_hold(session: AsyncSession, hold_id: uuid.UUID) -> Hold | None:
    return await session.get(Hold, hold_id, populate_existing=True)


async def hold_by_reference(session: AsyncSession, reference: str) -> Hold | None:
    return await session.scalar(
        select(Hold).where(Hold.reference == reference).execution_options(populate_existing=True)
    )


async def entry_by_reference(session: AsyncSession, reference: str) -> Entry | None:
    return await session.scalar(select(Entry).where(Entry.reference == reference))


async def hold_statuses(session: AsyncSession, hold_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """pending, posted or voided, by hold id (an id with no hold is left out)."""
    rows = await session.execute(select(Hold.id, Hold.status).where(Hold.id.in_(hold_ids)))
    return {hold_id: status for hold_id, status in rows}
