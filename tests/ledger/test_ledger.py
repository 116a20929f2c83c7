"""The ledger's rules and invariants (DESIGN.md "The ledger"; TigerBeetle's small strict API)."""

from __future__ import annotations

import asyncio
import secrets
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from migo.ledger import service as ledger
from migo.ledger.service import LedgerError, Leg
from migo.platform.db import database
from tests.books import assert_books_sound

D = Decimal


async def _accounts(count: int, *, funded: Decimal = D(0), currency: str = "GTQ"):
    """A bank clearing account (may go negative) and `count` non-negative accounts, each funded."""
    async with database.transaction() as session:
        bank = await ledger.open_account(
            session, kind="bank_clearing", currency=currency, company_id=None, allow_negative=True
        )
        accounts = [
            await ledger.open_account(session, kind="card", currency=currency, company_id=None) for _ in range(count)
        ]
        for account in accounts:
            if funded:
                result = await ledger.post_entry(
                    session,
                    reference=f"fund:{account.id}",
                    kind="deposit",
                    legs=ledger.transfer_legs(bank.id, account.id, funded),
                )
                assert result.outcome == "posted"
    return bank.id, [a.id for a in accounts]


async def _balance(account_id):
    async with database.transaction() as session:
        account = await ledger.get_account(session, account_id)
        return account.balance, account.held


async def test_a_transfer_moves_money_and_records_running_balances():
    _, (a, b) = await _accounts(2, funded=D("100"))
    async with database.transaction() as session:
        result = await ledger.post_entry(
            session, reference=secrets.token_hex(8), kind="t", legs=ledger.transfer_legs(a, b, D("30.5"))
        )
    assert result.outcome == "posted" and result.applied
    assert await _balance(a) == (D("69.5"), D(0))
    assert await _balance(b) == (D("130.5"), D(0))
    await assert_books_sound()


async def test_insufficient_funds_changes_nothing():
    _, (a, b) = await _accounts(2, funded=D("10"))
    async with database.transaction() as session:
        result = await ledger.post_entry(
            session, reference=secrets.token_hex(8), kind="t", legs=ledger.transfer_legs(a, b, D("10.0001"))
        )
    assert result.outcome == "insufficient_funds" and result.refused_account_id == a and not result.applied
    assert await _balance(a) == (D("10"), D(0))


async def test_a_reference_applies_at_most_once():
    _, (a, b) = await _accounts(2, funded=D("100"))
    reference = secrets.token_hex(8)
    async with database.transaction() as session:
        first = await ledger.post_entry(session, reference=reference, kind="t", legs=ledger.transfer_legs(a, b, D(5)))
        second = await ledger.post_entry(session, reference=reference, kind="t", legs=ledger.transfer_legs(a, b, D(5)))
    assert first.outcome == "posted" and second.outcome == "duplicate" and second.entry_id == first.entry_id
    assert await _balance(a) == (D(95), D(0))


async def test_ceilings_cap_a_balance():
    _, (a, b) = await _accounts(2, funded=D("100"))
    async with database.transaction() as session:
        capped = await ledger.post_entry(
            session,
            reference=secrets.token_hex(8),
            kind="t",
            legs=ledger.transfer_legs(a, b, D(1), target_ceiling=D("100.5")),
        )
    assert capped.outcome == "ceiling_exceeded" and capped.refused_account_id == b


async def test_unbalanced_or_degenerate_entries_are_programming_errors():
    bank, (a, b) = await _accounts(2)
    async with database.transaction() as session:
        with pytest.raises(LedgerError):
            await ledger.post_entry(session, reference="x", kind="t", legs=[Leg(a, D(1))])
        with pytest.raises(LedgerError):
            await ledger.post_entry(session, reference="x", kind="t", legs=[Leg(a, D(1)), Leg(a, D(-1))])
        with pytest.raises(LedgerError):
            ledger.transfer_legs(a, b, D(0))
    with pytest.raises(Exception, match="does not balance"):
        async with database.transaction() as session:
            await ledger.post_entry(
                session, reference=secrets.token_hex(8), kind="t", legs=[Leg(bank, D(1)), Leg(a, D(2))]
            )
    await assert_books_sound()


