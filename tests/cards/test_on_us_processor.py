"""The on-us processor as payments talks to it (the processor port): the issuer's checks, the money each call
moves through the ledger, its books by idempotency key (retries, lookups, technical cancels), and the books
`migo ledger verify` matches them against."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from migo.cards.models import OnUsRecord
from migo.cards.on_us import OnUsProcessor, issued_here
from migo.ledger import service as ledger
from migo.payments import clients
from migo.platform import processing
from migo.platform.db import database
from migo.platform.processing import CardData, ProcessorError
from migo.platform.secrets import CardNumber, Cvv
from migo.verification import JOURNAL_ONLY, MOVEMENT_SOURCES
from tests.books import LEDGER_TEST_ENTRIES, assert_books_sound
from tests.prepaid import PrepaidCard, card_details, on_us_clearing, prepaid_card

on_us = OnUsProcessor()


def _typed(card: PrepaidCard, *, cvv: str | None = None) -> CardData:
    month, year = card.expiry.split("/")
    return CardData(CardNumber(card.number), int(month), 2000 + int(year), Cvv(cvv) if cvv else None)


async def _charge(card: PrepaidCard, amount: str, key: str, *, capture: bool = True, currency: str = "GTQ"):
    return await on_us.authorize(
        _typed(card, cvv=card.cvv),
        amount=Decimal(amount),
        currency=currency,
        installments=1,
        capture=capture,
        key=key,
        descriptor="Tienda Ana",
    )


async def _available(client, card: PrepaidCard) -> tuple[Decimal, Decimal]:
    details = await card_details(client, card)
    return Decimal(details["balance"]), Decimal(details["availableBalance"])


async def test_the_composition_root_routes_migo_cards_on_us_and_no_client_names_it(client):
    card = await prepaid_card(client)
    assert processing.processor_named("migo").name == "migo"
    async with database.transaction() as session:
        assert await processing.issued_by_us(session, card.number)
        assert await issued_here(session, card.number[:8])  # the BIN, as the checkout asks while it is typed
        assert not await processing.issued_by_us(session, "4242424242424242")
    terms = clients.ClientTerms(
        slug="x",
        display_name="X",
        channels=("wa",),
        currencies=("GTQ",),
        min_amount=Decimal(1),
        max_amount=Decimal(10),
        processors=(clients.ProcessorTerms("migo"),),
        reference_prefix="X",
    )
    with pytest.raises(ValueError, match=r"processors among sandbox$"):
        terms.check()


async def test_a_charge_is_answered_once_per_key_and_a_reused_key_is_refused(client):
    card = await prepaid_card(client, balance="100")
    clearing = await on_us_clearing()
    first = await _charge(card, "30", "onus-test-1")
    again = await _charge(card, "30", "onus-test-1")
    assert first == again and first.status == "approved" and first.reference and first.authorization_code
    assert await _available(client, card) == (Decimal(70), Decimal(70))
    assert await on_us_clearing() == clearing + 30
    with pytest.raises(ProcessorError):
        await _charge(card, "31", "onus-test-1")
    assert await on_us.lookup("onus-test-1") == first
    assert await on_us.lookup("onus-never-sent") is None

    # Refunds never beyond the charge; a void after a refund is refused; each answered once by its key.
    assert (await on_us.refund(first.reference, Decimal(20), key="onus-test-1-r1")).status == "succeeded"
    over = await on_us.refund(first.reference, Decimal(11), key="onus-test-1-r2")
    assert over.status == "failed" and over.failure_code == "amount_too_large"
    assert (await on_us.refund(first.reference, Decimal(20), key="onus-test-1-r1")).status == "succeeded"
    late_void = await on_us.void(first.reference, key="onus-test-1-v")
    assert late_void.status == "failed" and late_void.failure_code == "already_refunded"
    unknown = await on_us.refund("onus_nobody", Decimal(1), key="onus-test-1-r3")
    assert unknown.status == "failed" and unknown.failure_code == "unknown_payment"
    assert await _available(client, card) == (Decimal(90), Decimal(90))
    assert await on_us_clearing() == clearing + 10  # payments books its capture and refund out of it, and back
    await assert_books_sound()


async def test_a_hold_is_captured_once_and_a_charge_is_voided_once(client):
    card = await prepaid_card(client, balance="100")
    held = await _charge(card, "60", "onus-test-2", capture=False)
    assert held.status == "approved" and await _available(client, card) == (Decimal(100), Decimal(40))
    over = await on_us.capture(held.reference, Decimal(61), key="onus-test-2-c0")
    assert over.status == "failed" and over.failure_code == "amount_too_large"
    assert (await on_us.capture(held.reference, Decimal(45), key="onus-test-2-c1")).status == "succeeded"
    twice = await on_us.capture(held.reference, Decimal(10), key="onus-test-2-c2")
    assert twice.status == "failed" and twice.failure_code == "authorization_not_pending"
    assert await _available(client, card) == (Decimal(55), Decimal(55))  # the uncaptured 15 released
    assert (await on_us.void(held.reference, key="onus-test-2-v1")).status == "succeeded"  # reverses the capture
    again = await on_us.void(held.reference, key="onus-test-2-v2")
    assert again.status == "failed" and again.failure_code == "already_voided"
    assert await _available(client, card) == (Decimal(100), Decimal(100))

    released = await _charge(card, "70", "onus-test-3", capture=False)
    assert (await on_us.void(released.reference, key="onus-test-3-v")).status == "succeeded"
    late = await on_us.capture(released.reference, Decimal(70), key="onus-test-3-c")
    assert late.status == "failed" and late.failure_code == "authorization_not_pending"
    assert await _available(client, card) == (Decimal(100), Decimal(100))
    await assert_books_sound()


async def test_declines_move_nothing(client):
    card = await prepaid_card(client, balance="50")
    short = await _charge(card, "50.0001", "onus-decline-1")
    assert short.status == "declined" and short.decline_code == "insufficient_funds"
    held_short = await _charge(card, "51", "onus-decline-2", capture=False)
    assert held_short.decline_code == "insufficient_funds"
    other_currency = await _charge(card, "1", "onus-decline-3", currency="USD")
    assert other_currency.decline_code == "currency_not_supported"
    merchant_initiated = await on_us.authorize(  # a stored card: no CVV to check
        _typed(card), amount=Decimal(0), currency="GTQ", installments=1, capture=False, key="onus-decline-4"
    )
    assert merchant_initiated.status == "approved"
    assert await _available(client, card) == (Decimal(50), Decimal(50))
    async with database.transaction() as session:
        moved = await session.scalar(
            text(
                "SELECT count(*) FROM card_on_us_records WHERE idempotency_key LIKE 'onus-decline-%'"
                " AND (entry_id IS NOT NULL OR hold_id IS NOT NULL)"
            )
        )
    assert moved == 0
    await assert_books_sound()


async def test_a_cancelled_key_never_takes_effect(client):
    card = await prepaid_card(client, balance="100")
    await on_us.cancel("onus-test-8")
    await on_us.cancel("onus-test-8")  # twice: still cancelled
    landed = await _charge(card, "10", "onus-test-8")
    assert landed.status == "declined" and landed.decline_code == "cancelled"
    assert await on_us.lookup("onus-test-8") is None
    assert await _available(client, card) == (Decimal(100), Decimal(100))
    charged = await _charge(card, "10", "onus-test-9")
    with pytest.raises(ProcessorError):  # it did land: look it up again
        await on_us.cancel("onus-test-9")
    assert await on_us.lookup("onus-test-9") == charged
    await assert_books_sound()


async def test_ledger_verify_matches_the_on_us_records_against_their_entries(client):
    card = await prepaid_card(client, balance="100")
    charge = await _charge(card, "40", "onus-test-10")
    held = await _charge(card, "20", "onus-test-11", capture=False)
    await assert_books_sound()
    async with database.sessionmaker() as session, session.begin():
        await session.execute(text("DELETE FROM card_on_us_records WHERE idempotency_key = 'onus-test-10'"))
        await session.execute(
            text("UPDATE card_on_us_records SET hold_id = NULL WHERE idempotency_key = 'onus-test-11'")
        )
        report = await ledger.verify_ledger(session, MOVEMENT_SOURCES, (*JOURNAL_ONLY, LEDGER_TEST_ENTRIES))
        await session.rollback()
    failed = {check.name: check.offenders for check in report.failed()}
    assert set(failed) == {"movements: on-us charges", "records: on-us charges"}, failed
    [orphan] = failed["movements: on-us charges"]
    assert "(on_us_charge 40.0000): no record names it" in orphan
    [holdless] = failed["records: on-us charges"]
    assert "authorization approved without its hold: onus-test-11" in holdless
    assert charge.status == held.status == "approved"
    async with database.transaction() as session:
        assert await session.get(OnUsRecord, "onus-test-10") is not None
