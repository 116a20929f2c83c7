"""Cardholder batches on the CMS (seed 001's path, issue 16): a CSV refused whole when it is not right, else
registered by the worker in committed chunks while the progress moves; bad and duplicate lines reported without
stopping the batch; a run cut short resumes and registers nobody twice; the same key, the same batch; another
partner's batch does not exist."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import event, text, update

from migo.backoffice import cardholder_batches
from migo.backoffice.tasks import start_cardholder_batch
from migo.platform import batches
from migo.platform.db import database
from migo.platform.errors import ApiError
from tests.backoffice.test_audit import _trail
from tests.factories import bearer, create_tenant
from tests.merchants.test_cms_review import _data, _error, _operator

HEADER = "firstName,lastName,email,phone,documentType,documentNumber,birthDate,externalId\n"


def _line(n: int) -> str:
    return f"Ana{n},Pérez,ana.{n}@example.test,+502555{n:05d},DPI,{3000000000000 + n},1990-01-{n % 28 + 1:02d},ext-{n}"


async def _upload(client, tenant, headers, content: bytes, key: str | None = None, **form: str):
    return await client.post(
        f"/cms/rest/app/partners/{tenant.partner_id}/cardholders/batch",
        files={"file": ("cardholders.csv", content, "text/csv")},
        data=form,
        headers={**headers, **({"Idempotency-Key": key} if key else {})},
    )


async def _cardholders(client, tenant, headers, **params) -> list[dict]:
    path = f"/cms/rest/app/partners/{tenant.partner_id}/cardholders"
    return _data(await client.get(path, params={"limit": 100, **params}, headers=headers))["items"]


async def test_a_batch_registers_its_cardholders_in_chunks_while_progress_moves(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    existing = (await _cardholders(client, tenant, admin))[0]
    lines = [_line(n) for n in range(250)]
    lines[10] = "Bad,Email,not-an-email,,DPI,999,1990-01-01,ext-bad-email"
    lines[20] = "Bad,Date,bad.date@example.test,,DPI,998,1990-13-01,ext-bad-date"
    lines[30] = _line(29).replace("ext-29", "ext-again").replace("+50255500029", "+50255599999")  # line 31's email
    lines[40] = f"Taken,Email,{existing['email'].upper()},,DPI,997,,ext-taken"  # an existing cardholder's email
    lines[50] = "Short,Line,short@example.test"
    lines[60] = ",NoFirstName,nofirst@example.test,,,,,ext-nofirst"
    # A line refused for its own fault registers nobody: a later line may have its email.
    lines[90] = "Bad,Again,shared@example.test,,DPI,996,1990-13-01,ext-90"
    lines[100] = "Good,Later,SHARED@example.test,,DPI,995,,ext-100"
    accepted = await _upload(client, tenant, admin, (HEADER + "\n".join(lines) + "\n").encode())
    assert accepted.status_code == 200, accepted.text
    batch_id = _data(accepted)["batchId"]
    path = f"/cms/rest/app/partners/{tenant.partner_id}/cardholders/batch/{batch_id}"
    queued = _data(await client.get(f"{path}/progress", headers=admin))
    assert queued["status"] == "queued" and queued["total"] == 250 and queued["processed"] == 0

    seen: list[dict] = []

    async def poll(processed: int, total: int) -> None:  # an operator polling while the worker runs
        seen.append(_data(await client.get(f"{path}/progress", headers=admin)))

    run = cardholder_batches.register_all(uuid.UUID(batch_id), tenant.company_id, on_progress=poll)
    assert await run == "done"
    assert [(p["status"], p["processed"]) for p in seen] == [("running", 100), ("running", 200), ("running", 250)]
    done = _data(await client.get(f"{path}/progress", headers=admin))
    assert (done["status"], done["processed"], done["succeeded"], done["failed"]) == ("done", 250, 243, 7)
    assert [(e["line"], e["code"]) for e in done["errors"]] == [
        (12, 7910),
        (22, 7910),
        (32, 7911),
        (42, 7912),
        (52, 7910),
        (62, 7910),
        (92, 7910),
    ]
    messages = {e["line"]: e["message"] for e in done["errors"]}
    assert messages[32] == "email: line 31 has the same" and messages[42].startswith("email:")
    assert "birthDate" in messages[22] and "firstName" in messages[62]

    results = await client.get(f"{path}/results", headers=admin)
    assert results.headers["content-type"].startswith("text/csv")
    rows = results.text.strip().split("\n")
    assert rows[0] == "line,externalId,outcome,userId,errorCode,errorMessage" and len(rows) == 251
    first_id = rows[1].split(",")[3]
    assert rows[1].startswith("2,ext-0,created,") and rows[11].startswith("12,ext-bad-email,error,,7910,")
    assert rows[101].startswith("102,ext-100,created,")

    found = await _cardholders(client, tenant, admin, searchText="ext-7")
    assert {item["externalId"] for item in found} == {"ext-7", *(f"ext-{n}" for n in range(70, 80))}
    one = _data(await client.get(f"/cms/rest/app/partners/{tenant.partner_id}/cardholders/{first_id}", headers=admin))
    assert (one["email"], one["documentNumber"], one["externalId"]) == ("ana.0@example.test", "3000000000000", "ext-0")
    assert await _count_cardholders(client, tenant, admin) == 1 + 243

    # A worker killed after registering every line but before recording any chunk (each chunk's outcomes and
    # counters are committed together): run again, nobody is registered twice and nothing is counted twice.
    async with database.transaction() as session:
        await session.execute(
            update(batches.BatchLine)
            .where(batches.BatchLine.batch_id == uuid.UUID(batch_id))
            .values(status="pending", outcome=None, reference=None, error_code=None, error_message=None)
        )
        await session.execute(
            update(batches.Batch)
            .where(batches.Batch.id == uuid.UUID(batch_id))
            .values(status="running", processed=0, succeeded=0, failed=0)
        )
    assert await cardholder_batches.register_all(uuid.UUID(batch_id), tenant.company_id) == "done"
    assert await _count_cardholders(client, tenant, admin) == 1 + 243
    again = (await client.get(f"{path}/results", headers=admin)).text.strip().split("\n")
    assert again == rows  # the same cardholders, found by their lines' ids
    assert _data(await client.get(f"{path}/progress", headers=admin)) == done

    # Registered by the company: the cardholder sets a password through the one-time-code flow.
    app = bearer(await tenant.app_token(client))
    registered = _data(await client.get(f"/rest/users/{first_id}", headers=app))
    assert (registered["registrationMode"], registered["passwordSet"]) == ("COMPANY", False)

    kept = await _trail(client, admin, action="uploadCardholderBatch")
    assert [(r["status"], r["outcome"]) for r in kept] == [(200, "success")]


async def test_a_batch_analyzes_the_cardholders_table_as_it_grows_it(client, monkeypatch):
    # Plans are made from the table's statistics, which autovacuum may leave behind (it is off on some servers):
    # the batch refreshes them itself, at 100 lines here (500 in production), then each time the count doubles.
    monkeypatch.setattr(batches, "FIRST_ANALYZE_AFTER", 100)
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    lines = [_line(n).replace("@example.test", "@analyzed.test").replace("ext-", "analyzed-") for n in range(250)]
    accepted = await _upload(client, tenant, admin, (HEADER + "\n".join(lines) + "\n").encode())
    batch_id = _data(accepted)["batchId"]
    counted_at: list[int] = []
    analyzed_after_chunks: list[int] = []

    async def count(processed: int, total: int) -> None:
        async with database.transaction() as session:
            counted_at.append(await session.scalar(text("SELECT count(*) FROM users")))

    def seen(connection, cursor, statement, *args) -> None:
        if statement.startswith("ANALYZE"):
            analyzed_after_chunks.append(len(counted_at) + 1)

    event.listen(database.engine.sync_engine, "before_cursor_execute", seen)
    try:
        run = cardholder_batches.register_all(uuid.UUID(batch_id), tenant.company_id, on_progress=count)
        assert await run == "done"
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", seen)
    assert analyzed_after_chunks == [1, 2]  # at 100 and 200 lines, not at 250
    async with database.transaction() as session:
        estimated = await session.scalar(text("SELECT reltuples FROM pg_class WHERE relname = 'users'"))
    assert estimated >= counted_at[1]  # the planner knows the rows the batch added (autovacuum may be off)


async def _count_cardholders(client, tenant, headers) -> int:
    path = f"/cms/rest/app/partners/{tenant.partner_id}/cardholders"
    return _data(await client.get(path, params={"limit": 1}, headers=headers))["meta"]["totalItems"]


async def test_a_bad_file_is_refused_whole_and_creates_nothing(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    cases = [
        (b"\xff\xfe\x00bad", 7901),
        (b"name,email\nAna,ana@example.test\n", 7902),
        (HEADER.encode(), 7904),
    ]
    for content, code in cases:
        _error(await _upload(client, tenant, admin, content), 400, code)
    missing = await client.post(f"/cms/rest/app/partners/{tenant.partner_id}/cardholders/batch", headers=admin)
    _error(missing, 400, 7906)
    too_big = await _upload(client, tenant, admin, HEADER.encode() + b"x" * (cardholder_batches.CSV.max_bytes + 1))
    _error(too_big, 413, 7903)
    async with database.transaction() as session:
        owned = await session.scalars(
            batches.readable(cardholder_batches.owner(tenant.partner_id), cardholder_batches.CSV)
        )
        assert list(owned) == []


async def test_the_same_key_and_file_is_the_same_batch_and_another_partner_sees_none(client):
    tenant, stranger = await create_tenant(), await create_tenant()
    admin = await tenant.operator_headers(client)
    content = (HEADER + _line(1) + "\n").encode()
    first = _data(await _upload(client, tenant, admin, content, key="batch-1"))
    again = _data(await _upload(client, tenant, admin, content, key="batch-1"))
    assert first["batchId"] == again["batchId"]
    _error(await _upload(client, tenant, admin, content + (_line(2) + "\n").encode(), key="batch-1"), 409, 7007)

    path = f"cardholders/batch/{first['batchId']}/progress"
    theirs = await stranger.operator_headers(client)
    # Under its own partner's path the batch does not exist; under this partner's, the partner does not.
    _error(await client.get(f"/cms/rest/app/partners/{stranger.partner_id}/{path}", headers=theirs), 404, 7005)
    _error(await client.get(f"/cms/rest/app/partners/{tenant.partner_id}/{path}", headers=theirs), 404, 7812)
    _error(await _upload(client, tenant, theirs, content), 404, 7812)
    # The company named must be one of the partner's.
    foreign = await _upload(client, tenant, admin, content, companyId=str(stranger.company_id))
    _error(foreign, 404, 7850)


async def test_a_job_queued_with_the_upload_registers_the_batch(client):
    """The upload queues the worker's job in its own transaction: the job exists exactly when the batch does."""
    tenant = await create_tenant()
    async with database.transaction() as session:
        batch = await start_cardholder_batch(
            session, tenant.partner_id, None, (HEADER + _line(3) + "\n").encode(), "job-key"
        )
    async with database.transaction() as session:
        jobs = await session.execute(
            text("SELECT task_name, args FROM procrastinate_jobs WHERE lock = :lock"),
            {"lock": f"batch:{batch.id}"},
        )
        [(task, args)] = jobs.all()
    assert task == "backoffice.cardholder_batch"
    assert args == {"batch_id": str(batch.id), "company_id": str(tenant.company_id)}


