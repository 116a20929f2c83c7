"""Settlements and payouts: what a business's terminals took, closed at the daily cutoff, priced, credited on
the next business day, and paid out to its bank.

- **Close** (the 23:30 UTC cutoff job, or the sandbox's run): per business, every approved sale captured
  before the cutoff and not settled yet is a line (gross = amount + tip, fee = gross * percent / 100 + fixed,
  rounded half-even to 4 places, net = gross - fee), and so is every refund completed before it (gross and
  net negative, no fee). The settlement's gross, fees and net are the sums of its lines, so they are exact:
  nothing is lost to rounding. A day whose refunds leave the net at zero or below settles nothing; its lines
  stay for the next cutoff. A sale with a reversal in flight waits for the next cutoff too.
- **Date**: the next business day after the cutoff's date (Saturdays, Sundays and `MIGO_SETTLEMENT_HOLIDAYS`
  skipped): a Friday 23:31 sale belongs to Saturday's cutoff and settles on Monday, or on Tuesday when Monday
  is a holiday.
- **Settle** (on that date): one ledger entry takes the gross out of the business's unsettled account, the
  fees to the platform's fee account and the net to the business's balance, except the nets of the lines
  whose sale named a prepaid card (`settleTo`), which go to that card (to the balance when the card cannot
  take them: cancelled, past its program's maximum balance, or the card's lines net to zero or less).
- **Pay out**: the balance part leaves at once for the business's bank (`in_transit`, an entry to the bank
  clearing account) and is `paid` on its expected arrival date, `MIGO_PAYOUT_DELAY_BUSINESS_DAYS` (1 to 3,
  seed 003) business days later; the settlement is then `paid_out`.

Each close takes the business's row lock, and each line's sale or refund is claimed by setting its
settlement: two workers closing the same cutoff produce one settlement.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Literal

from sqlalchemy import ColumnElement, Select, exists, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from migo.cards import service as cards
from migo.events import service as events
from migo.ledger import service as ledger
from migo.payments import service as payments
from migo.platform import clock
from migo.platform.db import database
from migo.platform.errors import ApiError
from migo.platform.ids import new_id
from migo.platform.money import SCALE, format_money
from migo.platform.pagination import Listing
from migo.platform.settings import get_settings

from .access import readable
from .errors import SETTLEMENT_ERRORS
from .models import (
    Business,
    Payout,
    Settlement,
    SettlementCredit,
    SettlementLine,
    TerminalOperation,
    TerminalPayment,
)
from .pos import CUTOFF, business_accounts, gross

log = logging.getLogger("migo.merchants")

SETTLEMENT_KIND = "merchant_settlement"  # unsettled → fees, the balance and prepaid cards
PAYOUT_KIND = "merchant_payout"  # the balance → the bank clearing account
FEES_ACCOUNT = "merchant_fees"  # the platform's revenue from merchant pricing, one per currency
DUE_BATCH = 100

SETTLEMENTS = Listing(
    name="Settlements",
    sortable={
        "cutoffDate": lambda: Settlement.cutoff_date,
        "createdAt": lambda: Settlement.created_at,
        "net": lambda: Settlement.net,
    },
    default_sort="createdAt",
    searchable=(),
    tiebreaker=lambda: Settlement.id,
)

SettlementStatus = Literal["pending", "settled", "paid_out"]


# The calendar.


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in get_settings().settlement_holidays


def add_business_days(day: date, count: int) -> date:
    """The `count`-th business day after `day`."""
    while count > 0:
        day += timedelta(days=1)
        count -= is_business_day(day)
    return day


def settlement_date_of(cutoff_date: date) -> date:
    """Seed 003: the next business day after the cutoff."""
    return add_business_days(cutoff_date, 1)


def cutoff_instant(cutoff_date: date) -> datetime:
    return datetime.combine(cutoff_date, CUTOFF, tzinfo=UTC)


# The arithmetic (pure: the property tests drive it with any amounts and prices).


def fee_of(amount: Decimal, percent: Decimal, fixed: Decimal) -> Decimal:
    """The business's price for one sale, rounded half-even to the ledger's 4 places."""
    return (amount * percent / 100 + fixed).quantize(SCALE, rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True)
class LineDraft:
    kind: Literal["payment", "refund"]
    payment_id: uuid.UUID | None  # a terminal's sale
    operation_id: uuid.UUID | None
    reference: str
    occurred_at: datetime
    gross: Decimal
    fee: Decimal
    card_id: uuid.UUID | None
    account_id: uuid.UUID  # where its money sits until the settlement credits it
    source: Literal["terminal", "link"] = "terminal"
    link_uid: str | None = None

    @property
    def net(self) -> Decimal:
        return self.gross - self.fee


@dataclass(frozen=True)
class Totals:
    gross: Decimal
    fees: Decimal
    net: Decimal


def totals(lines: Iterable[LineDraft]) -> Totals:
    drafted = list(lines)
    return Totals(
        gross=sum((line.gross for line in drafted), Decimal(0)),
        fees=sum((line.fee for line in drafted), Decimal(0)),
        net=sum((line.net for line in drafted), Decimal(0)),
    )


def credits_of(lines: Sequence[LineDraft], usable_cards: set[uuid.UUID]) -> dict[uuid.UUID | None, Decimal]:
    """Where the net goes: {card id: amount} for each usable card whose lines net above zero, the rest to the
    balance (key None); everything to the balance when the balance's part would be negative."""
    by_card: dict[uuid.UUID | None, Decimal] = defaultdict(Decimal)
    for line in lines:
        by_card[line.card_id if line.card_id in usable_cards else None] += line.net
    cards_part: dict[uuid.UUID | None, Decimal] = {
        card: amount for card, amount in by_card.items() if card is not None and amount > 0
    }
    balance = totals(lines).net - sum(cards_part.values(), Decimal(0))
    if balance < 0:
        return {None: totals(lines).net}
    return {**cards_part, None: balance} if balance else cards_part


