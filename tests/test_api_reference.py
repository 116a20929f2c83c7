"""Each surface has its own OpenAPI 3.1 document and a reference page that renders with no internet."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from tests.browser import browser_page
from tests.dashboard.test_dashboard_browser import ARTIFACTS

SURFACES = {"/": "Migo Middleware", "/rest/": "Migo Wallet Gateway", "/cms/rest/": "Migo CMS Backoffice"}


@pytest.mark.parametrize(("prefix", "title"), SURFACES.items())
async def test_each_surface_has_its_own_openapi_document(client, prefix, title):
    response = await client.get(f"{prefix}openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert document["info"]["title"] == title
    operation_ids = [op["operationId"] for path in document["paths"].values() for op in path.values()]
    assert len(operation_ids) == len(set(operation_ids))
    assert all(re.fullmatch(r"[a-z][A-Za-z0-9]*", op) for op in operation_ids), operation_ids
    for path in document["paths"].values():
        for operation in path.values():
            assert "422" not in operation["responses"]  # validation errors are 400 (409 on the Middleware)
            assert "default" in operation["responses"]


async def test_surfaces_do_not_leak_into_each_other(client):
    gateway = (await client.get("/rest/openapi.json")).json()["paths"]
    middleware = (await client.get("/openapi.json")).json()["paths"]
    cms = (await client.get("/cms/rest/openapi.json")).json()["paths"]
    # The JWT flow is every surface's (seed 000); each answers it in its own shape.
    assert "/auth/token" in gateway and "/auth/token" in cms and "/auth/token" in middleware
    assert "/auth/keys" in gateway and "/auth/keys" not in middleware and "/auth/login" not in middleware
    assert "/v1/me" in middleware and "/v1/me" not in gateway
    assert "/v1/merchant-tokens" in middleware and "/v1/merchant-tokens" not in gateway
    assert "/sandbox/outbox" in gateway and "/me" in cms


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "title"), SURFACES.items())
async def test_reference_pages_render_offline(live_server, prefix, title):
    base = urlparse(live_server)
    outside: list[str] = []
    async with browser_page() as page:

        async def only_local(route):  # the machine's network is closed; make any attempt visible
            if urlparse(route.request.url).netloc != base.netloc:
                outside.append(route.request.url)
                await route.abort()
            else:
                await route.continue_()

        await page.route("**/*", only_local)
        await page.goto(f"{live_server}{prefix}docs")
        await page.get_by_text(title).first.wait_for(timeout=20_000)
        assert await page.title() == f"{title} — API reference"
        for reaching_out in ("Ask AI", "Generate MCP", "Deploy"):  # buttons that lead to outside services
            assert await page.get_by_role("button", name=reaching_out).count() == 0, reaching_out
            assert await page.get_by_text(reaching_out, exact=True).count() == 0, reaching_out
        if prefix == "/rest/":  # the error catalog's codes read whole
            code = page.locator(".markdown table td code").first
            assert await code.evaluate("element => getComputedStyle(element).whiteSpace") == "nowrap"
        await page.screenshot(path=str(ARTIFACTS / f"reference-{title.split()[-1].lower()}.png"))
    assert outside == []


def test_production_has_no_sandbox_endpoints():
    from migo.platform.settings import Settings
    from migo.surfaces.gateway import build_gateway

    production = build_gateway(Settings(environment="production", secret_key="x" * 32))
    assert not any(path.startswith("/sandbox") for path in production.openapi()["paths"])
