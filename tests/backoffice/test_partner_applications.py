"""A partner made on the CMS is put to use from the CMS: a global operator gives it a CMS application (its
operators sign in through it), its first admin, and companies with Gateway applications. The client secret is
shown in the creating answer only (and its replays under the same Idempotency-Key); the partner page, the audit
trail and the idempotency store never hold it in clear. A partner's own admin does the same for its partner, no
other."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

import httpx
from sqlalchemy import func, select

from migo.identity.models import Application
from migo.platform.db import database
from migo.platform.idempotency import IdempotencyRecord
from tests.backoffice.test_audit import _trail
from tests.backoffice.test_operator_scopes import _global_operator
from tests.factories import OPERATOR_PASSWORD, create_tenant
from tests.merchants.test_cms_review import _data, _error, _operator


def _apps(partner_id: Any) -> str:
    return f"/cms/rest/app/partners/{partner_id}/applications"


async def _first_admin(http: httpx.AsyncClient, platform: dict[str, str], partner_id: str) -> str:
    """The new partner's first operator, made by the global operator for that partner."""
    username = f"first.{secrets.token_hex(3)}"
    body = {
        "username": username,
        "email": f"{username}@example.test",
        "name": "A",
        "roles": ["admin"],
        "password": OPERATOR_PASSWORD,
        "partnerId": partner_id,
    }
    assert _data(await http.post("/cms/rest/operators", json=body, headers=platform), 201)["partnerId"] == partner_id
    return username


async def _sign_in(http: httpx.AsyncClient, client_id: str, client_secret: str, username: str) -> dict[str, str]:
    credentials = {"clientId": client_id, "clientSecret": client_secret}
    app = {"Authorization": f"Bearer {_data(await http.post('/cms/rest/auth/token', json=credentials))['accessToken']}"}
    login = await http.post(
        "/cms/rest/auth/login", json={"username": username, "password": OPERATOR_PASSWORD}, headers=app
    )
    return {**app, "x-user-token": _data(login)["accessToken"]}


async def test_a_new_partners_operators_sign_in_through_the_cms_application_made_for_it(client):
    platform = await _global_operator(client)
    partner = _data(await client.post("/cms/rest/app/partners", json={"name": "Banco Nuevo"}, headers=platform), 201)
    key = {"Idempotency-Key": f"cms-app-{uuid.uuid4().hex}"}
    body = {"kind": "cms", "name": "Back office"}
    made = await client.post(_apps(partner["id"]), json=body, headers={**platform, **key})
    app = _data(made, 201)
    assert (app["kind"], app["name"], app["partnerId"], app["companyId"]) == ("cms", "Back office", partner["id"], None)
    assert app["clientId"].startswith("cms") and app["status"] == "active" and app["createdAt"]
    secret = app["clientSecret"]
    assert len(secret) >= 32

    # A retry of the same request (a lost answer) replays it, secret included, and makes nothing more; the
    # stored answer is sealed, never the secret in clear.
    replayed = await client.post(_apps(partner["id"]), json=body, headers={**platform, **key})
    assert replayed.headers["Idempotent-Replayed"] == "true" and _data(replayed, 201) == app
    async with database.transaction() as session:
        kept = await session.scalar(select(func.count()).where(Application.partner_id == uuid.UUID(partner["id"])))
        assert kept == 1
        stored = await session.scalar(
            select(IdempotencyRecord.response_body).where(IdempotencyRecord.key == key["Idempotency-Key"])
        )
        assert stored is not None and secret.encode() not in stored and app["clientId"].encode() not in stored

    username = await _first_admin(client, platform, partner["id"])
    admin = await _sign_in(client, app["clientId"], secret, username)
    me = _data(await client.get("/cms/rest/me", headers=admin))
    assert (me["username"], me["scope"]) == (username, "partner")

    detail = await client.get(f"/cms/rest/app/partners/{partner['id']}", headers=admin)
    assert [a["clientId"] for a in _data(detail)["applications"]] == [app["clientId"]]
    assert secret not in detail.text and "secret" not in detail.text.lower()
    trail = await client.get("/cms/rest/audit", params={"action": "createPartnerApplication"}, headers=admin)
    # What the platform did for the partner is in the partner's own trail: the creation, then its replay.
    replay, record = _data(trail)["items"]
    assert record["changes"] == {
        "applicationId": {"before": None, "after": app["id"]},
        "clientId": {"before": None, "after": app["clientId"]},
    }
    assert replay["changes"] is None and replay["status"] == 201
    assert record["resource"] == {"partnerId": partner["id"]} and secret not in trail.text