# Closing a cutoff.


async def close_cutoff(cutoff_date: date, until: datetime, company_id: uuid.UUID | None = None) -> list[Settlement]:
    """Close, for every business (of the company, when one is named), what was captured before `until` and is
    not settled yet; each business in a transaction of its own. Returns the settlements made."""
    sales = select(TerminalPayment) if company_id is None else readable(company_id, TerminalPayment)
    refunds = select(TerminalOperation) if company_id is None else readable(company_id, TerminalOperation)
    async with database.side_transaction() as session:
        candidates = union(
            sales.with_only_columns(TerminalPayment.business_id).where(_unsettled_sales(until)),
            refunds.with_only_columns(TerminalOperation.business_id).where(_unsettled_refunds(until)),
        )
        business_ids = set((await session.scalars(select(candidates.subquery().c.business_id))).all())
        with_links = set(await payments.businesses_with_unsettled(session, until))
        if company_id is not None and with_links:
            companys = readable(company_id, Business).with_only_columns(Business.id)
            with_links &= set((await session.scalars(companys.where(Business.id.in_(with_links)))).all())
        business_ids |= with_links
    made = []
    for business_id in sorted(business_ids):
        async with database.side_transaction() as session:
            settlement = await close_business(session, business_id, cutoff_date, until)
            if settlement is not None:
                made.append(settlement)
    return made


def _unsettled_sales(until: datetime) -> ColumnElement[bool]:
    reversal_in_flight = exists().where(
        TerminalOperation.payment_id == TerminalPayment.id,
        TerminalOperation.kind == "reversal",
        TerminalOperation.status == "pending",
    )
    return (
        TerminalPayment.settlement_id.is_(None)
        & TerminalPayment.captured_at.is_not(None)
        & (TerminalPayment.captured_at < until)
        & (TerminalPayment.status.in_(("approved", "refunded")))
        & ~reversal_in_flight
    )


def _unsettled_refunds(until: datetime) -> ColumnElement[bool]:
    return (
        TerminalOperation.settlement_id.is_(None)
        & (TerminalOperation.kind == "refund")
        & (TerminalOperation.status == "succeeded")
        & (TerminalOperation.completed_at < until)
    )


