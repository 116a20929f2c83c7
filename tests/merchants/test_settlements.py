"""Settlements and payouts (issue 15): the cutoff, the business-day calendar with holidays, fees in Decimal
(property tests: no unit lost), a day of mixed payments ending in one settlement per business, credits to the
balance and to prepaid cards, payouts, reports, the sandbox's run, and a cutoff racing itself."""

from __future__ import annotations

import asyncio
import io
import uuid
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_EVEN, Decimal

import httpx
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from migo.merchants import settlements
from migo.merchants.models import Settlement
from migo.merchants.settlements import LineDraft
from migo.platform.settings import get_settings
from tests.books import assert_books_sound
from tests.factories import (
    activate_card,
    bearer,
    branch_with_terminal,
    configure_payment_client,
    create_cardholder,
    create_link,
    merchant,
    onboarded_business,
    sandbox_pay,
)
from tests.merchants.test_pos_payments import sale, shop, terminal_auth

FRIDAY = date(2026, 12, 4)
HOLIDAY_MONDAY = date(2026, 12, 7)


def _error(response: httpx.Response, status: int, code: int) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code, response.text


async def pay(client: httpx.AsyncClient, terminal: dict, **fields: object) -> dict:
    response = await client.post(
        f"/rest/terminals/{terminal['id']}/payments", json=sale(**fields), headers=terminal_auth(terminal)
    )
    assert response.status_code == 201 and response.json()["data"]["status"] == "approved", response.text
    return response.json()["data"]


async def settle_all_due(today: date) -> None:
    """What the hourly job does: every settlement due, batch by batch (other tests' too)."""
    while await settlements.settle_due(today) == settlements.DUE_BATCH:
        pass


def fee(gross: str) -> Decimal:
    """The default pricing, 2.9% + 0.30, computed here apart from the code under test."""
    return (Decimal(gross) * Decimal("0.029") + Decimal("0.30")).quantize(Decimal("0.0001"), ROUND_HALF_EVEN)


def test_the_calendar_skips_weekends_and_holidays(monkeypatch):
    monkeypatch.setattr(get_settings(), "settlement_holidays", [HOLIDAY_MONDAY])
    assert settlements.settlement_date_of(date(2026, 12, 3)) == FRIDAY  # Thursday's cutoff
    assert settlements.settlement_date_of(FRIDAY) == date(2026, 12, 8)  # Monday is a holiday
    assert settlements.settlement_date_of(date(2026, 12, 5)) == date(2026, 12, 8)  # Saturday's cutoff
    assert settlements.add_business_days(date(2026, 12, 8), 3) == date(2026, 12, 11)
    monkeypatch.setattr(get_settings(), "settlement_holidays", [])
    assert settlements.settlement_date_of(FRIDAY) == HOLIDAY_MONDAY


