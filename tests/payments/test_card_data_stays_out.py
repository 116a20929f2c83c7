"""No PAN or CVV of a checkout in the logs, the answers the merchant sees, the events, or the database."""

from __future__ import annotations

from sqlalchemy import text

from migo.platform.db import database
from tests.factories import configure_payment_client, create_link, create_tenant, merchant, sandbox_pay

PAN = "5555555555554444"
CVV = "739"


async def test_a_checkout_leaves_no_card_data_behind(client, capfd):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant)
    # A refusal that names the field (bad expiry), a page POST, then the helper's approval.
    refused = await sandbox_pay(client, tenant, link["uid"], PAN, cvv=CVV, expiry="13/99")
    assert refused.status_code == 409
    await client.post(
        f"/checkout/{link['uid']}/pay",
        data={"cardNumber": "4000000000000002", "expiry": "12/34", "cvv": CVV, "cardholderName": "Ana"},
    )
    approved = await sandbox_pay(client, tenant, link["uid"], PAN, cvv=CVV)
    shown = await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))
    events = await client.get("/v1/events", headers=merchant(tenant))
    page = await client.get("/", params={"orderId": link["uid"]})
    for answer in (refused, approved, shown, events, page):
        assert PAN not in answer.text and "4000000000000002" not in answer.text
        assert f'"{CVV}"' not in answer.text and f"cvv={CVV}" not in answer.text
    assert "4444" in shown.text  # the last four only
    logs = capfd.readouterr().out
    assert "request" in logs
    # (a bare three-digit CVV could occur by chance inside a timestamp; as a value it would be quoted)
    assert PAN not in logs and "4000000000000002" not in logs and f'"{CVV}"' not in logs
    async with database.transaction() as session:  # the whole payments schema, as text
        dump = await session.scalar(
            text(
                "SELECT string_agg(t::text, ' ') FROM ("
                " SELECT row_to_json(x)::text AS t FROM payment_card_tokens x UNION ALL"
                " SELECT row_to_json(y)::text FROM payment_attempts y UNION ALL"
                " SELECT row_to_json(z)::text FROM payment_transactions z UNION ALL"
                " SELECT row_to_json(e)::text FROM events e) rows"
            )
        )
    assert PAN not in dump and "4000000000000002" not in dump and f'"{CVV}"' not in dump
