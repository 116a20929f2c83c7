"""The review of merchant leads on the dashboard (issue 17): the queue and a lead's documents shown inline are the
CMS's (`merchants.read`), its decisions the CMS's too (`merchants.review`, a CSRF token), audited as there;
another partner's lead and its documents are not found."""

from __future__ import annotations

import secrets
from typing import Any

import httpx

from migo.identity import operators
from migo.identity.models import Partner
from migo.platform.db import database
from migo.platform.secrets import Password
from tests.dashboard.signing_in import csrf_of, sign_in
from tests.factories import OPERATOR_PASSWORD, Tenant, bearer, create_tenant, provision_cards, submitted_lead
from tests.merchants.test_cms_review import _data


async def _in_review(http: httpx.AsyncClient, tenant: Tenant, **fields: Any) -> dict[str, Any]:
    return await submitted_lead(http, bearer(await tenant.app_token(http)), **fields)


async def _desk(tenant: Tenant, *roles: str) -> str:
    """A new operator of the tenant's partner with these roles: its username."""
    username = f"desk.{secrets.token_hex(4)}"
    async with database.transaction() as session:
        partner = await session.get(Partner, tenant.partner_id)
        assert partner is not None
        await operators.create_operator(
            session,
            partner,
            username=username,
            password=Password(OPERATOR_PASSWORD),
            display_name="Desk",
            roles=list(roles),
        )
    return username


async def _trail(http: httpx.AsyncClient, tenant: Tenant, action: str) -> list[dict[str, Any]]:
    admin = await tenant.operator_headers(http)
    return _data(await http.get("/cms/rest/audit", params={"action": action}, headers=admin))["items"]  # type: ignore[no-any-return]


async def test_the_queue_shows_the_leads_in_review_oldest_first_and_a_lead_its_documents_inline(client):
    tenant = await create_tenant()
    first = await _in_review(client, tenant, businessName="Primera Tienda")
    second = await _in_review(client, tenant, businessName="Segunda Tienda")
    await sign_in(client, tenant)
    queue = await client.get("/dashboard/leads")
    assert queue.status_code == 200 and "2 leads" in queue.text
    assert queue.text.index("Primera Tienda") < queue.text.index("Segunda Tienda")  # oldest first
    approved = await client.get("/dashboard/leads", params={"status": "APPROVED"})
    assert "No lead matches these filters." in approved.text
    searched = await client.get("/dashboard/leads", params={"status": "ALL", "q": "segunda"})
    assert "Segunda Tienda" in searched.text and "Primera Tienda" not in searched.text

    page = await client.get(f"/dashboard/leads/{first['id']}")
    assert page.status_code == 200 and "•••• 1234" in page.text and "0012345678901234" not in page.text
    for document in second["documents"]:
        assert f"/documents/{document['id']}" not in page.text
    for document in first["documents"]:  # the factory's documents are PDFs: framed from the same origin
        href = f"/dashboard/leads/{first['id']}/documents/{document['id']}"
        assert f'<iframe src="{href}"' in page.text
        shown = await client.get(href)
        assert shown.status_code == 200 and shown.headers["content-type"] == document["contentType"]
        assert shown.headers["content-disposition"].startswith("inline;")
        assert shown.headers["x-frame-options"] == "SAMEORIGIN"
        assert shown.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'self'"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]  # the pages stay unframed
    reads = await _trail(client, tenant, "downloadLeadDocument")
    assert len(reads) == 4 and {r["resourceName"] for r in reads} == {"Primera Tienda"}


