"""The back office's review of merchant leads (issue 15, "Review by an operator on the CMS"): an operator of the
partner lists the leads of its companies, reads them and their documents, approves or rejects them; the
decision moves the lead as the sandbox's approve does, is heard as the same events, and is audited."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

import httpx

from migo.identity import applications, operators
from migo.identity.models import Partner
from migo.merchants import review
from migo.platform.db import database
from migo.platform.secrets import Password
from tests.factories import (
    OPERATOR_PASSWORD,
    PNG_BYTES,
    Tenant,
    bearer,
    create_tenant,
    lead_fields,
    provision_cards,
    submitted_lead,
    upload_document,
)
from tests.leakscan import known_secret


def _error(response: httpx.Response, status: int, code: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    return error  # type: ignore[no-any-return]


def _data(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()["data"]


async def _operator(http: httpx.AsyncClient, tenant: Tenant, *roles: str) -> dict[str, str]:
    """CMS headers of a new operator of the tenant's partner with these roles."""
    username = f"op.{secrets.token_hex(4)}"
    async with database.transaction() as session:
        partner = await session.get(Partner, tenant.partner_id)
        assert partner is not None
        await operators.create_operator(
            session,
            partner,
            username=username,
            password=Password(OPERATOR_PASSWORD),
            display_name="Reviewer",
            roles=list(roles),
        )
    return await tenant.operator_headers(http, username)


async def _second_company(http: httpx.AsyncClient, tenant: Tenant) -> dict[str, str]:
    """Gateway headers of another company of the same partner."""
    async with database.transaction() as session:
        partner = await session.get(Partner, tenant.partner_id)
        assert partner is not None
        company = await applications.create_company(session, partner, f"Sister {secrets.token_hex(3)}")
        app = await applications.create_application(session, kind="gateway", name="wallet", company=company)
    known_secret("client secret", app.client_secret)
    answer = await http.post(
        "/rest/auth/token",
        json={"clientId": app.application.client_id, "clientSecret": app.client_secret.reveal()},
    )
    token = _data(answer)["accessToken"]
    known_secret("access token", token)
    return bearer(token)


async def _events(http: httpx.AsyncClient, app: dict[str, str], lead_id: str) -> list[tuple[str, dict[str, Any]]]:
    listed = _data(await http.get("/rest/events", params={"subjectId": lead_id, "limit": 100}, headers=app))
    return [(event["eventType"], event["data"]) for event in reversed(listed["items"])]


async def _trail(tenant: Tenant, lead_id: str) -> list[Any]:
    async with database.transaction() as session:
        return await review.reviews_of(session, tenant.partner_id, uuid.UUID(lead_id))


async def test_a_reviewer_reads_the_queue_and_approves_a_lead(client):
    tenant = await create_tenant()
    await provision_cards(tenant, count=1)  # the program currency prices the business the lead becomes
    app = bearer(await tenant.app_token(client))
    cms = await _operator(client, tenant, "compliance")
    await client.post("/rest/leads", json=lead_fields(businessName="Tienda Nueva"), headers=app)
    lead = await submitted_lead(client, app)

    queue = _data(await client.get("/cms/rest/leads", params={"status": "IN_REVIEW"}, headers=cms))
    assert queue["meta"]["totalItems"] == 1 and queue["items"][0] == lead  # the Gateway's very shape
    everything = _data(await client.get("/cms/rest/leads", params={"sortOrder": "ASC"}, headers=cms))
    assert [item["businessName"] for item in everything["items"]] == ["Tienda Nueva", "Café La Antigua"]
    searched = _data(await client.get("/cms/rest/leads", params={"searchText": "nueva"}, headers=cms))
    assert [item["businessName"] for item in searched["items"]] == ["Tienda Nueva"]
    assert _data(await client.get(f"/cms/rest/leads/{lead['id']}", headers=cms)) == lead
    for document in lead["documents"]:
        path = f"/leads/{lead['id']}/documents/{document['id']}"
        downloaded = await client.get(f"/cms/rest{path}", headers=cms)
        assert downloaded.status_code == 200
        assert downloaded.content == (await client.get(f"/rest{path}", headers=app)).content
        assert downloaded.headers["content-type"] == document["contentType"]

    approved = _data(await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=cms))
    assert approved["status"] == "APPROVED" and {d["status"] for d in approved["documents"]} == {"ACCEPTED"}
    assert _data(await client.get(f"/rest/leads/{lead['id']}", headers=app)) == approved
    assert (await client.post(f"/rest/leads/{lead['id']}/promote", headers=app)).status_code == 201
    assert await _events(client, app, lead["id"]) == [
        ("lead.created", {"leadId": lead["id"], "status": "NEW"}),
        ("lead.submitted", {"leadId": lead["id"], "status": "IN_REVIEW"}),
        ("lead.approved", {"leadId": lead["id"], "status": "APPROVED"}),
    ]


