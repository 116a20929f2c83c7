"""`migo ledger verify`: every rule catches the break it is there for. Each test moves real money through the
API, breaks the books inside a transaction (the immutability triggers disabled where it must edit history),
runs the verification in that same transaction, and rolls it all back."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger
from migo.platform.db import database, libpq_url
from migo.verification import JOURNAL_ONLY, MOVEMENT_SOURCES
from tests.books import LEDGER_TEST_ENTRIES, assert_books_sound
from tests.factories import (
    activate_card,
    configure_payment_client,
    create_cardholder,
    create_link,
    create_tenant,
    merchant,
    provision_cards,
    sandbox_pay,
    signed,
)
from tests.live import scratch_database


@pytest.fixture(scope="module")
async def moved(app):  # type: ignore[no-untyped-def]
    """A card loaded, a transfer, a payment link paid and partly refunded, another voided after capture."""
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://migo.test") as client:
        tenant = await create_tenant()
        cards = await provision_cards(tenant, count=2)
        holder = await create_cardholder(client, tenant)
        first = (await activate_card(client, cards, 0, holder["userId"]))["cardId"]
        second = (await activate_card(client, cards, 1, holder["userId"]))["cardId"]
        load = {"type": "load", "amount": "80"}
        assert (await signed(client, tenant, "PUT", f"/rest/cards/{first}/funds", load)).status_code == 200
        transfer = {"sourceCardId": first, "targetCardId": second, "amount": "30"}
        assert (await signed(client, tenant, "POST", "/rest/cards/transfer", transfer)).status_code == 200
        await configure_payment_client(tenant)
        refunded = await create_link(client, tenant, amount=100)
        assert (await sandbox_pay(client, tenant, refunded["uid"])).status_code == 200
        refund = await client.post(
            f"/transactions/{refunded['uid']}/refund", json={"amount": 40}, headers=merchant(tenant)
        )
        assert refund.status_code == 200, refund.text
        voided = await create_link(client, tenant, amount=70)
        assert (await sandbox_pay(client, tenant, voided["uid"])).status_code == 200
        void = await client.post(f"/transactions/{voided['uid']}/reverse", headers=merchant(tenant))
        assert void.status_code == 200, void.text
    return {"card": uuid.UUID(first), "refunded": refunded["uid"], "voided": voided["uid"]}


@asynccontextmanager
async def broken(*statements: str, **params: object) -> AsyncIterator[AsyncSession]:
    """A transaction in which `statements` broke the books; rolled back at the end."""
    async with database.sessionmaker() as session, session.begin():
        await session.execute(text("ALTER TABLE ledger_postings DISABLE TRIGGER ledger_postings_immutable"))
        await session.execute(text("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_immutable"))
        for statement in statements:
            await session.execute(text(statement), params)
        await session.execute(text("ALTER TABLE ledger_postings ENABLE TRIGGER ledger_postings_immutable"))
        await session.execute(text("ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_immutable"))
        yield session
        await session.rollback()


async def failures(session: AsyncSession) -> dict[str, list[str]]:
    report = await ledger.verify_ledger(
        session, MOVEMENT_SOURCES, (*JOURNAL_ONLY, LEDGER_TEST_ENTRIES), batch_size=3
    )  # batches of 3: every check crosses batch boundaries on the suite's data
    return {check.name: check.offenders for check in report.failed()}


async def card_account(session: AsyncSession, card_id: uuid.UUID) -> uuid.UUID:
    return (await session.execute(text("SELECT account_id FROM cards WHERE id = :id"), {"id": card_id})).scalar_one()


async def test_sound_books_pass_every_check(moved):
    await assert_books_sound()
    async with database.sessionmaker() as session, session.begin():
        assert await failures(session) == {}


async def test_an_edited_posting_breaks_its_entry_and_its_account(moved):
    async with database.sessionmaker() as session, session.begin():
        account = await card_account(session, moved["card"])
    async with broken(
        "UPDATE ledger_postings SET amount = amount + 1, balance_after = balance_after + 1"
        " WHERE id = (SELECT max(id) FROM ledger_postings WHERE account_id = :account)",
        account=account,
    ) as session:
        failed = await failures(session)
    assert set(failed) >= {"entries balance", "account balances"}
    assert any(str(account) in offender for offender in failed["account balances"])


async def test_a_balance_changed_without_a_posting(moved):
    async with database.sessionmaker() as session, session.begin():
        account = await card_account(session, moved["card"])
    async with broken("UPDATE ledger_accounts SET balance = balance + 5 WHERE id = :account", account=account) as s:
        failed = await failures(s)
    assert failed["account balances"] == [f"{account}:drifted"]
    assert failed["currencies sum to zero"] == ["GTQ:5.0000"]


async def test_a_forbidden_negative_balance_and_a_wrong_held_amount(moved):
    async with database.sessionmaker() as session, session.begin():
        account = await card_account(session, moved["card"])
    # The database's own CHECK refuses this: dropped for the transaction, to show the verification sees it too.
    async with broken(
        "ALTER TABLE ledger_accounts DROP CONSTRAINT ck_ledger_accounts_non_negative",
        "UPDATE ledger_accounts SET held = held + balance + 1 WHERE id = :account",
        account=account,
    ) as session:
        failed = await failures(session)
    assert failed["account balances"] == [f"{account}:negative,held"]


async def test_a_posted_hold_put_back_to_pending(moved):
    async with broken(
        "UPDATE ledger_holds SET status = 'pending', resolved_at = NULL"
        " WHERE id = (SELECT o.hold_id FROM payment_operations o JOIN payment_transactions t"
        "             ON t.id = o.transaction_id WHERE t.uid = :uid AND o.kind = 'refund')",
        uid=moved["refunded"],
    ) as session:
        failed = await failures(session)
    [hold] = failed["holds"]
    [account] = failed["account balances"]
    assert account.endswith(":held")
    assert [r for r in failed["records: payment links"] if r.endswith("is succeeded, its hold pending")]
    assert hold


async def test_a_disabled_immutability_trigger(moved):
    async with database.sessionmaker() as session, session.begin():
        await session.execute(text("ALTER TABLE ledger_postings DISABLE TRIGGER ledger_postings_immutable"))
        failed = await failures(session)
        await session.rollback()
    assert failed == {"entries immutable": ["ledger_postings"]}


async def test_a_reversal_that_does_not_negate_its_entry(moved):
    async with database.sessionmaker() as session, session.begin():
        bank = await ledger.open_account(
            session, kind="bank_clearing", currency="GTQ", company_id=None, allow_negative=True
        )
        target = await ledger.open_account(session, kind="card", currency="GTQ", company_id=None)
        legs = ledger.transfer_legs(bank.id, target.id, Decimal(10))
        entry = await ledger.post_entry(session, reference=uuid.uuid4().hex, kind="t", legs=legs)
        half = ledger.transfer_legs(target.id, bank.id, Decimal(4))
        reversal = await ledger.post_entry(
            session, reference=uuid.uuid4().hex, kind="t_reversal", legs=half, reverses=entry.entry_id
        )
        failed = await failures(session)
        await session.rollback()
    assert failed == {"reversals": [str(reversal.entry_id)]}


async def test_an_approved_card_transaction_that_lost_its_entry(moved):
    async with broken(
        "UPDATE card_transactions SET entry_id = NULL WHERE id ="
        " (SELECT id FROM card_transactions WHERE type = 'transfer' AND source_card_id = :card)",
        card=moved["card"],
    ) as session:
        failed = await failures(session)
    assert len(failed["records: card transactions"]) == 1
    [orphan] = failed["movements: card transactions"]
    assert "(card_transfer 30.0000): no record names it" in orphan


async def test_a_recorded_amount_the_entry_does_not_move(moved):
    async with broken(
        "UPDATE card_transactions SET amount = amount + 1 WHERE source_card_id = :card AND type = 'transfer'",
        card=moved["card"],
    ) as session:
        failed = await failures(session)
    [mismatch] = failed["movements: card transactions"]
    assert "is card_transfer 30.0000, expected card_transfer 31.0000" in mismatch


async def test_an_entry_named_by_two_records_and_a_refund_total_that_disagrees(moved):
    async with broken(
        "UPDATE payment_operations SET entry_id = t.capture_entry_id FROM payment_transactions t"
        " WHERE t.uid = :uid AND payment_operations.transaction_id = t.id AND payment_operations.kind = 'refund'",
        "UPDATE payment_transactions SET refunded_amount = 10 WHERE uid = :uid",
        uid=moved["refunded"],
    ) as session:
        failed = await failures(session)
    movements = failed["movements: payment links"]
    assert any("is named by another record too" in m for m in movements)
    assert any("(payment_refund 40.0000): no record names it" in m for m in movements)
    assert any(
        "refunded amount is not its refunds'" in r and moved["refunded"] in r for r in failed["records: payment links"]
    )


async def test_a_voided_capture_whose_reversal_is_gone(moved):
    async with broken(
        "UPDATE payment_operations SET entry_id = NULL FROM payment_transactions t"
        " WHERE t.uid = :uid AND payment_operations.transaction_id = t.id AND payment_operations.kind = 'void'",
        uid=moved["voided"],
    ) as session:
        failed = await failures(session)
    assert any("void of a capture succeeded without its entry" in r for r in failed["records: payment links"])
    assert any("(reversal 70.0000): no record names it" in m for m in failed["movements: payment links"])


async def test_an_entry_of_a_kind_no_domain_writes(moved):
    async with database.sessionmaker() as session, session.begin():
        bank = await ledger.system_account(session, kind=ledger.BANK_CLEARING, currency="GTQ")
        other = await ledger.open_account(session, kind="card", currency="GTQ", company_id=None)
        legs = ledger.transfer_legs(bank.id, other.id, Decimal(1))
        await ledger.post_entry(session, reference=uuid.uuid4().hex, kind="mystery", legs=legs)
        failed = await failures(session)
        await session.rollback()
    assert failed == {"entry kinds claimed": ["mystery (1 entries)"]}


def test_the_command_prints_its_checks_and_fails_on_a_broken_ledger():
    """`migo ledger verify` on a database of its own: the sandbox's books pass, one line per check; a balance
    changed behind the ledger's back fails it, naming the account, with exit status 1."""
    with scratch_database() as url:
        env = {**os.environ, "DATABASE_URL": url}
        subprocess.run([sys.executable, "-m", "migo", "sandbox", "--json"], env=env, check=True, capture_output=True)
        command = [sys.executable, "-m", "migo", "ledger", "verify", "--batch-size", "2"]
        passed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert passed.returncode == 0, passed.stdout + passed.stderr
        assert re.search(r"^ok +entries balance: \d+ checked", passed.stdout, re.M), passed.stdout
        assert re.search(r"^ok +movements: card transactions", passed.stdout, re.M)
        assert "the books balance" in passed.stdout
        with psycopg.connect(libpq_url(url), autocommit=True) as connection:
            account = connection.execute(
                "UPDATE ledger_accounts SET balance = balance + 1"
                " WHERE id = (SELECT account_id FROM ledger_postings ORDER BY id LIMIT 1) RETURNING id"
            ).fetchone()
        assert account is not None
        failed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert failed.returncode == 1, failed.stdout + failed.stderr
        assert re.search(r"^FAILED account balances", failed.stdout, re.M), failed.stdout
        assert f"{account[0]}:drifted" in failed.stdout and "the books do NOT balance" in failed.stdout


async def test_records_naming_one_entry_are_all_read_across_batches():
    """Sources page by `entry_id > after`: two (or more) records naming one entry, the very fault to find, must
    not fall between two batches, however the batches cut."""
    from migo.ledger.verify import _recorded

    entries = sorted(uuid.uuid4() for _ in range(4))
    names = [0, 1, 1, 2, 2, 2, 3]  # entry 1 named twice, entry 2 three times
    records = [ledger.RecordedMovement(entries[n], f"record {i}", "k", Decimal(1)) for i, n in enumerate(names)]

    async def recorded(session, after, limit):  # type: ignore[no-untyped-def]
        return [r for r in records if after is None or r.entry_id > after][:limit]

    source = ledger.MovementSource(name="test", kinds=frozenset({"k"}), recorded=recorded)
    for batch_size in (1, 2, 3, 4, 7, 8):
        read = [movement.record async for movement in _recorded(None, source, batch_size)]  # type: ignore[arg-type]
        assert read == [r.record for r in records], batch_size
