"""The benchmark's tenant, made through the services (as an operator would): a company with a card program,
N active cards of one cardholder loaded with funds, an application with an HMAC signing key, and a
merchant client for Payment Links."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.cards import service as cards
from migo.identity import applications, merchant_tokens, signing
from migo.identity.models import User
from migo.identity.principals import GatewayCaller
from migo.payments import service as payments
from migo.platform import security
from migo.platform.db import database
from migo.platform.ids import new_id
from migo.platform.secrets import Secret

CARD_BALANCE = Decimal("1000")
CLIENT_SLUG = "benchStore"
EMBOSSED = "BENCH HOLDER"


@dataclass(frozen=True)
class BenchTenant:
    company_id: uuid.UUID
    access_token: Secret
    signing_key_id: str
    signing_secret: Secret
    card_ids: list[str]
    merchant_token: Secret
    # Further merchants (token, client slug), for links of many clients at once.
    other_merchants: list[tuple[Secret, str]]


async def add_merchant_client(
    session: AsyncSession, slug: str, *, name: str, prefix: str, capture_mode: str = "automatic"
) -> Secret:
    """A Payment Link client (GTQ, 1 to 100,000, the sandbox processor) with its Middleware application, as an
    operator configures one; answers its merchant token."""
    application = await applications.create_application(session, kind="middleware", name=name, client_slug=slug)
    token = (await merchant_tokens.issue(session, application.application.id)).token
    await payments.configure_client(
        session,
        payments.ClientTerms(
            slug=slug,
            display_name=name,
            channels=("wa", "web"),
            currencies=("GTQ",),
            min_amount=Decimal(1),
            max_amount=Decimal(100000),
            processors=(payments.ProcessorTerms("sandbox", installments=(3, 6)),),
            reference_prefix=prefix,
            capture_mode=capture_mode,
        ),
    )
    return token


async def provision(card_count: int, other_merchants: int = 0) -> BenchTenant:
    async with database.transaction() as session:
        partner = await applications.create_partner(session, "Benchmark partner")
        company = await applications.create_company(session, partner, "Benchmark company")
        gateway = await applications.create_application(session, kind="gateway", name="bench", company=company)
        key = await signing.create_key(session, gateway.application.id)
        merchant_token = await add_merchant_client(session, CLIENT_SLUG, name="Bench store", prefix="BENCH")
        others = []
        for n in range(other_merchants):
            slug = f"{CLIENT_SLUG}{n + 2}"
            token = await add_merchant_client(session, slug, name=f"Bench store {n + 2}", prefix=f"B{n + 2}")
            others.append((token, slug))
        holder = User(
            id=new_id(),
            company_id=company.id,
            username=f"bench.{uuid.uuid4().hex[:6]}",
            email="bench@example.test",
            first_name="Bench",
            last_name="Holder",
            password_hash=await security.hash_secret(uuid.uuid4().hex),
        )
        session.add(holder)
        await cards.provision_program(
            session, company.id, cards.ProgramTerms(name="Bench program", currency="GTQ", bin="489551")
        )
        await cards.deposit_funding(session, company.id, CARD_BALANCE * card_count)
        printed = (await cards.print_cards(session, company.id, card_count, embossed_name=EMBOSSED)).cards
        tokens = await applications.issue_application_tokens(session, gateway.application)
    caller = GatewayCaller(application_id=gateway.application.id, company_id=company.id, user_id=None)
    actor = cards.Actor("application", str(gateway.application.id), "api")
    card_ids = []
    for start in range(0, len(printed), 100):
        async with database.transaction() as session:
            for line in printed[start : start + 100]:
                card = await cards.activate(
                    session,
                    company_id=company.id,
                    user_id=holder.id,
                    card_number=line.number,
                    cardholder_name=EMBOSSED,
                    actor=actor,
                )
                await cards.move_funds(session, caller, card.id, "load", CARD_BALANCE, "benchmark float")
                card_ids.append(str(card.id))
    await database.dispose()
    assert key.secret is not None
    return BenchTenant(
        company_id=company.id,
        access_token=tokens.access_token,
        signing_key_id=key.key.id,
        signing_secret=key.secret,
        card_ids=card_ids,
        merchant_token=merchant_token,
        other_merchants=others,
    )