async def test_a_reviewer_refuses_one_document_and_approves_another_lead(client):
    tenant = await create_tenant()
    await provision_cards(tenant, count=1)
    one, other = await _in_review(client, tenant), await _in_review(client, tenant, businessName="Otra")
    await sign_in(client, tenant, await _desk(tenant, "compliance"))
    page = await client.get(f"/dashboard/leads/{one['id']}")
    refused = one["documents"][0]
    form = {"csrf": csrf_of(page), "document_id": refused["id"], "reason": "The photo is blurred"}
    assert (
        await client.post(f"/dashboard/leads/{one['id']}/reject", data={**form, "csrf": "forged"})
    ).status_code == 403
    done = await client.post(f"/dashboard/leads/{one['id']}/reject", data=form)
    assert done.status_code == 303 and done.headers["location"].endswith("?decided=rejected")
    shown = await client.get(done.headers["location"])
    assert "documents pending" in shown.text and "Refused: The photo is blurred" in shown.text
    assert "Approve the lead" not in shown.text  # out of review: nothing left to decide
    again = await client.post(f"/dashboard/leads/{one['id']}/reject", data=form)
    assert again.status_code == 409

    approve = {"csrf": csrf_of(page)}
    assert (await client.post(f"/dashboard/leads/{other['id']}/approve")).status_code == 403  # no token
    approved = await client.post(f"/dashboard/leads/{other['id']}/approve", data=approve)
    assert approved.status_code == 303
    assert "Lead approved: it is now approved." in (await client.get(approved.headers["location"])).text

    rejections = await _trail(client, tenant, "rejectLead")  # newest first; the forged POST refused, kept too
    changes = {"status": {"before": "IN_REVIEW", "after": "DOCUMENTS_PENDING"}}
    changes["rejectedDocuments"] = {"before": [], "after": [refused["id"]]}
    assert [(r["status"], r["changes"]) for r in rejections] == [(409, None), (303, changes), (403, None)]
    approvals = await _trail(client, tenant, "approveLead")
    assert [(r["status"], r["resourceName"]) for r in approvals] == [(303, "Otra"), (403, None)]


async def test_a_whole_lead_is_rejected_with_a_reason(client):
    tenant = await create_tenant()
    lead = await _in_review(client, tenant)
    await sign_in(client, tenant)
    page = await client.get(f"/dashboard/leads/{lead['id']}")
    done = await client.post(
        f"/dashboard/leads/{lead['id']}/reject", data={"csrf": csrf_of(page), "reason": "Not a real business"}
    )
    assert done.status_code == 303
    assert "it is now rejected" in (await client.get(done.headers["location"])).text
    made_up = await client.get(f"/dashboard/leads/{lead['id']}", params={"decided": "hacked"})
    assert made_up.status_code == 200 and 'role="status"' not in made_up.text
    missing = await client.post(f"/dashboard/leads/{lead['id']}/reject", data={"csrf": csrf_of(page)})
    assert missing.status_code == 400


async def test_permissions_and_another_partners_lead(client):
    tenant, other = await create_tenant(), await create_tenant()
    theirs = await _in_review(client, other)
    mine = await _in_review(client, tenant)
    await sign_in(client, tenant)
    assert (await client.get(f"/dashboard/leads/{theirs['id']}")).status_code == 404
    document = theirs["documents"][0]["id"]
    assert (await client.get(f"/dashboard/leads/{theirs['id']}/documents/{document}")).status_code == 404
    assert (await client.get(f"/dashboard/leads/{mine['id']}/documents/{document}")).status_code == 404
    page = await client.get("/dashboard/leads")
    assert theirs["id"] not in page.text and mine["id"] in page.text
    refused = await client.post(f"/dashboard/leads/{theirs['id']}/approve", data={"csrf": csrf_of(page)})
    assert refused.status_code == 404

    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as support:
        await sign_in(support, tenant, await _desk(tenant, "support"))  # reads leads, decides nothing
        shown = await support.get(f"/dashboard/leads/{mine['id']}")
        assert shown.status_code == 200 and "Approve the lead" not in shown.text
        approve = await support.post(f"/dashboard/leads/{mine['id']}/approve", data={"csrf": csrf_of(shown)})
        assert approve.status_code == 403
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as finance:
        await sign_in(finance, tenant, await _desk(tenant, "finance"))
        assert (await finance.get("/dashboard/leads")).status_code == 403
        assert (await finance.get(f"/dashboard/leads/{mine['id']}")).status_code == 403
        assert "/dashboard/leads" not in (await finance.get("/dashboard/")).text
