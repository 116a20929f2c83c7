"""Card stock on the CMS: an operator prints inactive cards into a company's stock (one stock batch, as `migo cards
print` makes it), lists the partner's batches, and downloads a batch's embossing file: the one answer with full
card numbers, those of exactly the batch's cards, kept in the audit trail without them. Another partner's company
or batch does not exist."""

from __future__ import annotations

import csv
import io
import json
import secrets
import uuid

import httpx

from migo.cards import programs
from migo.cards.tasks import print_stock
from migo.identity import applications
from migo.identity.models import Partner
from migo.platform import pan
from migo.platform.db import database
from tests.backoffice.test_audit import _trail
from tests.factories import Tenant, bearer, create_tenant, provision_cards
from tests.leakscan import known_secret
from tests.merchants.test_cms_review import _data, _error, _operator
from tests.traced import untraced


def _stock(tenant: Tenant) -> str:
    return f"/cms/rest/app/partners/{tenant.partner_id}/card-stock"


def _embossing_rows(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["cache-control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    for row in rows:
        known_secret("PAN (embossing file)", row["number"])  # the leak scan looks for them in every log line
    return rows


async def test_stock_is_printed_listed_and_its_embossing_file_holds_exactly_its_cards(client):
    tenant = await create_tenant()
    earlier = await provision_cards(tenant, count=1)  # the program, and a print run of the platform's own
    admin = await tenant.operator_headers(client)
    me = _data(await client.get("/cms/rest/me", headers=admin))["operatorId"]

    answer = await client.post(_stock(tenant), json={"count": 3, "embossedName": "Ana Perez"}, headers=admin)
    batch = _data(answer, 201)
    assert (batch["companyId"], batch["count"], batch["embossedName"]) == (str(tenant.company_id), 3, "ANA PEREZ")
    assert (batch["channel"], batch["printedBy"], batch["status"], batch["printed"]) == ("cms", me, "queued", 0)
    # Queued: the worker prints it; the embossing file waits for the whole run.
    early = await client.get(f"{_stock(tenant)}/{batch['batchId']}/embossing-file", headers=admin)
    _error(early, 409, 7853)
    await print_stock(batch["batchId"])
    progress = _data(await client.get(f"{_stock(tenant)}/{batch['batchId']}/progress", headers=admin))
    assert (progress["status"], progress["total"], progress["processed"], progress["failed"]) == ("done", 3, 3, 0)
    listed = _data(await client.get(_stock(tenant), headers=admin))
    assert listed["items"][0]["batchId"] == batch["batchId"]  # newest first
    assert [(item["channel"], item["count"]) for item in listed["items"]] == [("cms", 3), ("system", 1)]

    file = await client.get(f"{_stock(tenant)}/{batch['batchId']}/embossing-file", headers=admin)
    rows = _embossing_rows(file)
    assert file.text.splitlines()[0] == "cardId,number,expiry,name"
    assert len(rows) == 3 and len({row["number"] for row in rows}) == 3
    assert earlier.numbers[0] not in file.text  # another batch's card
    for row in rows:
        assert pan.is_valid(row["number"]) and row["number"].startswith("489551") and row["name"] == "ANA PEREZ"
    # The numbers are the plastics' own: a cardholder activates one with its number and embossed name.
    app = bearer(await tenant.app_token(client))
    first = rows[0]
    body = {"userId": str(tenant.user_id), "cardNumber": first["number"], "cardholderName": first["name"]}
    assert _data(await client.post("/rest/cards/activate", json=body, headers=app))["cardId"] == first["cardId"]
    # Still the batch's file, whatever became of its cards since.
    again = _embossing_rows(await client.get(f"{_stock(tenant)}/{batch['batchId']}/embossing-file", headers=admin))
    assert again == rows

    kept = await _trail(client, admin, resourceId=batch["batchId"], sortOrder="ASC")
    assert [(r["action"], r["status"], r["changes"]) for r in kept] == [
        ("downloadEmbossingFile", 409, None),
        ("downloadEmbossingFile", 200, None),
        ("downloadEmbossingFile", 200, None),
    ]
    [printed] = await _trail(client, admin, action="printCardStock")
    assert printed["changes"] == {
        "batchId": {"before": None, "after": batch["batchId"]},
        "count": {"before": None, "after": 3},
    }
    everything = json.dumps(await _trail(client, admin, limit=100))
    responses = json.dumps([batch, listed])
    for row in rows:
        assert row["number"] not in everything and row["number"] not in responses


async def test_an_idempotent_print_prints_once(client):
    tenant = await create_tenant()
    await provision_cards(tenant, count=1)
    admin = await tenant.operator_headers(client)
    headers = {**admin, "Idempotency-Key": secrets.token_hex(12)}
    first = await client.post(_stock(tenant), json={"count": 2}, headers=headers)
    again = await client.post(_stock(tenant), json={"count": 2}, headers=headers)
    assert _data(again, 201) == _data(first, 201) and again.headers["Idempotent-Replayed"] == "true"
    assert _data(await client.get(_stock(tenant), headers=admin))["meta"]["totalItems"] == 2  # with the factory's


async def test_printing_and_the_embossing_file_need_their_permissions(client):
    tenant = await create_tenant()
    await provision_cards(tenant, count=1)
    admin = await tenant.operator_headers(client)
    role = {"name": "stock", "description": "Prints stock", "permissions": ["cards.manage", "cards.read"]}
    _data(await client.post("/cms/rest/roles", json=role, headers=admin), 201)
    printer = await _operator(client, tenant, "stock")
    batch = _data(await client.post(_stock(tenant), json={"count": 1}, headers=printer), 201)
    await print_stock(batch["batchId"])
    file = f"{_stock(tenant)}/{batch['batchId']}/embossing-file"
    _error(await client.get(file, headers=printer), 403, 7801)  # admin only: full card numbers
    support = await _operator(client, tenant, "support")
    _error(await client.post(_stock(tenant), json={"count": 1}, headers=support), 403, 7801)
    _error(await client.get(file, headers=support), 403, 7801)


async def test_bad_requests_print_nothing(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    _error(await client.post(_stock(tenant), json={"count": 1}, headers=admin), 409, 7221)  # no program yet
    await provision_cards(tenant, count=1)
    for body in ({"count": 0}, {"count": 10_001}, {"count": 1, "embossedName": "=HYPERLINK(1)"}):
        _error(await client.post(_stock(tenant), json=body, headers=admin), 400, 7000)
    async with database.transaction() as session:
        partner = await session.get(Partner, tenant.partner_id)
        assert partner is not None
        second = await applications.create_company(session, partner, "Second company")
    _error(await client.post(_stock(tenant), json={"count": 1}, headers=admin), 400, 7851)  # which company?
    _error(await client.post(_stock(tenant), json={"count": 1, "companyId": str(second.id)}, headers=admin), 409, 7221)
    assert _data(await client.get(_stock(tenant), headers=admin))["meta"]["totalItems"] == 1  # the factory's


async def test_another_partners_company_and_batch_do_not_exist(client):
    tenant, other = await create_tenant(), await create_tenant()
    await provision_cards(tenant, count=1)
    await provision_cards(other, count=1)
    admin = await tenant.operator_headers(client)
    batch = _data(await client.post(_stock(tenant), json={"count": 1}, headers=admin), 201)
    theirs = await other.operator_headers(client)

    own = _stock(other)
    _error(await client.get(f"{own}/{batch['batchId']}/embossing-file", headers=theirs), 404, 7852)
    _error(await client.get(f"{own}/{uuid.uuid4()}/embossing-file", headers=theirs), 404, 7852)
    _error(await client.get(f"{_stock(tenant)}/{batch['batchId']}/embossing-file", headers=theirs), 404, 7812)
    _error(await client.get(_stock(tenant), headers=theirs), 404, 7812)
    _error(await client.post(_stock(tenant), json={"count": 1}, headers=theirs), 404, 7812)
    # Another partner's company in the body is answered as one that exists nowhere, and prints nothing.
    named = await client.post(own, json={"count": 1, "companyId": str(tenant.company_id)}, headers=theirs)
    nowhere = await client.post(own, json={"count": 1, "companyId": str(uuid.uuid4())}, headers=theirs)
    assert untraced(_error(named, 404, 7850)) == untraced(_error(nowhere, 404, 7850))
    assert _data(await client.get(_stock(tenant), headers=admin))["meta"]["totalItems"] == 2  # the factory's, ours
    theirs_listed = _data(await client.get(own, headers=theirs))["items"]
    assert [item["companyId"] for item in theirs_listed] == [str(other.company_id)]
    # Their own company, named, prints for them.
    mine = _data(await client.post(own, json={"count": 1, "companyId": str(other.company_id)}, headers=theirs), 201)
    assert mine["companyId"] == str(other.company_id)


async def test_a_run_is_printed_a_committed_chunk_at_a_time_and_a_run_cut_short_resumes(client, monkeypatch):
    tenant = await create_tenant()
    await provision_cards(tenant, count=1)
    admin = await tenant.operator_headers(client)
    monkeypatch.setattr(programs, "STOCK_CHUNK", 2)
    batch = _data(await client.post(_stock(tenant), json={"count": 5}, headers=admin), 201)
    progress = f"{_stock(tenant)}/{batch['batchId']}/progress"
    seen = [_data(await client.get(progress, headers=admin))]
    # A worker printing two chunks, then killed: what it committed stays, and is seen while it runs.
    for _ in range(2):
        await programs.print_next_chunk(uuid.UUID(batch["batchId"]))
        seen.append(_data(await client.get(progress, headers=admin)))
    assert [(p["status"], p["processed"]) for p in seen] == [("queued", 0), ("running", 2), ("running", 4)]
    _error(await client.get(f"{_stock(tenant)}/{batch['batchId']}/embossing-file", headers=admin), 409, 7853)
    # The job run again prints what is left, and no card twice.
    await print_stock(batch["batchId"])
    await print_stock(batch["batchId"])  # a second runner finds nothing left
    assert _data(await client.get(progress, headers=admin))["processed"] == 5
    rows = _embossing_rows(await client.get(f"{_stock(tenant)}/{batch['batchId']}/embossing-file", headers=admin))
    assert len(rows) == 5 and len({row["number"] for row in rows}) == 5
    listed = _data(await client.get(_stock(tenant), headers=admin))["items"][0]
    assert (listed["status"], listed["printed"]) == ("done", 5)