async def close_business(
    session: AsyncSession, business_id: uuid.UUID, cutoff_date: date, until: datetime
) -> Settlement | None:
    """The business's settlement of this cutoff, or None when it has nothing (or a net of zero or less) to
    settle. Under the business's row lock: a second close waits, then finds the lines claimed."""
    business = await session.get(Business, business_id, with_for_update=True)
    assert business is not None
    settlement_id = new_id()
    unsettled, _ = await business_accounts(session, business.id)
    sales = (
        await session.scalars(
            select(TerminalPayment)
            .where(TerminalPayment.business_id == business.id, _unsettled_sales(until))
            .order_by(TerminalPayment.captured_at, TerminalPayment.id)
            .with_for_update()
        )
    ).all()
    refunds = (
        await session.execute(
            select(TerminalOperation, TerminalPayment)
            .join(TerminalPayment, TerminalPayment.id == TerminalOperation.payment_id)
            .where(TerminalOperation.business_id == business.id, _unsettled_refunds(until))
            .order_by(TerminalOperation.completed_at, TerminalOperation.id)
            .with_for_update(of=TerminalOperation)
        )
    ).all()
    lines = [
        LineDraft(
            "payment",
            sale.id,
            None,
            sale.reference,
            sale.captured_at or until,
            gross(sale),
            fee_of(gross(sale), business.pricing_percent, business.pricing_fixed),
            sale.settle_to_card_id,
            unsettled,
        )
        for sale in sales
    ] + [
        LineDraft(
            "refund",
            sale.id,
            refund.id,
            sale.reference,
            refund.completed_at or until,
            -refund.amount,
            Decimal(0),
            sale.settle_to_card_id,
            unsettled,
        )
        for refund, sale in refunds
    ]
    linked = await payments.claim_for_settlement(
        session, business_id=business.id, currency=business.currency, until=until, settlement_id=settlement_id
    )
    lines += [
        LineDraft(
            movement.kind,
            None,
            None,
            movement.reference,
            movement.occurred_at,
            movement.amount,
            fee_of(movement.amount, business.pricing_percent, business.pricing_fixed)
            if movement.kind == "payment"
            else Decimal(0),
            None,
            movement.account_id,
            source="link",
            link_uid=movement.uid,
        )
        for movement in linked
    ]
    lines.sort(key=lambda line: (line.occurred_at, line.kind))
    total = totals(lines)
    if not lines or total.net <= 0:
        if linked:
            await payments.release_claims(session, settlement_id)
        return None
    settlement = Settlement(
        id=settlement_id,
        company_id=business.company_id,
        business_id=business.id,
        currency=business.currency,
        cutoff_date=cutoff_date,
        closed_until=until,
        settlement_date=settlement_date_of(cutoff_date),
        status="pending",
        gross=total.gross,
        fees=total.fees,
        net=total.net,
        line_count=len(lines),
        pricing_percent=business.pricing_percent,
        pricing_fixed=business.pricing_fixed,
        created_at=clock.now(),
    )
    session.add(settlement)
    await session.flush()
    session.add_all(
        SettlementLine(
            id=new_id(),
            settlement_id=settlement.id,
            position=position,
            source=line.source,
            kind=line.kind,
            payment_id=line.payment_id,
            operation_id=line.operation_id,
            link_uid=line.link_uid,
            account_id=line.account_id,
            reference=line.reference,
            occurred_at=line.occurred_at,
            gross=line.gross,
            fee=line.fee,
            net=line.net,
            settle_to_card_id=line.card_id,
        )
        for position, line in enumerate(lines, start=1)
    )
    for sale in sales:
        sale.settlement_id = settlement.id
    for refund, _ in refunds:
        refund.settlement_id = settlement.id
    await session.flush()
    await _event(session, "settlement.created", settlement)
    return settlement


# Crediting and paying out.


async def settle_due(today: date) -> int:
    """Credit every pending settlement dated `today` or before; returns how many were due."""
    due = (
        select(Settlement.id)
        .where(Settlement.status == "pending", Settlement.settlement_date <= today)
        .order_by(Settlement.settlement_date, Settlement.id)
    )
    return await _each_due(due, settle, "credited")


async def _each_due(
    due: Select[uuid.UUID], step: Callable[[AsyncSession, uuid.UUID], Awaitable[Settlement]], what: str
) -> int:
    """`step` for each settlement id `due` selects (a batch of them), each in a transaction of its own."""
    async with database.side_transaction() as session:
        ids = (await session.scalars(due.limit(DUE_BATCH))).all()
    for settlement_id in ids:
        try:
            async with database.side_transaction() as session:
                await step(session, settlement_id)
        except Exception:
            # One that cannot be done must not keep the rest (taken oldest first) from being done.
            log.exception("settlement %s could not be %s", settlement_id, what)
    return len(ids)


