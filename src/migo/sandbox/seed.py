"""The sandbox tenant: one partner, one company, an application per surface, an operator, a cardholder.

Every credential is derived from the master secret, so `migo sandbox` prints the same working values each
time and re-creates them after a database reset; only digests and hashes are stored.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from migo.cards import service as cards
from migo.identity import applications, merchant_tokens, operators, signing
from migo.identity.models import Application, Company, MerchantToken, Operator, Partner, SigningKey, User
from migo.identity.service import KeyPair
from migo.payments import service as payments
from migo.platform import clock, security
from migo.platform.secrets import Password, Secret
from migo.platform.settings import get_settings
from migo.webhooks import inbound

_SEED_LOCK = 7_400_002
_NAMESPACE = uuid.UUID("5b0c1f9e-6f4e-4f57-9a43-3f3d6f0b6a11")
CLIENT_SLUG = "migoDeveloper"  # the slug seed 004's examples use
SIGNING_KEY_ID = "key_sandbox"


def _id(label: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"sandbox:{label}")


def _secret(label: str) -> str:
    return security.deterministic_secret(f"sandbox:{label}")


async def _ensure_application(
    session: AsyncSession,
    *,
    kind: applications.ApplicationKind,
    name: str,
    client_id: str,
    secret_name: str | None = None,
    **tenant: Any,
) -> Application:
    secret = _secret(secret_name or f"{kind}.clientSecret")
    application = await session.scalar(select(Application).where(Application.client_id == client_id))
    if application is None:
        created = await applications.create_application(
            session,
            kind=kind,
            name=name,
            client_id=client_id,
            client_secret=Secret(secret),
            public_key=f"pk_sandbox_{_secret(f'{kind}.publicKey')[:24]}" if kind == "middleware" else None,
            private_key=Secret(_secret(f"{kind}.privateKey")) if kind == "middleware" else None,
            **tenant,
        )
        return created.application
    # The master secret may have changed since this database was seeded: make the stored hash match.
    if not await security.verify_secret(application.client_secret_hash, secret):
        application.client_secret_hash = await security.hash_secret(secret)
    if kind == "middleware":
        application.private_key_digest = security.token_digest(_secret(f"{kind}.privateKey"))
    return application


SANDBOX_PROGRAM = cards.ProgramTerms(
    name="Migo Developer prepaid",
    currency="GTQ",
    bin="489551",
    max_balance=Decimal("50000"),
    per_transfer_limit=Decimal("10000"),
    daily_transfer_limit=Decimal("25000"),
)
SANDBOX_FUNDING = Decimal("1000000")
SANDBOX_STOCK = 3
SANDBOX_EMBOSSED_NAME = "SANDBOX CARDHOLDER"

# The sandbox merchant's Payment Link configuration: every channel and seed 003's currencies, installments
# on credit cards, one-step capture, links valid for 7 days, and return to any local storefront.
SANDBOX_CLIENT = payments.ClientTerms(
    slug=CLIENT_SLUG,
    display_name="Migo Developer Store",
    channels=("wa", "sms", "email", "web", "app"),
    currencies=("GTQ", "USD", "MXN", "CRC", "HNL", "DOP", "COP", "SVC"),
    min_amount=Decimal(1),
    max_amount=Decimal(100000),
    processors=(payments.ProcessorTerms("sandbox", installments=(3, 6, 12)),),
    reference_prefix="MIGODV",
    capture_mode="automatic",
    link_lifetime_seconds=7 * 24 * 3600,
    allowed_return_origins=("http://localhost:*", "http://127.0.0.1:*"),
)


async def _ensure_card_program(session: AsyncSession, company_id: uuid.UUID) -> None:
    """The sandbox company's program, funded once, with a few unassigned cards always in stock."""
    await cards.provision_program(session, company_id, SANDBOX_PROGRAM)
    await cards.deposit_funding(session, company_id, SANDBOX_FUNDING, reference="sandbox:initial-funding")
    missing = SANDBOX_STOCK - len(await cards.unassigned_stock(session, company_id, SANDBOX_STOCK))
    if missing > 0:
        await cards.print_cards(session, company_id, missing, embossed_name=SANDBOX_EMBOSSED_NAME)


