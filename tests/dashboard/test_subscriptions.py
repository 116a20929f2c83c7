"""The dashboard's subscriptions and plans (issue 17): a client's subscriptions with a status filter, a
subscription's page with its renewal history, and cancelling it by the Middleware's rules, checked for its
permission and its CSRF token and kept in the audit trail; another client's or another partner's subscription is
not found."""

from __future__ import annotations

import httpx

from tests.dashboard.signing_in import STORE_PASSWORD, csrf_of, merchant_user, sign_in
from tests.merchants.test_cms_review import _data
from tests.subscriptions.helpers import APPROVE, CHARGES_DECLINED, advance, billing_tenant, create_plan, subscribe

BOTH = ["subscriptions.read", "subscriptions.manage"]


def _page(tenant, subscription: dict) -> str:  # type: ignore[no-untyped-def]
    return f"/dashboard/subscriptions/{tenant.client_slug}/{subscription['id']}"


async def test_a_merchants_user_sees_renewals_and_cancels_with_its_csrf_token_audited(client):
    tenant = await billing_tenant()
    gym = await create_plan(client, tenant, name="Gym", amount=150)
    trial = await create_plan(client, tenant, name="Yoga", trialDays=14, graceDays=7, retryDays=[1, 3, 5])
    paid = await subscribe(client, tenant, gym, card=APPROVE, user_id="50255550001")
    failing = await subscribe(client, tenant, trial, card=CHARGES_DECLINED, user_id="50255550002")
    assert (await advance(client, tenant, failing["id"], 14))["status"] == "past_due"

    username = await merchant_user(client, tenant, BOTH)
    await sign_in(client, tenant, username, STORE_PASSWORD)
    listed = await client.get("/dashboard/subscriptions")
    assert listed.status_code == 200 and 'id="client"' not in listed.text  # its one client: no chooser
    assert "50255550001" in listed.text and "50255550002" in listed.text and "Gym" in listed.text
    assert 'class="status past_due"' in listed.text and "GTQ 150.00" in listed.text and "···· 4242" in listed.text
    assert "4242424242424242" not in listed.text and "2 subscriptions" in listed.text
    past_due = await client.get("/dashboard/subscriptions", params={"status": "past_due"})
    assert "50255550002" in past_due.text and "50255550001" not in past_due.text
    none = await client.get("/dashboard/subscriptions", params={"status": "expired"})
    assert "No expired subscription" in none.text
    plans = await client.get("/dashboard/plans")
    assert plans.status_code == 200 and "Gym" in plans.text and "Yoga" in plans.text and "14 days" in plans.text

    history = await client.get(_page(tenant, failing))
    assert history.status_code == 200 and "Renewal history" in history.text
    assert 'class="status declined"' in history.text and "generic_decline" in history.text
    first = await client.get(_page(tenant, paid))
    assert 'class="status approved"' in first.text and "first · period 1" in first.text and "GTQ 150.00" in first.text

    here = _page(tenant, paid)
    assert (await client.post(f"{here}/cancel")).status_code == 403  # no token: nothing done
    assert (await client.post(f"{here}/cancel", data={"csrf": "forged"})).status_code == 403
    assert 'class="status active"' in (await client.get(here)).text
    csrf = csrf_of(first)
    ending = await client.post(f"{here}/cancel", data={"csrf": csrf, "atPeriodEnd": "true"})
    assert ending.status_code == 303 and ending.headers["location"].endswith("done=ending")
    assert "ends when its paid period ends" in (await client.get(ending.headers["location"])).text
    cancelled = await client.post(f"{here}/cancel", data={"csrf": csrf})
    assert cancelled.status_code == 303
    shown = await client.get(cancelled.headers["location"])
    assert 'class="status inactive"' in shown.text and "Subscription cancelled" in shown.text
    assert "Cancel now" not in shown.text
    again = await client.post(f"{here}/cancel", data={"csrf": csrf})  # the Middleware's rule: 409 on a page
    assert again.status_code == 409 and "cannot be cancelled" in again.text

    admin = await tenant.operator_headers(client)
    wanted = {"searchText": paid["id"], "sortOrder": "ASC"}
    trail = _data(await client.get("/cms/rest/audit", params=wanted, headers=admin))["items"]
    assert [(r["action"], r["status"], r["outcome"]) for r in trail][:2] == [
        ("cancelSubscription", 403, "refused"),
        ("cancelSubscription", 403, "refused"),
    ]
    kept = [r["changes"] for r in trail if r["status"] == 303]
    assert kept == [
        {"status": {"before": "active", "after": "active"}, "cancelAtPeriodEnd": {"before": False, "after": True}},
        {"status": {"before": "active", "after": "inactive"}, "cancelAtPeriodEnd": {"before": True, "after": False}},
    ]


async def test_another_clients_subscription_is_not_found_and_permissions_are_checked(client):
    tenant, other = await billing_tenant(), await billing_tenant()
    mine = await subscribe(client, tenant, await create_plan(client, tenant, name="Mine"))
    theirs = await subscribe(client, other, await create_plan(client, other, name="Theirs"))

    reader = await merchant_user(client, tenant, ["subscriptions.read"])
    await sign_in(client, tenant, reader, STORE_PASSWORD)
    page = await client.get(_page(tenant, mine))
    assert page.status_code == 200 and "Cancel now" not in page.text
    assert (await client.post(f"{_page(tenant, mine)}/cancel", data={"csrf": csrf_of(page)})).status_code == 403
    # Another client's subscription, by its client or under this one's: not found.
    assert (await client.get(_page(other, theirs))).status_code == 404
    assert (await client.get(f"/dashboard/subscriptions/{tenant.client_slug}/{theirs['id']}")).status_code == 404
    assert (await client.get("/dashboard/subscriptions", params={"client": other.client_slug})).status_code == 404
    assert (await client.get("/dashboard/plans", params={"client": other.client_slug})).status_code == 404

    # A partner's operator chooses among its clients; another partner's client is not found.
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as partner:
        await sign_in(partner, tenant)
        listed = await partner.get("/dashboard/subscriptions")
        assert 'id="client"' in listed.text and "Mine" in listed.text and "Theirs" not in listed.text
        assert (await partner.get(_page(other, theirs))).status_code == 404
        refused = await partner.post(f"{_page(other, theirs)}/cancel", data={"csrf": csrf_of(listed)})
        assert refused.status_code == 404
    assert (await client.get(_page(other, theirs), headers={})).status_code == 404

    # Without `subscriptions.read`: refused, and no link to the page.
    payments_only = await merchant_user(client, tenant, ["transactions.read"])
    await sign_in(client, tenant, payments_only, STORE_PASSWORD)
    assert (await client.get("/dashboard/subscriptions")).status_code == 403
    assert (await client.get("/dashboard/plans")).status_code == 403
    assert (await client.get(_page(tenant, mine))).status_code == 403
    assert 'href="/dashboard/subscriptions"' not in (await client.get("/dashboard/")).text