_UNKNOWN = uuid.UUID(int=0)

# case -> (account names, amounts, ceilings, hold, what ledger_post_entry answers); amounts or ceilings may be
# None, an account name "null". The answer is an outcome (with the refused account's name) or "error: " and a
# fragment of the error. The service refuses most of the malformed ones before SQL; the function must too.
_ENTRY_CASES: dict[str, tuple[str, Any, Any, str | None, str]] = {
    "posted": ("a b", ["-2", "2"], [None, None], None, "posted"),
    "three legs": ("bank a b", ["-3", "1", "2"], [None, None, None], None, "posted"),
    "insufficient funds": ("a b", ["-9", "9"], [None, None], None, "insufficient_funds a"),
    "ceiling exceeded": ("a b", ["-2", "2"], [None, "6"], None, "ceiling_exceeded b"),
    "no ceilings array": ("a b", ["-2", "2"], None, None, "posted"),
    "no amounts array": ("a b", None, [None, None], None, "error: null value in column"),
    "releases a hold": ("a b", ["-2", "2"], [None, None], "pending", "posted"),
    "hold not pending": ("a b", ["-2", "2"], [None, None], "unknown", "hold_not_pending"),
    "one leg": ("a", ["1"], [None], None, "error: two or more postings"),
    "arrays of different lengths": ("a b", ["-1", "1"], [None], None, "error: two or more postings"),
    "unknown account": ("a unknown", ["-1", "1"], [None, None], None, "error: unknown or repeated account"),
    "null account": ("a null", ["-1", "1"], [None, None], None, "error: unknown or repeated account"),
    "repeated account": ("a b a", ["-1", "2", "-1"], [None, None, None], None, "error: unknown or repeated account"),
    "zero amount": ("a b", ["0", "0"], [None, None], None, "error: zero or null"),
    "unbalanced": ("bank b", ["1", "-2"], [None, None], None, "error: does not balance"),
}


_POSTINGS_OF = text("SELECT account_id, amount, balance_after FROM ledger_postings WHERE entry_id = :entry")


async def _entry_outcome(
    statement: Any, params: dict[str, Any], *, backend: asyncio.Future[int] | None = None
) -> tuple[Any, ...]:
    """What one call answers (its row and the postings it wrote, or its error); nothing is kept. `backend`, when
    given, learns the call's backend pid before the call runs."""
    async with database.sessionmaker() as session:
        try:
            if backend is not None:
                backend.set_result(await session.scalar(text("SELECT pg_backend_pid()")))
            row = (await session.execute(statement, params)).one()
            postings = (await session.execute(_POSTINGS_OF, {"entry": params["entry_id"]})).all()
        except DBAPIError as error:
            return ("error", error.orig.sqlstate, error.orig.diag.message_primary)  # type: ignore[union-attr]
        finally:
            await session.rollback()
    return (row.outcome, row.entry_id, row.account_id, sorted(postings))


