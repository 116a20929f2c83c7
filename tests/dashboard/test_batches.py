"""The dashboard's batches (issue 17): cardholder batches and conciliation files uploaded from the page (with its
CSRF token, through the CMS's own functions and permissions), a file refused whole shown on the page, a batch's
progress as a fragment the page polls until it is finished, the results and the report to download; another
partner's batch is not found."""

from __future__ import annotations

import re
import secrets
import uuid

import httpx

from migo.backoffice import cardholder_batches, conciliation
from migo.identity import applications, operators
from migo.identity.models import Partner
from migo.platform import batches
from migo.platform.db import database
from migo.platform.secrets import Password
from tests.backoffice.test_audit import _trail
from tests.backoffice.test_cardholder_batches import HEADER, _line
from tests.dashboard.signing_in import csrf_of, sign_in
from tests.factories import OPERATOR_PASSWORD, Tenant, create_tenant

SETTLEMENT_HEADER = "processorReference,amount,currency,status,settledAt\n"


def _file(lines: list[str]) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode()


def _page_key(page: httpx.Response) -> str:
    found = re.search(r'name="idempotencyKey" value="([^"]+)"', page.text)
    assert found is not None, page.text
    return found.group(1)


async def _upload(
    http: httpx.AsyncClient, page: httpx.Response, kind: str, content: bytes, **form: str
) -> httpx.Response:
    fields = {"csrf": csrf_of(page), "idempotencyKey": _page_key(page), **form}
    return await http.post(
        f"/dashboard/batches/{kind}", data=fields, files={"file": ("upload.csv", content, "text/csv")}
    )


async def _desk(http: httpx.AsyncClient, tenant: Tenant, role: str) -> None:
    """Sign `http` in as a new operator of the tenant's partner with this built-in role."""
    username = f"desk.{secrets.token_hex(4)}"
    async with database.transaction() as session:
        partner = await session.get(Partner, tenant.partner_id)
        assert partner is not None
        await operators.create_operator(
            session, partner, username=username, password=Password(OPERATOR_PASSWORD), display_name="Desk", roles=[role]
        )
    assert (await sign_in(http, tenant, username)).status_code == 303


async def test_a_cardholder_batch_uploaded_from_the_page_shows_its_progress_and_results(client):
    tenant = await create_tenant()
    await sign_in(client, tenant)
    page = await client.get("/dashboard/batches")
    assert page.status_code == 200 and "No batches yet." in page.text and 'href="/dashboard/batches"' in page.text

    lines = [_line(n) for n in range(5)]
    lines[2] = "Bad,Email,not-an-email,,DPI,999,1990-01-01,ext-bad"
    accepted = await _upload(client, page, "cardholders", _file(lines))
    assert accepted.status_code == 303, accepted.text
    batch_path = accepted.headers["location"]
    batch_id = batch_path.rsplit("/", 1)[1]
    again = await _upload(client, page, "cardholders", _file(lines))  # the same page's key: the same batch
    assert again.headers["location"] == batch_path

    shown = await client.get(batch_path)
    assert shown.status_code == 200 and 'hx-trigger="every 1s"' in shown.text
    queued = await client.get(f"{batch_path}/progress", headers={"HX-Request": "true"})
    assert queued.status_code == 200 and "<html" not in queued.text
    assert '<progress max="5" value="0"' in queued.text and 'data-status="queued"' in queued.text

    await batches.run(uuid.UUID(batch_id), cardholder_batches.registrar(uuid.UUID(batch_id), tenant.company_id))
    done = await client.get(f"{batch_path}/progress")
    assert '<progress max="5" value="5"' in done.text and 'data-status="done"' in done.text
    assert "hx-trigger" not in done.text  # finished: the page stops polling
    assert 'id="batch-succeeded">4<' in done.text and 'id="batch-failed">1<' in done.text
    assert '<td class="num">4</td><td class="num">7910</td>' in done.text  # line 4: the bad email
    assert f"{batch_path}/results.csv" in done.text
    results = await client.get(f"{batch_path}/results.csv")
    assert results.status_code == 200 and results.headers["content-type"].startswith("text/csv")
    assert results.text.splitlines()[0] == "line,externalId,outcome,userId,errorCode,errorMessage"
    assert len(results.text.splitlines()) == 6 and ",error,,7910," in results.text

    listed = await client.get("/dashboard/batches")
    assert f'href="{batch_path}"' in listed.text and "5 / 5" in listed.text and "1 batch<" in listed.text
    admin = await tenant.operator_headers(client)
    trail = await _trail(client, admin, action="uploadCardholderBatch")
    assert [(record["status"], record["resourceName"]) for record in trail] == [(303, "upload.csv")] * 2


async def test_a_file_refused_whole_is_shown_on_the_page_and_keeps_nothing(client):
    tenant = await create_tenant()
    await sign_in(client, tenant)
    page = await client.get("/dashboard/batches")
    refused = await _upload(client, page, "cardholders", b"name,email\nAna,a@example.test\n")
    assert refused.status_code == 400 and "The file was refused: The header must be:" in refused.text
    not_csv = await _upload(client, page, "conciliation", b"\xff\xfe\x00binary", source="sandbox")
    assert not_csv.status_code == 400 and "The file was refused: The file is not UTF-8 text." in not_csv.text
    unknown = await _upload(client, page, "conciliation", (SETTLEMENT_HEADER + "P,1,GTQ,settled,2026-11-26\n").encode())
    assert unknown.status_code == 400 and "source: one of" in unknown.text
    assert "No batches yet." in (await client.get("/dashboard/batches")).text


