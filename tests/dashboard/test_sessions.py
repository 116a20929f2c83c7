"""Dashboard sessions (issue 17): server-side, in an HttpOnly SameSite=Lax cookie scoped to /dashboard; a CSRF
token on every form; 30 idle minutes end one; sign-out everywhere ends the dashboard's and the API's sessions;
sign-ins share the API's limits; and no page allows an inline script."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from migo.identity.models import DashboardSession
from migo.platform.db import database
from tests.dashboard.signing_in import csrf_of, sign_in
from tests.factories import create_tenant


async def test_an_operator_signs_in_and_the_session_cookie_is_locked_down(client):
    tenant = await create_tenant()
    signed = await sign_in(client, tenant)
    assert signed.status_code == 303 and signed.headers["location"] == "/dashboard/"
    cookie = next(value for name, value in signed.headers.multi_items() if value.startswith("migo_dashboard="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/dashboard" in cookie
    home = await client.get("/dashboard/")
    assert home.status_code == 200 and "Sign out" in home.text
    policy = home.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in home.text and " on" + "click=" not in home.text  # no inline script at all
    assert (await client.get("/dashboard")).headers["location"] == "/dashboard/"


async def test_a_page_without_a_session_sends_the_browser_to_sign_in_and_back(client):
    answer = await client.get("/dashboard/payments", params={"q": "ORDER-1"})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/dashboard/login?next=%2Fdashboard%2Fpayments%3Fq%3DORDER-1"
    tenant = await create_tenant()
    form = await client.get(answer.headers["location"])
    assert 'value="/dashboard/payments?q=ORDER-1"' in form.text
    elsewhere = await client.get("/dashboard/login", params={"next": "https://evil.example/"})
    assert 'name="next" value="/dashboard/"' in elsewhere.text
    assert (await sign_in(client, tenant)).status_code == 303


async def test_wrong_credentials_say_nothing_about_which_and_a_foreign_form_is_refused(client):
    tenant = await create_tenant()
    for wrong in (
        await sign_in(client, tenant, password="Not-the-password-1"),
        await sign_in(client, tenant, username="nobody.here"),
    ):
        assert wrong.status_code == 401 and "The account, username or password is not right." in wrong.text
        assert "migo_dashboard=" not in wrong.headers.get("set-cookie", "")
    fields = {"account": str(tenant.partner_id), "username": tenant.operator_username, "password": "x"}
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as stranger:
        forged = await stranger.post("/dashboard/login", data={**fields, "login_token": "guessed"})
    assert forged.status_code == 403


async def test_every_post_needs_the_sessions_csrf_token(client):
    tenant = await create_tenant()
    await sign_in(client, tenant)
    refused = await client.post("/dashboard/logout", data={})
    assert refused.status_code == 403 and "reload the page" in refused.text
    assert (await client.get("/dashboard/")).status_code == 200  # still signed in
    home = await client.get("/dashboard/")
    out = await client.post("/dashboard/logout", data={"csrf": csrf_of(home)})
    assert out.status_code == 303 and out.headers["location"] == "/dashboard/login"
    assert (await client.get("/dashboard/")).status_code == 303


async def test_thirty_idle_minutes_end_a_session(client, frozen_clock):
    tenant = await create_tenant()
    await sign_in(client, tenant)
    frozen_clock.advance(minutes=29)
    assert (await client.get("/dashboard/")).status_code == 200  # a page seen: the idle time starts again
    frozen_clock.advance(minutes=29)
    assert (await client.get("/dashboard/")).status_code == 200
    frozen_clock.advance(minutes=31)
    assert (await client.get("/dashboard/")).status_code == 303
    async with database.transaction() as session:  # ended for good, and said why, though the request was refused
        ended = await session.scalar(
            select(DashboardSession.ended_reason).where(DashboardSession.partner_id == tenant.partner_id)
        )
    assert ended == "idle"


async def test_sign_out_everywhere_ends_every_browser_and_the_api_tokens(client):
    tenant = await create_tenant()
    api = await tenant.operator_headers(client)
    await sign_in(client, tenant)
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as laptop:
        await sign_in(laptop, tenant)
        assert (await laptop.get("/dashboard/")).status_code == 200
        home = await client.get("/dashboard/")
        assert (await client.post("/dashboard/logout-everywhere", data={"csrf": csrf_of(home)})).status_code == 303
        assert (await laptop.get("/dashboard/")).status_code == 303
    assert (await client.get("/dashboard/")).status_code == 303
    assert (await client.get("/cms/rest/me", headers=api)).status_code == 401


async def test_a_disabled_operator_is_signed_out_at_once(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    made = await client.post(
        "/cms/rest/operators",
        json={
            "username": "desk.one",
            "email": "desk.one@example.test",
            "name": "Desk One",
            "roles": ["support"],
            "password": "Desk-one-password-9",
        },
        headers=admin,
    )
    assert made.status_code == 201, made.text
    assert (await sign_in(client, tenant, "desk.one", "Desk-one-password-9")).status_code == 303
    assert (await client.get("/dashboard/")).status_code == 200
    disabled = await client.patch(
        f"/cms/rest/operators/{made.json()['data']['id']}", json={"status": "disabled"}, headers=admin
    )
    assert disabled.status_code == 200
    assert (await client.get("/dashboard/")).status_code == 303