async def _ensure_admin(session: AsyncSession, partner: Partner, name: str, username: str, display_name: str) -> str:
    """The partner's `admin` operator, with the password derived for it (made to match again if changed)."""
    password = _secret(f"cms.{name}Password")[:20] + "9a"
    operator = await session.get(Operator, _id(name))
    if operator is None:
        await operators.create_operator(
            session,
            partner,
            username=username,
            password=Password(password),
            display_name=display_name,
            roles=["admin"],
            operator_id=_id(name),
        )
    elif not await security.verify_secret(operator.password_hash, password):
        operator.password_hash = await security.hash_secret(password)
    return password


async def ensure_sandbox(session: AsyncSession) -> dict[str, Any]:
    """Create whatever of the sandbox tenant is missing and return the cheat sheet."""
    settings = get_settings()
    await session.execute(text(f"SELECT pg_advisory_xact_lock({_SEED_LOCK})"))

    partner = await session.get(Partner, _id("partner")) or await applications.create_partner(
        session, "Migo Sandbox Partner", partner_id=_id("partner")
    )
    company = await session.get(Company, _id("company")) or await applications.create_company(
        session, partner, "Migo Developer", company_id=_id("company")
    )
    gateway = await _ensure_application(
        session, kind="gateway", name="Sandbox wallet app", client_id="gw_sandbox", company=company
    )
    cms = await _ensure_application(
        session, kind="cms", name="Sandbox back office", client_id="cms_sandbox", partner=partner
    )
    middleware = await _ensure_application(
        session, kind="middleware", name="Sandbox merchant", client_id="mw_sandbox", client_slug=CLIENT_SLUG
    )

    merchant_token = _secret("middleware.merchantToken").replace("-", "").replace("_", "")
    seeded = await session.scalar(
        select(MerchantToken).where(MerchantToken.token_digest == security.token_digest(merchant_token))
    )
    if seeded is None:
        await merchant_tokens.issue(session, middleware.id, Secret(merchant_token))
    else:  # revoked through the API since: the cheat sheet's credentials always work, so it comes back
        seeded.revoked_at = None

    signing_secret = Secret(_secret("gateway.signingSecret"))
    key = await session.get(SigningKey, SIGNING_KEY_ID)
    if key is None:
        await signing.create_key(
            session, gateway.id, valid_for=timedelta(days=3650), key_id=SIGNING_KEY_ID, secret=signing_secret
        )
    else:  # rotated away or revoked by someone testing: make the printed key work again
        signing.ensure_hmac_secret(key, signing_secret)
        key.revoked_at = None
        key.expires_at = max(key.expires_at, clock.now() + timedelta(days=3650))

    operator_password = await _ensure_admin(session, partner, "operator", "sandbox.admin", "Sandbox administrator")
    # The platform's own partner: its operators are global, acting on every partner (the sandbox's included).
    platform = await applications.platform_partner(session) or await applications.create_partner(
        session, "Migo Platform", partner_id=_id("platform"), platform=True
    )
    platform_cms = await _ensure_application(
        session,
        kind="cms",
        name="Platform back office",
        client_id="cms_platform",
        secret_name="cms.platformClientSecret",
        partner=platform,
    )
    platform_password = await _ensure_admin(
        session, platform, "platformOperator", "platform.admin", "Platform administrator"
    )

    cardholder_password = _secret("gateway.cardholderPassword")[:20] + "7b"
    cardholder = await session.get(User, _id("cardholder"))
    if cardholder is not None and not await security.verify_secret(cardholder.password_hash, cardholder_password):
        cardholder.password_hash = await security.hash_secret(cardholder_password)
    if cardholder is None:
        session.add(
            User(
                id=_id("cardholder"),
                company_id=company.id,
                username="sandbox.cardholder",
                email="cardholder@sandbox.migo.test",
                phone="+50200000000",
                first_name="Sandbox",
                last_name="Cardholder",
                password_hash=await security.hash_secret(cardholder_password),
                status="active",
            )
        )
    await session.flush()

    await _ensure_card_program(session, company.id)
    # an operator's later changes to the sandbox client are kept
    if not await payments.client_exists(session, CLIENT_SLUG):
        await payments.configure_client(session, SANDBOX_CLIENT, partner_id=partner.id)
    stock = await cards.unassigned_stock(session, company.id, SANDBOX_STOCK)

    base = settings.public_url.rstrip("/")
    return {
        "environment": settings.environment,
        "baseUrl": base,
        "surfaces": {
            "middleware": {"baseUrl": base, "docs": f"{base}/docs"},
            "gateway": {"baseUrl": f"{base}/rest", "docs": f"{base}/rest/docs"},
            "cms": {"baseUrl": f"{base}/cms/rest", "docs": f"{base}/cms/rest/docs"},
            # The CMS operators below sign in here too: the account is their partner's id.
            "dashboard": {"url": f"{base}/dashboard/", "signIn": f"{base}/dashboard/login?account={partner.id}"},
        },
        "gateway": {
            "clientId": gateway.client_id,
            "clientSecret": _secret("gateway.clientSecret"),
            "companyId": str(company.id),
            "signingKeyId": SIGNING_KEY_ID,
            "signingSecret": signing_secret.reveal(),
            "cardholder": {"username": "sandbox.cardholder", "password": cardholder_password},
            # What the card processor and the acquirer sign their notices to /rest/webhooks/volcan and
            # /rest/webhooks/settlements with (Standard Webhooks).
            "inboundWebhookSecrets": {
                "volcan": inbound.secret_of("volcan").reveal(),
                "settlements": inbound.secret_of("settlements").reveal(),
            },
        },
        "cms": {
            "clientId": cms.client_id,
            "clientSecret": _secret("cms.clientSecret"),
            "partnerId": str(partner.id),
            "operator": {"username": "sandbox.admin", "password": operator_password},
            # A global operator: signs in through the platform's CMS application and acts on every partner.
            "platform": {
                "clientId": platform_cms.client_id,
                "clientSecret": _secret("cms.platformClientSecret"),
                "partnerId": str(platform.id),
                "operator": {"username": "platform.admin", "password": platform_password},
            },
        },
        "middleware": {
            "client": CLIENT_SLUG,
            "merchantToken": merchant_token,
            # The Middleware application's credentials, for `POST /auth/token` (an access token instead).
            "clientId": middleware.client_id,
            "clientSecret": _secret("middleware.clientSecret"),
            "publicKey": middleware.public_key,
            "privateKey": _secret("middleware.privateKey"),
            # The key pair's amount range (`migo clients key-range` scopes it); null: the client's own bound.
            "keyPairAmounts": KeyPair.of(middleware).amounts(),
            "createLink": f"{base}/transactions",
            "channels": list(SANDBOX_CLIENT.channels),
            "currencies": list(SANDBOX_CLIENT.currencies),
        },
        "cardProgram": {"currency": SANDBOX_PROGRAM.currency, "bin": SANDBOX_PROGRAM.bin},
        "cardStock": [{"number": card.number.reveal(), "name": card.name, "expiry": card.expiry} for card in stock],
        "testCards": [
            {"number": c.number, "brand": c.brand, "outcome": c.outcome, "description": c.description}
            for c in payments.TEST_CARDS
        ],
        "subscriptions": {
            "verifyCard": f"{base}/v1/subscriptions/verify-card",
            "testClock": f"{base}/v1/sandbox/subscriptions/{{subscriptionId}}/advance",
            "renewingCard": "4242424242424242",
            "decliningCard": "4000000000000341",
            "note": "4242... renews every period; 4000000000000341 verifies (the zero-amount check passes) but "
            "every charge is declined: with a trial, advancing past its end walks the whole grace path.",
        },
        "threeDsCode": payments.THREE_DS_PASS_CODE,
    }
