"""The dashboard's audit log (issue 17): the CMS audit list of the viewer's partner, newest first, filtered by
operator, action, resource and day, searched as the CMS searches it; a filter that is not a value is the form's
error; another partner's records are never in it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from tests.backoffice.test_audit import _trail
from tests.dashboard.signing_in import new_operator, sign_in
from tests.factories import create_tenant


async def test_the_audit_log_lists_the_partners_records_newest_first_with_its_filters(client):
    tenant, other = await create_tenant(), await create_tenant()
    admin = await tenant.operator_headers(client)
    for name in ("first-role", "second-role"):
        role = {"name": name, "description": "A role", "permissions": ["cardholders.read"]}
        assert (await client.post("/cms/rest/roles", json=role, headers=admin)).status_code == 201
    theirs = {"name": "their-role", "description": "Theirs", "permissions": ["cardholders.read"]}
    assert (await client.post("/cms/rest/roles", json=theirs, headers=await other.operator_headers(client))).is_success
    await sign_in(client, tenant)

    log = await client.get("/dashboard/audit")
    assert log.status_code == 200 and "their-role" not in log.text
    assert log.text.index("second-role") < log.text.index("first-role")  # newest first
    searched = await client.get("/dashboard/audit", params={"q": "second-role"})
    assert "second-role" in searched.text and "first-role" not in searched.text and "1 record<" in searched.text
    by_action = await client.get("/dashboard/audit", params={"action": "createRole"})
    assert "2 records<" in by_action.text
    today = datetime.now(UTC).date()
    days = {"from": str(today - timedelta(days=1)), "to": str(today + timedelta(days=1))}
    assert "2 records<" in (await client.get("/dashboard/audit", params={"action": "createRole", **days})).text
    later = {"action": "createRole", "from": str(today + timedelta(days=2))}
    assert "No record matches these filters." in (await client.get("/dashboard/audit", params=later)).text
    bad = await client.get("/dashboard/audit", params={"operator": "not-an-id"})
    assert bad.status_code == 400 and "operator" in bad.text
    assert (await client.get("/dashboard/audit", params={"from": "31/12/2026"})).status_code == 400
    [made, *_] = await _trail(client, admin, action="createRole")
    mine = await client.get("/dashboard/audit", params={"action": "createRole", "operator": made["operatorId"]})
    you = f'>{tenant.operator_username}</a> <span class="muted">(you)</span>'
    assert "2 records<" in mine.text and you in mine.text
    assert made["operatorUsername"] == tenant.operator_username  # the CMS's record names it too


async def test_a_viewer_without_audit_read_is_refused(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    role = {"name": "no-audit", "description": "Nothing", "permissions": ["cardholders.read"]}
    assert (await client.post("/cms/rest/roles", json=role, headers=admin)).status_code == 201
    await new_operator(client, tenant, "no.audit", "no-audit")
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as desk:
        await sign_in(desk, tenant, "no.audit")
        assert (await desk.get("/dashboard/audit")).status_code == 403
