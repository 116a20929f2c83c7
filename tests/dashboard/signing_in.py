"""Signing in to the dashboard as a browser does: the sign-in page's token, then the form."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx

from tests.factories import OPERATOR_PASSWORD, Tenant

STORE_PASSWORD = "Store-user-pass-9"


async def sign_in(
    http: httpx.AsyncClient, tenant: Tenant, username: str | None = None, password: str = OPERATOR_PASSWORD
) -> httpx.Response:
    """The answer to the sign-in form (303 to the dashboard when it worked); the session cookie is in `http`."""
    return await sign_in_as(http, str(tenant.partner_id), username or tenant.operator_username, password)


async def sign_in_as(
    http: httpx.AsyncClient, account: str, username: str, password: str = OPERATOR_PASSWORD
) -> httpx.Response:
    form = await http.get("/dashboard/login")
    token = re.search(r'name="login_token" value="([^"]+)"', form.text)
    assert token is not None, form.text
    fields = {"account": account, "username": username, "password": password, "login_token": token.group(1)}
    return await http.post("/dashboard/login", data=fields)


def csrf_of(page: httpx.Response) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None, page.text
    return found.group(1)


async def new_operator(http: httpx.AsyncClient, tenant: Tenant, username: str, *roles: str) -> None:
    """An operator of the tenant's partner with these roles, made through the CMS by the tenant's admin; it signs
    in with OPERATOR_PASSWORD."""
    admin = await tenant.operator_headers(http)
    user = {"username": username, "email": f"{username}@example.test", "name": username, "roles": list(roles)}
    made = await http.post("/cms/rest/operators", json={**user, "password": OPERATOR_PASSWORD}, headers=admin)
    assert made.status_code == 201, made.text


async def merchant_user(http: httpx.AsyncClient, tenant: Tenant, permissions: list[str]) -> str:
    """A dashboard user of the tenant's Payment Link client (a role of these permissions, scoped to the client),
    made through the CMS by the tenant's admin; it signs in with STORE_PASSWORD. Its username."""
    admin = await tenant.operator_headers(http)
    name = f"store.{uuid.uuid4().hex[:6]}"
    role = {"name": name, "description": "A store's desk", "permissions": permissions}
    assert (await http.post("/cms/rest/roles", json=role, headers=admin)).status_code == 201
    user = {
        "username": name,
        "email": f"{name}@example.test",
        "name": "Store",
        "roles": [name],
        "clientSlug": tenant.client_slug,
        "password": STORE_PASSWORD,
    }
    assert (await http.post("/cms/rest/operators", json=user, headers=admin)).status_code == 201
    return name


async def sign_in_browser(
    page: Any, live_server: str, tenant: Tenant, username: str | None = None, password: str = OPERATOR_PASSWORD
) -> None:
    """Sign in through the dashboard's page in a browser (Playwright's Page), as the tenant's admin or `username`,
    and wait for the home (on a phone its links sit behind the Menu button, so the URL tells)."""
    from playwright.async_api import expect

    await page.goto(f"{live_server}/dashboard/login?account={tenant.partner_id}")
    await page.get_by_label("Username").fill(username or tenant.operator_username)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page).to_have_url(f"{live_server}/dashboard/")
