"""The CMS's partners and their Payment Link clients: an operator reads its own partner (token lifetimes,
companies with their card programs, applications with no secret), changes its name and token lifetimes within
bounds (the next sign-in gets them), cannot create a partner (only a platform operator may), and reads and
changes the partner's Middleware client configurations under the CLI's rules, which the Middleware then applies.
Another partner, and another partner's client, do not exist for it."""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

import jwt
from sqlalchemy import func, select

from migo.identity.models import Partner
from migo.payments import clients
from migo.platform.db import database
from tests.backoffice.test_audit import _trail
from tests.factories import (
    bearer,
    configure_payment_client,
    create_link,
    create_tenant,
    merchant,
    provision_cards,
)
from tests.merchants.test_cms_review import _data, _error, _operator


def _partner(tenant: Any) -> str:
    return f"/cms/rest/app/partners/{tenant.partner_id}"


async def test_an_operator_reads_its_partner_with_companies_program_and_applications_and_no_secret(client):
    tenant = await create_tenant()
    await provision_cards(tenant, count=1, max_balance="5000", daily_transfer_limit="2500")
    await configure_payment_client(tenant)
    viewer = await _operator(client, tenant, "viewer")  # every `.read`: partners.read among them

    answer = await client.get(_partner(tenant), headers=viewer)
    found = _data(answer)
    assert found["id"] == str(tenant.partner_id) and found["name"].startswith("Partner ")
    assert (found["userAccessTtlSeconds"], found["userRefreshTtlSeconds"]) == (15 * 60, 30 * 24 * 3600)
    assert (found["operatorAccessTtlSeconds"], found["operatorRefreshTtlSeconds"]) == (15 * 60, 12 * 3600)
    [company] = found["companies"]
    assert company["id"] == str(tenant.company_id)
    assert company["cardProgram"] == {
        "name": "Test program",
        "bin": "489551",
        "currency": "GTQ",
        "maxBalance": "5000.0000",
        "perTransferLimit": None,
        "dailyTransferLimit": "2500.0000",
        "validityMonths": 36,
    }
    applications = {app["kind"]: app for app in found["applications"]}
    assert set(applications) == {"gateway", "cms", "middleware"}
    assert applications["gateway"]["clientId"] == tenant.gateway_client_id
    assert applications["gateway"]["companyId"] == str(tenant.company_id)
    assert applications["cms"]["clientId"] == tenant.cms_client_id
    assert applications["middleware"]["clientSlug"] == tenant.client_slug
    assert all(app["status"] == "active" for app in found["applications"])
    for secret in (tenant.gateway_client_secret, tenant.cms_client_secret, tenant.private_key, tenant.merchant_token):
        assert secret not in answer.text
    assert "secret" not in answer.text.lower() and "hash" not in answer.text.lower()


async def test_a_fresh_partner_shows_its_company_without_a_program_and_no_merchant_application(client):
    tenant = await create_tenant()
    found = _data(await client.get(_partner(tenant), headers=await tenant.operator_headers(client)))
    assert [company["cardProgram"] for company in found["companies"]] == [None]
    assert sorted(app["kind"] for app in found["applications"]) == ["cms", "gateway"]  # no client configured


async def test_the_list_answers_the_operators_own_partner_only(client):
    tenant, other = await create_tenant(), await create_tenant()
    admin = await tenant.operator_headers(client)
    listed = _data(await client.get("/cms/rest/app/partners", headers=admin))
    assert [item["id"] for item in listed["items"]] == [str(tenant.partner_id)]
    assert listed["meta"] == {"page": 1, "limit": 20, "totalItems": 1, "totalPages": 1}
    own_name = listed["items"][0]["name"]
    other_name = _data(await client.get(_partner(other), headers=await other.operator_headers(client)))["name"]
    searched = _data(await client.get("/cms/rest/app/partners", params={"searchText": other_name}, headers=admin))
    assert searched["items"] == []
    searched = _data(await client.get("/cms/rest/app/partners", params={"searchText": own_name[-8:]}, headers=admin))
    assert [item["id"] for item in searched["items"]] == [str(tenant.partner_id)]
    _error(await client.get("/cms/rest/app/partners", params={"sortBy": "secret"}, headers=admin), 400, 7000)


