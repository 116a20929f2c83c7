"""The processor is called outside any row lock, after the attempt or operation was committed as pending, with
an idempotency key derived from it; what a request could not record, the recovery job does (issue 13 §5).

The faults are injected where they happen in production: the processor's answer lost on the way back, the
processor never reached, and the commit that records an approval failing after the processor approved.
"""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from migo.ledger.models import Entry
from migo.payments import checkout, processors, tasks
from migo.payments.models import PaymentAttempt, PaymentOperation, PaymentTransaction, SandboxProcessorRecord
from migo.platform.db import database, libpq_url
from migo.platform.secrets import CardNumber, Cvv, Secret
from migo.platform.settings import get_settings
from tests.books import assert_books_sound
from tests.factories import configure_payment_client, create_link, create_tenant, merchant, sandbox_pay
from tests.payments.test_payments import events_of, merchant_balance
from tests.traced import untraced

SANDBOX = processors.SandboxProcessor


async def _link(client, **terms):
    tenant = await create_tenant()
    await configure_payment_client(tenant, **terms)
    return tenant, await create_link(client, tenant, amount=100)


async def _attempts(uid: str) -> list[str]:
    async with database.transaction() as session:
        rows = await session.scalars(
            select(PaymentAttempt.status)
            .join(PaymentTransaction, PaymentTransaction.id == PaymentAttempt.transaction_id)
            .where(PaymentTransaction.uid == uid)
            .order_by(PaymentAttempt.created_at, PaymentAttempt.id)  # ids are time-ordered: the clock may be frozen
        )
        return list(rows)


async def _status(client, tenant, uid: str) -> dict:
    response = await client.get(f"/transactions/{uid}", headers=merchant(tenant))
    assert response.status_code == 200
    return response.json()


async def _recover(frozen_clock) -> None:
    frozen_clock.advance(seconds=checkout.RECOVERY_AGE.total_seconds() + 1)
    await tasks.recover_pending()


def _lose_the_answer(monkeypatch, method: str) -> None:
    """The processor does what it is asked and records it, but its answer never comes back."""
    original = getattr(SANDBOX, method)

    async def answered_then_lost(self, *args, **kwargs):
        await original(self, *args, **kwargs)
        raise processors.ProcessorError("connection reset while reading the answer")

    monkeypatch.setattr(SANDBOX, method, answered_then_lost)


async def test_the_link_is_not_locked_while_the_processor_answers(client, monkeypatch):
    tenant, link = await _link(client)
    original = SANDBOX.authorize
    seen: list[str] = []

    async def authorize_and_look(self, *args, **kwargs):
        # Another session may lock the link at once: nobody holds its row, and the attempt is committed.
        async with await psycopg.AsyncConnection.connect(libpq_url(get_settings().database_url or "")) as other:
            locked = await other.execute(
                "SELECT id FROM payment_transactions WHERE uid = %s FOR UPDATE NOWAIT", (link["uid"],)
            )
            assert await locked.fetchone() is not None
            statuses = await other.execute(
                "SELECT a.status FROM payment_attempts a JOIN payment_transactions t ON t.id = a.transaction_id "
                "WHERE t.uid = %s",
                (link["uid"],),
            )
            seen.extend(row[0] for row in await statuses.fetchall())
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(SANDBOX, "authorize", authorize_and_look)
    paid = await sandbox_pay(client, tenant, link["uid"])
    assert paid.status_code == 200 and paid.json()["outcome"] == "approved"
    assert seen == ["pending"]


async def test_an_approval_whose_commit_failed_is_recorded_by_the_recovery_job(client, monkeypatch, frozen_clock):
    tenant, link = await _link(client)

    async def commit_fails(attempt_id, authorization):
        async with database.side_transaction() as session:
            transaction, client_, attempt = await checkout._locked_attempt(session, attempt_id)
            await checkout._record(session, transaction, client_, attempt, authorization)
            raise OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(checkout, "record_authorization", commit_fails)
    failed = await sandbox_pay(client, tenant, link["uid"])
    assert failed.status_code == 503  # the database went away: retry later
    monkeypatch.undo()
    # The processor approved and keeps the record; Migo recorded nothing but the pending attempt.
    assert await _attempts(link["uid"]) == ["pending"]
    assert (await _status(client, tenant, link["uid"]))["status"] == "pending"
    assert await merchant_balance(tenant.client_slug) == 0
    page = await client.get("/", params={"orderId": link["uid"]})
    assert "Confirming your payment" in page.text and 'http-equiv="refresh"' in page.text
    again = await sandbox_pay(client, tenant, link["uid"])
    assert again.status_code == 409 and again.json()["ownCode"] == 5019  # never a second charge meanwhile

    await _recover(frozen_clock)
    shown = await _status(client, tenant, link["uid"])
    assert shown["status"] == "approved" and shown["capturedAmount"] == 100 and shown["authorizationCode"]
    assert await _attempts(link["uid"]) == ["approved"]
    assert await merchant_balance(tenant.client_slug) == Decimal(100)
    assert await events_of(link["uid"]) == ["transaction.approved"]
    await tasks.recover_pending()  # a second pass changes nothing
    assert await events_of(link["uid"]) == ["transaction.approved"]
    await assert_books_sound()


