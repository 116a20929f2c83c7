"""The CMS audit trail (issue 16, PCI DSS v4.0.1 10.2): every CMS call that changes something, refused or not,
and every sensitive read is kept, append-only, with who, what, when, from where and how it ended; an operator
with `audit.read` reads its own partner's and no other's."""

from __future__ import annotations

import secrets

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from migo.platform.db import database
from tests.factories import bearer, configure_payment_client, create_tenant, provision_cards, submitted_lead
from tests.leakscan import known_secret
from tests.merchants.test_cms_review import _data, _operator


async def _trail(client, headers, **params):
    return _data(await client.get("/cms/rest/audit", params=params, headers=headers))["items"]


async def test_mutations_and_sensitive_reads_are_kept_with_who_what_and_how_it_ended(client):
    tenant = await create_tenant()
    await provision_cards(tenant, count=1)
    app = bearer(await tenant.app_token(client))
    lead = await submitted_lead(client, app)
    reviewer = await _operator(client, tenant, "compliance")
    admin = await tenant.operator_headers(client)

    document = lead["documents"][0]
    await client.get(f"/cms/rest/leads/{lead['id']}", headers=reviewer)  # an ordinary read: not kept
    await client.get(f"/cms/rest/leads/{lead['id']}/documents/{document['id']}", headers=reviewer)
    assert (await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=reviewer)).status_code == 200
    refused = await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=reviewer)  # not IN_REVIEW now
    assert refused.status_code == 409

    kept = await _trail(client, admin, resourceId=lead["id"], sortOrder="ASC")
    assert [(r["action"], r["method"], r["status"], r["outcome"]) for r in kept] == [
        ("downloadLeadDocument", "GET", 200, "success"),
        ("approveLead", "POST", 200, "success"),
        ("approveLead", "POST", 409, "refused"),
    ]
    read, approved, again = kept
    assert read["resource"] == {"leadId": lead["id"], "documentId": document["id"]}
    assert read["route"] == "/cms/rest/leads/{leadId}/documents/{documentId}"
    assert approved["changes"] == {"status": {"before": "IN_REVIEW", "after": "APPROVED"}}
    assert again["changes"] is None
    assert len({r["operatorId"] for r in kept}) == 1 and kept[0]["operatorId"] is not None
    assert all(r["originIp"] and len(r["requestId"]) >= 16 for r in kept)
    # Filters: the operator, the operation, a time window.
    assert len(await _trail(client, admin, action="approveLead", resourceId=lead["id"])) == 2
    assert await _trail(client, admin, operatorId=kept[0]["operatorId"], action="downloadLeadDocument") == [read]
    assert await _trail(client, admin, atFrom="2999-01-01T00:00:00Z") == []


async def test_an_operator_reads_its_partners_trail_with_audit_read_only(client):
    tenant, other = await create_tenant(), await create_tenant()
    await provision_cards(tenant, count=1)
    lead = await submitted_lead(client, bearer(await tenant.app_token(client)))
    await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=await tenant.operator_headers(client))
    mine = await _trail(client, await tenant.operator_headers(client), resourceId=lead["id"])
    theirs = await other.operator_headers(client)
    # Another partner's operator, naming this partner's lead or operator, reads nothing of them.
    assert await _trail(client, theirs, resourceId=lead["id"]) == []
    assert await _trail(client, theirs, operatorId=mine[0]["operatorId"]) == []
    their_own = await _trail(client, theirs)  # their operator's sign-in, nothing of this partner's
    assert [r["action"] for r in their_own] == ["loginOperator"] and lead["id"] not in str(their_own)
    viewer = await _operator(client, tenant, "viewer")  # every `.read`, audit.read among them
    assert [r["action"] for r in await _trail(client, viewer, resourceId=lead["id"])] == ["approveLead"]
    nobody = await _operator(client, tenant)  # no role: no permission
    refused = await client.get("/cms/rest/audit", headers=nobody)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == 7801, refused.text