async def test_another_partner_and_its_clients_are_not_found_on_every_route(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    theirs = await other.operator_headers(client)
    mine, own = _partner(tenant), _partner(other)
    calls = [
        ("GET", mine, None),
        ("PATCH", mine, {"name": "Mallory"}),
        ("GET", f"{mine}/clients", None),
        ("GET", f"{mine}/clients/{tenant.client_slug}", None),
        ("PATCH", f"{mine}/clients/{tenant.client_slug}", {"displayName": "Mallory"}),
        ("GET", f"{mine}/clients/{other.client_slug}", None),
    ]
    for method, path, body in calls:
        _error(await client.request(method, path, json=body, headers=theirs), 404, 7812)
    # Their own partner's path, naming the other partner's client (or none): not found either.
    for slug in (tenant.client_slug, f"nobody{secrets.token_hex(3)}"):
        _error(await client.get(f"{own}/clients/{slug}", headers=theirs), 404, 7841)
        patched = await client.patch(f"{own}/clients/{slug}", json={"maxAmount": 5}, headers=theirs)
        _error(patched, 404, 7841)
    listed = _data(await client.get(f"{own}/clients", headers=theirs))["items"]
    assert [item["slug"] for item in listed] == [other.client_slug]
    admin = await tenant.operator_headers(client)
    untouched = _data(await client.get(f"{mine}/clients/{tenant.client_slug}", headers=admin))
    assert untouched["displayName"] == "Tienda Ana" and untouched["maxAmount"] == "100000.0000"
    assert not _data(await client.get(mine, headers=admin))["name"].startswith("Mallory")


async def test_a_client_configured_for_no_partner_is_nobodys(client):
    tenant = await create_tenant()
    async with database.transaction() as session:
        terms = clients.ClientTerms(
            slug=f"orphan{secrets.token_hex(3)}",
            display_name="Orphan",
            channels=("web",),
            currencies=("GTQ",),
            min_amount=Decimal(1),
            max_amount=Decimal(10),
            processors=(clients.ProcessorTerms("sandbox"),),
            reference_prefix="ORPH",
        )
        await clients.configure_client(session, terms)
    admin = await tenant.operator_headers(client)
    _error(await client.get(f"{_partner(tenant)}/clients/{terms.slug}", headers=admin), 404, 7841)
    assert _data(await client.get(f"{_partner(tenant)}/clients", headers=admin))["items"] == []


async def test_new_token_lifetimes_apply_to_the_next_sign_in_and_are_audited(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    before = await tenant.user_tokens(client)
    assert before["expiresIn"] == 15 * 60
    original_name = _data(await client.get(_partner(tenant), headers=admin))["name"]

    changed = await client.patch(
        _partner(tenant),
        json={"name": "Banco Ejemplo", "userAccessTtlSeconds": 600, "operatorAccessTtlSeconds": 1800},
        headers=admin,
    )
    found = _data(changed)
    assert (found["name"], found["userAccessTtlSeconds"], found["operatorAccessTtlSeconds"]) == (
        "Banco Ejemplo",
        600,
        1800,
    )
    assert found["userRefreshTtlSeconds"] == 30 * 24 * 3600  # left out: unchanged

    after = await tenant.user_tokens(client)
    assert after["expiresIn"] == 600
    claims = jwt.decode(after["accessToken"], options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 600
    operator = await tenant.operator_headers(client)
    claims = jwt.decode(operator["x-user-token"], options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 1800

    [record] = await _trail(client, operator, action="updatePartner")
    assert record["changes"] == {
        "name": {"before": original_name, "after": "Banco Ejemplo"},
        "userAccessTtlSeconds": {"before": 900, "after": 600},
        "operatorAccessTtlSeconds": {"before": 900, "after": 1800},
    }


async def test_lifetimes_out_of_bounds_are_a_400_naming_the_field_and_change_nothing(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    original = _data(await client.get(_partner(tenant), headers=admin))
    refused = {
        "userAccessTtlSeconds": ({"userAccessTtlSeconds": 299, "name": "Changed"}, "body.userAccessTtlSeconds"),
        "too long access": ({"operatorAccessTtlSeconds": 24 * 3600 + 1}, "body.operatorAccessTtlSeconds"),
        "short refresh": ({"userRefreshTtlSeconds": 3599}, "body.userRefreshTtlSeconds"),
        "long refresh": ({"operatorRefreshTtlSeconds": 90 * 24 * 3600 + 1}, "body.operatorRefreshTtlSeconds"),
        # The operator's refresh token lives 12 hours: an access token of a day would outlive it.
        "access past refresh": ({"operatorAccessTtlSeconds": 24 * 3600}, "body.operatorAccessTtlSeconds"),
        "refresh under access": (
            {"userAccessTtlSeconds": 7200, "userRefreshTtlSeconds": 7200},
            "body.userRefreshTtlSeconds, body.userAccessTtlSeconds",
        ),
        "negative": ({"userAccessTtlSeconds": -1}, "body.userAccessTtlSeconds"),
        "null": ({"name": None}, "body.name: cannot be null"),
        "unknown field": ({"accessTtl": 600}, "body.accessTtl"),
    }
    for label, (body, named) in refused.items():
        error = _error(await client.patch(_partner(tenant), json=body, headers=admin), 400, 7000)
        assert named in error["detail"], (label, error)
    assert _data(await client.get(_partner(tenant), headers=admin)) == original
    assert (await tenant.user_tokens(client))["expiresIn"] == original["userAccessTtlSeconds"]


async def test_only_a_platform_operator_creates_a_partner(client):
    tenant = await create_tenant()
    name = f"Partner of Mallory {secrets.token_hex(3)}"
    body = {"name": name, "userAccessTtlSeconds": 600}
    error = _error(
        await client.post("/cms/rest/app/partners", json=body, headers=await tenant.operator_headers(client)), 403, 7840
    )
    assert error["name"] == "GLOBAL_SCOPE_REQUIRED"
    viewer = await _operator(client, tenant, "viewer")
    _error(await client.post("/cms/rest/app/partners", json=body, headers=viewer), 403, 7801)  # no partners.manage
    _error(await client.patch(_partner(tenant), json={"name": name}, headers=viewer), 403, 7801)
    async with database.transaction() as session:
        assert await session.scalar(select(func.count()).where(Partner.name == name)) == 0


async def test_clients_are_listed_read_and_changed_and_the_middleware_follows(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    admin = await tenant.operator_headers(client)
    base = f"{_partner(tenant)}/clients"

    [listed] = _data(await client.get(base, params={"searchText": "tienda"}, headers=admin))["items"]
    assert listed == _data(await client.get(f"{base}/{tenant.client_slug}", headers=admin))
    assert listed["slug"] == tenant.client_slug and listed["displayName"] == "Tienda Ana"
    assert (listed["minAmount"], listed["maxAmount"], listed["captureMode"]) == ("1.0000", "100000.0000", "automatic")
    assert listed["processors"] == [{"name": "sandbox", "brands": [], "installments": [3, 6, 12]}]
    assert listed["channels"] == ["wa", "sms", "email", "web", "app"] and listed["currencies"] == ["GTQ", "USD"]
    assert listed["velocity"] == {"declines": 5, "windowMinutes": 60, "suspensionMinutes": 24 * 60}
    refused = await client.post("/transactions", json=_link(tenant, 150000), headers=merchant(tenant))
    assert (refused.status_code, refused.json()["ownCode"]) == (409, 2003)

    changed = await client.patch(
        f"{base}/{tenant.client_slug}",
        json={"maxAmount": 200000, "captureMode": "manual", "processors": [{"name": "sandbox", "installments": [3]}]},
        headers=admin,
    )
    found = _data(changed)
    assert (found["maxAmount"], found["captureMode"]) == ("200000.0000", "manual")
    assert found["processors"] == [{"name": "sandbox", "brands": [], "installments": [3]}]
    assert found["minAmount"] == "1.0000" and found["displayName"] == "Tienda Ana"  # left out: unchanged

    await create_link(client, tenant, amount=150000)  # over the old maximum, inside the new one
    refused = await client.post("/transactions", json=_link(tenant, 200001), headers=merchant(tenant))
    assert (refused.status_code, refused.json()["ownCode"]) == (409, 2003)
    config = await client.get(f"/v1/clients/{tenant.client_slug}/config", headers=merchant(tenant))
    assert config.json()["captureMode"] == "manual" and config.json()["maxAmount"] == 200000

    [record] = await _trail(client, admin, action="updatePartnerClient")
    assert record["changes"] == {
        "maxAmount": {"before": "100000.0000", "after": "200000.0000"},
        "captureMode": {"before": "automatic", "after": "manual"},
        "processors": {
            "before": [{"name": "sandbox", "brands": [], "installments": [3, 6, 12]}],
            "after": [{"name": "sandbox", "brands": [], "installments": [3]}],
        },
    }
    assert record["resource"] == {"partnerId": str(tenant.partner_id), "slug": tenant.client_slug}


async def test_bad_client_values_are_a_400_naming_the_field_and_change_nothing(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    admin = await tenant.operator_headers(client)
    path = f"{_partner(tenant)}/clients/{tenant.client_slug}"
    original = _data(await client.get(path, headers=admin))
    refused = {
        "min above max": ({"minAmount": 100001}, "body.minAmount"),
        "max under min": ({"minAmount": 50, "maxAmount": 10}, "body.minAmount, body.maxAmount"),
        "fractional": ({"maxAmount": "99.50"}, "body.maxAmount"),
        "float": ({"maxAmount": 99.5}, "body.maxAmount"),
        "unknown processor": ({"processors": [{"name": "nope"}]}, "body.processors"),
        "on-us processor": ({"processors": [{"name": "migo"}]}, "body.processors"),
        "installments": ({"processors": [{"name": "sandbox", "installments": [0]}]}, "body.processors"),
        "no processor": ({"processors": []}, "body.processors"),
        "channel": ({"channels": ["fax"]}, "body.channels"),
        "currency": ({"currencies": ["gtq"]}, "body.currencies"),
        "capture": ({"captureMode": "later"}, "body.captureMode"),
        "lifetime": ({"linkLifetimeSeconds": 0}, "body.linkLifetimeSeconds"),
        "attempts": ({"maxAttempts": 40000}, "body.maxAttempts"),
        "velocity": ({"velocity": {"declines": 0, "windowMinutes": 60, "suspensionMinutes": 60}}, "body.velocity"),
        "logo": ({"logoUrl": "http://example.test/logo.png"}, "body.logoUrl"),
        "colour": ({"brandColor": "blue"}, "body.brandColor"),
        "origin": ({"allowedReturnOrigins": ["https://shop.example/path"]}, "body.allowedReturnOrigins"),
        "return url": ({"defaultReturnUrl": "https://elsewhere.example/done"}, "body.defaultReturnUrl"),
        "card type": ({"allowedCardTypes": ["gift"]}, "body.allowedCardTypes"),
        "country": ({"allowedCountries": ["GTM"]}, "body.allowedCountries"),
        "prefix": ({"referencePrefix": "CAMP-GT"}, "body.referencePrefix"),
        "null": ({"displayName": None}, "body.displayName: cannot be null"),
        "slug": ({"slug": "another"}, "body.slug"),
    }
    for label, (body, named) in refused.items():
        error = _error(await client.patch(path, json=body, headers=admin), 400, 7000)
        assert named in error["detail"], (label, error)
    assert _data(await client.get(path, headers=admin)) == original
    # What may be cleared is cleared with null; what the rules accept is kept.
    origins = {"allowedReturnOrigins": ["https://shop.example"], "defaultReturnUrl": "https://shop.example/done"}
    assert (
        _data(await client.patch(path, json=origins, headers=admin))["defaultReturnUrl"] == origins["defaultReturnUrl"]
    )
    assert _data(await client.patch(path, json={"defaultReturnUrl": None}, headers=admin))["defaultReturnUrl"] is None


async def test_reading_clients_takes_clients_read_and_changing_them_clients_manage(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    path = f"{_partner(tenant)}/clients/{tenant.client_slug}"
    viewer, support = await _operator(client, tenant, "viewer"), await _operator(client, tenant, "support")
    assert _data(await client.get(path, headers=viewer))["slug"] == tenant.client_slug
    _error(await client.patch(path, json={"maxAttempts": 5}, headers=viewer), 403, 7801)
    _error(await client.get(path, headers=support), 403, 7801)  # cardholder care: no clients.read
    _error(await client.get(_partner(tenant), headers=bearer(await tenant.cms_token(client))), 401, 7800)


def _link(tenant: Any, amount: int) -> dict[str, Any]:
    return {"amount": amount, "userId": "50224865444", "channel": "wa", "client": tenant.client_slug, "ads": []}