async def test_a_lost_answer_is_asked_for_again_and_an_unreached_processor_charged_nothing(
    client, monkeypatch, frozen_clock
):
    tenant, approved = await _link(client)
    _lose_the_answer(monkeypatch, "authorize")
    lost = await sandbox_pay(client, tenant, approved["uid"])
    assert lost.status_code == 502 and lost.json()["ownCode"] == 5017
    monkeypatch.undo()

    unreached = await create_link(client, tenant, amount=40)

    async def unreachable(self, *args, **kwargs):
        raise processors.ProcessorError("connection refused")

    monkeypatch.setattr(SANDBOX, "authorize", unreachable)
    assert (await sandbox_pay(client, tenant, unreached["uid"])).status_code == 502
    monkeypatch.undo()

    await _recover(frozen_clock)
    assert (await _status(client, tenant, approved["uid"]))["status"] == "approved"
    assert await _attempts(unreached["uid"]) == ["abandoned"]  # never reached: nothing to record, nothing charged
    retried = await sandbox_pay(client, tenant, unreached["uid"])
    assert retried.json()["outcome"] == "approved"
    assert await merchant_balance(tenant.client_slug) == Decimal(140)
    await assert_books_sound()


async def test_a_3ds_answer_whose_reply_was_lost_is_recovered(client, monkeypatch, frozen_clock):
    tenant, link = await _link(client)
    challenged = (await sandbox_pay(client, tenant, link["uid"], "4000000000003220")).json()
    assert challenged["outcome"] == "requires_action"
    _lose_the_answer(monkeypatch, "authenticate")
    lost = await sandbox_pay(client, tenant, link["uid"], "4000000000003220", threeDsCode="123456")
    assert lost.status_code == 502
    monkeypatch.undo()
    assert await _attempts(link["uid"]) == ["abandoned", "pending"]
    await _recover(frozen_clock)
    assert await _attempts(link["uid"]) == ["abandoned", "approved"]
    assert (await _status(client, tenant, link["uid"]))["status"] == "approved"


async def test_a_refund_whose_answer_was_lost_is_pending_then_confirmed(client, monkeypatch, frozen_clock):
    tenant, link = await _link(client)
    await sandbox_pay(client, tenant, link["uid"])
    _lose_the_answer(monkeypatch, "refund")
    headers = {**merchant(tenant), "Idempotency-Key": "refund-lost"}
    path = f"/transactions/{link['uid']}/refund"
    pending = await client.post(path, json={"amount": 30}, headers=headers)
    assert pending.status_code == 200, pending.text
    assert pending.json()["status"] == "pending" and pending.json()["transaction"]["refundedAmount"] == 0
    monkeypatch.undo()
    # The refund holds its amount: what is left to refund, and to reverse, counts it.
    over = await client.post(path, json={"amount": 71}, headers=merchant(tenant))
    assert over.status_code == 409 and over.json()["ownCode"] == 5014
    reverse = await client.post(f"/transactions/{link['uid']}/reverse", headers=merchant(tenant))
    assert reverse.status_code == 409 and reverse.json()["ownCode"] == 5019
    replayed = await client.post(path, json={"amount": 30}, headers=headers)
    assert untraced(replayed.json()) == untraced(pending.json())

    await _recover(frozen_clock)
    shown = await _status(client, tenant, link["uid"])
    assert shown["refundedAmount"] == 30 and shown["status"] == "approved"
    assert await merchant_balance(tenant.client_slug) == Decimal(70)
    assert await events_of(link["uid"]) == ["transaction.approved", "transaction.refunded"]
    await assert_books_sound()


