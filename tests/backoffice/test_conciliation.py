"""Conciliation of a processor's settlement file on the CMS: a file with every kind of difference gives an exact
report (matched, amount mismatches, missing on our side, missing on theirs), malformed lines are line errors in
the progress, a bad file is refused whole, the same Idempotency-Key and file is the same batch, a chunk
conciliated again counts nothing twice, and another partner's batch does not exist."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import func, select

from migo.backoffice import conciliation
from migo.backoffice.models import Conciliation, ConciliationLine
from migo.merchants.models import TerminalPayment
from migo.payments.models import PaymentTransaction
from migo.platform import batches
from migo.platform.db import database
from tests.backoffice.test_audit import _trail
from tests.factories import (
    Tenant,
    bearer,
    configure_payment_client,
    create_link,
    create_tenant,
    merchant,
    onboarded_business,
    provision_cards,
    sandbox_pay,
)
from tests.merchants.test_cms_review import _data, _error, _operator
from tests.merchants.test_pos_payments import sale, terminal_auth

HEADER = "processorReference,amount,currency,status,settledAt\n"
DAY = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


async def upload(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    content: bytes,
    *,
    source: str | None = "sandbox",
    key: str | None = None,
) -> httpx.Response:
    return await client.post(
        "/cms/rest/conciliation",
        data={"source": source} if source is not None else {},
        files={"file": ("settlement.csv", content, "text/csv")},
        headers={**headers, **({"Idempotency-Key": key} if key else {})},
    )


async def _link_reference(uid: str) -> str:
    async with database.transaction() as session:
        found = await session.scalar(
            select(PaymentTransaction.processor_reference).where(PaymentTransaction.uid == uid)
        )
    assert found is not None
    return found


async def _terminal_reference(payment_id: str) -> str:
    async with database.transaction() as session:
        found = await session.scalar(
            select(TerminalPayment.processor_reference).where(TerminalPayment.id == uuid.UUID(payment_id))
        )
    assert found is not None
    return found


async def _paid_link(client: httpx.AsyncClient, tenant: Tenant, amount: int) -> str:
    uid = (await create_link(client, tenant, amount=amount))["uid"]
    assert (await sandbox_pay(client, tenant, uid)).json()["outcome"] == "approved"
    return uid


async def test_a_file_with_every_kind_of_difference_gives_an_exact_report(client, frozen_clock):
    frozen_clock.move_to(DAY.replace(day=25))
    tenant = await create_tenant()
    await provision_cards(tenant, count=1)  # a card program: its currency prices the business
    await configure_payment_client(tenant)
    the_day_before = await _paid_link(client, tenant, 80)  # captured outside the file's period: not missing

    frozen_clock.move_to(DAY)
    matched, short, missing, voided = [await _paid_link(client, tenant, amount) for amount in (100, 200, 300, 70)]
    refund = await client.post(f"/transactions/{matched}/refund", json={"amount": 40}, headers=merchant(tenant))
    assert refund.status_code == 200 and refund.json()["status"] == "succeeded", refund.text
    assert (await client.post(f"/transactions/{voided}/reverse", headers=merchant(tenant))).status_code == 200
    app = bearer(await tenant.app_token(client))
    business = await onboarded_business(client, tenant, app)
    branch = await client.post(
        f"/rest/businesses/{business['id']}/branches", json={"name": "Zona 10", "address": "4a Av"}, headers=app
    )
    terminal = _data(
        await client.post(
            f"/rest/branches/{_data(branch, 201)['id']}/terminals",
            json={"serialNumber": "PAX-CONC", "model": "A920"},
            headers=app,
        ),
        201,
    )
    path = f"/rest/terminals/{terminal['id']}/payments"
    tipped = _data(await client.post(path, json=sale(tip="12.50"), headers=terminal_auth(terminal)), 201)
    in_quetzales = _data(await client.post(path, json=sale(amount="30.00"), headers=terminal_auth(terminal)), 201)
    stranger = await create_tenant()
    await configure_payment_client(stranger)
    theirs = await _paid_link(client, stranger, 100)  # another partner's payment: unknown to this one

    ref = {
        name: await _link_reference(uid)
        for name, uid in {"matched": matched, "short": short, "missing": missing, "voided": voided}.items()
    }
    ref["tipped"] = await _terminal_reference(tipped["paymentId"])
    ref["quetzales"] = await _terminal_reference(in_quetzales["paymentId"])
    lines = [
        f"{ref['matched']},100.00,GTQ,settled,2026-11-26T18:00:00Z",  # 2: matched
        f"{ref['matched']},40,GTQ,REFUNDED,2026-11-26",  # 3: matched (its refund)
        f"{ref['short']},150.00,GTQ,settled,2026-11-26T18:00:00Z",  # 4: amount mismatch
        f"{ref['tipped']},112.5,GTQ,settled,2026-11-26T18:00:00-06:00",  # 5: matched (a sale's gross: tip included)
        f"{ref['quetzales']},30.00,USD,settled,2026-11-26T18:00:00Z",  # 6: amount mismatch (the currency)
        f"{ref['voided']},70.00,GTQ,settled,2026-11-26T18:00:00Z",  # 7: amount mismatch (we captured nothing)
        f"{await _link_reference(theirs)},100.00,GTQ,settled,2026-11-26T18:00:00Z",  # 8: not this partner's
        "=HYPERLINK(1),5.00,GTQ,settled,2026-11-26T18:00:00Z",  # 9: not ours at all
        "PSP-10,12.34567,GTQ,settled,2026-11-26T18:00:00Z",  # 10: bad amount
        "PSP-11,10.00,GTQ,pending,2026-11-26T18:00:00Z",  # 11: unknown status
        "PSP-12,10.00,GTQ,refunded,9999-12-31T23:59:59-05:00",  # 12: bad date (its UTC is past the calendar)
        "PSP-13,10.00,gtq,refunded,2026-11-26",  # 13: bad currency
        "PSP-14,10.00,GTQ",  # 14: a short line
        f"{ref['short']},999.00,GTQ,Settled,2026-11-26T18:00:00Z",  # 15: repeats line 4
    ]
    finance = await _operator(client, tenant, "finance")
    accepted = await upload(client, finance, (HEADER + "\n".join(lines) + "\n").encode())
    batch_id = _data(accepted)["batchId"]
    base = f"/cms/rest/conciliation/{batch_id}"
    queued = _data(await client.get(f"{base}/progress", headers=finance))
    assert (queued["status"], queued["total"], queued["processed"]) == ("queued", 14, 0)
    _error(await client.get(f"{base}/report", headers=finance), 409, 7923)

    # A worker that conciliated the first lines and died before its chunk was counted: run again, counted once.
    conciliate_line = await conciliation.conciliator(uuid.UUID(batch_id))
    async with database.transaction() as session:
        first = (
            await session.execute(
                select(batches.BatchLine.line, batches.BatchLine.fields)
                .where(batches.BatchLine.batch_id == uuid.UUID(batch_id))
                .order_by(batches.BatchLine.line)
                .limit(4)
            )
        ).all()
    for number, fields in first:
        await conciliate_line(fields, number)
    await conciliation.conciliate(uuid.UUID(batch_id))
    await conciliation.conciliate(uuid.UUID(batch_id))  # the job run twice: nothing changes

    done = _data(await client.get(f"{base}/progress", headers=finance))
    assert (done["status"], done["processed"], done["succeeded"], done["failed"]) == ("done", 14, 8, 6)
    assert [(error["line"], error["code"]) for error in done["errors"]] == [
        (10, 7921),
        (11, 7921),
        (12, 7921),
        (13, 7921),
        (14, 7921),
        (15, 7922),
    ]
    assert "at most 4 decimals" in done["errors"][0]["message"] and "line 4" in done["errors"][5]["message"]
    async with database.transaction() as session:
        kept = await session.scalar(
            select(func.count()).select_from(ConciliationLine).where(ConciliationLine.batch_id == uuid.UUID(batch_id))
        )
    assert kept == 8

    report = _data(await client.get(f"{base}/report", headers=finance))
    assert report == {
        "batchId": batch_id,
        "source": "sandbox",
        "settledFrom": "2026-11-26",
        "settledTo": "2026-11-27",  # 18:00 at UTC-6 is the next day in UTC
        "matched": 3,
        "amountMismatch": [
            {
                "line": 4,
                "processorReference": ref["short"],
                "status": "settled",
                "channel": "link",
                "paymentId": short,
                "ours": "200.0000",
                "ourCurrency": "GTQ",
                "theirs": "150.0000",
                "currency": "GTQ",
            },
            {
                "line": 6,
                "processorReference": ref["quetzales"],
                "status": "settled",
                "channel": "terminal",
                "paymentId": in_quetzales["paymentId"],
                "ours": "30.0000",
                "ourCurrency": "GTQ",
                "theirs": "30.0000",
                "currency": "USD",
            },
            {
                "line": 7,
                "processorReference": ref["voided"],
                "status": "settled",
                "channel": "link",
                "paymentId": voided,
                "ours": "0.0000",
                "ourCurrency": "GTQ",
                "theirs": "70.0000",
                "currency": "GTQ",
            },
        ],
        "missingOnOurSide": [
            {
                "line": 8,
                "processorReference": await _link_reference(theirs),
                "status": "settled",
                "amount": "100.0000",
                "currency": "GTQ",
                "settledAt": "2026-11-26T18:00:00Z",
            },
            {
                "line": 9,
                "processorReference": "=HYPERLINK(1)",
                "status": "settled",
                "amount": "5.0000",
                "currency": "GTQ",
                "settledAt": "2026-11-26T18:00:00Z",
            },
        ],
        "missingOnTheirs": [
            {
                "processorReference": ref["missing"],
                "channel": "link",
                "paymentId": missing,
                "amount": "300.0000",
                "currency": "GTQ",
                "capturedAt": "2026-11-26T12:00:00Z",
            }
        ],
    }
    assert the_day_before not in str(report)

    csv = await client.get(f"{base}/report.csv", headers=finance)
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    rows = csv.text.strip().split("\n")
    assert (
        rows[0] == "line,outcome,processorReference,status,amount,currency,ourAmount,ourCurrency,channel,paymentId,at"
    )
    assert (
        rows[1] == f"2,matched,{ref['matched']},settled,100.0000,GTQ,100.0000,GTQ,link,{matched},2026-11-26T18:00:00Z"
    )
    assert (
        rows[8] == "9,missing_on_our_side,'=HYPERLINK(1),settled,5.0000,GTQ,,,,,2026-11-26T18:00:00Z"
    )  # not a formula
    assert rows[9] == f",missing_on_theirs,{ref['missing']},,,,300.0000,GTQ,link,{missing},2026-11-26T12:00:00Z"
    assert len(rows) == 10

    uploads = await _trail(client, await tenant.operator_headers(client), action="uploadConciliationFile")
    assert [(r["status"], r["changes"]) for r in uploads] == [
        (200, {"batchId": {"before": None, "after": batch_id}, "source": {"before": None, "after": "sandbox"}})
    ]


async def test_a_bad_file_is_refused_whole_and_keeps_nothing(client):
    tenant = await create_tenant()
    operator = await tenant.operator_headers(client)
    good = (HEADER + "PSP-1,10.00,GTQ,settled,2026-11-26\n").encode()
    cases = [
        (await upload(client, operator, b"\xff\xfe\x00bad"), 400, 7901),
        (await upload(client, operator, b"reference,amount\nPSP-1,10\n"), 400, 7902),
        (await upload(client, operator, HEADER.encode()), 400, 7904),
        (await upload(client, operator, good, source="acme"), 400, 7920),
        (await upload(client, operator, good, source="migo"), 400, 7920),  # the on-us processor sends no file
        (await upload(client, operator, good, source=None), 400, 7920),
        (await client.post("/cms/rest/conciliation", data={"source": "sandbox"}, headers=operator), 400, 7906),
    ]
    for response, status, code in cases:
        _error(response, status, code)
    too_big = await upload(client, operator, HEADER.encode() + b"x" * (conciliation.CSV.max_bytes + 1))
    _error(too_big, 413, 7903)
    async with database.transaction() as session:
        made = await session.scalar(
            select(func.count()).select_from(Conciliation).where(Conciliation.partner_id == tenant.partner_id)
        )
    assert made == 0


async def test_the_same_key_and_file_is_the_same_batch(client):
    tenant = await create_tenant()
    operator = await tenant.operator_headers(client)
    content = (HEADER + "PSP-1,10.00,GTQ,settled,2026-11-26\n").encode()
    first = _data(await upload(client, operator, content, key="settlement-2026-11-26"))
    again = _data(await upload(client, operator, content, key="settlement-2026-11-26"))
    assert again == first
    other_file = content + b"PSP-2,20.00,GTQ,settled,2026-11-26\n"
    _error(await upload(client, operator, other_file, key="settlement-2026-11-26"), 409, 7007)
    unkeyed = _data(await upload(client, operator, content))
    assert unkeyed != first  # without a key, an upload is a new batch


async def test_another_partners_batch_does_not_exist(client):
    tenant, other = await create_tenant(), await create_tenant()
    content = (HEADER + "PSP-1,10.00,GTQ,settled,2026-11-26\n").encode()
    batch_id = _data(await upload(client, await tenant.operator_headers(client), content))["batchId"]
    await conciliation.conciliate(uuid.UUID(batch_id))
    mine = await tenant.operator_headers(client)
    assert _data(await client.get(f"/cms/rest/conciliation/{batch_id}/report", headers=mine))["matched"] == 0
    theirs = await other.operator_headers(client)
    for suffix in ("progress", "report", "report.csv"):
        _error(await client.get(f"/cms/rest/conciliation/{batch_id}/{suffix}", headers=theirs), 404, 7005)
        _error(await client.get(f"/cms/rest/conciliation/{uuid.uuid4()}/{suffix}", headers=mine), 404, 7005)


async def test_reading_needs_settlements_read_and_uploading_conciliation_upload(client):
    tenant = await create_tenant()
    content = (HEADER + "PSP-1,10.00,GTQ,settled,2026-11-26\n").encode()
    support = await _operator(client, tenant, "support")
    _error(await upload(client, support, content), 403, 7801)
    viewer = await _operator(client, tenant, "viewer")
    _error(await upload(client, viewer, content), 403, 7801)
    batch_id = _data(await upload(client, await _operator(client, tenant, "finance"), content))["batchId"]
    progress: Any = _data(await client.get(f"/cms/rest/conciliation/{batch_id}/progress", headers=viewer))
    assert progress["status"] == "queued"
    _error(await client.get(f"/cms/rest/conciliation/{batch_id}/progress", headers=support), 403, 7801)
