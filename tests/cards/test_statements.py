"""Statements (seed 001): 201 with a reference, a PDF produced in the background."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from migo.cards.tasks import render_statement
from tests.factories import activate_card, bearer, create_cardholder, create_tenant, provision_cards, signed

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


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
    for expected in ("Marta Soto", card["last4"], "Payroll", "80.00", "Opening balance", "Closing balance"):
        assert expected in text, expected
    assert "80.0000" not in text  # the currency's usual two decimals, not the ledger's four
    assert "Credits GTQ 80.00" in text and "Debits GTQ 0.00" in text and "Page 1 of 1" in text


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


def test_a_long_statement_repeats_its_headings_numbers_its_pages_and_reads_well(tmp_path):
    """Rendered to pictures (pdfium) and kept in artifacts/ to be looked at: 70 movements over two pages, the
    headings again on the second, amounts right-aligned under right-aligned headings, totals on the first."""
    import pypdfium2

    from migo.cards.models import Card
    from migo.cards.statements import render_pdf
    from migo.ledger.service import Movement

    start = datetime(2026, 11, 1, 9, tzinfo=UTC)
    balance, lines = Decimal("100.00"), []
    for n in range(70):
        amount = Decimal("1234.5") if n % 7 == 0 else Decimal("-12.25")
        balance += amount
        kind = "funds_load" if amount > 0 else "transfer_out"
        lines.append(Movement(n, uuid.uuid4(), kind, None, amount, "GTQ", balance, start + timedelta(hours=n)))
    card = Card(last4="4242")
    pdf = render_pdf(
        issuer="Tarjeta Viva, issued by Banco Ejemplo",
        holder="Marta Soto",
        card=card,
        currency="GTQ",
        month=11,
        year=2026,
        opening=Decimal("100.00"),
        lines=lines,
        generated_at=datetime(2026, 12, 1, 8, 30, tzinfo=UTC),
    )
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == 2
    assert "Tarjeta Viva, issued by Banco Ejemplo" in pages[0]
    assert "Generated Dec 1, 2026 8:30 AM UTC" in pages[0]  # CLDR's English
    assert "Credits GTQ 12,345.00" in pages[0] and "Debits GTQ 735.00" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of 2" in text
        assert "Amount (GTQ)" in text and "Balance (GTQ)" in text  # the headings on every page
    assert "1,234.50" in pages[0] and "-12.25" in pages[0]
    ARTIFACTS.mkdir(exist_ok=True)
    document = pypdfium2.PdfDocument(pdf)
    for index in range(len(document)):
        image = document[index].render(scale=1.5).to_pil()
        image.save(ARTIFACTS / f"statement-page-{index + 1}.png")
        assert image.getextrema() != ((255, 255), (255, 255), (255, 255))  # something was drawn