async def test_a_capture_whose_answer_was_lost_is_finished_by_its_retry(client, monkeypatch, frozen_clock):
    """The retry of a request whose answer was lost asks the processor again under the same processor key: the
    processor answers that key once, so the retry finishes the capture instead of making another."""
    tenant, link = await _link(client, capture_mode="manual")
    await sandbox_pay(client, tenant, link["uid"])
    _lose_the_answer(monkeypatch, "capture")
    headers = {**merchant(tenant), "Idempotency-Key": "capture-lost"}
    path = f"/transactions/{link['uid']}/capture"
    lost = await client.post(path, json={"amount": 60}, headers=headers)
    assert lost.status_code == 502
    again_lost = await client.post(path, json={"amount": 60}, headers=headers)  # the answer is lost again
    assert again_lost.status_code == 502
    another = await client.post(path, json={"amount": 60}, headers=merchant(tenant))
    assert another.status_code == 409 and another.json()["ownCode"] == 5019  # never captured twice
    monkeypatch.undo()

    finished = await client.post(path, json={"amount": 60}, headers=headers)
    assert finished.status_code == 200 and finished.json()["capturedAmount"] == 60
    await _recover(frozen_clock)  # nothing left for the recovery job
    assert (await client.post(path, json={"amount": 60}, headers=headers)).json() == finished.json()
    assert await merchant_balance(tenant.client_slug) == Decimal(60)
    assert await events_of(link["uid"]) == ["transaction.authorized", "transaction.captured"]
    async with database.transaction() as session:
        transaction = await session.scalar(select(PaymentTransaction).where(PaymentTransaction.uid == link["uid"]))
        assert transaction is not None
        captures = await session.scalar(
            select(func.count()).where(Entry.reference == f"payment-capture:{transaction.id}")
        )
        kinds = (
            await session.scalars(
                select(PaymentOperation.kind).where(PaymentOperation.transaction_id == transaction.id)
            )
        ).all()
    assert captures == 1 and kinds == ["capture"]
    await assert_books_sound()


async def test_the_sandbox_processor_answers_a_key_once_and_refuses_it_for_another_request():
    sandbox = processors.SandboxProcessor()
    card = processors.CardData(CardNumber("4242424242424242"), 12, 2034, Cvv("123"))
    first = await sandbox.authorize(card, amount=Decimal(10), currency="GTQ", installments=1, capture=True, key="k-1x")
    again = await sandbox.authorize(card, amount=Decimal(10), currency="GTQ", installments=1, capture=True, key="k-1x")
    assert first == again and first.status == "approved"
    with pytest.raises(processors.ProcessorError):
        await sandbox.authorize(card, amount=Decimal(11), currency="GTQ", installments=1, capture=True, key="k-1x")
    assert await sandbox.lookup("k-1x") == first
    assert await sandbox.lookup("never-sent") is None
    over = await sandbox.capture(first.reference or "", Decimal(11), key="k-1x-capture")
    assert over.status == "failed" and over.failure_code == "amount_too_large"


async def test_a_3ds_challenge_is_bound_to_its_payment_and_answered_once():
    sandbox = processors.SandboxProcessor()
    card = processors.CardData(CardNumber("4000000000003220"), 12, 2034, Cvv("123"))
    challenge = await sandbox.authorize(
        card, amount=Decimal(10), currency="GTQ", installments=1, capture=True, key="k-3ds"
    )
    assert challenge.status == "requires_action" and challenge.reference
    wrong = await sandbox.authenticate(challenge.reference, Secret("000000"), key="k-3ds-answer")
    assert wrong.decline_code == "authentication_failed"
    with pytest.raises(processors.ProcessorError):  # spent by the first answer, even a wrong one
        await sandbox.authenticate(challenge.reference, Secret("123456"), key="k-3ds-second")
    with pytest.raises(processors.ProcessorError):  # a made-up challenge is nobody's
        await sandbox.authenticate("sbx3ds_" + "x" * 20, Secret("123456"), key="k-3ds-made-up")
    async with database.transaction() as session:
        record = await session.get(SandboxProcessorRecord, "k-3ds-answer")
    assert record is not None and record.payment_reference == challenge.reference and record.amount == 10


async def test_a_call_with_no_record_is_cancelled_before_it_is_given_up(client, monkeypatch, frozen_clock):
    """ "No record" may mean "not yet" with a real acquirer: the recovery cancels the call by its key first, so
    that a request still in transit is refused when it lands, not charged after the customer paid again."""
    tenant, link = await _link(client)

    async def unreachable(self, *args, **kwargs):
        raise processors.ProcessorError("connection refused")

    monkeypatch.setattr(SANDBOX, "authorize", unreachable)
    assert (await sandbox_pay(client, tenant, link["uid"])).status_code == 502
    monkeypatch.undo()
    async with database.transaction() as session:
        attempt_id = await session.scalar(
            select(PaymentAttempt.id)
            .join(PaymentTransaction, PaymentTransaction.id == PaymentAttempt.transaction_id)
            .where(PaymentTransaction.uid == link["uid"])
        )
    assert attempt_id is not None

    # The cancel itself cannot be made now: the attempt stays pending for the next run.
    async def cancel_fails(self, key):
        raise processors.ProcessorError("timeout")

    monkeypatch.setattr(SANDBOX, "cancel", cancel_fails)
    await _recover(frozen_clock)
    assert await _attempts(link["uid"]) == ["pending"]
    monkeypatch.undo()

    await _recover(frozen_clock)
    assert await _attempts(link["uid"]) == ["abandoned"]
    # The request that was in transit lands now, with its key: refused, and nothing is recorded as charged.
    card = processors.CardData(CardNumber("4242424242424242"), 12, 2034, Cvv("123"))
    late = await SANDBOX().authorize(
        card, amount=Decimal(100), currency="GTQ", installments=1, capture=True, key=checkout.authorize_key(attempt_id)
    )
    assert late.status == "declined" and late.decline_code == "cancelled"
    paid = await sandbox_pay(client, tenant, link["uid"])
    assert paid.json()["outcome"] == "approved"
    assert await merchant_balance(tenant.client_slug) == Decimal(100)
    await assert_books_sound()


