"""A merchant's user invited by email sets its password on the dashboard (issue 17): the invitation carries the
code and the dashboard's page for it (account and username filled in, never the code); a wrong code answers as
the CMS's reset does, telling nothing of the username; then the user signs in and sees its client only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import httpx

from tests.dashboard.signing_in import csrf_of, sign_in
from tests.factories import bearer, configure_payment_client, create_tenant


async def _invitation(http: httpx.AsyncClient, tenant, username: str) -> str:  # type: ignore[no-untyped-def]
    app = bearer(await tenant.cms_token(http))
    found = await http.get("/cms/rest/sandbox/outbox", params={"username": username}, headers=app)
    return found.json()["data"]["items"][0]["body"]  # type: ignore[no-any-return]


def _token(page: httpx.Response) -> str:
    return re.search(r'name="login_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]


async def test_an_invited_merchant_user_sets_its_password_from_the_email_and_signs_in(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    admin = await tenant.operator_headers(client)
    role = {"name": "store-view", "description": "A store", "permissions": ["transactions.read"]}
    assert (await client.post("/cms/rest/roles", json=role, headers=admin)).status_code == 201
    invite = {
        "username": "store.owner",
        "email": "owner@store.example",
        "name": "Store owner",
        "roles": ["store-view"],
        "clientSlug": tenant.client_slug,
    }
    assert (await client.post("/cms/rest/operators", json=invite, headers=admin)).status_code == 201
    body = await _invitation(client, tenant, "store.owner")
    code = re.search(r"Your code is (\d{6})", body).group(1)  # type: ignore[union-attr]
    page_url = re.search(r"at (http\S+/dashboard/password\?\S+) ", body).group(1)  # type: ignore[union-attr]
    assert code not in page_url and f"account={tenant.partner_id}" in page_url and "username=store.owner" in page_url

    where = urlsplit(page_url)
    form = await client.get(f"{where.path}?{where.query}")
    assert form.status_code == 200 and 'value="store.owner"' in form.text
    fields = {"account": str(tenant.partner_id), "username": "store.owner", "password": "Store-owner-pass-9"}
    wrong = await client.post("/dashboard/password", data={**fields, "code": "000000", "login_token": _token(form)})
    nobody = await client.post(
        "/dashboard/password", data={**fields, "username": "no.one", "code": code, "login_token": _token(form)}
    )
    assert wrong.status_code == nobody.status_code == 400
    assert "The code is not valid" in wrong.text and "The code is not valid" in nobody.text
    forged = await client.post("/dashboard/password", data={**fields, "code": code, "login_token": "guess"})
    assert forged.status_code == 403

    done = await client.post("/dashboard/password", data={**fields, "code": code, "login_token": _token(form)})
    assert done.status_code == 303 and "notice=password_set" in done.headers["location"]
    assert "Your password is set" in (await client.get(done.headers["location"])).text
    assert (await sign_in(client, tenant, "store.owner", "Store-owner-pass-9")).status_code == 303
    home = await client.get("/dashboard/")
    assert "Store owner" in home.text and "client" in home.text


async def test_an_admin_invites_a_merchant_user_and_disables_an_operator_from_the_dashboard(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    admin = await tenant.operator_headers(client)
    role = {"name": "store-view", "description": "A store", "permissions": ["transactions.read"]}
    assert (await client.post("/cms/rest/roles", json=role, headers=admin)).status_code == 201
    await sign_in(client, tenant)
    page = await client.get("/dashboard/operators")
    assert page.status_code == 200 and tenant.operator_username in page.text
    invite = {"name": "Store owner", "username": "store.two", "email": "two@store.example", "role": "store-view"}
    # A role beyond a client's scope for a merchant's user is refused, as the CMS refuses it; nothing is made.
    wider = await client.post(
        "/dashboard/operators", data={"csrf": csrf_of(page), **invite, "role": "finance", "client": tenant.client_slug}
    )
    assert wider.status_code == 400
    made = await client.post(
        "/dashboard/operators", data={"csrf": csrf_of(page), **invite, "client": tenant.client_slug}
    )
    assert made.status_code == 303 and made.headers["location"] == "/dashboard/operators?invited=store.two"
    listed = await client.get(made.headers["location"])
    assert "store.two is invited" in listed.text and "client " + tenant.client_slug in listed.text
    assert "Your code is" in await _invitation(client, tenant, "store.two")
    assert (await client.post("/dashboard/operators", data=invite)).status_code == 403  # no CSRF token

    two = re.search(r'action="/dashboard/operators/([0-9a-f-]+)/status"', listed.text).group(1)  # type: ignore[union-attr]
    off = await client.post(f"/dashboard/operators/{two}/status", data={"csrf": csrf_of(listed), "status": "disabled"})
    assert off.status_code == 303
    shown = (await client.get(f"/cms/rest/operators/{two}", headers=admin)).json()["data"]
    assert shown["status"] == "disabled"
    trail = (await client.get("/cms/rest/audit", params={"action": "changeOperatorStatus"}, headers=admin)).json()
    assert trail["data"]["items"][0]["changes"] == {"status": {"before": "invited", "after": "disabled"}}
    other = await create_tenant()
    theirs = (await client.get("/cms/rest/operators", headers=await other.operator_headers(client))).json()
    theirs_id = theirs["data"]["items"][0]["id"]
    gone = await client.post(
        f"/dashboard/operators/{theirs_id}/status", data={"csrf": csrf_of(listed), "status": "disabled"}
    )
    assert gone.status_code == 404