async def test_the_cms_approval_is_heard_as_the_sandboxs(client):
    tenant = await create_tenant()
    app = bearer(await tenant.app_token(client))
    cms = await _operator(client, tenant, "compliance")
    by_sandbox, by_cms = await submitted_lead(client, app), await submitted_lead(client, app)
    assert (await client.post(f"/rest/sandbox/leads/{by_sandbox['id']}/approve", headers=app)).status_code == 200
    assert (await client.post(f"/cms/rest/leads/{by_cms['id']}/approve", headers=cms)).status_code == 200
    sandbox_heard = [(kind, {**data, "leadId": "…"}) for kind, data in await _events(client, app, by_sandbox["id"])]
    cms_heard = [(kind, {**data, "leadId": "…"}) for kind, data in await _events(client, app, by_cms["id"])]
    assert sandbox_heard == cms_heard


async def test_a_rejected_document_falls_due_until_the_merchant_sends_another(client):
    tenant = await create_tenant()
    app = bearer(await tenant.app_token(client))
    cms = await _operator(client, tenant, "compliance")
    lead = await submitted_lead(client, app)
    bank_proof = next(d for d in lead["documents"] if d["type"] == "BANK_PROOF")

    reasons = [{"documentId": bank_proof["id"], "reason": "The statement is older than three months."}]
    rejected = _data(await client.post(f"/cms/rest/leads/{lead['id']}/reject", json={"reasons": reasons}, headers=cms))
    assert rejected["status"] == "DOCUMENTS_PENDING" and rejected["requirements"] == ["documents.BANK_PROOF"]
    refused = next(d for d in rejected["documents"] if d["id"] == bank_proof["id"])
    assert refused["status"] == "REJECTED" and refused["rejectionReason"] == reasons[0]["reason"]
    assert _data(await client.get(f"/rest/leads/{lead['id']}", headers=app)) == rejected
    _error(await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=cms), 409, 7405)

    assert (await upload_document(client, app, lead["id"], "BANK_PROOF", PNG_BYTES)).status_code == 201
    assert _data(await client.post(f"/rest/leads/{lead['id']}/submit", headers=app))["status"] == "IN_REVIEW"
    approved = _data(await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=cms))
    assert approved["status"] == "APPROVED" and approved["requirements"] == []
    statuses = sorted((d["type"], d["status"]) for d in approved["documents"] if d["type"] == "BANK_PROOF")
    assert statuses == [("BANK_PROOF", "ACCEPTED"), ("BANK_PROOF", "REJECTED")]
    heard = await _events(client, app, lead["id"])
    assert (
        "lead.rejected",
        {"leadId": lead["id"], "status": "DOCUMENTS_PENDING", "rejectedDocuments": [bank_proof["id"]]},
    ) in heard
    assert [kind for kind, _ in heard] == [
        "lead.created",
        "lead.submitted",
        "lead.rejected",
        "lead.submitted",
        "lead.approved",
    ]


async def test_a_lead_refused_outright_is_final(client):
    tenant = await create_tenant()
    app = bearer(await tenant.app_token(client))
    cms = await _operator(client, tenant, "compliance")
    lead = await submitted_lead(client, app)
    body = {"reasons": [], "reason": "The business is on a sanctions list."}
    refused = _data(await client.post(f"/cms/rest/leads/{lead['id']}/reject", json=body, headers=cms))
    assert refused["status"] == "REJECTED" and {d["status"] for d in refused["documents"]} == {"PENDING"}
    _error(await client.post(f"/rest/leads/{lead['id']}/submit", headers=app), 409, 7405)
    _error(await client.post(f"/cms/rest/leads/{lead['id']}/reject", json=body, headers=cms), 409, 7405)
    _error(await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=cms), 409, 7405)