async def test_a_friday_sale_after_the_cutoff_settles_on_tuesday_when_monday_is_a_holiday(
    client, frozen_clock, monkeypatch
):
    monkeypatch.setattr(get_settings(), "settlement_holidays", [HOLIDAY_MONDAY])
    frozen_clock.move_to(datetime(2026, 12, 4, 23, 29, tzinfo=UTC))
    cards, _, business, terminal = await shop(client)
    company = cards.tenant.company_id
    before = await pay(client, terminal, amount="10")
    frozen_clock.move_to(datetime(2026, 12, 4, 23, 31, tzinfo=UTC))
    after = await pay(client, terminal, amount="20")

    frozen_clock.move_to(datetime(2026, 12, 4, 23, 30, 5, tzinfo=UTC))  # Friday's cutoff job runs
    [friday] = await settlements.close_cutoff(FRIDAY, settlements.cutoff_instant(FRIDAY), company)
    frozen_clock.move_to(datetime(2026, 12, 5, 23, 30, 5, tzinfo=UTC))  # and Saturday's
    [saturday] = await settlements.close_cutoff(
        date(2026, 12, 5), settlements.cutoff_instant(date(2026, 12, 5)), company
    )
    app = bearer(await cards.tenant.app_token(client))  # a token of the day the clock is at
    assert (friday.settlement_date, saturday.settlement_date) == (date(2026, 12, 8), date(2026, 12, 8))
    detail = (await client.get(f"/rest/settlements/{saturday.id}", headers=app)).json()["data"]
    assert [line["paymentId"] for line in detail["lines"]] == [after["paymentId"]]
    friday_lines = (await client.get(f"/rest/settlements/{friday.id}", headers=app)).json()["data"]["lines"]
    assert [line["paymentId"] for line in friday_lines] == [before["paymentId"]]
    assert detail["businessId"] == business["id"] and detail["cutoffDate"] == "2026-12-05"

    # Nothing is credited before its date; on Tuesday both are, and the payout leaves for the bank.
    async def status(settlement: Settlement) -> str:
        return (await client.get(f"/rest/settlements/{settlement.id}", headers=app)).json()["data"]["status"]

    await settle_all_due(date(2026, 12, 7))
    assert (await status(friday), await status(saturday)) == ("pending", "pending")
    await settle_all_due(date(2026, 12, 8))
    assert (await status(friday), await status(saturday)) == ("settled", "settled")
    settled = (await client.get(f"/rest/settlements/{saturday.id}", headers=app)).json()["data"]
    assert settled["status"] == "settled" and settled["payout"]["status"] == "in_transit"
    assert settled["payout"]["expectedDate"] == "2026-12-09" and settled["payout"]["amount"] == settled["net"]
    while await settlements.pay_out_due(date(2026, 12, 9)) == settlements.DUE_BATCH:
        pass
    paid = (await client.get(f"/rest/settlements/{saturday.id}", headers=app)).json()["data"]
    assert paid["status"] == "paid_out" and paid["payout"]["status"] == "paid"
    await assert_books_sound()


