"""Merchant onboarding (issue 15): a lead collects its requirements, goes to review, is approved and becomes a
business, once; documents are what their bytes say."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import uuid

import httpx

from migo.app import create_app
from migo.merchants import leads
from migo.platform.db import database
from migo.platform.settings import Settings
from migo.platform.storage import get_storage
from tests.factories import (
    PDF_BYTES,
    PNG_BYTES,
    REQUIRED_DOCUMENTS,
    bearer,
    create_tenant,
    lead_fields,
    provision_cards,
    submitted_lead,
    upload_document,
)

ALL_DUE = [f"documents.{kind}" for kind in REQUIRED_DOCUMENTS] + ["bankAccount"]


async def _app_headers(client: httpx.AsyncClient) -> tuple[object, dict[str, str]]:
    tenant = await create_tenant()
    return tenant, bearer(await tenant.app_token(client))


def _error(response: httpx.Response, status: int, code: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    return error  # type: ignore[no-any-return]


async def test_a_lead_collects_its_requirements_until_it_can_be_submitted(client):
    _, app = await _app_headers(client)
    created = await client.post("/rest/leads", json=lead_fields(bankAccount=None), headers=app)
    assert created.status_code == 201, created.text
    lead = created.json()["data"]
    assert lead["status"] == "NEW" and lead["requirements"] == ALL_DUE
    assert lead["businessName"] == "Café La Antigua" and lead["contact"]["name"] == "Lucía Morales"
    assert lead["bankAccount"] is None

    refused = await client.post(f"/rest/leads/{lead['id']}/submit", headers=app)
    assert "documents.ID_FRONT" in _error(refused, 409, 7404)["detail"]

    uploaded = await upload_document(client, app, lead["id"], "ID_FRONT", PNG_BYTES)
    assert uploaded.status_code == 201, uploaded.text
    document = uploaded.json()["data"]
    assert document["type"] == "ID_FRONT" and document["status"] == "PENDING"
    assert document["sha256"] == hashlib.sha256(PNG_BYTES).hexdigest() and len(document["sha256"]) == 64
    assert document["size"] == len(PNG_BYTES) and document["contentType"] == "image/png"
    lead = (await client.get(f"/rest/leads/{lead['id']}", headers=app)).json()["data"]
    assert lead["status"] == "DOCUMENTS_PENDING" and lead["requirements"] == ALL_DUE[1:]

    patched = await client.patch(
        f"/rest/leads/{lead['id']}",
        json={"bankAccount": {"bankName": "BAC", "accountNumber": "900011112222", "holder": "La Antigua SA"}},
        headers=app,
    )
    assert patched.status_code == 200, patched.text
    lead = patched.json()["data"]
    assert lead["bankAccount"] == {"bankName": "BAC", "accountNumberLast4": "2222", "holder": "La Antigua SA"}
    assert "900011112222" not in patched.text
    assert lead["requirements"] == ALL_DUE[1:-1]

    for kind in REQUIRED_DOCUMENTS[1:]:
        assert (await upload_document(client, app, lead["id"], kind)).status_code == 201
    submitted = await client.post(f"/rest/leads/{lead['id']}/submit", headers=app)
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["data"]["status"] == "IN_REVIEW" and submitted.json()["data"]["requirements"] == []


async def test_the_bank_account_number_is_stored_sealed(client):
    tenant, app = await _app_headers(client)
    lead = (await client.post("/rest/leads", json=lead_fields(), headers=app)).json()["data"]
    async with database.transaction() as session:
        stored = await leads.find_lead(session, tenant.company_id, uuid.UUID(lead["id"]))
        assert b"0012345678901234" not in (stored.bank_account_ciphertext or b"")
        assert stored.bank_account_ciphertext is not None
        assert leads.open_account(stored.bank_account_ciphertext, stored.id).reveal() == "0012345678901234"


async def test_a_document_is_what_its_bytes_say(client):
    _, app = await _app_headers(client)
    lead_id = (await client.post("/rest/leads", json=lead_fields(), headers=app)).json()["data"]["id"]
    executable = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64  # a Windows executable, named doc.pdf
    _error(await upload_document(client, app, lead_id, "ID_FRONT", executable), 415, 7408)
    _error(await upload_document(client, app, lead_id, "ID_FRONT", b"just some text, honest\n"), 415, 7408)
    _error(await upload_document(client, app, lead_id, "ID_FRONT", b""), 415, 7408)
    oversized = PDF_BYTES + b"\x00" * (10 * 1024 * 1024)
    _error(await upload_document(client, app, lead_id, "ID_FRONT", oversized), 413, 7409)
    _error(await client.post(f"/rest/leads/{lead_id}/documents", data={"type": "ID_FRONT"}, headers=app), 400, 7410)
    unknown_type = await upload_document(client, app, lead_id, "SELFIE")
    assert unknown_type.status_code == 400 and "error" in unknown_type.json()
    lead = (await client.get(f"/rest/leads/{lead_id}", headers=app)).json()["data"]
    assert lead["status"] == "NEW" and lead["documents"] == []


async def test_a_document_downloads_as_uploaded(client):
    _, app = await _app_headers(client)
    lead_id = (await client.post("/rest/leads", json=lead_fields(), headers=app)).json()["data"]["id"]
    jpeg = b"\xff\xd8\xff\xe0" + secrets.token_bytes(2048)
    document = (await upload_document(client, app, lead_id, "ADDRESS_PROOF", jpeg)).json()["data"]
    downloaded = await client.get(f"/rest/leads/{lead_id}/documents/{document['id']}", headers=app)
    assert downloaded.status_code == 200
    assert downloaded.content == jpeg and downloaded.headers["content-type"] == "image/jpeg"
    # what the store holds is sealed: a copy of the files alone reveals no identity paper
    stored = await get_storage().get(f"leads/{lead_id}/{document['id']}")
    assert jpeg not in stored and jpeg[4:64] not in stored and len(stored) == len(jpeg) + 28
    missing = await client.get(f"/rest/leads/{lead_id}/documents/{uuid.uuid4()}", headers=app)
    _error(missing, 404, 7401)


async def test_a_lead_in_review_is_frozen_and_approved_only_from_review(client):
    _, app = await _app_headers(client)
    fresh = (await client.post("/rest/leads", json=lead_fields(), headers=app)).json()["data"]
    _error(await client.post(f"/rest/sandbox/leads/{fresh['id']}/approve", headers=app), 409, 7405)
    _error(await client.post(f"/rest/leads/{fresh['id']}/promote", headers=app), 409, 7406)

    lead = await submitted_lead(client, app)
    _error(await client.patch(f"/rest/leads/{lead['id']}", json={"address": "Elsewhere"}, headers=app), 409, 7403)
    _error(await upload_document(client, app, lead["id"], "ADDRESS_PROOF"), 409, 7403)
    _error(await client.post(f"/rest/leads/{lead['id']}/submit", headers=app), 409, 7405)

    approved = await client.post(f"/rest/sandbox/leads/{lead['id']}/approve", headers=app)
    assert approved.status_code == 200, approved.text
    data = approved.json()["data"]
    assert data["status"] == "APPROVED" and {d["status"] for d in data["documents"]} == {"ACCEPTED"}
    _error(await client.post(f"/rest/sandbox/leads/{lead['id']}/approve", headers=app), 409, 7405)
    _error(await client.patch(f"/rest/leads/{lead['id']}", json={"address": "Elsewhere"}, headers=app), 409, 7403)


async def test_a_rejected_document_falls_due_again(client):
    tenant, app = await _app_headers(client)
    lead = await submitted_lead(client, app)
    bank_proof = next(d for d in lead["documents"] if d["type"] == "BANK_PROOF")
    async with database.transaction() as session:
        await leads.reject_lead(
            session,
            tenant.company_id,
            uuid.UUID(lead["id"]),
            [leads.Rejection(uuid.UUID(bank_proof["id"]), "The statement is older than three months.")],
        )
    lead = (await client.get(f"/rest/leads/{lead['id']}", headers=app)).json()["data"]
    assert lead["status"] == "DOCUMENTS_PENDING" and lead["requirements"] == ["documents.BANK_PROOF"]
    rejected = next(d for d in lead["documents"] if d["id"] == bank_proof["id"])
    assert rejected["status"] == "REJECTED" and rejected["rejectionReason"].startswith("The statement")

    assert (await upload_document(client, app, lead["id"], "BANK_PROOF")).status_code == 201
    assert (await client.post(f"/rest/leads/{lead['id']}/submit", headers=app)).json()["data"]["status"] == "IN_REVIEW"
    async with database.transaction() as session:
        refused = await leads.reject_lead(session, tenant.company_id, uuid.UUID(lead["id"]), [])
        assert refused.status == "REJECTED"
    _error(await client.post(f"/rest/leads/{lead['id']}/submit", headers=app), 409, 7405)
    _error(await client.post(f"/rest/leads/{lead['id']}/promote", headers=app), 409, 7406)


async def test_an_approved_lead_becomes_one_business_however_many_promotes_race(client):
    tenant, app = await _app_headers(client)
    await provision_cards(tenant, count=1)  # the company's card program gives the pricing currency
    lead = await submitted_lead(client, app)
    await client.post(f"/rest/sandbox/leads/{lead['id']}/approve", headers=app)

    answers = await asyncio.gather(*(client.post(f"/rest/leads/{lead['id']}/promote", headers=app) for _ in range(4)))
    assert sorted(answer.status_code for answer in answers) == [201, 409, 409, 409]
    business = next(a for a in answers if a.status_code == 201).json()["data"]
    assert business["leadId"] == lead["id"] and business["name"] == "Café La Antigua"
    assert business["status"] == "ACTIVE"
    assert business["pricing"]["percent"] == "2.9000" and business["pricing"]["fixed"] == "0.3000"
    payout = {"bankName": "Banco Industrial", "accountNumberLast4": "1234", "holder": "La Antigua SA"}
    assert business["payout"] == payout
    for answer in answers:
        if answer.status_code == 409:
            assert business["id"] in _error(answer, 409, 7407)["detail"]
    fetched = await client.get(f"/rest/businesses/{business['id']}", headers=app)
    assert fetched.json()["data"] == business
    listed = (await client.get("/rest/events", params={"limit": 100}, headers=app)).json()["data"]["items"]
    ours = [event for event in reversed(listed) if event["eventType"].startswith(("lead.", "business."))]
    heard = [(event["eventType"], event["subjectId"]) for event in ours]
    assert heard == [
        ("lead.created", lead["id"]),
        ("lead.submitted", lead["id"]),
        ("lead.approved", lead["id"]),
        ("business.created", business["id"]),
    ]


async def test_leads_list_by_status_and_search(client):
    _, app = await _app_headers(client)
    await client.post("/rest/leads", json=lead_fields(businessName="Tienda Don Pepe", taxId="555-1"), headers=app)
    await submitted_lead(client, app, businessName="Farmacia Sol", taxId="777-2")
    listed = (await client.get("/rest/leads", headers=app)).json()["data"]
    assert listed["meta"]["totalItems"] == 2
    in_review = (await client.get("/rest/leads?status=IN_REVIEW", headers=app)).json()["data"]
    assert [lead["businessName"] for lead in in_review["items"]] == ["Farmacia Sol"]
    by_tax_id = (await client.get("/rest/leads?searchText=555", headers=app)).json()["data"]
    assert [lead["businessName"] for lead in by_tax_id["items"]] == ["Tienda Don Pepe"]
    refused = await client.get("/rest/leads?status=PROMOTED", headers=app)
    assert refused.status_code == 400


async def test_another_companys_lead_document_and_business_do_not_exist(client):
    owner, app = await _app_headers(client)
    await provision_cards(owner, count=1)
    lead = await submitted_lead(client, app)
    await client.post(f"/rest/sandbox/leads/{lead['id']}/approve", headers=app)
    business = (await client.post(f"/rest/leads/{lead['id']}/promote", headers=app)).json()["data"]
    document_id = lead["documents"][0]["id"]

    _, other = await _app_headers(client)
    _error(await client.get(f"/rest/leads/{lead['id']}", headers=other), 404, 7400)
    _error(await client.get(f"/rest/leads/{lead['id']}/documents/{document_id}", headers=other), 404, 7400)
    _error(await client.post(f"/rest/leads/{lead['id']}/promote", headers=other), 404, 7400)
    _error(await client.get(f"/rest/businesses/{business['id']}", headers=other), 404, 7402)
    assert (await client.get("/rest/leads", headers=other)).json()["data"]["meta"]["totalItems"] == 0


async def test_sandbox_approval_is_not_served_in_production():
    settings = Settings(environment="production", secret_key=secrets.token_urlsafe(32))
    transport = httpx.ASGITransport(app=create_app(settings), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        answer = await http.post(f"/rest/sandbox/leads/{uuid.uuid4()}/approve")
        assert answer.status_code == 404
