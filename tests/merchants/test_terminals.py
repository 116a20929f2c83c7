"""Branches of a business and their POS terminals (issue 15): credentials shown once, stored as a digest;
deactivate and activate."""

from __future__ import annotations

import uuid

import httpx

from migo.merchants import terminals
from migo.platform import security
from migo.platform.db import database
from tests.factories import bearer, branch_with_terminal, create_tenant, onboarded_business, provision_cards


def _error(response: httpx.Response, status: int, code: int) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code, response.text


async def _business(client: httpx.AsyncClient) -> tuple[object, dict[str, str], dict[str, object]]:
    tenant = await create_tenant()
    await provision_cards(tenant, count=1)
    app = bearer(await tenant.app_token(client))
    return tenant, app, await onboarded_business(client, tenant, app)


async def test_a_branch_gets_a_terminal_whose_secret_is_shown_once(client):
    tenant, app, business = await _business(client)
    made = await client.post(
        f"/rest/businesses/{business['id']}/branches", json={"name": "Zona 10", "address": "4a Av 12-1"}, headers=app
    )
    assert made.status_code == 201, made.text
    branch = made.json()["data"]
    assert branch["businessId"] == business["id"] and branch["name"] == "Zona 10"
    assert (await client.get(f"/rest/branches/{branch['id']}", headers=app)).json()["data"] == branch
    listed = (await client.get(f"/rest/businesses/{business['id']}/branches", headers=app)).json()["data"]
    assert [item["id"] for item in listed["items"]] == [branch["id"]] and listed["meta"]["totalItems"] == 1

    registered = await client.post(
        f"/rest/branches/{branch['id']}/terminals", json={"serialNumber": "PAX-A920-0001", "model": "A920"}, headers=app
    )
    assert registered.status_code == 201, registered.text
    terminal = registered.json()["data"]
    assert terminal["status"] == "ACTIVE" and terminal["serialNumber"] == "PAX-A920-0001"
    credentials = terminal["credentials"]
    assert credentials["terminalKeyId"].startswith("tk_") and len(credentials["terminalSecret"]) >= 32
    fetched = (await client.get(f"/rest/terminals/{terminal['id']}", headers=app)).json()["data"]
    assert "credentials" not in fetched and credentials["terminalSecret"] not in str(fetched)
    assert fetched["terminalKeyId"] == credentials["terminalKeyId"]
    async with database.transaction() as session:
        stored = await terminals.find_terminal(session, tenant.company_id, uuid.UUID(terminal["id"]))
        assert stored.secret_digest == security.token_digest(credentials["terminalSecret"])

    again = await client.post(
        f"/rest/branches/{branch['id']}/terminals", json={"serialNumber": "PAX-A920-0001", "model": "A920"}, headers=app
    )
    _error(again, 409, 7414)


async def test_a_terminal_is_deactivated_and_activated_again(client):
    _, app, business = await _business(client)
    _, terminal = await branch_with_terminal(client, app, business["id"])
    path = f"/rest/terminals/{terminal['id']}"
    _error(await client.post(f"{path}/activate", headers=app), 409, 7415)
    deactivated = await client.post(f"{path}/deactivate", headers=app)
    assert deactivated.status_code == 200 and deactivated.json()["data"]["status"] == "INACTIVE"
    _error(await client.post(f"{path}/deactivate", headers=app), 409, 7416)
    activated = await client.post(f"{path}/activate", headers=app)
    assert activated.status_code == 200 and activated.json()["data"]["status"] == "ACTIVE"
    assert activated.json()["data"]["terminalKeyId"] == terminal["credentials"]["terminalKeyId"]


async def test_another_companys_branches_and_terminals_do_not_exist(client):
    _, app, business = await _business(client)
    branch, terminal = await branch_with_terminal(client, app, business["id"])
    other = bearer(await (await create_tenant()).app_token(client))
    body = {"name": "Mallory", "address": "Nowhere"}
    _error(await client.post(f"/rest/businesses/{business['id']}/branches", json=body, headers=other), 404, 7402)
    _error(await client.get(f"/rest/businesses/{business['id']}/branches", headers=other), 404, 7402)
    _error(await client.get(f"/rest/branches/{branch['id']}", headers=other), 404, 7412)
    terminal_body = {"serialNumber": "S2", "model": "M"}
    _error(await client.post(f"/rest/branches/{branch['id']}/terminals", json=terminal_body, headers=other), 404, 7412)
    _error(await client.get(f"/rest/terminals/{terminal['id']}", headers=other), 404, 7413)
    _error(await client.post(f"/rest/terminals/{terminal['id']}/deactivate", headers=other), 404, 7413)