async def test_only_a_lead_in_review_is_decided(client):
    tenant = await create_tenant()
    app = bearer(await tenant.app_token(client))
    cms = await _operator(client, tenant, "compliance")
    fresh = _data(await client.post("/rest/leads", json=lead_fields(), headers=app), 201)
    _error(await client.post(f"/cms/rest/leads/{fresh['id']}/approve", headers=cms), 409, 7405)
    _error(await client.post(f"/cms/rest/leads/{fresh['id']}/reject", json={"reasons": []}, headers=cms), 409, 7405)
    lead = await submitted_lead(client, app)
    assert (await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=cms)).status_code == 200
    _error(await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=cms), 409, 7405)
    assert await _trail(tenant, fresh["id"]) == []  # a refused decision leaves no trace but the 409
    assert [row.decision for row in await _trail(tenant, lead["id"])] == ["APPROVE"]


async def test_every_decision_is_audited(client):
    tenant = await create_tenant()
    app = bearer(await tenant.app_token(client))
    cms = await _operator(client, tenant, "compliance")
    operator_id = _data(await client.get("/cms/rest/me", headers=cms))["operatorId"]
    lead = await submitted_lead(client, app)
    id_back = next(d for d in lead["documents"] if d["type"] == "ID_BACK")
    reasons = [{"documentId": id_back["id"], "reason": "Blurred."}]
    await client.post(f"/cms/rest/leads/{lead['id']}/reject", json={"reasons": reasons}, headers=cms)
    await upload_document(client, app, lead["id"], "ID_BACK")
    await client.post(f"/rest/leads/{lead['id']}/submit", headers=app)
    await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=cms)

    trail = await _trail(tenant, lead["id"])
    assert [
        (row.decision, row.from_status, row.to_status, row.actor_kind, row.actor_id, row.channel) for row in trail
    ] == [
        ("REJECT", "IN_REVIEW", "DOCUMENTS_PENDING", "operator", operator_id, "cms"),
        ("APPROVE", "IN_REVIEW", "APPROVED", "operator", operator_id, "cms"),
    ]
    assert trail[0].rejected_documents == [{"documentId": id_back["id"], "reason": "Blurred."}]
    assert trail[1].rejected_documents == [] and trail[0].created_at <= trail[1].created_at
    assert {row.company_id for row in trail} == {tenant.company_id}


async def test_reading_and_deciding_take_their_permissions(client):
    tenant = await create_tenant()
    app = bearer(await tenant.app_token(client))
    lead = await submitted_lead(client, app)
    document_id = lead["documents"][0]["id"]
    viewer = await _operator(client, tenant, "viewer")
    nobody = await _operator(client, tenant)

    assert _data(await client.get(f"/cms/rest/leads/{lead['id']}", headers=viewer))["id"] == lead["id"]
    refused = await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=viewer)
    assert _error(refused, 403, 7801)["detail"] == "This action needs the `merchants.review` permission."
    refused = await client.post(f"/cms/rest/leads/{lead['id']}/reject", json={"reasons": []}, headers=viewer)
    assert _error(refused, 403, 7801)["detail"] == "This action needs the `merchants.review` permission."
    for path in (
        "/cms/rest/leads",
        f"/cms/rest/leads/{lead['id']}",
        f"/cms/rest/leads/{lead['id']}/documents/{document_id}",
    ):
        assert _error(await client.get(path, headers=nobody), 403, 7801)["detail"].endswith(
            "`merchants.read` permission."
        )
    assert _data(await client.get(f"/rest/leads/{lead['id']}", headers=app))["status"] == "IN_REVIEW"

    admin = await tenant.operator_headers(client)  # create_tenant's operator: admin holds every permission
    assert (await client.post(f"/cms/rest/leads/{lead['id']}/approve", headers=admin)).status_code == 200
    permissions = _data(await client.get("/cms/rest/permissions", headers=admin))
    assert {"merchants.read", "merchants.review"} <= {permission["code"] for permission in permissions}