@pytest.mark.parametrize("case", list(_ENTRY_CASES))
async def test_entry_function_answers_every_input_as_its_contract_says(case):
    legs, amounts, ceilings, hold, expected = _ENTRY_CASES[case]
    bank, (a, b) = await _accounts(2, funded=D(5))
    hold_id = None
    if hold == "pending":
        async with database.transaction() as session:
            placed = await ledger.place_hold(session, reference=secrets.token_hex(8), account_id=a, amount=D(2))
        hold_id = placed.hold_id
    elif hold == "unknown":
        hold_id = _UNKNOWN
    ids = {"a": a, "b": b, "bank": bank, "unknown": _UNKNOWN, "null": None}
    params = {
        "entry_id": uuid.uuid4(),
        "reference": secrets.token_hex(8),
        "kind": "t",
        "description": None,
        "accounts": [ids[name] for name in legs.split()],
        "amounts": None if amounts is None else [None if x is None else D(x) for x in amounts],
        "ceilings": None if ceilings is None else [None if x is None else D(x) for x in ceilings],
        "release_hold": hold_id,
        "reverses": None,
        "at": datetime.now(UTC),
    }
    outcome = await _entry_outcome(ledger._POST_ENTRY, params)
    if expected.startswith("error: "):
        assert outcome[0] == "error" and expected.removeprefix("error: ") in outcome[2], outcome
        return
    name, _, refused = expected.partition(" ")
    assert outcome[0] == name and outcome[2] == (ids[refused] if refused else None), outcome
    if name == "posted":  # the postings are the legs, each with the balance it left
        assert outcome[1] == params["entry_id"]
        assert {account for account, _, _ in outcome[3]} == set(params["accounts"])
    else:
        assert outcome[1] is None and outcome[3] == []


async def test_entry_function_ignores_array_bounds_and_answers_a_duplicate_reference_with_the_first_entry():
    _, (a, b) = await _accounts(2, funded=D(5))
    reference = secrets.token_hex(8)
    async with database.transaction() as session:
        first = await ledger.post_entry(session, reference=reference, kind="t", legs=ledger.transfer_legs(a, b, D(1)))
    shifted = {  # arrays numbered from 0: legs are matched by position
        "entry_id": uuid.uuid4(),
        "kind": "t",
        "description": None,
        "accounts": f"[0:1]={{{a},{b}}}",
        "amounts": "[0:1]={-1,1}",
        "ceilings": "[0:1]={NULL,NULL}",
        "release_hold": None,
        "reverses": None,
        "at": datetime.now(UTC),
    }
    fresh = await _entry_outcome(ledger._POST_ENTRY, {**shifted, "reference": secrets.token_hex(8)})
    assert fresh[0] == "posted" and sorted(amount for _, amount, _ in fresh[3]) == [D(-1), D(1)]
    again = await _entry_outcome(ledger._POST_ENTRY, {**shifted, "reference": reference})
    assert again[:2] == ("duplicate", first.entry_id)


async def test_entry_function_locks_accounts_in_id_order_even_around_a_null_account():
    """An entry waits for its lowest account first: holding only that one never blocks anybody else (in any
    order of legs, a NULL among them included), so two entries cannot deadlock."""
    _, accounts = await _accounts(2, funded=D(5))
    low, high = sorted(accounts)
    params = {
        "entry_id": uuid.uuid4(),
        "reference": secrets.token_hex(8),
        "kind": "t",
        "description": None,
        "accounts": [high, None, low],
        "amounts": [D(-1), D(1), D(0)],
        "ceilings": [None, None, None],
        "release_hold": None,
        "reverses": None,
        "at": datetime.now(UTC),
    }
    lock = text("SELECT 1 FROM ledger_accounts WHERE id = :id FOR UPDATE")
    # The entry's own backend waits for this session: pg_blocking_pids reads the lock table live (unlike
    # pg_stat_activity inside a transaction), and only these two backends of this database can satisfy it.
    waits_for_me = text("SELECT pg_backend_pid() = ANY (pg_blocking_pids(:entry))")
    loop = asyncio.get_running_loop()
    async with database.sessionmaker() as holder:
        await holder.execute(lock, {"id": low})
        backend: asyncio.Future[int] = loop.create_future()
        call = asyncio.create_task(_entry_outcome(ledger._POST_ENTRY, params, backend=backend))
        await asyncio.wait((backend, call), return_when=asyncio.FIRST_COMPLETED)  # a call that fails first: no hang
        entry = backend.result()
        deadline = loop.time() + 30
        while not await holder.scalar(waits_for_me, {"entry": entry}):
            assert not call.done(), f"the entry finished without waiting for the lower account: {call.result()}"
            assert loop.time() < deadline, "the entry never waited for the lower account"
            await asyncio.sleep(0.01)
        await holder.execute(text("SET LOCAL lock_timeout = '2s'"))
        await holder.execute(lock, {"id": high})  # free: the entry is still waiting for the lower one
        await holder.rollback()
    outcome = await call
    assert outcome[0] == "error"
    assert "unknown or repeated account" in outcome[2]


