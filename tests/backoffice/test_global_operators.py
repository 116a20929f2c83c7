"""A platform (global) operator acts on any partner on the routes that name no partner in their path: it names
one with `partnerId` (the query; in the body of a creation). A partner's operator may name only its own: any
other answers 404 (7812), and nothing changes. What the platform does to a partner is in that partner's trail."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

import httpx

from tests.backoffice.test_conciliation import DAY, HEADER
from tests.backoffice.test_operator_scopes import _global_operator
from tests.factories import (
    OPERATOR_PASSWORD,
    Tenant,
    bearer,
    configure_payment_client,
    create_link,
    create_tenant,
    lead_fields,
    provision_cards,
    sandbox_pay,
    submitted_lead,
)
from tests.merchants.test_cms_review import _data, _error


def _new(**fields: Any) -> dict[str, Any]:
    tag = secrets.token_hex(4)
    return {"username": f"first.{tag}", "email": f"first.{tag}@example.test", "name": "Ana First", **fields}


async def _trail(http: httpx.AsyncClient, admin: dict[str, str], action: str) -> list[dict[str, Any]]:
    found = _data(await http.get("/cms/rest/audit", params={"action": action, "limit": 100}, headers=admin))
    return found["items"]  # type: ignore[no-any-return]


async def test_the_platform_gives_a_partner_its_first_admin_who_then_signs_in(client):
    tenant = await create_tenant()
    platform = await _global_operator(client)
    body = _new(roles=["admin"], password=OPERATOR_PASSWORD, partnerId=str(tenant.partner_id))
    made = _data(await client.post("/cms/rest/operators", json=body, headers=platform), 201)
    assert (made["partnerId"], made["scope"], made["roles"]) == (str(tenant.partner_id), "partner", ["admin"])

    # The new admin signs in through the partner's own CMS application and sees its partner's operators.
    theirs = await tenant.operator_headers(client, body["username"])
    listed = _data(await client.get("/cms/rest/operators", params={"limit": 100}, headers=theirs))
    assert body["username"] in [item["username"] for item in listed["items"]]
    # Their trail keeps what the platform did; the platform's own does not.
    created = await _trail(client, theirs, "createOperator")
    platform_id = _data(await client.get("/cms/rest/me", headers=platform))["operatorId"]
    assert [(r["operatorId"], r["status"]) for r in created] == [(platform_id, 201)]
    assert await _trail(client, platform, "createOperator") == []

    # A partner's admin cannot name another partner: 404, and nobody is made.
    other = await create_tenant()
    refused = await client.post(
        "/cms/rest/operators", json=_new(roles=["viewer"], partnerId=str(other.partner_id)), headers=theirs
    )
    _error(refused, 404, 7812)
    _error(
        await client.post(
            "/cms/rest/operators", json=_new(roles=["viewer"], partnerId=str(uuid.uuid4())), headers=platform
        ),
        404,
        7812,
    )
    others = _data(
        await client.get("/cms/rest/operators", params={"partnerId": str(other.partner_id)}, headers=platform)
    )
    assert [item["username"] for item in others["items"]] == [other.operator_username]


async def test_the_platform_reads_and_changes_a_partners_operators_and_roles_by_naming_it(client):
    tenant = await create_tenant()
    platform = await _global_operator(client)
    named = {"partnerId": str(tenant.partner_id)}
    admin = await tenant.operator_headers(client)

    listed = _data(await client.get("/cms/rest/operators", params=named, headers=platform))
    operator_id = listed["items"][0]["id"]
    path = f"/cms/rest/operators/{operator_id}"
    # Not named, the id is looked for among the platform's own operators: not found.
    _error(await client.get(path, headers=platform), 404, 7805)
    assert _data(await client.get(path, params=named, headers=platform))["username"] == tenant.operator_username

    viewer = _data(
        await client.post("/cms/rest/operators", json=_new(roles=["viewer"], **named), headers=platform), 201
    )
    assert viewer["status"] == "invited"
    renamed = await client.patch(
        f"/cms/rest/operators/{viewer['id']}", params=named, json={"name": "Bea Renamed"}, headers=platform
    )
    assert _data(renamed)["name"] == "Bea Renamed"
    sent = await client.post(f"/cms/rest/operators/{viewer['id']}/reset-password", params=named, headers=platform)
    assert _data(sent)["expiresIn"] == 86400  # still invited: a fresh invitation
    assert _data(await client.get(f"/cms/rest/operators/{viewer['id']}", headers=admin))["name"] == "Bea Renamed"

    role = {"name": "night-desk", "description": "Nights", "permissions": ["cardholders.read"], **named}
    made = _data(await client.post("/cms/rest/roles", json=role, headers=platform), 201)
    theirs = _data(await client.get("/cms/rest/roles", params={"limit": 100}, headers=admin))
    assert "night-desk" in [item["name"] for item in theirs["items"]]
    _error(await client.get(f"/cms/rest/roles/{made['id']}", headers=platform), 404, 7806)
    changed = await client.patch(
        f"/cms/rest/roles/{made['id']}", params=named, json={"description": "Night shift"}, headers=platform
    )
    assert _data(changed)["description"] == "Night shift"
    trail = await _trail(client, admin, "updateRole")
    assert [record["resource"]["roleId"] for record in trail] == [made["id"]]
    assert trail[0]["changes"] == {"description": {"before": "Nights", "after": "Night shift"}}

    # The partner's admin names another partner: 404 on every route, nothing changes.
    other = await create_tenant()
    theirs_named = {"partnerId": str(other.partner_id)}
    for response in (
        await client.get("/cms/rest/operators", params=theirs_named, headers=admin),
        await client.get("/cms/rest/roles", params=theirs_named, headers=admin),
        await client.patch(path, params=theirs_named, json={"name": "X"}, headers=admin),
        await client.post("/cms/rest/roles", json={**role, **theirs_named, "name": "x-desk"}, headers=admin),
    ):
        _error(response, 404, 7812)


async def _lead_in_review(http: httpx.AsyncClient, tenant: Tenant) -> dict[str, Any]:
    await provision_cards(tenant, count=1)
    app = bearer(await tenant.app_token(http))
    await http.post("/rest/leads", json=lead_fields(businessName=f"Tienda {secrets.token_hex(3)}"), headers=app)
    return await submitted_lead(http, app)  # type: ignore[no-any-return]


async def test_the_platform_reviews_conciliates_and_refunds_for_the_partner_it_names(client):
    tenant = await create_tenant()
    platform = await _global_operator(client)
    named = {"partnerId": str(tenant.partner_id)}
    admin = await tenant.operator_headers(client)

    lead = await _lead_in_review(client, tenant)
    _error(await client.get(f"/cms/rest/leads/{lead['id']}", headers=platform), 404, 7400)
    queue = _data(await client.get("/cms/rest/leads", params={**named, "status": "IN_REVIEW"}, headers=platform))
    assert [item["id"] for item in queue["items"]] == [lead["id"]]
    document = lead["documents"][0]
    downloaded = await client.get(
        f"/cms/rest/leads/{lead['id']}/documents/{document['id']}", params=named, headers=platform
    )
    assert downloaded.status_code == 200
    approved = await client.post(f"/cms/rest/leads/{lead['id']}/approve", params=named, headers=platform)
    assert _data(approved)["status"] == "APPROVED"
    assert [r["resource"]["leadId"] for r in await _trail(client, admin, "approveLead")] == [lead["id"]]

    await configure_payment_client(tenant)
    paid = await create_link(client, tenant, amount=50)
    assert (await sandbox_pay(client, tenant, paid["uid"])).json()["outcome"] == "approved"
    uid = paid["uid"]
    _error(await client.get(f"/cms/rest/transactions/{uid}", headers=platform), 404, 7830)
    assert _data(await client.get(f"/cms/rest/transactions/{uid}", params=named, headers=platform))["uid"] == uid
    refunded = await client.post(
        f"/cms/rest/transactions/{uid}/refund",
        params=named,
        json={"amount": "20", "reason": "Goodwill, approved by the platform"},
        headers=platform | {"Idempotency-Key": "platform-refund-1"},
    )
    assert _data(refunded, 201)["transaction"]["linkPayment"]["refundedAmount"] == "20.0000"
    assert [r["resource"]["uid"] for r in await _trail(client, admin, "refundPartnerTransaction")] == [uid]

    accepted = await client.post(
        "/cms/rest/conciliation",
        params=named,
        data={"source": "sandbox"},
        files={"file": ("settlement.csv", f"{HEADER}THEIRS-1,10.00,GTQ,settled,{DAY.isoformat()}\n".encode())},
        headers=platform,
    )
    batch_id = _data(accepted)["batchId"]
    _error(await client.get(f"/cms/rest/conciliation/{batch_id}/progress", headers=platform), 404, 7005)
    progress = await client.get(f"/cms/rest/conciliation/{batch_id}/progress", params=named, headers=platform)
    assert _data(progress)["total"] == 1
    # It is the partner's batch: its own operators read it.
    assert (await client.get(f"/cms/rest/conciliation/{batch_id}/progress", headers=admin)).status_code == 200


async def test_a_partners_operator_names_no_other_partner_on_any_route(client):
    """Every route taking a `partnerId` outside its path answers 404/7812 to a partner's operator naming another
    partner, before it looks at anything else; nothing changes."""
    tenant, other = await create_tenant(), await create_tenant()
    admin = await tenant.operator_headers(client)
    theirs = {"partnerId": str(other.partner_id)}
    some = uuid.uuid4()
    csv = {"file": ("settlement.csv", f"{HEADER}THEIRS-1,10.00,GTQ,settled,{DAY.isoformat()}\n".encode())}
    calls = [
        ("GET", "/cms/rest/operators", {}),
        ("GET", f"/cms/rest/operators/{some}", {}),
        ("PATCH", f"/cms/rest/operators/{some}", {"json": {"name": "X"}}),
        ("POST", f"/cms/rest/operators/{some}/reset-password", {}),
        ("GET", "/cms/rest/roles", {}),
        ("GET", f"/cms/rest/roles/{some}", {}),
        ("PATCH", f"/cms/rest/roles/{some}", {"json": {"description": "X"}}),
        ("GET", "/cms/rest/leads", {}),
        ("GET", f"/cms/rest/leads/{some}", {}),
        ("GET", f"/cms/rest/leads/{some}/documents/{some}", {}),
        ("POST", f"/cms/rest/leads/{some}/approve", {}),
        ("POST", f"/cms/rest/leads/{some}/reject", {"json": {"reasons": [], "reason": "No"}}),
        ("POST", "/cms/rest/conciliation", {"data": {"source": "sandbox"}, "files": csv}),
        ("GET", f"/cms/rest/conciliation/{some}/progress", {}),
        ("GET", f"/cms/rest/conciliation/{some}/report", {}),
        ("GET", f"/cms/rest/conciliation/{some}/report.csv", {}),
        ("GET", "/cms/rest/transactions/ABCDEFGHIJKLMNOPQRSTU", {}),
        ("POST", "/cms/rest/transactions/ABCDEFGHIJKLMNOPQRSTU/refund", {"json": {"reason": "Goodwill"}}),
        ("POST", "/cms/rest/transactions/ABCDEFGHIJKLMNOPQRSTU/capture", {}),
    ]
    for method, path, extra in calls:
        answered = await client.request(method, path, params=theirs, headers=admin, **extra)
        assert (answered.status_code, answered.json()["error"]["code"]) == (404, 7812), (method, path, answered.text)
    for path, body in (
        ("/cms/rest/operators", _new(roles=["viewer"], **theirs)),
        ("/cms/rest/roles", {"name": "x-desk", "description": "X", "permissions": ["cards.read"], **theirs}),
    ):
        _error(await client.post(path, json=body, headers=admin), 404, 7812)
    others = _data(await client.get("/cms/rest/operators", headers=await other.operator_headers(client)))
    assert [item["username"] for item in others["items"]] == [other.operator_username]
