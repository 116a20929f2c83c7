"""Statements (seed 001): 201 with a reference, a PDF produced in the background."""

from __future__ import annotations

import io
import uuid

from pypdf import PdfReader

from migo.cards.tasks import render_statement
from tests.factories import activate_card, bearer, create_cardholder, create_tenant, provision_cards, signed


async def test_statement_is_produced_as_a_pdf(client, frozen_clock):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    holder = await create_cardholder(client, tenant, firstName="Marta", lastName="Soto")
    card = await activate_card(client, cards, 0, holder["userId"])
    await signed(
        client,
        tenant,
        "PUT",
        f"/rest/cards/{card['cardId']}/funds",
        {"type": "load", "amount": "80", "description": "Payroll"},
    )
    token = await tenant.app_token(client)
    now = frozen_clock.now()
    requested = await client.post(
        f"/rest/cards/{card['cardId']}/statements", json={"month": now.month, "year": now.year}, headers=bearer(token)
    )
    assert requested.status_code == 201
    assert requested.json()["statusCode"] == 201
    statement = requested.json()["data"]
    assert statement["status"] == "processing"
    path = f"/rest/cards/{card['cardId']}/statements/{statement['statementId']}"
    early = await client.get(f"{path}/pdf", headers=bearer(token))
    assert early.status_code == 409 and early.json()["error"]["code"] == 7217

    await render_statement(statement_id=statement["statementId"])  # what the worker runs
    assert (await client.get(path, headers=bearer(token))).json()["data"]["status"] == "ready"
    pdf = await client.get(f"{path}/pdf", headers=bearer(token))
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    for expected in ("Marta Soto", card["last4"], "Payroll", "80.0000", "Opening balance", "Closing balance"):
        assert expected in text, expected


async def test_statement_requests_are_checked(client, frozen_clock):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    holder = await create_cardholder(client, tenant)
    card = await activate_card(client, cards, 0, holder["userId"])
    token = await tenant.app_token(client)
    now = frozen_clock.now()
    future = (now.year + 1, 1)
    path = f"/rest/cards/{card['cardId']}/statements"
    for body in (
        {"month": 13, "year": 2026},
        {"month": future[1], "year": future[0]},
        {"month": "May", "year": 2026},
        {},
    ):
        response = await client.post(path, json=body, headers=bearer(token))
        assert response.status_code == 400 and response.json()["error"]["code"] == 7000, body
    missing = await client.get(f"{path}/{uuid.uuid4()}", headers=bearer(token))
    assert missing.status_code == 404 and missing.json()["error"]["code"] == 7216
