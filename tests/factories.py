"""Small builders of test data, through the services (never raw rows), one fresh tenant per test."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

import httpx

from migo.identity import applications, merchant_tokens, operators, signing
from migo.identity.models import User
from migo.platform import clock, security
from migo.platform.db import database
from migo.platform.ids import new_id
from migo.platform.secrets import Password, Secret
from tests.leakscan import known_secret, public_value

USER_PASSWORD = "Cardh0lder-pass"
OPERATOR_PASSWORD = "0perator-pass"
known_secret("password", USER_PASSWORD)
known_secret("password", OPERATOR_PASSWORD)


@dataclass
class Tenant:
    """A tenant's ids and credentials, the credentials in the clear: they are what the test, playing the
    integrator, sends (the services hand them out as Secrets; create_tenant reveals them here)."""

    partner_id: Any
    company_id: Any
    gateway_client_id: str
    gateway_client_secret: str
    cms_client_id: str
    cms_client_secret: str
    middleware_client_id: str
    middleware_client_secret: str
    client_slug: str
    merchant_token: str
    public_key: str
    private_key: str
    signing_key_id: str
    signing_secret: str
    operator_username: str
    user_id: Any
    username: str

    async def app_token(self, http: httpx.AsyncClient) -> str:
        return (await self.app_tokens(http))["accessToken"]

    async def app_tokens(self, http: httpx.AsyncClient) -> dict[str, Any]:
        response = await http.post(
            "/rest/auth/token", json={"clientId": self.gateway_client_id, "clientSecret": self.gateway_client_secret}
        )
        assert response.status_code == 200, response.text
        return _known_tokens(response.json()["data"])

    async def middleware_tokens(self, http: httpx.AsyncClient) -> dict[str, Any]:
        """The Middleware application's access and refresh tokens (answered bare, as the Middleware answers)."""
        response = await http.post(
            "/auth/token", json={"clientId": self.middleware_client_id, "clientSecret": self.middleware_client_secret}
        )
        assert response.status_code == 200, response.text
        return _known_tokens(response.json())

    async def cms_token(self, http: httpx.AsyncClient) -> str:
        response = await http.post(
            "/cms/rest/auth/token", json={"clientId": self.cms_client_id, "clientSecret": self.cms_client_secret}
        )
        assert response.status_code == 200, response.text
        return _known_tokens(response.json()["data"])["accessToken"]

    async def operator_headers(self, http: httpx.AsyncClient, username: str | None = None) -> dict[str, str]:
        app_token = await self.cms_token(http)
        response = await http.post(
            "/cms/rest/auth/login",
            json={"username": username or self.operator_username, "password": OPERATOR_PASSWORD},
            headers={"Authorization": f"Bearer {app_token}"},
        )
        assert response.status_code == 200, response.text
        operator = _known_tokens(response.json()["data"])
        return {"Authorization": f"Bearer {app_token}", "x-user-token": operator["accessToken"]}

    async def user_tokens(self, http: httpx.AsyncClient) -> dict[str, Any]:
        app_token = await self.app_token(http)
        response = await http.post(
            "/rest/users/auth/login",
            json={"username": self.username, "password": USER_PASSWORD},
            headers={"Authorization": f"Bearer {app_token}"},
        )
        assert response.status_code == 200, response.text
        return _known_tokens(response.json()["data"])

    def signed_headers(
        self,
        body: bytes,
        *,
        method: str = "POST",
        path: str = "/rest/auth/signature/verify",
        idempotency_key: str | None = None,
        timestamp: int | None = None,
    ) -> dict[str, str]:
        """The signature headers of a request (CONTRACT §3: timestamp, method, path, Idempotency-Key, body)."""
        stamp = timestamp or int(clock.now().timestamp())  # the platform clock, which tests may move
        request = signing.SignedRequest(method, path, idempotency_key, body)
        return {
            "x-key-id": self.signing_key_id,
            "x-timestamp": str(stamp),
            "x-signature": signing.sign(Secret(self.signing_secret), stamp, request),
            "content-type": "application/json",
            **({"Idempotency-Key": idempotency_key} if idempotency_key is not None else {}),
        }