async def test_holds_reserve_then_post_or_void():
    _, (card, merchant) = await _accounts(2, funded=D("100"))
    async with database.transaction() as session:
        hold = await ledger.place_hold(session, reference=secrets.token_hex(8), account_id=card, amount=D(80))
        assert hold.outcome == "placed"
        refused = await ledger.place_hold(session, reference=secrets.token_hex(8), account_id=card, amount=D(30))
        assert refused.outcome == "insufficient_funds"  # only 20 available
        blocked = await ledger.post_entry(
            session, reference=secrets.token_hex(8), kind="t", legs=ledger.transfer_legs(card, merchant, D(25))
        )
        assert blocked.outcome == "insufficient_funds"
    assert await _balance(card) == (D(100), D(80))

    async with database.transaction() as session:  # capture less than held: the rest is released
        posted = await ledger.post_hold(
            session,
            hold_id=hold.hold_id,
            reference=secrets.token_hex(8),
            kind="capture",
            legs=ledger.transfer_legs(card, merchant, D(60)),
        )
        assert posted.outcome == "posted"
        again = await ledger.post_hold(
            session,
            hold_id=hold.hold_id,
            reference=secrets.token_hex(8),
            kind="capture",
            legs=ledger.transfer_legs(card, merchant, D(1)),
        )
        assert again.outcome == "hold_not_pending"
    assert await _balance(card) == (D(40), D(0))

    async with database.transaction() as session:
        second = await ledger.place_hold(session, reference=secrets.token_hex(8), account_id=card, amount=D(40))
        assert await ledger.void_hold(session, second.hold_id) == "voided"
        assert await ledger.void_hold(session, second.hold_id) == "hold_not_pending"
    assert await _balance(card) == (D(40), D(0))
    await assert_books_sound()


async def test_reversal_is_a_new_entry_applied_once():
    _, (a, b) = await _accounts(2, funded=D("50"))
    async with database.transaction() as session:
        entry = await ledger.post_entry(
            session, reference=secrets.token_hex(8), kind="t", legs=ledger.transfer_legs(a, b, D(20))
        )
        reversal = await ledger.reverse_entry(session, entry.entry_id, kind="t_reversal")
        again = await ledger.reverse_entry(session, entry.entry_id, kind="t_reversal")
    assert reversal.outcome == "posted" and reversal.entry_id != entry.entry_id
    assert again.outcome == "duplicate"
    assert await _balance(a) == (D(50), D(0))


async def test_64_concurrent_transfers_both_ways_with_loads_and_unloads():
    """No double spend and no deadlock under concurrency; every approved call is exactly one entry."""
    bank, cards = await _accounts(4, funded=D("50"))
    outcomes: list[str] = []

    async def one(index: int) -> None:
        source, target = cards[index % 4], cards[(index * 3 + 1) % 4]
        if source == target:
            source, target = bank, cards[index % 4]  # a load
        if index % 11 == 0:
            source, target = cards[index % 4], bank  # an unload
        async with database.transaction() as session:
            result = await ledger.post_entry(
                session,
                reference=f"c:{secrets.token_hex(6)}:{index}",
                kind="t",
                legs=ledger.transfer_legs(source, target, D("17.25")),
            )
        outcomes.append(result.outcome)

    await asyncio.gather(*(one(i) for i in range(64)))
    assert set(outcomes) <= {"posted", "insufficient_funds"}
    async with database.transaction() as session:
        from sqlalchemy import func, select

        from migo.ledger.models import Entry, Posting

        entries = await session.scalar(
            select(func.count(func.distinct(Posting.entry_id)))
            .join(Entry, Entry.id == Posting.entry_id)
            .where(Posting.account_id.in_(cards), Entry.reference.like("c:%"))
        )
    assert entries == outcomes.count("posted")
    for card in cards:
        balance, _ = await _balance(card)
        assert balance >= 0
    await assert_books_sound()