async def test_a_day_of_mixed_payments_ends_in_one_settlement_per_business(client, frozen_clock):
    frozen_clock.move_to(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    cards, app, business, terminal = await shop(client)
    company = cards.tenant.company_id
    second_business = await onboarded_business(client, cards.tenant, app)
    _, second_terminal = await branch_with_terminal(client, app, second_business["id"], serial_number="PAX-0009")
    path = f"/rest/terminals/{terminal['id']}/payments"

    kept = await pay(client, terminal, amount="100.00", tip="10.00")
    reversed_ = await pay(client, terminal, amount="50.00")
    refunded = await pay(client, terminal, amount="80.00")
    other = await pay(client, second_terminal, amount="33.33")
    await client.post(f"{path}/{reversed_['paymentId']}/reverse", headers=terminal_auth(terminal))
    refund = await client.post(
        f"{path}/{refunded['paymentId']}/refund", json={"amount": "30"}, headers=terminal_auth(terminal)
    )
    assert refund.status_code == 201, refund.text

    frozen_clock.move_to(datetime(2026, 12, 2, 23, 30, tzinfo=UTC))
    made = await settlements.close_cutoff(date(2026, 12, 2), settlements.cutoff_instant(date(2026, 12, 2)), company)
    app = bearer(await cards.tenant.app_token(client))
    by_business = {str(settlement.business_id): settlement for settlement in made}
    assert set(by_business) == {business["id"], second_business["id"]}

    mine = (await client.get(f"/rest/settlements/{by_business[business['id']].id}", headers=app)).json()["data"]
    fees = fee("110.00") + fee("80.00")
    assert [(line["kind"], line["gross"], line["fee"]) for line in mine["lines"]] == [
        ("payment", "110.0000", f"{fee('110.00')}"),
        ("payment", "80.0000", f"{fee('80.00')}"),
        ("refund", "-30.0000", "0.0000"),
    ]
    assert (mine["gross"], mine["fees"], mine["net"]) == ("160.0000", f"{fees}", f"{Decimal('160') - fees}")
    assert mine["lineCount"] == 3 and mine["status"] == "pending" and mine["settlementDate"] == "2026-12-03"
    assert reversed_["paymentId"] not in str(mine["lines"]) and kept["paymentId"] in str(mine["lines"])
    theirs = (await client.get(f"/rest/settlements/{by_business[second_business['id']].id}", headers=app)).json()[
        "data"
    ]
    assert theirs["lines"][0]["paymentId"] == other["paymentId"] and theirs["fees"] == f"{fee('33.33')}"

    listed = await client.get(f"/rest/settlements?businessId={business['id']}&cutoffFrom=2026-12-02", headers=app)
    assert [item["id"] for item in listed.json()["data"]["items"]] == [mine["id"]]
    assert (await client.get("/rest/settlements?status=settled", headers=app)).json()["data"]["items"] == []

    report = await client.get(f"/rest/settlements/{mine['id']}/report.csv", headers=app)
    assert report.headers["content-type"].startswith("text/csv")
    rows = report.text.splitlines()
    assert rows[0].startswith("line,source,type,reference,payment,") and len(rows) == 5
    assert rows[-1].split(",")[6:9] == [mine["gross"], mine["fees"], mine["net"]]
    text = "".join(
        page.extract_text()
        for page in PdfReader(
            io.BytesIO((await client.get(f"/rest/settlements/{mine['id']}/report.pdf", headers=app)).content)
        ).pages
    )
    for shown in ("Settlement report", business["name"], mine["gross"], mine["fees"], mine["net"], "Page 1 of 1"):
        assert shown in text, shown
    pdf = await client.get(f"/rest/settlements/{mine['id']}/report.pdf", headers=app)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")

    # Closing again changes nothing: every line was claimed.
    assert (
        await settlements.close_cutoff(date(2026, 12, 2), settlements.cutoff_instant(date(2026, 12, 2)), company) == []
    )
    # A refund after the cutoff is netted in the next settlement.
    frozen_clock.move_to(datetime(2026, 12, 3, 8, 0, tzinfo=UTC))
    await client.post(f"{path}/{kept['paymentId']}/refund", json={"amount": "10"}, headers=terminal_auth(terminal))
    await pay(client, terminal, amount="40")
    frozen_clock.move_to(datetime(2026, 12, 3, 23, 30, tzinfo=UTC))
    [next_day] = await settlements.close_cutoff(
        date(2026, 12, 3), settlements.cutoff_instant(date(2026, 12, 3)), company
    )
    assert next_day.net == Decimal("40") - fee("40") - Decimal("10")
    await assert_books_sound()


async def test_a_payment_settled_to_a_prepaid_card_credits_the_card(client, frozen_clock):
    frozen_clock.move_to(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    cards, app, _, terminal = await shop(client)
    holder = await create_cardholder(client, cards.tenant)
    card = await activate_card(client, cards, 1, holder["userId"])
    to_card = await pay(client, terminal, amount="200", settleTo={"type": "PREPAID_CARD", "cardId": card["cardId"]})
    assert to_card["settleTo"] == {"type": "PREPAID_CARD", "cardId": card["cardId"]}
    await pay(client, terminal, amount="100")
    frozen_clock.advance(seconds=1)
    run = await client.post("/rest/sandbox/settlements/run", json={}, headers=app)
    assert run.status_code == 200, run.text
    [made] = run.json()["data"]
    advanced = await client.post(f"/rest/sandbox/settlements/{made['id']}/advance", headers=app)
    assert advanced.status_code == 200, advanced.text
    detail = advanced.json()["data"]
    card_part = Decimal("200") - fee("200")
    assert {(c["type"], c["cardId"], c["amount"]) for c in detail["credits"]} == {
        ("PREPAID_CARD", card["cardId"], f"{card_part}"),
        ("BALANCE", None, f"{Decimal('100') - fee('100')}"),
    }
    balance = (await client.get(f"/rest/cards/{card['cardId']}", headers=app)).json()["data"]["balance"]
    assert Decimal(balance) == card_part
    assert detail["payout"]["amount"] == f"{Decimal('100') - fee('100')}"
    paid = await client.post(f"/rest/sandbox/settlements/{made['id']}/advance", headers=app)
    assert paid.json()["data"]["status"] == "paid_out"
    _error(await client.post(f"/rest/sandbox/settlements/{made['id']}/advance", headers=app), 409, 7501)
    await assert_books_sound()


async def test_the_sandbox_run_closes_the_callers_company_only(client):
    _, app, _, terminal = await shop(client)
    _, other_app, _, other_terminal = await shop(client)
    await pay(client, terminal)
    await pay(client, other_terminal)
    run = (await client.post("/rest/sandbox/settlements/run", headers=app)).json()["data"]
    assert len(run) == 1 and run[0]["cutoffDate"] == datetime.now(UTC).date().isoformat()
    _error(await client.get(f"/rest/settlements/{run[0]['id']}", headers=other_app), 404, 7500)
    _error(await client.get(f"/rest/settlements/{run[0]['id']}/report.pdf", headers=other_app), 404, 7500)
    assert (await client.get("/rest/settlements", headers=other_app)).json()["data"]["items"] == []
    again = await client.post("/rest/sandbox/settlements/run", headers=other_app)
    assert len(again.json()["data"]) == 1
    _error(
        await client.post("/rest/sandbox/settlements/run", json={"cutoffDate": "2999-01-01"}, headers=app), 400, 7502
    )


async def test_two_workers_closing_one_cutoff_make_one_settlement(client):
    cards, app, business, terminal = await shop(client)
    for _ in range(3):
        await pay(client, terminal)
    today = datetime.now(UTC).date()
    until = datetime.now(UTC)
    company = cards.tenant.company_id
    first, second = await asyncio.gather(
        settlements.close_cutoff(today, until, company), settlements.close_cutoff(today, until, company)
    )
    assert len(first) + len(second) == 1
    listed = (await client.get(f"/rest/settlements?businessId={business['id']}", headers=app)).json()["data"]
    assert listed["meta"]["totalItems"] == 1 and listed["items"][0]["lineCount"] == 3
    # Two hourly runs crediting it at once credit it once.
    due = date.fromisoformat(listed["items"][0]["settlementDate"])
    await asyncio.gather(settle_all_due(due), settle_all_due(due))
    settled = (await client.get(f"/rest/settlements/{listed['items'][0]['id']}", headers=app)).json()["data"]
    assert settled["status"] == "settled" and len(settled["credits"]) == 1
    await assert_books_sound()


_amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.9999"), places=4)
_percent = st.decimals(min_value=Decimal(0), max_value=Decimal("9.9999"), places=4)
_fixed = st.decimals(min_value=Decimal(0), max_value=Decimal("5"), places=4)


@given(
    sales=st.lists(_amounts, min_size=1, max_size=40),
    refunds=st.lists(_amounts, max_size=10),
    percent=_percent,
    fixed=_fixed,
    to_card=st.lists(st.booleans(), min_size=50, max_size=50),
)
def test_settlement_arithmetic_loses_no_unit(sales, refunds, percent, fixed, to_card):
    card, pool = uuid.uuid4(), uuid.uuid4()
    at = datetime(2026, 12, 2, tzinfo=UTC)
    lines = [
        LineDraft(
            "payment",
            uuid.uuid4(),
            None,
            "r",
            at,
            amount,
            settlements.fee_of(amount, percent, fixed),
            card if to_card[i] else None,
            pool,
        )
        for i, amount in enumerate(sales)
    ] + [
        LineDraft("refund", uuid.uuid4(), uuid.uuid4(), "r", at, -amount, Decimal(0), None, pool) for amount in refunds
    ]
    total = settlements.totals(lines)
    # Every fee is in the ledger's 4 places, half-even, and the totals are the lines' sums to the unit.
    for line in lines:
        assert line.fee == line.fee.quantize(Decimal("0.0001")) and line.net + line.fee == line.gross
    assert total.gross == sum(line.gross for line in lines) and total.fees == sum(line.fee for line in lines)
    assert total.net == total.gross - total.fees
    credits = settlements.credits_of(lines, {card})
    assert sum(credits.values()) == total.net
    assert all(amount > 0 for key, amount in credits.items() if key is not None)
    if credits.get(None) is not None and total.net >= 0:
        assert credits[None] >= 0


def test_fees_round_half_even_to_four_places():
    assert settlements.fee_of(Decimal("0.0050"), Decimal("1"), Decimal(0)) == Decimal("0.0000")  # 0.00005 → even
    assert settlements.fee_of(Decimal("0.0150"), Decimal("1"), Decimal(0)) == Decimal("0.0002")  # 0.00015 → even
    assert settlements.fee_of(Decimal("110"), Decimal("2.9"), Decimal("0.30")) == Decimal("3.4900")


async def test_payment_link_captures_of_a_linked_client_settle_with_the_terminals(client, frozen_clock):
    """A day of POS and Payment Link payments, a link refund and a link void, ending in one settlement; a link
    refund after the settlement overdraws the client's pool and the next settlement nets it."""
    frozen_clock.move_to(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    cards, app, business, terminal = await shop(client)
    tenant = cards.tenant
    await configure_payment_client(tenant)
    linked = await client.post(
        f"/rest/businesses/{business['id']}/clients", json={"clientSlug": tenant.client_slug}, headers=app
    )
    assert linked.status_code == 200 and linked.json()["data"]["clients"] == [tenant.client_slug], linked.text
    again = await client.post(
        f"/rest/businesses/{business['id']}/clients", json={"clientSlug": tenant.client_slug}, headers=app
    )
    assert again.json()["data"]["clients"] == [tenant.client_slug]
    _error(
        await client.post(f"/rest/businesses/{business['id']}/clients", json={"clientSlug": "nobody"}, headers=app),
        404,
        7426,
    )
    other = await onboarded_business(client, tenant, app)
    _error(
        await client.post(
            f"/rest/businesses/{other['id']}/clients", json={"clientSlug": tenant.client_slug}, headers=app
        ),
        409,
        7427,
    )

    async def paid_link(amount: int) -> str:
        frozen_clock.advance(minutes=1)
        uid = (await create_link(client, tenant, amount=amount))["uid"]
        assert (await sandbox_pay(client, tenant, uid)).json()["outcome"] == "approved"
        return uid

    kept, refunded, voided = await paid_link(200), await paid_link(50), await paid_link(70)
    usd = (await create_link(client, tenant, amount=10, currency="USD"))["uid"]
    await sandbox_pay(client, tenant, usd)  # another currency: not this business's settlement
    frozen_clock.advance(minutes=1)
    refund = await client.post(f"/transactions/{refunded}/refund", json={"amount": 20}, headers=merchant(tenant))
    assert refund.status_code == 200 and refund.json()["status"] == "succeeded", refund.text
    assert (await client.post(f"/transactions/{voided}/reverse", headers=merchant(tenant))).status_code == 200
    frozen_clock.advance(minutes=1)
    sale_ = await pay(client, terminal, amount="30")

    frozen_clock.move_to(datetime(2026, 12, 2, 23, 30, tzinfo=UTC))
    [made] = await settlements.close_cutoff(
        date(2026, 12, 2), settlements.cutoff_instant(date(2026, 12, 2)), tenant.company_id
    )
    app = bearer(await tenant.app_token(client))
    detail = (await client.get(f"/rest/settlements/{made.id}", headers=app)).json()["data"]
    assert [(line["source"], line["kind"], line["gross"]) for line in detail["lines"]] == [
        ("link", "payment", "200.0000"),
        ("link", "payment", "50.0000"),
        ("link", "refund", "-20.0000"),
        ("terminal", "payment", "30.0000"),
    ]
    assert [line["linkUid"] for line in detail["lines"][:3]] == [kept, refunded, refunded]
    assert detail["lines"][3]["paymentId"] == sale_["paymentId"]
    fees = fee("200") + fee("50") + fee("30")
    assert (detail["gross"], detail["fees"]) == ("260.0000", f"{fees}")
    # A settled capture is refunded, never voided.
    reverse = await client.post(f"/transactions/{kept}/reverse", headers=merchant(tenant))
    assert reverse.status_code == 409, reverse.text

    frozen_clock.move_to(datetime(2026, 12, 3, 10, 0, tzinfo=UTC))
    app = bearer(await tenant.app_token(client))
    settled = (await client.post(f"/rest/sandbox/settlements/{made.id}/advance", headers=app)).json()["data"]
    assert settled["status"] == "settled" and settled["payout"]["amount"] == f"{Decimal('260') - fees}"
    # The client's pool was emptied by the settlement: this refund overdraws it, and is made at once.
    late = await client.post(f"/transactions/{kept}/refund", json={"amount": 40}, headers=merchant(tenant))
    assert late.status_code == 200 and late.json()["status"] == "succeeded", late.text
    await paid_link(100)
    frozen_clock.move_to(datetime(2026, 12, 3, 23, 30, tzinfo=UTC))
    [next_day] = await settlements.close_cutoff(
        date(2026, 12, 3), settlements.cutoff_instant(date(2026, 12, 3)), tenant.company_id
    )
    assert next_day.net == Decimal("100") - fee("100") - Decimal("40")
    await settle_all_due(next_day.settlement_date)
    await assert_books_sound()