def _known_tokens(pair: dict[str, Any]) -> dict[str, Any]:
    """Tokens the tests hold, for the leak scan (also when they came from a live server it cannot watch)."""
    known_secret("access token", pair.get("accessToken"))
    known_secret("refresh token", pair.get("refreshToken"))
    return pair


async def create_tenant(*, operator_roles: tuple[str, ...] = ("admin",)) -> Tenant:
    """A partner with a company, one application per surface, an operator and a cardholder."""
    tag = secrets.token_hex(4)
    async with database.transaction() as session:
        partner = await applications.create_partner(session, f"Partner {tag}")
        company = await applications.create_company(session, partner, f"Company {tag}")
        gateway = await applications.create_application(session, kind="gateway", name="wallet", company=company)
        cms = await applications.create_application(session, kind="cms", name="back office", partner=partner)
        slug = f"merchant{tag}"
        middleware = await applications.create_application(
            session, kind="middleware", name="merchant", client_slug=slug
        )
        merchant_token = (await merchant_tokens.issue(session, middleware.application.id)).token
        key = await signing.create_key(session, gateway.application.id)
        await operators.create_operator(
            session,
            partner,
            username=f"op.{tag}",
            password=Password(OPERATOR_PASSWORD),
            display_name="Test operator",
            roles=list(operator_roles),
            email=f"op.{tag}@example.test",
        )
        user = User(
            id=new_id(),
            company_id=company.id,
            username=f"user.{tag}",
            email=f"user.{tag}@example.test",
            first_name="Ana",
            last_name="Pérez",
            password_hash=await security.hash_secret(USER_PASSWORD),
        )
        session.add(user)
    assert key.secret is not None and middleware.private_key is not None
    assert middleware.application.public_key is not None
    for kind, secret in (
        ("client secret", gateway.client_secret),
        ("client secret", cms.client_secret),
        ("client secret", middleware.client_secret),
        ("merchant token", merchant_token),
        ("private key", middleware.private_key),
        ("signing secret", key.secret),
    ):
        known_secret(kind, secret)
    for public in (
        gateway.application.client_id,
        cms.application.client_id,
        middleware.application.client_id,
        middleware.application.public_key,
    ):
        public_value(public)
    return Tenant(
        partner_id=partner.id,
        company_id=company.id,
        gateway_client_id=gateway.application.client_id,
        gateway_client_secret=gateway.client_secret.reveal(),
        cms_client_id=cms.application.client_id,
        cms_client_secret=cms.client_secret.reveal(),
        middleware_client_id=middleware.application.client_id,
        middleware_client_secret=middleware.client_secret.reveal(),
        client_slug=slug,
        merchant_token=merchant_token.reveal(),
        public_key=middleware.application.public_key,
        private_key=middleware.private_key.reveal(),
        signing_key_id=key.key.id,
        signing_secret=key.secret.reveal(),
        operator_username=f"op.{tag}",
        user_id=user.id,
        username=user.username,
    )


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class CardSet:
    """A tenant with a card program, funding, and printed cards (numbers as printed on the plastic)."""

    tenant: Tenant
    numbers: list[str]
    card_ids: list[Any]
    name: str


async def provision_cards(
    tenant: Tenant,
    *,
    count: int = 2,
    name: str = "ANA PEREZ",
    funding: str = "100000",
    max_balance: str | None = "5000",
    per_transfer_limit: str | None = None,
    daily_transfer_limit: str | None = None,
    currency: str = "GTQ",
) -> CardSet:
    from decimal import Decimal

    from migo.cards import programs

    def money(value: str | None) -> Decimal | None:
        return Decimal(value) if value is not None else None

    async with database.transaction() as session:
        await programs.provision_program(
            session,
            tenant.company_id,
            programs.ProgramTerms(
                name="Test program",
                currency=currency,
                bin="489551",
                max_balance=money(max_balance),
                per_transfer_limit=money(per_transfer_limit),
                daily_transfer_limit=money(daily_transfer_limit),
            ),
        )
        if Decimal(funding) > 0:
            await programs.deposit_funding(session, tenant.company_id, Decimal(funding))
        printed = (await programs.print_cards(session, tenant.company_id, count, embossed_name=name)).cards
    for card in printed:
        known_secret("PAN (printed card)", card.number.reveal())
    return CardSet(tenant, [c.number.reveal() for c in printed], [c.card_id for c in printed], name)


