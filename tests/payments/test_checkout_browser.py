"""The hosted checkout of a Payment Link in a real browser, mostly on a phone-sized screen: paying, declines,
3-D Secure, installments, double submits, revisits and the inline validation of checkout.js."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser import browser_page
from tests.factories import Tenant, configure_payment_client, create_link, create_tenant, merchant

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}
AMOUNT = 250

APPROVES = "4242424242424242"
DECLINES = "4000000000000002"
THREE_DS_APPROVES = "4000000000003220"
DEBIT_BIN_CARD = "5200828282828210"  # mastercard debit in the shipped BIN table; not a sandbox test card

pytestmark = pytest.mark.browser


async def new_link(live_server: str, **client_terms: Any) -> tuple[Tenant, dict[str, Any]]:
    tenant = await create_tenant()
    await configure_payment_client(tenant, **client_terms)
    async with httpx.AsyncClient(base_url=live_server) as http:
        link = await create_link(http, tenant, amount=AMOUNT)
    return tenant, link


async def shown(live_server: str, tenant: Tenant, uid: str) -> dict[str, Any]:
    """The link as the merchant sees it through `GET /transactions/{uid}`."""
    async with httpx.AsyncClient(base_url=live_server) as http:
        response = await http.get(f"/transactions/{uid}", headers=merchant(tenant))
    assert response.status_code == 200, response.text
    return response.json()


async def fill_card(page: Page, number: str, *, expiry: str = "12/34", cvv: str = "123") -> None:
    await page.get_by_label("Card number").fill(number)
    await page.get_by_label("Name on card").fill("Ana Pérez")
    await page.get_by_label("Expiry").fill(expiry)
    await page.get_by_label("CVV").fill(cvv)


async def pay(page: Page, number: str) -> None:
    await fill_card(page, number)
    await page.get_by_role("button", name="Pay").click()


async def expect_approved(page: Page, reference: str) -> None:
    await expect(page.get_by_role("heading", name="Payment approved")).to_be_visible()
    await expect(page.get_by_text(reference, exact=True)).to_be_visible()


async def test_a_customer_pays_a_link_on_a_phone(live_server):
    tenant, link = await new_link(live_server)
    ARTIFACTS.mkdir(exist_ok=True)
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await expect(page.get_by_role("heading", name="Tienda Ana")).to_be_visible()
        await expect(page.get_by_text(f"GTQ {AMOUNT}")).to_be_visible()
        await expect(page.get_by_text(f"Reference {link['reference']}")).to_be_visible()
        await fill_card(page, APPROVES)
        await page.screenshot(path=str(ARTIFACTS / "checkout-phone.png"), full_page=True)

        await page.get_by_role("button", name="Pay").click()
        await expect_approved(page, link["reference"])
        await expect(page.get_by_text("Visa ending in 4242")).to_be_visible()
        await page.screenshot(path=str(ARTIFACTS / "checkout-approved-phone.png"), full_page=True)

    transaction = await shown(live_server, tenant, link["uid"])
    assert transaction["status"] == "approved"
    assert transaction["attempts"] == 1
    assert transaction["capturedAmount"] == AMOUNT
    assert transaction["last4"] == "4242" and transaction["brand"] == "visa"


async def test_a_declined_card_brings_the_form_back_and_another_card_pays(live_server):
    tenant, link = await new_link(live_server)
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await pay(page, DECLINES)
        alert = page.get_by_role("alert")
        await expect(alert).to_contain_text("Your bank declined the payment.")
        await expect(alert).to_contain_text("Try another card")
        await expect(alert).to_contain_text("2 attempts left.")  # the client's 3, one spent
        await expect(page.get_by_label("Card number")).to_have_value("")  # the number is never echoed

        await pay(page, APPROVES)
        await expect_approved(page, link["reference"])

    transaction = await shown(live_server, tenant, link["uid"])
    assert transaction["status"] == "approved"
    assert transaction["attempts"] == 2
    assert transaction["declineCode"] is None


async def test_a_3ds_challenge_answered_with_the_right_code_approves(live_server):
    tenant, link = await new_link(live_server)
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await pay(page, THREE_DS_APPROVES)
        await expect(page.get_by_role("heading", name="Verify it's you")).to_be_visible()
        await expect(page.locator("#sandbox-hint")).to_contain_text("the code is 123456")  # the sandbox says it
        await page.get_by_label("Verification code").fill("123456")
        await page.get_by_role("button", name="Verify").click()
        await expect_approved(page, link["reference"])

    transaction = await shown(live_server, tenant, link["uid"])
    assert transaction["status"] == "approved"
    assert transaction["attempts"] == 1


async def test_a_3ds_challenge_answered_with_a_wrong_code_declines_and_the_link_stays_payable(live_server):
    tenant, link = await new_link(live_server)
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await pay(page, THREE_DS_APPROVES)
        await page.get_by_label("Verification code").fill("000000")
        await page.get_by_role("button", name="Verify").click()
        alert = page.get_by_role("alert")
        await expect(alert).to_contain_text("verification (3-D Secure) failed")
        await expect(alert).to_contain_text("Try another card")
        await expect(page.get_by_role("button", name="Pay")).to_be_enabled()

    transaction = await shown(live_server, tenant, link["uid"])
    assert transaction["status"] == "pending"
    assert transaction["attempts"] == 1
    assert transaction["declineCode"] == "authentication_failed"


async def test_installments_follow_the_card_being_typed(live_server):
    tenant, link = await new_link(live_server)
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        installments = page.get_by_label("Installments")

        async with page.expect_response(re.compile(r"/card-options\?bin=520082$")):
            await page.get_by_label("Card number").fill(DEBIT_BIN_CARD)
        await expect(installments).to_be_hidden()  # debit: no installments

        async with page.expect_response(re.compile(r"/card-options\?bin=424242$")):
            await fill_card(page, APPROVES)
        await expect(installments).to_be_visible()
        await expect(installments.get_by_role("option")).to_have_text(
            ["Pay in full", "3 installments", "6 installments", "12 installments"]
        )
        await installments.select_option(label="6 installments")
        await page.get_by_role("button", name="Pay").click()
        await expect_approved(page, link["reference"])

    transaction = await shown(live_server, tenant, link["uid"])
    assert transaction["status"] == "approved"
    assert transaction["installments"] == 6


async def test_a_double_submit_in_the_browser_charges_once(live_server):
    tenant, link = await new_link(live_server)
    async with browser_page(**PHONE) as page:
        posts: list[str] = []
        page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await fill_card(page, APPROVES)
        await page.get_by_role("button", name="Pay").evaluate(
            "button => { button.form.requestSubmit(); button.form.requestSubmit(); }"
        )
        await expect_approved(page, link["reference"])
        assert posts == [f"{live_server}/checkout/{link['uid']}/pay"]

    transaction = await shown(live_server, tenant, link["uid"])
    assert transaction["status"] == "approved"
    assert transaction["attempts"] == 1
    assert transaction["capturedAmount"] == AMOUNT


async def test_two_concurrent_form_posts_without_javascript_charge_once(live_server):
    tenant, link = await new_link(live_server)
    form = {"cardNumber": APPROVES, "cardholderName": "Ana Pérez", "expiry": "12/34", "cvv": "123", "return_url": ""}
    async with httpx.AsyncClient(base_url=live_server) as http:
        first, second = await asyncio.gather(
            http.post(f"/checkout/{link['uid']}/pay", data=form), http.post(f"/checkout/{link['uid']}/pay", data=form)
        )
    assert (first.status_code, second.status_code) == (303, 303), (first.text, second.text)
    # The one that paid carries its attempt; the other is sent back to the (now paid) link.
    assert sorted("attempt=" in r.headers["location"] for r in (first, second)) == [False, True]

    transaction = await shown(live_server, tenant, link["uid"])
    assert transaction["status"] == "approved"
    assert transaction["attempts"] == 1
    assert transaction["capturedAmount"] == AMOUNT

    async with browser_page(java_script_enabled=False, **PHONE) as page:
        await page.goto(f"{live_server}{second.headers['location']}")
        await expect_approved(page, link["reference"])


async def test_a_paid_link_opened_again_shows_the_result_and_no_pay_button(live_server):
    _tenant, link = await new_link(live_server)
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await pay(page, APPROVES)
        await expect_approved(page, link["reference"])

        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await expect_approved(page, link["reference"])
        await expect(page.get_by_role("button", name="Pay")).to_have_count(0)
        await expect(page.get_by_label("Card number")).to_have_count(0)


async def test_a_card_number_failing_luhn_is_flagged_inline_and_not_submitted(live_server):
    tenant, link = await new_link(live_server)
    async with browser_page(**PHONE) as page:
        posts: list[str] = []
        page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
        # Hold the BIN lookup until the field has been checked: its late answer must not clear the error.
        release = asyncio.Event()

        async def held(route):
            await release.wait()
            await route.continue_()

        await page.route("**/card-options?*", held)
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        number = page.get_by_label("Card number")
        await fill_card(page, "4242424242424241")  # leaving the number field checks it
        await expect(number).to_have_accessible_description("Enter a valid card number.")
        await expect(number).to_have_attribute("aria-invalid", "true")
        async with page.expect_response("**/card-options?bin=424242"):
            release.set()
        await expect(number).to_have_accessible_description("Enter a valid card number.")

        await page.get_by_role("button", name="Pay").click()
        await expect(number).to_have_accessible_description("Enter a valid card number.")
        await expect(page.get_by_role("button", name="Pay")).to_be_enabled()
        assert posts == []
        assert page.url == f"{live_server}/?orderId={link['uid']}"

    transaction = await shown(live_server, tenant, link["uid"])
    assert transaction["status"] == "pending" and transaction["attempts"] == 0


async def test_the_expiry_gets_its_slash_while_typing_and_can_still_be_erased(live_server):
    _tenant, link = await new_link(live_server)
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        expiry = page.get_by_label("Expiry")
        await expiry.press_sequentially("1234")
        await expect(expiry).to_have_value("12/34")
        for _ in range(3):
            await expiry.press("Backspace")
        await expect(expiry).to_have_value("12")  # the slash typed for the customer can be deleted
        await expiry.press("Backspace")
        await expect(expiry).to_have_value("1")


async def test_a_card_the_merchant_does_not_accept_is_flagged_while_typing(live_server):
    _tenant, link = await new_link(live_server, allowed_card_types=("credit",))
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        number = page.get_by_label("Card number")
        async with page.expect_response("**/card-options?bin=520082"):
            await number.fill(DEBIT_BIN_CARD)
        await expect(number).to_have_accessible_description("This merchant does not accept this card.")
        async with page.expect_response("**/card-options?bin=424242"):
            await number.fill(APPROVES)
        await expect(number).to_have_accessible_description("")
        await expect(number).to_have_attribute("aria-invalid", "false")


async def test_the_last_allowed_attempt_declined_closes_the_link(live_server):
    tenant, link = await new_link(live_server, max_attempts=2)
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await pay(page, DECLINES)
        await expect(page.get_by_role("alert")).to_contain_text("Try another card")
        await pay(page, DECLINES)
        await expect(page.get_by_role("heading", name="Payment declined")).to_be_visible()
        await expect(page.get_by_role("alert")).to_have_text("Your bank declined the payment.")
        await expect(page.get_by_role("button", name="Pay")).to_have_count(0)

    transaction = await shown(live_server, tenant, link["uid"])
    assert transaction["status"] == "denied" and transaction["attempts"] == 2


async def test_a_customer_cancels_the_3ds_challenge_back_to_the_form_and_pays_with_another_card(live_server):
    tenant, link = await new_link(live_server)
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await pay(page, THREE_DS_APPROVES)
        await page.get_by_role("button", name="Cancel and go back").click()
        alert = page.get_by_role("alert")
        await expect(alert).to_contain_text("You cancelled the card's verification")
        await expect(alert).to_contain_text("2 attempts left.")
        await pay(page, APPROVES)
        await expect_approved(page, link["reference"])

    transaction = await shown(live_server, tenant, link["uid"])
    assert (transaction["status"], transaction["attempts"]) == ("approved", 2)


async def test_the_number_is_grouped_as_typed_with_its_brand_and_the_sandbox_says_test_mode(live_server):
    _, link = await new_link(live_server)
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await expect(page.get_by_text("Test mode", exact=True)).to_be_visible()
        await expect(page.get_by_label("Installments")).to_be_hidden()  # until the card allows them
        number = page.get_by_label("Card number")
        async with page.expect_response(re.compile(r"/card-options\?bin=424242$")):
            await number.press_sequentially("4242424242424242")
        await expect(number).to_have_value("4242 4242 4242 4242")
        await expect(page.locator("#card-brand")).to_have_text("visa")
        await number.fill("")
        async with page.expect_response(re.compile(r"/card-options\?bin=378282$")):
            await number.press_sequentially("378282246310005")  # American Express: 4-6-5
        await expect(number).to_have_value("3782 822463 10005")
        await page.screenshot(path=str(ARTIFACTS / "checkout-typed-phone.png"), full_page=True)