async def test_support_cannot_upload_a_batch(client):
    tenant = await create_tenant()
    support = await _operator(client, tenant, "support")
    _error(await _upload(client, tenant, support, (HEADER + _line(4) + "\n").encode()), 403, 7801)


async def test_line_numbers_are_the_files_own_and_results_are_safe_in_a_spreadsheet(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    content = HEADER + _line(1) + "\n\n" + "Bad,Line,not-an-email,,,,,=HYPERLINK(1)\n"  # line 3 is blank
    batch_id = _data(await _upload(client, tenant, admin, content.encode()))["batchId"]
    await cardholder_batches.register_all(uuid.UUID(batch_id), tenant.company_id)
    path = f"/cms/rest/app/partners/{tenant.partner_id}/cardholders/batch/{batch_id}"
    done = _data(await client.get(f"{path}/progress", headers=admin))
    assert [(e["line"], e["code"]) for e in done["errors"]] == [(4, 7910)]
    rows = (await client.get(f"{path}/results", headers=admin)).text.strip().split("\n")
    assert rows[2].startswith("4,'=HYPERLINK(1),error,")  # a formula is text when the results are opened


async def test_the_same_key_sent_twice_at_once_makes_one_batch(client):
    tenant = await create_tenant()
    content = (HEADER + _line(8) + "\n").encode()
    async with database.transaction() as first:
        made, new = await cardholder_batches.accept(first, tenant.partner_id, tenant.company_id, content, "twice")
        # The second upload waits on the first's row, and finds its batch once it is committed.
        second = asyncio.create_task(_accept_alone(tenant, content, "twice"))
        await asyncio.sleep(0.3)
        assert not second.done()
    again, again_new = await second
    assert new and not again_new and again.id == made.id
    # The same key and file for another company is another request: 409, nothing made.
    with pytest.raises(ApiError) as refused:
        async with database.transaction() as session:
            await cardholder_batches.accept(session, tenant.partner_id, uuid.uuid4(), content, "twice")
    assert refused.value.error.code == 7007


async def _accept_alone(tenant, content: bytes, key: str):
    async with database.transaction() as session:
        return await cardholder_batches.accept(session, tenant.partner_id, tenant.company_id, content, key)