async def create_cardholder(http: httpx.AsyncClient, tenant: Tenant, **fields: Any) -> dict[str, Any]:
    token = await tenant.app_token(http)
    tag = secrets.token_hex(4)
    body = {
        "firstName": "Ana",
        "lastName": "Pérez",
        "email": f"ana.{tag}@example.test",
        "password": USER_PASSWORD,
        **fields,
    }
    response = await http.post("/rest/users", json=body, headers=bearer(token))
    assert response.status_code == 201, response.text
    return response.json()["data"]


async def login(http: httpx.AsyncClient, tenant: Tenant, username: str, password: str = USER_PASSWORD) -> str:
    app_token = await tenant.app_token(http)
    response = await http.post(
        "/rest/users/auth/login", json={"username": username, "password": password}, headers=bearer(app_token)
    )
    assert response.status_code == 200, response.text
    return response.json()["data"]["accessToken"]


async def activate_card(http: httpx.AsyncClient, cards: CardSet, index: int, user_id: Any) -> dict[str, Any]:
    token = await cards.tenant.app_token(http)
    response = await http.post(
        "/rest/cards/activate",
        json={"userId": str(user_id), "cardNumber": cards.numbers[index], "cardholderName": cards.name},
        headers=bearer(token),
    )
    assert response.status_code == 200, response.text
    return response.json()["data"]


async def signed(
    http: httpx.AsyncClient,
    tenant: Tenant,
    method: str,
    path: str,
    body: dict[str, Any],
    *,
    token: str | None = None,
    headers: dict[str, str] | None = None,
    idempotency_key: str | None = "fresh",
) -> httpx.Response:
    """A money-moving call as integrators should make it: application Bearer, a signature over the exact
    bytes, and a fresh Idempotency-Key (pass None to send none, or a key of your own)."""
    import json

    raw = json.dumps(body).encode()
    token = token or await tenant.app_token(http)
    key = secrets.token_hex(12) if idempotency_key == "fresh" else idempotency_key
    all_headers = {
        **bearer(token),
        **tenant.signed_headers(raw, method=method, path=path, idempotency_key=key),
        **(headers or {}),
    }
    return await http.request(method, path, content=raw, headers=all_headers)


async def configure_payment_client(tenant: Tenant, **overrides: Any) -> Any:
    """The tenant's merchant client for Payment Links: GTQ then USD, 1..100000, sandbox processor with
    3/6/12 installments, one-step capture, unless overridden."""
    from decimal import Decimal

    from migo.payments import clients

    terms: dict[str, Any] = {
        "slug": tenant.client_slug,
        "display_name": "Tienda Ana",
        "channels": ("wa", "sms", "email", "web", "app"),
        "currencies": ("GTQ", "USD"),
        "min_amount": Decimal(1),
        "max_amount": Decimal(100000),
        "processors": (clients.ProcessorTerms("sandbox", installments=(3, 6, 12)),),
        "reference_prefix": "CAMPGT",
        **overrides,
    }
    async with database.transaction() as session:
        return await clients.configure_client(session, clients.ClientTerms(**terms), partner_id=tenant.partner_id)


def merchant(tenant: Tenant, bearer_prefix: bool = False) -> dict[str, str]:
    return {"Authorization": ("Bearer " if bearer_prefix else "") + tenant.merchant_token}


async def create_link(http: httpx.AsyncClient, tenant: Tenant, **fields: Any) -> dict[str, Any]:
    body = {"amount": 100, "userId": "50224865444", "channel": "wa", "client": tenant.client_slug, "ads": [], **fields}
    response = await http.post("/transactions", json=body, headers=merchant(tenant))
    assert response.status_code == 200, response.text
    return response.json()


