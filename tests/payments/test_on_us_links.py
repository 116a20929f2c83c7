"""Payment Links paid with a prepaid card Migo issued: routed on-us (the ledger, not a card network) whatever the
client's processor for the brand, in one installment, under the client's BIN rules; then captured, refunded and
reversed as any payment is."""

from __future__ import annotations

from decimal import Decimal

from migo.payments import clients
from tests.books import assert_books_sound
from tests.factories import configure_payment_client, create_link, create_tenant, merchant, sandbox_pay
from tests.prepaid import card_balance, card_details, card_movements, merchant_balance, on_us_clearing, prepaid_card


async def _merchant(**terms):
    tenant = await create_tenant()
    await configure_payment_client(tenant, **terms)
    return tenant


async def test_a_link_paid_with_a_prepaid_card_is_charged_on_us_and_reversed(client):
    tenant = await _merchant()
    card = await prepaid_card(client, balance="300")
    clearing = await on_us_clearing()
    link = await create_link(client, tenant, amount=120)

    in_installments = await sandbox_pay(client, tenant, link["uid"], **card.as_typed(installments=3))
    assert in_installments.status_code == 409 and "installments" in in_installments.json()["detail"]
    options = await client.post(
        "/v1/bins/verify", json={"client": tenant.client_slug, "bin": card.number[:8]}, headers=merchant(tenant)
    )
    assert options.json()["installments"] == [1], options.text

    paid = await sandbox_pay(client, tenant, link["uid"], **card.as_typed())
    assert paid.status_code == 200 and paid.json()["outcome"] == "approved", paid.text
    transaction = paid.json()["transaction"]
    assert transaction["processor"] == "migo" and transaction["status"] == "approved"
    assert transaction["last4"] == card.number[-4:] and transaction["installments"] == 1
    assert await card_balance(client, card) == Decimal(180)
    assert await merchant_balance(tenant.client_slug) == Decimal(120)
    assert await on_us_clearing() == clearing
    await assert_books_sound()

    reversed_ = await client.post(f"/transactions/{link['uid']}/reverse", headers=merchant(tenant))
    assert reversed_.status_code == 200 and reversed_.json()["status"] == "reversed", reversed_.text
    assert await card_balance(client, card) == Decimal(300)
    assert await merchant_balance(tenant.client_slug) == 0
    assert await on_us_clearing() == clearing
    assert [m["type"] for m in await card_movements(client, card)][-2:] == ["on_us_charge", "on_us_reversal"]
    await assert_books_sound()


async def test_a_two_step_payment_holds_the_card_then_captures_part_and_refunds(client):
    tenant = await _merchant(capture_mode="manual")
    card = await prepaid_card(client, balance="300")
    link = await create_link(client, tenant, amount=200)
    paid = await sandbox_pay(client, tenant, link["uid"], **card.as_typed())
    assert paid.json()["outcome"] == "authorized", paid.text
    details = await card_details(client, card)
    assert Decimal(details["balance"]) == 300 and Decimal(details["availableBalance"]) == 100
    await assert_books_sound()

    captured = await client.post(f"/transactions/{link['uid']}/capture", json={"amount": 150}, headers=merchant(tenant))
    assert captured.status_code == 200, captured.text
    details = await card_details(client, card)
    assert Decimal(details["balance"]) == 150 and Decimal(details["availableBalance"]) == 150  # the rest released
    assert await merchant_balance(tenant.client_slug) == Decimal(150)
    await assert_books_sound()

    path = f"/transactions/{link['uid']}/refund"
    partial = await client.post(path, json={"amount": 50}, headers=merchant(tenant))
    assert partial.json()["status"] == "succeeded", partial.text
    rest = await client.post(path, json={}, headers=merchant(tenant))
    assert rest.json()["transaction"]["status"] == "refunded", rest.text
    assert await card_balance(client, card) == Decimal(300)
    assert await merchant_balance(tenant.client_slug) == 0
    await assert_books_sound()