async def settle(session: AsyncSession, settlement_id: uuid.UUID) -> Settlement:
    """Credit the settlement's net (once: a settled one is left as it is), then send the balance's part out."""
    settlement = await session.get(Settlement, settlement_id, with_for_update=True)
    assert settlement is not None
    if settlement.status != "pending":
        return settlement
    _, balance = await business_accounts(session, settlement.business_id)
    lines = await _line_drafts(session, settlement.id)
    # Each line's money leaves the account it sat in: the terminals' unsettled account, a linked client's pool.
    held: dict[uuid.UUID, Decimal] = defaultdict(Decimal)
    for line in lines:
        held[line.account_id] += line.gross
    usable: dict[uuid.UUID, cards.CreditTarget] = {}
    for card_id in {line.card_id for line in lines if line.card_id is not None}:
        target = await cards.credit_target(session, settlement.company_id, card_id)
        if target is not None and target.active and target.currency == settlement.currency:
            usable[card_id] = target
    fees = await ledger.system_account(session, kind=FEES_ACCOUNT, currency=settlement.currency)
    while True:
        credits = credits_of(lines, set(usable))
        legs = [ledger.Leg(account, -amount) for account, amount in held.items()]
        legs.append(ledger.Leg(fees.id, settlement.fees))
        legs += [
            ledger.Leg(usable[card].account_id, amount, usable[card].ceiling)
            if card is not None
            else ledger.Leg(balance, amount)
            for card, amount in credits.items()
        ]
        result = await ledger.post_entry(
            session,
            reference=f"merchant-settlement:{settlement.id}",
            kind=SETTLEMENT_KIND,
            legs=[leg for leg in legs if leg.amount != 0],
            description=f"Settlement of {settlement.cutoff_date.isoformat()}",
        )
        refused = next((card for card, t in usable.items() if t.account_id == result.refused_account_id), None)
        if result.outcome == "ceiling_exceeded" and refused is not None:
            del usable[refused]  # past the card's maximum balance: its part goes to the balance
            continue
        assert result.applied, result.outcome
        break
    now = clock.now()
    session.add_all(
        SettlementCredit(id=new_id(), settlement_id=settlement.id, card_id=card, amount=amount)
        for card, amount in credits.items()
    )
    settlement.status, settlement.entry_id, settlement.settled_at = "settled", result.entry_id, now
    settlement.balance_amount = credits.get(None, Decimal(0))
    settlement.entry_amount = sum((amount for amount in held.values() if amount > 0), Decimal(0))
    await _event(session, "settlement.settled", settlement)
    if settlement.balance_amount > 0:
        await _send_payout(session, settlement, balance)
    return settlement


async def _send_payout(session: AsyncSession, settlement: Settlement, balance: uuid.UUID) -> Payout:
    business = await session.get(Business, settlement.business_id)
    assert business is not None
    assert settlement.balance_amount is not None
    bank = await ledger.system_account(session, kind=ledger.BANK_CLEARING, currency=settlement.currency)
    payout_id = new_id()
    result = await ledger.post_entry(
        session,
        reference=f"merchant-payout:{payout_id}",
        kind=PAYOUT_KIND,
        legs=ledger.transfer_legs(balance, bank.id, settlement.balance_amount),
        description=f"Payout to {business.payout_bank_name} ending {business.payout_account_last4}",
    )
    assert result.entry_id is not None, result.outcome  # the settlement just credited the balance
    payout = Payout(
        id=payout_id,
        company_id=settlement.company_id,
        business_id=settlement.business_id,
        settlement_id=settlement.id,
        amount=settlement.balance_amount,
        currency=settlement.currency,
        status="in_transit",
        expected_date=add_business_days(settlement.settlement_date, get_settings().payout_delay_business_days),
        bank_name=business.payout_bank_name,
        account_number_last4=business.payout_account_last4,
        entry_id=result.entry_id,
        created_at=clock.now(),
    )
    session.add(payout)
    await session.flush()
    return payout


async def pay_out_due(today: date) -> int:
    """Mark paid every payout expected `today` or before (the bank's arrival), its settlement `paid_out`."""
    due = (
        select(Payout.settlement_id)
        .where(Payout.status == "in_transit", Payout.expected_date <= today)
        .order_by(Payout.expected_date, Payout.id)
    )
    return await _each_due(due, mark_paid_out, "marked paid out")


async def mark_paid_out(session: AsyncSession, settlement_id: uuid.UUID) -> Settlement:
    settlement = await session.get(Settlement, settlement_id, with_for_update=True)
    assert settlement is not None
    payout = await session.scalar(select(Payout).where(Payout.settlement_id == settlement.id).with_for_update())
    if payout is None or payout.status == "paid":
        raise ApiError(SETTLEMENT_ERRORS.SETTLEMENT_ALREADY_PAID_OUT)
    now = clock.now()
    payout.status, payout.paid_at = "paid", now
    settlement.status, settlement.paid_out_at = "paid_out", now
    await _event(session, "payout.paid", settlement, payout=payout)
    return settlement