async def test_an_upload_without_the_csrf_token_is_refused(client):
    tenant = await create_tenant()
    await sign_in(client, tenant)
    page = await client.get("/dashboard/batches")
    for fields in ({"idempotencyKey": _page_key(page)}, {"idempotencyKey": _page_key(page), "csrf": "forged-token"}):
        answer = await client.post(
            "/dashboard/batches/cardholders", data=fields, files={"file": ("a.csv", _file([_line(1)]), "text/csv")}
        )
        assert answer.status_code == 403 and "did not come from this dashboard" in answer.text
    assert "No batches yet." in (await client.get("/dashboard/batches")).text


async def test_a_conciliation_file_from_the_page_and_its_report(client):
    tenant = await create_tenant()
    await sign_in(client, tenant)
    page = await client.get("/dashboard/batches")
    content = (SETTLEMENT_HEADER + "PSP-1,10.00,GTQ,settled,2026-11-26\nPSP-2,bad,GTQ,settled,2026-11-26\n").encode()
    accepted = await _upload(client, page, "conciliation", content, source="sandbox")
    assert accepted.status_code == 303, accepted.text
    path = accepted.headers["location"]
    assert path.startswith("/dashboard/batches/conciliation/")
    assert "report.csv" not in (await client.get(path)).text  # not conciliated yet
    await conciliation.conciliate(uuid.UUID(path.rsplit("/", 1)[1]))
    done = await client.get(f"{path}/progress")
    assert 'data-status="done"' in done.text and "hx-trigger" not in done.text and f"{path}/report.csv" in done.text
    assert "7921" in done.text  # the malformed line
    report = await client.get(f"{path}/report.csv")
    assert report.status_code == 200 and ",missing_on_our_side,PSP-1," in report.text
    listed = await client.get("/dashboard/batches")
    assert 'Conciliation file</a> <span class="muted">(sandbox)</span>' in listed.text


async def test_another_partners_batch_is_not_found(client):
    tenant, other = await create_tenant(), await create_tenant()
    await sign_in(client, tenant)
    accepted = await _upload(client, await client.get("/dashboard/batches"), "cardholders", _file([_line(7)]))
    path = accepted.headers["location"]
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as theirs:
        await sign_in(theirs, other)
        for suffix in ("", "/progress", "/results.csv"):
            assert (await theirs.get(f"{path}{suffix}")).status_code == 404
        assert path not in (await theirs.get("/dashboard/batches")).text
        moved = path.replace("/cardholders/", "/conciliation/")  # another kind's path: no such batch either
        assert (await theirs.get(moved)).status_code == 404
    assert (await client.get(f"/dashboard/batches/cardholders/{uuid.uuid4()}")).status_code == 404


async def test_each_kind_needs_the_permission_of_its_cms_endpoint(client):
    tenant = await create_tenant()
    await sign_in(client, tenant)
    cardholder_batch = await _upload(client, await client.get("/dashboard/batches"), "cardholders", _file([_line(3)]))
    path = cardholder_batch.headers["location"]

    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as support:
        await _desk(support, tenant, "support")  # none of the three
        assert (await support.get("/dashboard/batches")).status_code == 403
        assert 'href="/dashboard/batches"' not in (await support.get("/dashboard/")).text
        assert (await support.get(path)).status_code == 403

    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as finance:
        await _desk(finance, tenant, "finance")  # settlements.read and conciliation.upload, not cardholders.batch
        page = await finance.get("/dashboard/batches")
        assert page.status_code == 200 and "Conciliate a settlement file" in page.text
        assert "Register cardholders" not in page.text and path not in page.text
        assert (await _upload(finance, page, "cardholders", _file([_line(4)]))).status_code == 403
        for suffix in ("", "/progress", "/results.csv"):
            assert (await finance.get(f"{path}{suffix}")).status_code == 403

    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as viewer:
        await _desk(viewer, tenant, "viewer")  # reads conciliation files, uploads nothing
        page = await viewer.get("/dashboard/batches")
        assert page.status_code == 200 and "<form" not in page.text.split("<main>")[1]
        content = (SETTLEMENT_HEADER + "PSP-1,10.00,GTQ,settled,2026-11-26\n").encode()
        fields = {
            "csrf": csrf_of(await viewer.get("/dashboard/")),
            "idempotencyKey": "viewer-key-1",
            "source": "sandbox",
        }
        refused = await viewer.post(
            "/dashboard/batches/conciliation", data=fields, files={"file": ("s.csv", content, "text/csv")}
        )
        assert refused.status_code == 403


async def test_a_partner_with_several_companies_chooses_the_one_its_cardholders_join(client):
    tenant, other = await create_tenant(), await create_tenant()
    async with database.transaction() as session:
        partner = await session.get(Partner, tenant.partner_id)
        assert partner is not None
        sister = await applications.create_company(session, partner, f"Sister {secrets.token_hex(3)}")
    await sign_in(client, tenant)
    page = await client.get("/dashboard/batches")
    assert 'name="companyId"' in page.text and f'value="{sister.id}"' in page.text
    theirs = await _upload(client, page, "cardholders", _file([_line(1)]), companyId=str(other.company_id))
    assert (
        theirs.status_code == 404 and "The file was refused: companyId: the partner has no such company." in theirs.text
    )
    mine = await _upload(client, page, "cardholders", _file([_line(1)]), companyId=str(sister.id))
    assert mine.status_code == 303