async def test_an_authorization_voided_releases_the_hold(client):
    tenant = await _merchant(capture_mode="manual")
    card = await prepaid_card(client, balance="300")
    link = await create_link(client, tenant, amount=200)
    assert (await sandbox_pay(client, tenant, link["uid"], **card.as_typed())).json()["outcome"] == "authorized"
    voided = await client.post(f"/transactions/{link['uid']}/reverse", headers=merchant(tenant))
    assert voided.json()["status"] == "reversed", voided.text
    details = await card_details(client, card)
    assert Decimal(details["balance"]) == 300 and Decimal(details["availableBalance"]) == 300
    await assert_books_sound()


async def test_a_prepaid_card_is_declined_as_its_issuer_declines_it(client):
    tenant = await _merchant(max_attempts=10)
    card = await prepaid_card(client, balance="50")
    link = await create_link(client, tenant, amount=100)
    wrong_cvv = "000" if card.cvv != "000" else "111"
    month, year = card.expiry.split("/")
    other_expiry = f"{month}/{int(year) + 1:02d}"
    unknown = (
        card.number[:-2]
        + next(  # another number on the same BIN, Luhn-valid, never printed
            f"{d}{c}"
            for d in "0123456789"
            for c in "0123456789"
            if _luhn_ok(card.number[:-2] + f"{d}{c}") and card.number[:-2] + f"{d}{c}" != card.number
        )
    )
    for fields, code in (
        ({"cvv": wrong_cvv}, "incorrect_cvc"),
        ({"expiry": other_expiry}, "incorrect_expiry"),
        ({}, "insufficient_funds"),
        ({"cardNumber": unknown}, "invalid_number"),
    ):
        answer = await sandbox_pay(client, tenant, link["uid"], **card.as_typed(**fields))
        assert answer.json()["outcome"] == "declined" and answer.json()["declineCode"] == code, answer.text
    assert await card_balance(client, card) == Decimal(50)
    await assert_books_sound()


async def test_the_clients_bin_rules_still_apply_to_a_prepaid_card(client):
    tenant = await _merchant(allowed_card_types=("credit", "debit"))
    card = await prepaid_card(client, balance="500")
    link = await create_link(client, tenant, amount=100)
    refused = await sandbox_pay(client, tenant, link["uid"], **card.as_typed())
    assert refused.json()["outcome"] == "declined" and refused.json()["declineCode"] == "card_not_allowed"
    other = await _merchant(processors=(clients.ProcessorTerms("sandbox", brands=("mastercard",)),))
    link = await create_link(client, other, amount=100)
    refused = await sandbox_pay(client, other, link["uid"], **card.as_typed())
    assert refused.json()["outcome"] == "declined" and refused.json()["declineCode"] == "card_not_allowed"
    assert await card_balance(client, card) == Decimal(500)
    await assert_books_sound()


def _luhn_ok(number: str) -> bool:
    from migo.platform import pan

    return pan.is_valid(number)


async def test_an_on_us_charge_whose_answer_was_lost_is_recovered_once(client, monkeypatch, frozen_clock):
    from migo.cards.on_us import OnUsProcessor
    from migo.payments import checkout, tasks
    from migo.platform.processing import ProcessorError

    tenant = await _merchant()
    card = await prepaid_card(client, balance="300")
    link = await create_link(client, tenant, amount=100)
    original = OnUsProcessor.authorize

    async def answered_then_lost(self, *args, **kwargs):
        await original(self, *args, **kwargs)
        raise ProcessorError("connection reset while reading the answer")

    monkeypatch.setattr(OnUsProcessor, "authorize", answered_then_lost)
    lost = await sandbox_pay(client, tenant, link["uid"], **card.as_typed())
    assert lost.status_code == 502 and lost.json()["ownCode"] == 5017
    monkeypatch.undo()
    assert await card_balance(client, card) == Decimal(200)  # charged; not booked to the merchant yet
    assert await merchant_balance(tenant.client_slug) == 0
    await assert_books_sound()

    frozen_clock.advance(seconds=checkout.RECOVERY_AGE.total_seconds() + 1)
    await tasks.recover_pending()
    await tasks.recover_pending()  # a second pass changes nothing
    shown = await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))
    assert shown.json()["status"] == "approved" and shown.json()["processor"] == "migo"
    assert await card_balance(client, card) == Decimal(200)
    assert await merchant_balance(tenant.client_slug) == Decimal(100)
    await assert_books_sound()