async def test_a_gateway_application_acts_for_a_company_of_the_partner(client):
    tenant, other = await create_tenant(), await create_tenant()
    admin = await tenant.operator_headers(client)  # a partner's own admin, for its own partner
    company = _data(
        await client.post(
            f"/cms/rest/app/partners/{tenant.partner_id}/companies", json={"name": "Tarjetas Sur"}, headers=admin
        ),
        201,
    )
    assert (company["name"], company["cardProgram"]) == ("Tarjetas Sur", None)
    refused = {
        "no company": ({"kind": "gateway", "name": "wallet"}, 400, 7842),
        "cms with a company": ({"kind": "cms", "name": "bo", "companyId": company["id"]}, 400, 7843),
        "another partner's company": ({"kind": "gateway", "name": "w", "companyId": str(other.company_id)}, 404, 7850),
        "no such company": ({"kind": "gateway", "name": "w", "companyId": str(uuid.uuid4())}, 404, 7850),
        "middleware": ({"kind": "middleware", "name": "w"}, 400, 7000),
        "no name": ({"kind": "cms", "name": ""}, 400, 7000),
    }
    for label, (body, status, code) in refused.items():
        answer = await client.post(_apps(tenant.partner_id), json=body, headers=admin)
        assert (answer.status_code, answer.json()["error"]["code"]) == (status, code), label
    async with database.transaction() as session:
        count = select(func.count()).where(Application.partner_id == tenant.partner_id)
        assert await session.scalar(count) == 2  # the tenant's own CMS and Gateway applications, nothing more

    body = {"kind": "gateway", "name": "wallet", "companyId": company["id"]}
    app = _data(await client.post(_apps(tenant.partner_id), json=body, headers=admin), 201)
    assert (app["companyId"], app["partnerId"], app["clientId"][:3]) == (company["id"], str(tenant.partner_id), "gat")
    credentials = {"clientId": app["clientId"], "clientSecret": app["clientSecret"]}
    token = _data(await client.post("/rest/auth/token", json=credentials))["accessToken"]
    assert (await client.get("/rest/users", headers={"Authorization": f"Bearer {token}"})).status_code == 200

    detail = await client.get(f"/cms/rest/app/partners/{tenant.partner_id}", headers=admin)
    assert company["id"] in [c["id"] for c in _data(detail)["companies"]]
    assert app["clientId"] in [a["clientId"] for a in _data(detail)["applications"]]
    assert app["clientSecret"] not in detail.text
    records = await _trail(client, admin, action="createPartnerApplication")
    assert all(app["clientSecret"] not in str(record) for record in records)
    [made] = await _trail(client, admin, action="createPartnerCompany")
    assert made["changes"] == {"companyId": {"before": None, "after": company["id"]}}


async def test_another_partner_gets_no_application_nor_company_from_a_partners_admin(client):
    tenant, other = await create_tenant(), await create_tenant()
    admin = await tenant.operator_headers(client)
    for path, body in (
        (_apps(other.partner_id), {"kind": "cms", "name": "mine now"}),
        (f"/cms/rest/app/partners/{other.partner_id}/companies", {"name": "mine now"}),
        (_apps(uuid.uuid4()), {"kind": "cms", "name": "nobody's"}),
    ):
        _error(await client.post(path, json=body, headers=admin), 404, 7812)
    async with database.transaction() as session:
        assert await session.scalar(select(func.count()).where(Application.partner_id == other.partner_id)) == 2
    viewer = await _operator(client, tenant, "viewer")  # partners.read, not partners.manage
    _error(await client.post(_apps(tenant.partner_id), json={"kind": "cms", "name": "v"}, headers=viewer), 403, 7801)