async def test_a_refund_the_processor_refuses_later_is_told_and_can_be_read(client, monkeypatch, frozen_clock):
    tenant, link = await _link(client)
    await sandbox_pay(client, tenant, link["uid"])

    async def unreachable(self, *args, **kwargs):
        raise processors.ProcessorError("connection refused")

    monkeypatch.setattr(SANDBOX, "refund", unreachable)
    headers = {**merchant(tenant), "Idempotency-Key": "refund-never-arrives"}
    pending = await client.post(f"/transactions/{link['uid']}/refund", json={"amount": 25}, headers=headers)
    assert pending.status_code == 200 and pending.json()["status"] == "pending"
    monkeypatch.undo()
    refund_id = pending.json()["refundId"]
    listed = (await client.get(f"/transactions/{link['uid']}/refunds", headers=merchant(tenant))).json()
    assert [(r["refundId"], r["status"]) for r in listed["items"]] == [(refund_id, "pending")]

    await _recover(frozen_clock)  # the processor has no record of it: cancelled there, failed here
    listed = (await client.get(f"/transactions/{link['uid']}/refunds", headers=merchant(tenant))).json()
    [refund] = listed["items"]
    assert refund["status"] == "failed" and refund["failureCode"] == "not_received" and refund["resolvedAt"]
    assert await events_of(link["uid"]) == ["transaction.approved", "transaction.refund_failed"]
    shown = await _status(client, tenant, link["uid"])
    assert shown["refundedAmount"] == 0
    assert await merchant_balance(tenant.client_slug) == Decimal(100)  # its hold released
    other = await create_tenant()
    foreign = await client.get(f"/transactions/{link['uid']}/refunds", headers=merchant(other))
    assert foreign.status_code == 404
    await assert_books_sound()


async def test_the_recovery_settles_the_rest_when_one_item_breaks(client, monkeypatch, frozen_clock):
    tenant, first = await _link(client)
    second = await create_link(client, tenant, amount=40)

    async def unreachable(self, *args, **kwargs):
        raise processors.ProcessorError("connection refused")

    monkeypatch.setattr(SANDBOX, "authorize", unreachable)
    for link in (first, second):
        assert (await sandbox_pay(client, tenant, link["uid"])).status_code == 502
    monkeypatch.undo()
    original = checkout.resolve_attempt
    broken: list[object] = []

    async def the_first_one_breaks(attempt_id):
        if not broken:
            broken.append(attempt_id)
            raise RuntimeError("a bug in one item")
        return await original(attempt_id)

    monkeypatch.setattr(checkout, "resolve_attempt", the_first_one_breaks)
    await _recover(frozen_clock)
    assert sorted([*await _attempts(first["uid"]), *await _attempts(second["uid"])]) == ["abandoned", "pending"]


async def test_an_authorization_the_processor_will_not_void_expires_instead_of_being_swept_forever(
    client, monkeypatch, frozen_clock
):
    tenant, link = await _link(client, capture_mode="manual")
    assert (await sandbox_pay(client, tenant, link["uid"])).json()["outcome"] == "authorized"

    async def refuses(self, reference, *, key):
        return processors.OperationResult("failed", failure_code="authorization_expired")

    monkeypatch.setattr(SANDBOX, "void", refuses)
    frozen_clock.advance(days=8)
    for _ in range(3):
        await tasks.sweep_payments(0)
    shown = await _status(client, tenant, link["uid"])
    assert shown["status"] == "expired"
    assert await events_of(link["uid"]) == ["transaction.authorized", "transaction.expired"]
    async with database.transaction() as session:
        voids = (
            await session.scalars(
                select(PaymentOperation.status)
                .join(PaymentTransaction, PaymentTransaction.id == PaymentOperation.transaction_id)
                .where(PaymentTransaction.uid == link["uid"])
            )
        ).all()
    assert voids == ["failed"]  # asked once, not every minute
    await assert_books_sound()