operation = st.one_of(
    st.tuples(st.just("transfer"), st.integers(0, 3), st.integers(0, 3), st.integers(1, 4000)),
    st.tuples(st.just("hold"), st.integers(0, 3), st.integers(0, 3), st.integers(1, 4000)),
    st.tuples(st.just("post"), st.integers(0, 20), st.integers(0, 3), st.integers(1, 4000)),
    st.tuples(st.just("void"), st.integers(0, 20), st.integers(0, 3), st.integers(1, 4000)),
    st.tuples(st.just("reverse"), st.integers(0, 20), st.integers(0, 3), st.integers(1, 4000)),
)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(operation, min_size=1, max_size=20))
async def test_random_sequences_keep_the_invariants(operations):
    """Transfers, holds, posts, voids and reversals in any order: the ledger matches a simple model."""
    _, cards = await _accounts(4, funded=D("20"))
    balance = dict.fromkeys(cards, D(20))
    held = dict.fromkeys(cards, D(0))
    holds: list[tuple] = []  # (hold id, account, amount, pending?)
    entries: list[tuple] = []  # (entry id, source, target, amount, reversed?)
    for kind, x, y, cents in operations:
        amount = D(cents) / 100
        async with database.transaction() as session:
            if kind == "transfer" and x != y:
                source, target = cards[x], cards[y]
                result = await ledger.post_entry(
                    session, reference=secrets.token_hex(8), kind="t", legs=ledger.transfer_legs(source, target, amount)
                )
                if balance[source] - held[source] >= amount:
                    assert result.outcome == "posted"
                    balance[source] -= amount
                    balance[target] += amount
                    entries.append([result.entry_id, source, target, amount, False])
                else:
                    assert result.outcome == "insufficient_funds"
            elif kind == "hold":
                account = cards[x]
                result = await ledger.place_hold(
                    session, reference=secrets.token_hex(8), account_id=account, amount=amount
                )
                if balance[account] - held[account] >= amount:
                    assert result.outcome == "placed"
                    held[account] += amount
                    holds.append([result.hold_id, account, amount, True])
                else:
                    assert result.outcome == "insufficient_funds"
            elif kind == "post" and holds:
                hold = holds[x % len(holds)]
                hold_id, account, hold_amount, pending = hold
                target = cards[y] if cards[y] != account else cards[(y + 1) % 4]
                capture = min(amount, hold_amount)
                result = await ledger.post_hold(
                    session,
                    hold_id=hold_id,
                    reference=secrets.token_hex(8),
                    kind="capture",
                    legs=ledger.transfer_legs(account, target, capture),
                )
                if pending:
                    assert result.outcome == "posted"
                    held[account] -= hold_amount
                    balance[account] -= capture
                    balance[target] += capture
                    hold[3] = False
                    entries.append([result.entry_id, account, target, capture, False])
                else:
                    assert result.outcome == "hold_not_pending"
            elif kind == "void" and holds:
                hold = holds[x % len(holds)]
                outcome = await ledger.void_hold(session, hold[0])
                assert outcome == ("voided" if hold[3] else "hold_not_pending")
                if hold[3]:
                    held[hold[1]] -= hold[2]
                    hold[3] = False
            elif kind == "reverse" and entries:
                entry = entries[x % len(entries)]
                entry_id, source, target, moved, reversed_ = entry
                result = await ledger.reverse_entry(session, entry_id, kind="t_reversal")
                if reversed_:
                    assert result.outcome == "duplicate"
                elif balance[target] - held[target] >= moved:
                    assert result.outcome == "posted"
                    balance[target] -= moved
                    balance[source] += moved
                    entry[4] = True
                else:
                    assert result.outcome == "insufficient_funds"
    for card in cards:
        assert await _balance(card) == (balance[card], held[card])
    await assert_books_sound()