async def sandbox_pay(
    http: httpx.AsyncClient, tenant: Tenant, uid: str, card: str = "4242424242424242", **fields: Any
) -> httpx.Response:
    body = {"cardNumber": card, "expiry": "12/34", "cvv": "123", **fields}
    return await http.post(f"/v1/sandbox/transactions/{uid}/pay", json=body, headers=merchant(tenant))


# The smallest files each format's magic bytes recognise (merchants.documents sniffs content, not names).
PDF_BYTES = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
REQUIRED_DOCUMENTS = ("ID_FRONT", "ID_BACK", "TAX_CERTIFICATE", "BANK_PROOF")
BANK_ACCOUNT_NUMBER = "0012345678901234"
known_secret("bank account number", BANK_ACCOUNT_NUMBER)  # answered and logged as its last four only


def lead_fields(**overrides: Any) -> dict[str, Any]:
    return {
        "businessName": "Café La Antigua",
        "legalName": "Cafetería La Antigua, S.A.",
        "taxId": "1234567-8",
        "country": "GT",
        "email": "hola@laantigua.example",
        "phone": "+50224865444",
        "address": "5a Avenida Norte 12, Antigua Guatemala",
        "contact": {"name": "Lucía Morales", "email": "lucia@laantigua.example", "phone": "+50255550101"},
        "bankAccount": {
            "bankName": "Banco Industrial",
            "accountNumber": BANK_ACCOUNT_NUMBER,
            "holder": "La Antigua SA",
        },
        **overrides,
    }


async def upload_document(
    http: httpx.AsyncClient, headers: dict[str, str], lead_id: str, kind: str, data: bytes = PDF_BYTES
) -> httpx.Response:
    return await http.post(
        f"/rest/leads/{lead_id}/documents", data={"type": kind}, files={"file": ("doc.pdf", data)}, headers=headers
    )


async def submitted_lead(http: httpx.AsyncClient, headers: dict[str, str], **overrides: Any) -> dict[str, Any]:
    """A lead with its bank account and every required document, in review."""
    created = await http.post("/rest/leads", json=lead_fields(**overrides), headers=headers)
    assert created.status_code == 201, created.text
    lead_id = created.json()["data"]["id"]
    for kind in REQUIRED_DOCUMENTS:
        assert (await upload_document(http, headers, lead_id, kind)).status_code == 201
    submitted = await http.post(f"/rest/leads/{lead_id}/submit", headers=headers)
    assert submitted.status_code == 200, submitted.text
    return submitted.json()["data"]  # type: ignore[no-any-return]


async def onboarded_business(http: httpx.AsyncClient, tenant: Tenant, headers: dict[str, str]) -> dict[str, Any]:
    """A lead taken through review (sandbox approval) and promoted: an ACTIVE business of the tenant. The
    tenant needs a card program (its currency prices the business)."""
    lead = await submitted_lead(http, headers)
    approved = await http.post(f"/rest/sandbox/leads/{lead['id']}/approve", headers=headers)
    assert approved.status_code == 200, approved.text
    promoted = await http.post(f"/rest/leads/{lead['id']}/promote", headers=headers)
    assert promoted.status_code == 201, promoted.text
    return {"lead": approved.json()["data"], **promoted.json()["data"]}


async def branch_with_terminal(
    http: httpx.AsyncClient, headers: dict[str, str], business_id: str, serial_number: str = "PAX-0001"
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A branch of the business and a terminal registered at it (with its credentials, shown this once)."""
    branch = await http.post(
        f"/rest/businesses/{business_id}/branches", json={"name": "Zona 10", "address": "4a Av 12-1"}, headers=headers
    )
    assert branch.status_code == 201, branch.text
    branch_id = branch.json()["data"]["id"]
    terminal = await http.post(
        f"/rest/branches/{branch_id}/terminals", json={"serialNumber": serial_number, "model": "A920"}, headers=headers
    )
    assert terminal.status_code == 201, terminal.text
    known_secret("terminal secret", terminal.json()["data"]["credentials"]["terminalSecret"])
    return branch.json()["data"], terminal.json()["data"]