# The sandbox: the same steps, now.


async def run_in_sandbox(company_id: uuid.UUID, cutoff_date: date | None) -> list[Settlement]:
    """Close, as if the cutoff happened now, everything the company's businesses captured and did not settle."""
    today = clock.now().date()
    if cutoff_date is not None and cutoff_date > today:
        raise ApiError(SETTLEMENT_ERRORS.INVALID_CUTOFF_DATE)
    return await close_cutoff(cutoff_date or today, clock.now(), company_id)


async def advance_in_sandbox(session: AsyncSession, company_id: uuid.UUID, settlement_id: uuid.UUID) -> Settlement:
    """Take the settlement to its next status without waiting for its date: pending → settled (credited, its
    payout sent), settled → paid_out; 7501 once paid out, or settled with no payout (all of it went to cards)."""
    settlement = await find_settlement(session, company_id, settlement_id)
    if settlement.status == "pending":
        return await settle(session, settlement.id)
    return await mark_paid_out(session, settlement.id)


# Reading.


async def find_settlement(session: AsyncSession, company_id: uuid.UUID, settlement_id: uuid.UUID) -> Settlement:
    settlement = await session.scalar(readable(company_id, Settlement).where(Settlement.id == settlement_id))
    if settlement is None:
        raise ApiError(SETTLEMENT_ERRORS.SETTLEMENT_NOT_FOUND)
    return settlement


def listing(
    company_id: uuid.UUID,
    business_id: uuid.UUID | None = None,
    status: SettlementStatus | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Select[Settlement]:
    """The company's settlements; `date_from` / `date_to` bound the cutoff date (both included)."""
    statement = readable(company_id, Settlement)
    if business_id is not None:
        statement = statement.where(Settlement.business_id == business_id)
    if status is not None:
        statement = statement.where(Settlement.status == status)
    if date_from is not None:
        statement = statement.where(Settlement.cutoff_date >= date_from)
    if date_to is not None:
        statement = statement.where(Settlement.cutoff_date <= date_to)
    return statement


async def lines_of(session: AsyncSession, settlement: Settlement) -> Sequence[SettlementLine]:
    return (
        await session.scalars(
            select(SettlementLine)
            .where(SettlementLine.settlement_id == settlement.id)
            .order_by(SettlementLine.position)
        )
    ).all()


async def credits_for(session: AsyncSession, settlement: Settlement) -> Sequence[SettlementCredit]:
    return (
        await session.scalars(select(SettlementCredit).where(SettlementCredit.settlement_id == settlement.id))
    ).all()


async def payouts_of(session: AsyncSession, settlement_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Payout]:
    found = await session.scalars(select(Payout).where(Payout.settlement_id.in_(settlement_ids)))
    return {payout.settlement_id: payout for payout in found}


async def _line_drafts(session: AsyncSession, settlement_id: uuid.UUID) -> list[LineDraft]:
    rows = await session.scalars(select(SettlementLine).where(SettlementLine.settlement_id == settlement_id))
    return [
        LineDraft(
            "payment" if row.kind == "payment" else "refund",
            row.payment_id,
            row.operation_id,
            row.reference,
            row.occurred_at,
            row.gross,
            row.fee,
            row.settle_to_card_id,
            row.account_id,
            "link" if row.source == "link" else "terminal",
            row.link_uid,
        )
        for row in rows
    ]


async def _event(
    session: AsyncSession, event_type: str, settlement: Settlement, *, payout: Payout | None = None
) -> None:
    data = {
        "id": str(settlement.id),
        "businessId": str(settlement.business_id),
        "status": settlement.status,
        "currency": settlement.currency,
        "cutoffDate": settlement.cutoff_date.isoformat(),
        "settlementDate": settlement.settlement_date.isoformat(),
        "gross": format_money(settlement.gross),
        "fees": format_money(settlement.fees),
        "net": format_money(settlement.net),
        "lineCount": str(settlement.line_count),
    }
    if payout is not None:
        data |= {"payoutId": str(payout.id), "payoutAmount": format_money(payout.amount)}
    await events.record(session, event_type, subject_id=str(settlement.id), company_id=settlement.company_id, data=data)
