"""Each surface has its own OpenAPI 3.1 document and a reference page that renders with no internet."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from migo.platform.surface import REQUEST_SIGNING
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
            # Validation errors are 400 (409 on the Middleware), never FastAPI's 422 shape.
            assert "HTTPValidationError" not in str(operation["responses"])
            assert "default" in operation["responses"]


@pytest.mark.parametrize(("prefix", "title"), SURFACES.items())
async def test_failures_are_declared_in_the_shape_the_surface_answers(client, prefix, title):
    """Generated clients parse each failure by its status (issue 19): the surface's error shape, and the
    Middleware's bare `{"message": "Unauthorized"}` for a refused merchant token (seed 002)."""
    document = (await client.get(f"{prefix}openapi.json")).json()
    middleware = prefix == "/"
    validation = "409" if middleware else "400"
    shape = "#/components/schemas/" + ("ErrorResponseDto" if middleware else "ErrorEnvelope")
    unauthorized = "#/components/schemas/" + ("UnauthorizedResponse" if middleware else "ErrorEnvelope")
    assert document["components"]["schemas"].get("UnauthorizedResponse", {}).get("required") == (
        ["message"] if middleware else None
    )
    for path, item in document["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            schema_of = {status: str(answer.get("content")) for status, answer in responses.items()}
            if operation.get("parameters") or "requestBody" in operation:
                assert shape in schema_of[validation], (method, path)
            if "{" in path:
                assert shape in schema_of["404"], (method, path)
            if operation.get("security"):
                assert unauthorized in schema_of["401"], (method, path)
                assert middleware or shape in schema_of["403"], (method, path)
            if method != "get":
                assert shape in schema_of["409"], (method, path)
            assert all(shape in schema_of[status] or status == "401" for status in responses if status[0] in "45")
    if not middleware:
        assert shape in str(document["paths"]["/auth/token"]["post"]["responses"]["401"])
    if prefix == "/rest/":
        assert shape in str(document["paths"]["/cards/transfer"]["post"]["responses"]["422"])
        pdf = document["paths"]["/cards/{cardId}/statements/{statementId}/pdf"]["get"]["responses"]["200"]
        assert pdf["content"]["application/pdf"]["schema"] == {"type": "string", "format": "binary"}
    if middleware:  # the hook's body credentials are checked by the handler: an ErrorResponseDto (ownCode 2007)
        assert shape in str(document["paths"]["/transactions-hook"]["post"]["responses"]["401"])


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


async def test_signed_operations_declare_the_request_signature_and_its_bytes(client):
    """Request signing is security a generator and a reader see: the money-moving operations need the bearer
    token and the three signing headers together, declared as schemes (a transport adds them over the bytes it
    sends), and the signature's scheme says exactly what is signed."""
    document = (await client.get("/rest/openapi.json")).json()
    schemes = document["components"]["securitySchemes"]
    headers = {name: (schemes[name]["in"], schemes[name]["name"]) for name in REQUEST_SIGNING}
    assert headers == {
        "RequestSignatureKeyId": ("header", "x-key-id"),
        "RequestSignatureTimestamp": ("header", "x-timestamp"),
        "RequestSignature": ("header", "x-signature"),
    }
    assert "raw body bytes" in schemes["RequestSignature"]["description"]
    everything = {
        "HTTPBearer": [],
        "RequestSignatureKeyId": [],
        "RequestSignatureTimestamp": [],
        "RequestSignature": [],
    }
    signed = {
        f"{method.upper()} {path}": operation
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if everything in operation.get("security", [])
    }
    assert {"POST /cards/transfer", "PUT /cards/{cardId}/funds"} <= set(signed)
    assert signed["POST /cards/transfer"]["security"] == [everything]
    terminal = signed["POST /terminals/{terminalId}/payments"]["security"]
    assert terminal == [everything, {"TerminalCredentials": []}]  # or the terminal's own credentials
    for name, operation in signed.items():
        parameters = {p["name"] for p in operation.get("parameters", [])}
        assert not parameters & {"x-key-id", "x-timestamp", "x-signature"}, name