async def test_an_operator_sees_every_company_of_its_partner_and_no_other(client):
    tenant = await create_tenant()
    app = bearer(await tenant.app_token(client))
    sister = await _second_company(client, tenant)
    cms = await _operator(client, tenant, "compliance")
    ours = await submitted_lead(client, app, businessName="Panadería Uno")
    sisters = await submitted_lead(client, sister, businessName="Panadería Dos")

    listed = _data(
        await client.get("/cms/rest/leads", params={"sortBy": "businessName", "sortOrder": "ASC"}, headers=cms)
    )
    assert listed["items"] == [sisters, ours]  # each with its own documents, whichever company it is of
    assert (await client.post(f"/cms/rest/leads/{sisters['id']}/approve", headers=cms)).status_code == 200
    assert _data(await client.get(f"/rest/leads/{sisters['id']}", headers=sister))["status"] == "APPROVED"

    stranger = await create_tenant()
    theirs = await stranger.operator_headers(client)
    document_id = ours["documents"][0]["id"]
    _error(await client.get(f"/cms/rest/leads/{ours['id']}", headers=theirs), 404, 7400)
    _error(await client.get(f"/cms/rest/leads/{ours['id']}/documents/{document_id}", headers=theirs), 404, 7400)
    _error(await client.post(f"/cms/rest/leads/{ours['id']}/approve", headers=theirs), 404, 7400)
    reasons = {"reasons": [{"documentId": document_id, "reason": "Mine now."}]}
    _error(await client.post(f"/cms/rest/leads/{ours['id']}/reject", json=reasons, headers=theirs), 404, 7400)
    assert _data(await client.get("/cms/rest/leads", headers=theirs))["meta"]["totalItems"] == 0
    _error(await client.get(f"/cms/rest/leads/{uuid.uuid4()}", headers=cms), 404, 7400)
    unknown_document = await client.get(f"/cms/rest/leads/{ours['id']}/documents/{uuid.uuid4()}", headers=cms)
    _error(unknown_document, 404, 7401)
    assert _data(await client.get(f"/rest/leads/{ours['id']}", headers=app)) == ours


async def test_a_rejection_naming_another_partners_document_changes_nothing(client):
    """`documentId` in the reject body (tests/test_tenant_isolation_fields.py): another partner's document is
    answered as one that exists nowhere, and stays as it was."""
    owner = await create_tenant()
    owner_app = bearer(await owner.app_token(client))
    theirs = await submitted_lead(client, owner_app)
    foreign_document = theirs["documents"][0]["id"]

    tenant = await create_tenant()
    app = bearer(await tenant.app_token(client))
    cms = await _operator(client, tenant, "compliance")
    lead = await submitted_lead(client, app)
    path = f"/cms/rest/leads/{lead['id']}/reject"
    foreign = await client.post(path, json={"reasons": [{"documentId": foreign_document, "reason": "x"}]}, headers=cms)
    nowhere = await client.post(path, json={"reasons": [{"documentId": str(uuid.uuid4()), "reason": "x"}]}, headers=cms)
    assert _error(foreign, 400, 7411)["name"] == _error(nowhere, 400, 7411)["name"]
    assert _data(await client.get(f"/rest/leads/{theirs['id']}", headers=owner_app)) == theirs
    assert _data(await client.get(f"/rest/leads/{lead['id']}", headers=app))["status"] == "IN_REVIEW"
    own = lead["documents"][0]["id"]
    done = await client.post(path, json={"reasons": [{"documentId": own, "reason": "x"}]}, headers=cms)
    assert _data(done)["status"] == "DOCUMENTS_PENDING"


async def test_a_rejection_is_well_formed(client):
    tenant = await create_tenant()
    app = bearer(await tenant.app_token(client))
    cms = await _operator(client, tenant, "compliance")
    lead = await submitted_lead(client, app)
    document_id = lead["documents"][0]["id"]
    path = f"/cms/rest/leads/{lead['id']}/reject"
    twice = {"reasons": [{"documentId": document_id, "reason": "a"}, {"documentId": document_id, "reason": "b"}]}
    for body in (
        {},
        {"reasons": [{"documentId": document_id}]},
        {"reasons": [{"documentId": document_id, "reason": ""}]},
        twice,
    ):
        _error(await client.post(path, json=body, headers=cms), 400, 7000)
    assert _data(await client.get(f"/rest/leads/{lead['id']}", headers=app))["status"] == "IN_REVIEW"
