"""The dashboard's home and payments (issue 17): what each operator sees is what its CMS scope and permissions
allow; another partner's payment, or another client's for a merchant's user, is not found; a refund from the
page is the CMS refund, made once per page's key, and kept in the audit trail."""

from __future__ import annotations

import re

import httpx

from tests.backoffice.test_operator_scopes import _card_load, _global_operator_account
from tests.dashboard.signing_in import STORE_PASSWORD, csrf_of, merchant_user, sign_in, sign_in_as
from tests.factories import configure_payment_client, create_link, create_tenant, merchant, sandbox_pay
from tests.merchants.test_cms_review import _data


async def _paid(http: httpx.AsyncClient, tenant, **fields) -> dict:  # type: ignore[no-untyped-def]
    link = await create_link(http, tenant, **fields)
    assert (await sandbox_pay(http, tenant, link["uid"])).json()["outcome"] == "approved"
    return link


async def test_the_home_shows_the_activity_and_the_search_finds_a_payment_by_reference(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await _paid(client, tenant, amount=1250, externalId="ORDER-77")
    await sign_in(client, tenant)
    home = await client.get("/dashboard/")
    assert "GTQ 1,250.00" in home.text and 'class="chart"' in home.text
    assert "1 / 0" in home.text  # approved / declined
    failed = home.text.split("Webhooks failing</h2>")[1]
    assert failed.startswith('<p class="figure">0</p>')
    found = await client.get("/dashboard/payments", params={"q": "ORDER-77"})
    assert found.status_code == 200 and f'href="/dashboard/payments/{link["uid"]}"' in found.text
    assert "No payment matches these filters." in (await client.get("/dashboard/payments", params={"q": "nope"})).text
    page = await client.get(f"/dashboard/payments/{link['uid']}")
    assert page.status_code == 200 and "GTQ 1,250.00" in page.text and "Refund" in page.text
    steps = page.text.split("Attempts and operations")[1].split("</table>")[0]
    assert "payment attempt" in steps and "visa ···· 4242" in steps and 'class="status approved"' in steps


async def test_a_refund_from_the_page_is_made_once_and_audited(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await _paid(client, tenant, amount=300)
    await sign_in(client, tenant)
    page = await client.get(f"/dashboard/payments/{link['uid']}")
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    form = {"csrf": csrf_of(page), "idempotency_key": key, "amount": "100", "reason": "Damaged box"}
    first = await client.post(f"/dashboard/payments/{link['uid']}/refund", data=form)
    assert first.status_code == 303 and "refunded=" in first.headers["location"]
    again = await client.post(f"/dashboard/payments/{link['uid']}/refund", data=form)  # a second press
    assert again.headers["location"] == first.headers["location"]
    shown = await client.get(first.headers["location"])
    assert "“Damaged box”" in shown.text.split("Attempts and operations")[1]  # the refund, a step of its own
    assert "GTQ 100.00" in shown.text.split('id="refunded-amount"')[1][:40] and "made." in shown.text
    too_much = await client.post(
        f"/dashboard/payments/{link['uid']}/refund", data={**form, "idempotency_key": "another-key-1", "amount": "900"}
    )
    assert too_much.status_code == 409
    bad = await client.post(
        f"/dashboard/payments/{link['uid']}/refund",
        data={**form, "idempotency_key": "another-key-2", "amount": "1.5.0"},
    )
    assert bad.status_code == 400 and "amount" in bad.text
    admin = await tenant.operator_headers(client)
    trail = _data(await client.get("/cms/rest/audit", params={"action": "refundPayment"}, headers=admin))["items"]
    assert [(record["status"], record["resource"]["uid"]) for record in trail][-1] == (303, link["uid"])


async def test_another_partners_payment_is_not_found_and_a_missing_permission_is_refused(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(other)
    theirs = await _paid(client, other)
    await sign_in(client, tenant)
    assert (await client.get(f"/dashboard/payments/{theirs['uid']}")).status_code == 404
    searched = await client.get("/dashboard/payments", params={"q": theirs["uid"]})
    assert "No payment matches these filters." in searched.text and f"/payments/{theirs['uid']}" not in searched.text

    admin = await tenant.operator_headers(client)
    role = {"name": "cards-only", "description": "Cards", "permissions": ["cardholders.read"]}
    assert (await client.post("/cms/rest/roles", json=role, headers=admin)).status_code == 201
    user = {"username": "cards.desk", "email": "c@example.test", "name": "Cards", "roles": ["cards-only"]}
    made = await client.post("/cms/rest/operators", json={**user, "password": "Cards-desk-pass-9"}, headers=admin)
    assert made.status_code == 201
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as desk:
        await sign_in(desk, tenant, "cards.desk", "Cards-desk-pass-9")
        assert (await desk.get("/dashboard/payments")).status_code == 403
        home = await desk.get("/dashboard/")
        assert home.status_code == 200 and "Payments</a>" not in home.text


async def test_a_merchants_user_sees_its_clients_payments_only(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    mine = await _paid(client, tenant)
    await _card_load(client, tenant)  # the partner's, not the client's
    username = await merchant_user(client, tenant, ["transactions.read", "payments.refund"])
    await sign_in(client, tenant, username, STORE_PASSWORD)
    listed = await client.get("/dashboard/payments")
    assert mine["uid"] in listed.text and "card transaction</span>" not in listed.text and "1 payment<" in listed.text
    assert (await client.get(f"/dashboard/payments/{mine['uid']}")).status_code == 200
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as admin_browser:
        await sign_in(admin_browser, tenant)
        assert "card transaction</span>" in (await admin_browser.get("/dashboard/payments")).text
        links_only = await admin_browser.get("/dashboard/payments", params={"kind": "link_payment"})
        assert mine["uid"] in links_only.text and "card transaction</span>" not in links_only.text
        cards_only = await admin_browser.get("/dashboard/payments", params={"kind": "card_transaction"})
        assert mine["uid"] not in cards_only.text and "card transaction</span>" in cards_only.text
        long_ago = await admin_browser.get("/dashboard/payments", params={"from": "2000-01-01", "to": "2000-01-31"})
        assert "No payment matches these filters." in long_ago.text and 'value="2000-01-31"' in long_ago.text
        whole_calendar = {"from": "0001-01-01", "to": "9999-12-31"}  # the calendar's ends: no bound, not a 500
        assert mine["uid"] in (await admin_browser.get("/dashboard/payments", params=whole_calendar)).text
        assert (await admin_browser.get("/dashboard/audit", params=whole_calendar)).status_code == 200


async def test_a_platform_operator_chooses_the_partner_its_pages_act_on(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await _paid(client, tenant)
    account, username = await _global_operator_account()
    await sign_in_as(client, account, username)
    assert (await client.get(f"/dashboard/payments/{link['uid']}")).status_code == 404  # the platform's own first
    partners = await client.get("/dashboard/partners", params={"q": f"Partner {tenant.operator_username[3:]}"})
    assert partners.status_code == 200 and str(tenant.partner_id) in partners.text
    chosen = await client.post(
        "/dashboard/partner", data={"csrf": csrf_of(partners), "partnerId": str(tenant.partner_id)}
    )
    assert chosen.status_code == 303
    assert (await client.get(f"/dashboard/payments/{link['uid']}")).status_code == 200

    # A partner's operator chooses nothing: the list is refused, another partner is not found.
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as other:
        await sign_in(other, await create_tenant())
        assert (await other.get("/dashboard/partners")).status_code == 403
        home = await other.get("/dashboard/")
        moved = await other.post(
            "/dashboard/partner", data={"csrf": csrf_of(home), "partnerId": str(tenant.partner_id)}
        )
        assert moved.status_code == 404
        assert (await other.get(f"/dashboard/payments/{link['uid']}")).status_code == 404


async def test_a_payments_page_shows_each_attempt_with_its_decline(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant, amount=90)
    declined = (await sandbox_pay(client, tenant, link["uid"], "4000000000000002")).json()
    assert declined["outcome"] == "declined"
    assert (await sandbox_pay(client, tenant, link["uid"])).json()["outcome"] == "approved"
    await sign_in(client, tenant)
    page = await client.get(f"/dashboard/payments/{link['uid']}")
    steps = page.text.split("Attempts and operations")[1].split("</table>")[0]
    assert steps.index('class="status declined"') < steps.index('class="status approved"')
    assert declined["declineCode"] in steps and "···· 0002" in steps and "···· 4242" in steps


async def test_the_home_counts_the_webhooks_its_integrators_are_missing(client):
    from tests.receiver import webhook_receiver
    from tests.webhooks.test_delivery import drain, register

    tenant = await create_tenant()
    await configure_payment_client(tenant)
    await sign_in(client, tenant)
    with webhook_receiver() as receiver:
        receiver.default = 500  # failing: retried later
        await register(client, tenant, receiver.url)
        await _paid(client, tenant)
        await drain()
        assert receiver.requests
    home = await client.get("/dashboard/")
    assert home.text.split("Webhooks failing</h2>")[1].startswith('<p class="figure">1</p>')
    other = await create_tenant()
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as theirs:
        await sign_in(theirs, other)
        shown = await theirs.get("/dashboard/")
        assert (
            "Webhooks failing" not in shown.text
            or '<p class="figure">1</p>' not in shown.text.split("Webhooks failing")[1][:40]
        )


async def test_a_two_step_authorization_is_captured_from_its_page_once(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, capture_mode="manual")
    link = await create_link(client, tenant, amount=200)
    assert (await sandbox_pay(client, tenant, link["uid"])).json()["outcome"] == "authorized"
    await sign_in(client, tenant)
    page = await client.get(f"/dashboard/payments/{link['uid']}")
    assert "<h2>Capture</h2>" in page.text and "<h2>Refund</h2>" not in page.text
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    form = {"csrf": csrf_of(page), "idempotency_key": key, "amount": "150"}
    assert (
        await client.post(f"/dashboard/payments/{link['uid']}/capture", data={**form, "csrf": "x"})
    ).status_code == 403
    first = await client.post(f"/dashboard/payments/{link['uid']}/capture", data=form)
    assert first.status_code == 303 and first.headers["location"].endswith("?captured=1")
    again = await client.post(f"/dashboard/payments/{link['uid']}/capture", data=form)  # a second press
    assert again.status_code == 303
    shown = (await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
    assert (shown["status"], shown["capturedAmount"]) == ("approved", 150)
    captured = await client.get(first.headers["location"])
    assert (
        "Captured." in captured.text and "<h2>Capture</h2>" not in captured.text and "<h2>Refund</h2>" in captured.text
    )
    late = await client.post(
        f"/dashboard/payments/{link['uid']}/capture", data={**form, "idempotency_key": "other-key-1"}
    )
    assert late.status_code == 409  # captured already: the merchant's own rule
