"""The partner's merchants on the dashboard (issue 17): its businesses with their branches and terminals
(`merchants.read`), and their settlements with their lines and the Gateway's CSV and PDF reports
(`settlements.read`); another partner's business or settlement is not found."""

from __future__ import annotations

from typing import Any

import httpx

from tests.dashboard.signing_in import sign_in
from tests.dashboard.test_leads import _desk
from tests.merchants.test_pos_payments import shop
from tests.merchants.test_settlements import pay


async def _settled_shop(http: httpx.AsyncClient) -> tuple[Any, dict[str, str], dict[str, Any], dict[str, Any]]:
    """A shop whose terminal took two payments, closed into one settlement by the sandbox's run."""
    cards, app, business, terminal = await shop(http)
    await pay(http, terminal)
    await pay(http, terminal)
    run = await http.post("/rest/sandbox/settlements/run", headers=app)
    assert run.status_code == 200, run.text
    return cards.tenant, app, business, run.json()["data"][0]


async def test_a_partner_sees_its_businesses_branches_and_terminals(client):
    tenant, _, business, _ = await _settled_shop(client)
    await sign_in(client, tenant)
    listed = await client.get("/dashboard/businesses")
    assert listed.status_code == 200 and f'href="/dashboard/businesses/{business["id"]}"' in listed.text
    assert "1 business<" in listed.text and "2.9% + GTQ 0.30" in listed.text
    assert "No business matches this search." in (await client.get("/dashboard/businesses?q=nothing")).text
    page = await client.get(f"/dashboard/businesses/{business['id']}")
    assert page.status_code == 200 and "Zona 10" in page.text and "PAX-0001" in page.text
    assert "•••• 1234" in page.text and "0012345678901234" not in page.text


async def test_a_settlement_shows_its_lines_and_its_reports(client):
    tenant, app, business, settlement = await _settled_shop(client)
    await sign_in(client, tenant)
    listed = await client.get("/dashboard/settlements")
    assert listed.status_code == 200 and f'href="/dashboard/settlements/{settlement["id"]}"' in listed.text
    assert "1 settlement<" in listed.text
    of_business = await client.get("/dashboard/settlements", params={"business": business["id"]})
    assert settlement["id"] in of_business.text
    assert "No settlement matches this filter." in (await client.get("/dashboard/settlements?status=paid_out")).text

    page = await client.get(f"/dashboard/settlements/{settlement['id']}")
    assert page.status_code == 200 and page.text.count("terminal payment") == 2
    assert "GTQ 200.00" in page.text  # the gross, in the currency's two decimals
    csv = await client.get(f"/dashboard/settlements/{settlement['id']}/report.csv")
    gateway_csv = await client.get(f"/rest/settlements/{settlement['id']}/report.csv", headers=app)
    assert csv.status_code == 200 and csv.text == gateway_csv.text
    pdf = await client.get(f"/dashboard/settlements/{settlement['id']}/report.pdf")
    assert (
        pdf.status_code == 200
        and pdf.content.startswith(b"%PDF")
        and "attachment" in pdf.headers["content-disposition"]
    )


async def test_another_partners_merchants_are_not_found_and_permissions_are_checked(client):
    other, _, business, settlement = await _settled_shop(client)
    tenant, *_ = await _settled_shop(client)
    await sign_in(client, tenant)
    assert business["id"] not in (await client.get("/dashboard/businesses")).text
    assert (await client.get(f"/dashboard/businesses/{business['id']}")).status_code == 404
    assert (await client.get(f"/dashboard/settlements/{settlement['id']}")).status_code == 404
    assert (await client.get(f"/dashboard/settlements/{settlement['id']}/report.csv")).status_code == 404
    assert (await client.get(f"/dashboard/settlements/{settlement['id']}/report.pdf")).status_code == 404
    assert (await client.get("/dashboard/settlements", params={"business": business["id"]})).status_code == 404
    assert settlement["id"] not in (await client.get("/dashboard/settlements")).text

    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as support:
        await sign_in(support, other, await _desk(other, "support"))  # merchants.read, not settlements.read
        assert (await support.get(f"/dashboard/businesses/{business['id']}")).status_code == 200
        assert (await support.get(f"/dashboard/settlements/{settlement['id']}")).status_code == 403
        assert (await support.get(f"/dashboard/settlements/{settlement['id']}/report.csv")).status_code == 403
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as finance:
        await sign_in(finance, other, await _desk(other, "finance"))  # settlements.read, not merchants.read
        assert (await finance.get("/dashboard/businesses")).status_code == 403
        assert (await finance.get(f"/dashboard/settlements/{settlement['id']}")).status_code == 200