async def test_a_call_refused_before_it_names_an_operator_is_kept_too(client):
    tenant = await create_tenant()
    token = await tenant.cms_token(client)
    refused = await client.post("/cms/rest/leads/00000000-0000-0000-0000-000000000000/approve", headers=bearer(token))
    assert refused.status_code in (401, 403)
    async with database.transaction() as session:
        row = (
            await session.execute(
                text(
                    "SELECT operator_id, partner_id, outcome FROM audit_records"
                    " WHERE resource ->> 'leadId' = '00000000-0000-0000-0000-000000000000' ORDER BY at DESC LIMIT 1"
                )
            )
        ).one()
    assert row.operator_id is None and row.partner_id == tenant.partner_id and row.outcome == "refused"


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_records SET status = 200", "DELETE FROM audit_records", "TRUNCATE audit_records"],
)
async def test_records_cannot_be_changed_or_deleted(client, statement):
    tenant = await create_tenant()
    await client.post(
        "/cms/rest/leads/00000000-0000-0000-0000-000000000001/approve", headers=await tenant.operator_headers(client)
    )
    with pytest.raises(DBAPIError, match="append-only"):
        async with database.transaction() as session:
            await session.execute(text(statement))


async def test_operator_management_is_audited_without_its_secrets(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    password = "Another-Op3rator-Passw0rd!"
    known_secret("operator password", password)
    made = await client.post(
        "/cms/rest/operators",
        json={
            "username": "ana.ops",
            "email": "ana.ops@example.com",
            "name": "Ana",
            "roles": ["viewer"],
            "password": password,
        },
        headers=admin,
    )
    assert made.status_code == 201, made.text
    operator_id = made.json()["data"]["id"]
    changed = await client.patch(
        f"/cms/rest/operators/{operator_id}", json={"roles": ["support"], "status": "disabled"}, headers=admin
    )
    assert changed.status_code == 200, changed.text
    kept = await _trail(client, admin, resourceId=operator_id)
    assert [r["action"] for r in kept] == ["updateOperator"]
    assert kept[0]["changes"] == {
        "roles": {"before": ["viewer"], "after": ["support"]},
        "status": {"before": "active", "after": "disabled"},
    }
    created = await _trail(client, admin, action="createOperator")
    assert len(created) == 1 and created[0]["status"] == 201 and password not in str(created)


async def _names(client, headers, text):
    return [(r["action"], r["resourceName"]) for r in await _trail(client, headers, searchText=text, sortOrder="ASC")]


async def test_records_keep_the_resources_name_and_search_finds_them_by_it(client):
    tenant = await create_tenant()
    await provision_cards(tenant, count=1)
    await configure_payment_client(tenant)
    tag = secrets.token_hex(3)
    admin = await tenant.operator_headers(client)
    lead = await submitted_lead(client, bearer(await tenant.app_token(client)), businessName=f"Tostaduría {tag}")
    leads = "/cms/rest/leads"
    await client.get(f"{leads}/{lead['id']}/documents/{lead['documents'][0]['id']}", headers=admin)
    assert (await client.post(f"{leads}/{lead['id']}/approve", headers=admin)).status_code == 200
    operator = {"username": f"ana.{tag}", "email": f"ana.{tag}@example.com", "name": "Ana", "roles": ["viewer"]}
    made = _data(await client.post("/cms/rest/operators", json=operator, headers=admin), 201)
    changed = await client.patch(f"/cms/rest/operators/{made['id']}", json={"name": "Ana María"}, headers=admin)
    assert changed.status_code == 200, changed.text
    reset = await client.post(f"/cms/rest/operators/{made['id']}/reset-password", headers=admin)
    assert reset.status_code == 200, reset.text
    role = {"name": f"auditors-{tag}", "description": "Reads the trail", "permissions": ["audit.read"]}
    role_id = _data(await client.post("/cms/rest/roles", json=role, headers=admin), 201)["id"]
    taken = await client.post("/cms/rest/roles", json=role, headers=admin)  # refused: the name it tried is kept
    assert taken.status_code == 409, taken.text
    renamed = await client.patch(f"/cms/rest/roles/{role_id}", json={"name": f"trail-{tag}"}, headers=admin)
    assert renamed.status_code == 200, renamed.text
    partner = f"/cms/rest/app/partners/{tenant.partner_id}"
    assert (await client.patch(partner, json={"name": f"Partner {tag}"}, headers=admin)).status_code == 200
    client_path = f"{partner}/clients/{tenant.client_slug}"
    assert (await client.patch(client_path, json={"displayName": f"Tienda {tag}"}, headers=admin)).status_code == 200
    upload = await client.post(
        f"{partner}/cardholders/batch", files={"file": (f"payroll-{tag}.csv", b"not,a,batch\n")}, headers=admin
    )
    assert upload.status_code == 400, upload.text  # a file refused whole is named too

    assert await _names(client, admin, f"Tostaduría {tag}") == [
        ("downloadLeadDocument", f"Tostaduría {tag}"),
        ("approveLead", f"Tostaduría {tag}"),
    ]
    assert await _names(client, admin, f"ANA.{tag}") == [  # in part, whatever the case
        ("createOperator", f"ana.{tag}"),
        ("updateOperator", f"ana.{tag}"),
        ("sendOperatorPasswordReset", f"ana.{tag}"),
    ]
    # A renamed role: the records before keep the name it had then; the rename carries the new one.
    assert await _names(client, admin, f"auditors-{tag}") == [("createRole", role["name"])] * 2
    assert await _names(client, admin, f"trail-{tag}") == [("updateRole", f"trail-{tag}")]
    assert await _names(client, admin, f"partner {tag}") == [("updatePartner", f"Partner {tag}")]
    assert await _names(client, admin, f"tienda {tag}") == [("updatePartnerClient", f"Tienda {tag}")]
    assert await _names(client, admin, f"payroll-{tag}") == [("uploadCardholderBatch", f"payroll-{tag}.csv")]
    assert len(await _names(client, admin, tag)) == 11  # every one of them by the part their names share
    # The path's ids are searched too, in part: the Payment Link client's slug, the lead's id.
    assert ("updatePartnerClient", f"Tienda {tag}") in await _names(client, admin, tenant.client_slug)
    assert len(await _names(client, admin, lead["id"][:13])) == 2


async def test_a_name_search_never_finds_another_partners_records(client):
    tenant, other = await create_tenant(), await create_tenant()
    tag = secrets.token_hex(3)
    role = {"name": f"shared-{tag}", "description": "Same name, two partners", "permissions": ["audit.read"]}
    mine, theirs = await tenant.operator_headers(client), await other.operator_headers(client)
    assert (await client.post("/cms/rest/roles", json=role, headers=mine)).status_code == 201
    partner = f"/cms/rest/app/partners/{tenant.partner_id}"
    assert (await client.patch(partner, json={"name": f"Mine {tag}"}, headers=mine)).status_code == 200
    # The other partner names this partner's partner in a path: refused, and kept unnamed in its own trail.
    assert (await client.patch(partner, json={"name": f"Theirs {tag}"}, headers=theirs)).status_code == 404
    assert await _names(client, mine, tag) == [("createRole", f"shared-{tag}"), ("updatePartner", f"Mine {tag}")]
    assert await _names(client, theirs, tag) == []
    assert await _names(client, theirs, "updatePartner") == [("updatePartner", None)]
    assert (await client.post("/cms/rest/roles", json=role, headers=theirs)).status_code == 201
    assert await _names(client, theirs, tag) == [("createRole", f"shared-{tag}")]
    assert len(await _names(client, mine, tag)) == 2
