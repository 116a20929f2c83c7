"""CSV bulk charges: refused whole when the file is not right, else charged line by line in the worker's
chunks while the progress moves; bad lines reported, never stopping the batch; the same key, the same batch."""

from __future__ import annotations

import uuid

from sqlalchemy import update

from migo.platform import batches
from migo.platform.db import database
from migo.subscriptions import bulk
from tests.books import assert_books_sound
from tests.factories import merchant

from .helpers import CHARGES_DECLINED, billing_tenant, charges_of, create_plan, subscribe

HEADER = "subscriptionId,amount,description,externalId\n"


async def upload(client, tenant, content: bytes, key: str | None = None):
    headers = {**merchant(tenant), **({"Idempotency-Key": key} if key else {})}
    return await client.post(
        "/v1/subscriptions/charges/bulk", files={"file": ("charges.csv", content, "text/csv")}, headers=headers
    )


async def test_a_csv_with_bad_lines_is_charged_in_chunks_while_progress_moves(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant)
    good = await subscribe(client, tenant, plan)
    trialing = await create_plan(client, tenant, trialDays=30)
    declining = await subscribe(client, tenant, trialing, card=CHARGES_DECLINED, user_id="50255550001")
    lines = [f"{good['id']},{n % 50 + 1},Extra {n},ext-{n}" for n in range(250)]
    lines[10] = f"{good['id']},1.5,Half,ext-bad-amount"
    lines[20] = "not-an-id,5,Bad id,ext-bad-id"
    lines[30] = f"{uuid.uuid4()},5,Nobody's,ext-unknown"
    lines[40] = f"{declining['id']},5,Declined,ext-declined"
    lines[50] = f"{good['id']},5"  # a short line
    accepted = await upload(client, tenant, (HEADER + "\n".join(lines) + "\n").encode())
    assert accepted.status_code == 200, accepted.text
    batch_id = accepted.json()["batchId"]
    path = f"/v1/subscriptions/charges/bulk/{batch_id}"
    queued = (await client.get(f"{path}/progress", headers=merchant(tenant))).json()
    assert queued["status"] == "queued" and queued["total"] == 250 and queued["processed"] == 0

    seen: list[dict] = []

    async def poll(processed: int, total: int) -> None:  # an integrator polling while the worker runs
        seen.append((await client.get(f"{path}/progress", headers=merchant(tenant))).json())

    status = await batches.run(
        uuid.UUID(batch_id), bulk.charger(tenant.client_slug, uuid.UUID(batch_id)), on_progress=poll
    )
    assert status == "done"
    # a chunk at a time, each committed and seen by the poll
    assert [(p["status"], p["processed"]) for p in seen] == [("running", 100), ("running", 200), ("running", 250)]
    done = (await client.get(f"{path}/progress", headers=merchant(tenant))).json()
    assert done["status"] == "done" and done["processed"] == 250
    assert done["succeeded"] == 245 and done["failed"] == 5
    assert [(e["line"], e["code"]) for e in done["errors"]] == [
        (12, 5000),
        (22, 5000),
        (32, 5001),
        (42, 7706),
        (52, 5000),
    ]
    results = await client.get(f"{path}/results", headers=merchant(tenant))
    assert results.headers["content-type"].startswith("text/csv")
    rows = results.text.strip().split("\n")
    assert rows[0] == "line,subscriptionId,outcome,transactionUid,errorCode,errorMessage" and len(rows) == 251
    assert rows[1].startswith(f"2,{good['id']},approved,")
    assert len(await charges_of(client, tenant, good["id"])) == 1 + 245
    # a job that died after charging a chunk but before recording it: run again, it charges nothing twice
    async with database.transaction() as session:
        await session.execute(
            update(batches.BatchLine)
            .where(batches.BatchLine.batch_id == uuid.UUID(batch_id), batches.BatchLine.line <= 101)
            .values(status="pending")
        )
        await session.execute(
            update(batches.Batch).where(batches.Batch.id == uuid.UUID(batch_id)).values(status="running")
        )
    assert await batches.run(uuid.UUID(batch_id), bulk.charger(tenant.client_slug, uuid.UUID(batch_id))) == "done"
    assert len(await charges_of(client, tenant, good["id"])) == 1 + 245
    again = (await client.get(f"{path}/results", headers=merchant(tenant))).text.strip().split("\n")
    assert again[1] == rows[1]  # the same transaction, found by the line's charge key
    await assert_books_sound()


async def test_a_bad_file_is_refused_whole(client):
    tenant = await billing_tenant()
    cases = [
        (b"\xff\xfe\x00bad", 7901),
        (b"id,amount\n1,2\n", 7902),
        (HEADER.encode(), 7904),
    ]
    for content, code in cases:
        refused = await upload(client, tenant, content)
        assert refused.json()["ownCode"] == code, refused.text
    missing = await client.post("/v1/subscriptions/charges/bulk", headers=merchant(tenant))
    assert missing.json()["ownCode"] == 7906
    too_big = await upload(client, tenant, HEADER.encode() + b"x" * (bulk.CSV.max_bytes + 1))
    assert too_big.status_code == 413 and too_big.json()["ownCode"] == 7903


async def test_the_same_key_and_file_is_the_same_batch(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant)
    good = await subscribe(client, tenant, plan)
    content = (HEADER + f"{good['id']},5,One,ext-1\n").encode()
    first = await upload(client, tenant, content, key="batch-1")
    again = await upload(client, tenant, content, key="batch-1")
    assert first.json()["batchId"] == again.json()["batchId"]
    other = await upload(client, tenant, content + f"{good['id']},6,Two,ext-2\n".encode(), key="batch-1")
    assert other.status_code == 409
    stranger = await billing_tenant()
    foreign = await client.get(
        f"/v1/subscriptions/charges/bulk/{first.json()['batchId']}/progress", headers=merchant(stranger)
    )
    assert foreign.status_code == 404
