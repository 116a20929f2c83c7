"""Languages: the Spanish catalog covers every message the hosted pages and the statement use, the language
is chosen as documented, amounts follow CLDR, a link's and a partner's `locale` are checked, and the card
statement PDF speaks Spanish."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from babel.numbers import format_currency
from pypdf import PdfReader

from migo.platform import i18n
from migo.platform.money import display_figure, display_money
from tests.factories import configure_payment_client, create_tenant, merchant

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def _extracted() -> set[str]:
    """Every message babel.cfg's extractors find (templates and Python), as the README's command does."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=KEYWORDS)
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def test_every_message_used_has_a_spanish_translation():
    with (ROOT / "src/migo/locale/es/LC_MESSAGES/migo.po").open("rb") as source:
        catalog = read_po(source)
    translated = {
        (message.id if isinstance(message.id, str) else message.id[0]): message
        for message in catalog
        if message.id and not message.fuzzy
    }
    used = _extracted()
    assert len(used) > 90  # the templates and the Python code were both read
    missing = sorted(message for message in used if message not in translated)
    assert not missing, f"not in the es catalog: {missing}"
    forms = {key: translated[key].string for key in used}  # a str, or a tuple of plural forms
    empty = sorted(key for key, string in forms.items() if not (all(string) if isinstance(string, tuple) else string))
    assert not empty, f"untranslated in the es catalog: {empty}"
    # The placeholders of each translation match its msgid's (Babel's python-format check).
    problems = [(message.id, errors) for message, errors in catalog.check() if errors]
    assert not problems, problems


def test_the_language_is_the_first_spoken_of_the_link_the_partner_and_the_browser():
    assert i18n.LANGUAGES == ("en", "es")
    assert i18n.choose("es", "en", accept_language="en-US") == "es"  # the link's
    assert i18n.choose(None, "es", accept_language="en-US") == "es"  # the partner's
    assert i18n.choose(None, None, accept_language="es-GT,es;q=0.9,en;q=0.8") == "es"  # the browser's
    assert i18n.choose(accept_language="fr-FR, en;q=0.2, es;q=0.5") == "es"  # by q-value, French not spoken
    assert i18n.choose(accept_language="es;q=0, en") == "en"
    assert i18n.choose(accept_language=";;q=x, *, zz-@@") == "en"  # nonsense: English
    assert i18n.choose("fr", accept_language=None) == "en"


def test_amounts_follow_cldr_in_the_currencys_usual_decimals():
    assert display_money(Decimal("1250"), "GTQ", "es") == format_currency(Decimal(1250), "GTQ", locale="es")
    assert display_money(Decimal("1250"), "GTQ", "es") == "1.250,00\xa0GTQ"
    assert display_money(Decimal("1250"), "GTQ", "en") == "GTQ 1,250.00"  # CLDR's spacing of a code
    assert display_money(Decimal("-1250.5"), "USD", "en") == "-$1,250.50"
    assert display_money(Decimal("1250.5"), "JPY", "es") == "1.250\xa0JPY"  # ISO 4217: no decimals (half-even)
    assert display_money(Decimal("1.2345"), "KWD", "en") == "KWD 1.234"
    assert display_money(Decimal("1250"), "GTQ") == "GTQ 1,250.00"  # the dashboard's, without a locale
    assert display_figure(Decimal("-1234.5"), "GTQ", "es") == "-1.234,50"


async def test_a_links_locale_must_be_one_migo_speaks(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    body = {"amount": 100, "userId": "client-1", "channel": "web", "client": tenant.client_slug}
    for locale in ("fr", "ES", "", 5):
        refused = await client.post("/transactions", json={**body, "locale": locale}, headers=merchant(tenant))
        assert refused.status_code == 409, (locale, refused.text)
        assert refused.json()["ownCode"] == 5000 and "locale" in refused.text, refused.text
    accepted = await client.post("/transactions", json={**body, "locale": "es"}, headers=merchant(tenant))
    assert accepted.status_code == 200, accepted.text


async def test_a_partners_locale_is_set_checked_and_cleared(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    path = f"/cms/rest/app/partners/{tenant.partner_id}"
    assert (await client.get(path, headers=admin)).json()["data"]["locale"] is None
    refused = await client.patch(path, json={"locale": "fr"}, headers=admin)
    assert refused.status_code == 400 and refused.json()["error"]["code"] == 7000, refused.text
    assert "body.locale" in refused.text
    changed = await client.patch(path, json={"locale": "es", "name": "Socio"}, headers=admin)
    assert changed.status_code == 200 and changed.json()["data"]["locale"] == "es", changed.text
    unchanged = await client.patch(path, json={"name": "Socio 2"}, headers=admin)
    assert unchanged.json()["data"]["locale"] == "es"
    cleared = await client.patch(path, json={"locale": None}, headers=admin)
    assert cleared.status_code == 200 and cleared.json()["data"]["locale"] is None


def test_the_statement_pdf_speaks_spanish():
    from migo.cards.models import Card
    from migo.cards.statements import render_pdf
    from migo.ledger.service import Movement

    at = datetime(2026, 11, 3, 9, 5, tzinfo=UTC)
    lines = [Movement(1, uuid.uuid4(), "funds_load", "Nómina", Decimal("1250"), "GTQ", Decimal("1350"), at)]
    pdf = render_pdf(
        issuer="Tarjeta Viva, emitida por Banco Ejemplo",
        holder="Marta Soto",
        card=Card(last4="4242"),
        currency="GTQ",
        month=11,
        year=2026,
        opening=Decimal("100"),
        lines=lines,
        generated_at=datetime(2026, 12, 1, 8, 30, tzinfo=UTC),
        language="es",
    )
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for expected in (
        "Estado de cuenta de la tarjeta",
        "Titular Marta Soto",
        "Período noviembre de 2026",
        "Generado 1 dic 2026 8:30 UTC",
        f"Saldo inicial {display_money(Decimal(100), 'GTQ', 'es')}",
        f"Créditos {format_currency(Decimal(1250), 'GTQ', locale='es')}",
        "Saldo final 1.350,00",
        "Monto (GTQ)",
        "Saldo (GTQ)",
        "Fecha (UTC)",
        "3/11/2026 9:05",
        "Página 1 de 1",
    ):
        assert expected.replace("\xa0", " ") in text, (expected, text)  # the PDF's Latin-1 writes a plain space
    assert "Card statement" not in text and "Page 1" not in text
