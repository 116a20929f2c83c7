"""Tenants and applications: provisioning, client-credential tokens and key pairs (merchant tokens: merchant_tokens)."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import new_id, prefixed
from migo.platform.ratelimit import Limit
from migo.platform.secrets import Secret
from migo.platform.settings import get_settings

from . import tokens
from .access import client_applications, readable
from .errors import IDENTITY_ERRORS
from .models import Application, Company, Partner
from .partners import LIFETIME_FIELDS, TokenLifetimes, get_partner
from .passwords import PasswordGate

ApplicationKind = Literal["gateway", "cms", "middleware"]
# What a partner's back office registers: its own CMS application, or a Gateway application of one of its companies.
PartnerApplicationKind = Literal["cms", "gateway"]
_AUDIENCE: dict[str, tokens.Audience] = {"gateway": "gateway", "cms": "cms", "middleware": "middleware"}

# A backend asks for a token every 30 minutes and refreshes it in between; an address sending 60 tries in 5
# minutes, or 10 wrong secrets for one clientId in 15, is guessing or burning the server's CPU on Argon2id.
# The address limit is shared by the Gateway and the CMS: both spend the same CPU. Wrong secrets count per
# clientId *and address*: a clientId is not a secret, so counting them per clientId alone would let anyone
# who knows one lock its backend out; a client secret is random, so guessing it spread over many addresses
# is hopeless anyway.
CLIENT_SECRET_GATE = PasswordGate(
    per_ip=Limit("client-token-ip", attempts=60, window_seconds=300),
    failures_per_account=Limit("client-secret-failures", attempts=10, window_seconds=900),
    refusal="clientId and clientSecret do not match an active application.",
)


@dataclass(frozen=True)
class NewApplication:
    """An application with its credentials, to be revealed once, at creation (only their hashes are kept)."""

    application: Application
    client_secret: Secret
    private_key: Secret | None = None


async def create_partner(
    session: AsyncSession,
    name: str,
    partner_id: uuid.UUID | None = None,
    *,
    lifetimes: TokenLifetimes | None = None,
    platform: bool = False,
) -> Partner:
    """A partner whose tokens live `lifetimes` (400 naming those out of bounds), or the settings' defaults.
    `platform`: the platform's own partner, whose operators act on every partner (there is at most one)."""
    if lifetimes is not None:
        lifetimes.require_sane(LIFETIME_FIELDS)
    partner = Partner(
        id=partner_id or new_id(),
        name=name,
        platform=platform,
        **dataclasses.asdict(lifetimes or TokenLifetimes.defaults()),
    )
    session.add(partner)
    await session.flush()
    return partner


async def platform_partner(session: AsyncSession) -> Partner | None:
    return await session.scalar(select(Partner).where(Partner.platform.is_(True)))


async def create_company(
    session: AsyncSession, partner: Partner, name: str, company_id: uuid.UUID | None = None
) -> Company:
    company = Company(id=company_id or new_id(), partner_id=partner.id, name=name)
    session.add(company)
    await session.flush()
    return company


async def create_application(
    session: AsyncSession,
    *,
    kind: ApplicationKind,
    name: str,
    company: Company | None = None,
    partner: Partner | None = None,
    client_slug: str | None = None,
    client_id: str | None = None,
    client_secret: Secret | None = None,
    public_key: str | None = None,
    private_key: Secret | None = None,
) -> NewApplication:
    """Register an application; credentials are generated unless given (the sandbox derives stable ones)."""
    secret = client_secret or Secret(security.random_token(32))
    application = Application(
        id=new_id(),
        kind=kind,
        name=name,
        company_id=company.id if company else None,
        partner_id=partner.id if partner else (company.partner_id if company else None),
        client_slug=client_slug,
        client_id=client_id or prefixed(f"{kind[:3]}", 12),
        client_secret_hash=await security.hash_secret(secret.reveal()),
    )
    if kind == "middleware":
        private_key = private_key or Secret(security.random_token(32))
        application.public_key = public_key or prefixed("pk", 16)
        application.private_key_digest = security.token_digest(private_key.reveal())
    session.add(application)
    await session.flush()
    return NewApplication(application, secret, private_key)


async def add_partner_company(session: AsyncSession, partner_id: uuid.UUID, name: str) -> Company:
    """A new company of the partner (404/7812 when there is no such partner); its card program is provisioned
    apart."""
    return await create_company(session, await get_partner(session, partner_id), name)


async def add_partner_application(
    session: AsyncSession,
    partner_id: uuid.UUID,
    *,
    kind: PartnerApplicationKind,
    name: str,
    company_id: uuid.UUID | None,
) -> NewApplication:
    """A CMS application of the partner (its operators sign in through it), or a Gateway application of
    `company_id`, one of the partner's companies (the caller checked it). Its client secret is generated and
    only its hash kept: the answer is the one place it is shown."""
    partner = await get_partner(session, partner_id)
    company = None
    if company_id is not None:
        company = await session.scalar(readable(Company, partner_id).where(Company.id == company_id))
        assert company is not None  # the caller named one of the partner's companies
    return await create_application(session, kind=kind, name=name, partner=partner, company=company)


async def authenticate_client(
    session: AsyncSession, client_id: str, client_secret: Secret, kind: ApplicationKind, *, client_ip: str
) -> Application:
    """The active application behind a clientId/clientSecret pair. Each try runs Argon2id, so tries are
    limited like logins: per address, and wrong secrets per clientId (whatever address they come from)."""
    application = await session.scalar(
        select(Application).where(Application.client_id == client_id, Application.kind == kind)
    )
    # Verified even when the client does not exist, so timing does not reveal which client ids are real.
    await CLIENT_SECRET_GATE.verify(
        client_ip=client_ip,
        account=f"{kind}:{client_id}@{client_ip}",
        stored_hash=application.client_secret_hash if application else None,
        password=client_secret,
    )
    assert application is not None
    if application.status != "active":
        raise ApiError(ERRORS.INVALID_CREDENTIALS, CLIENT_SECRET_GATE.refusal)
    return application


def _tenant_of(application: Application) -> uuid.UUID:
    """The tenant an application's access token names: its company (Gateway), its partner (CMS), or, for a
    Middleware application, which a client slug owns rather than a partner, the application itself (a merchant's
    reads are scoped by it and its client)."""
    if application.kind == "middleware":
        return application.id
    tenant = application.company_id if application.kind == "gateway" else application.partner_id
    assert tenant is not None
    return tenant


async def issue_application_tokens(session: AsyncSession, application: Application) -> tokens.IssuedTokens:
    settings = get_settings()
    return await tokens.issue(
        session,
        subject_id=application.id,
        kind="app",
        audience=_AUDIENCE[application.kind],
        application_id=application.id,
        tenant_id=_tenant_of(application),
        access_ttl=settings.app_access_ttl_seconds,
        refresh_ttl=settings.app_refresh_ttl_seconds,
    )


async def refresh_application_tokens(
    session: AsyncSession, refresh_token: Secret, kind: ApplicationKind
) -> tokens.IssuedTokens:
    spent = await tokens.spend_refresh_token(session, refresh_token, kind="app")
    application = await session.get(Application, spent.application_id)
    if application is None or application.kind != kind or application.status != "active":
        raise ApiError(ERRORS.INVALID_REFRESH_TOKEN)
    settings = get_settings()
    return await tokens.issue(
        session,
        subject_id=application.id,
        kind="app",
        audience=_AUDIENCE[kind],
        application_id=application.id,
        tenant_id=_tenant_of(application),
        access_ttl=settings.app_access_ttl_seconds,
        refresh_ttl=settings.app_refresh_ttl_seconds,
        family_id=spent.family_id,
    )


@dataclass(frozen=True)
class KeyPair:
    """A Middleware application's `/transactions-hook` key pair as the payments domain sees it: the client it
    creates links for, and the amounts it may create them for (None: up to the client's own bound)."""

    application_id: uuid.UUID
    public_key: str
    client_slug: str
    min_amount: Decimal | None
    max_amount: Decimal | None

    @classmethod
    def of(cls, application: Application) -> KeyPair:
        # a Middleware application's, which has both
        assert application.public_key is not None
        assert application.client_slug is not None
        return cls(
            application.id,
            application.public_key,
            application.client_slug,
            application.hook_min_amount,
            application.hook_max_amount,
        )

    def amounts(self) -> dict[str, int | None]:
        """Its range as the `migo` command and the sandbox's cheat sheet show it: whole units (as links' amounts
        are), null for the client's own bound."""
        return {
            "minAmount": None if self.min_amount is None else int(self.min_amount),
            "maxAmount": None if self.max_amount is None else int(self.max_amount),
        }


def _key_pair_application(public_key: str) -> Select[Application]:
    return select(Application).where(
        Application.public_key == public_key, Application.kind == "middleware", Application.status == "active"
    )


async def merchant_application_id(session: AsyncSession, client_slug: str) -> uuid.UUID | None:
    """The client's first Middleware application: the one a link made for the client from the back office is
    made on behalf of (None: the client has none, so no link can be made for it)."""
    return await session.scalar(
        client_applications(client_slug)
        .with_only_columns(Application.id)
        .order_by(Application.created_at, Application.id)
        .limit(1)
    )


async def authenticate_key_pair(session: AsyncSession, public_key: str, private_key: Secret) -> KeyPair:
    """The key pair of a `/transactions-hook` body's publicKey/privateKey, else 2007."""
    application = await session.scalar(_key_pair_application(public_key))
    digest = security.token_digest(private_key.reveal())
    if application is None or not security.constant_time_equals(application.private_key_digest or b"", digest):
        raise ApiError(IDENTITY_ERRORS.INVALID_KEYS)
    return KeyPair.of(application)


async def key_pair(session: AsyncSession, public_key: str) -> KeyPair:
    """The active key pair with this publicKey (an operator scoping it), else 2007."""
    return KeyPair.of(await _key_pair_owner(session, public_key))


async def set_key_pair_range(
    session: AsyncSession, public_key: str, min_amount: Decimal | None, max_amount: Decimal | None
) -> KeyPair:
    """Store a key pair's amount range; whether it fits the client's is the payments domain's rule, checked
    before (`payments.service.scope_key_pair`)."""
    application = await _key_pair_owner(session, public_key)
    application.hook_min_amount, application.hook_max_amount = min_amount, max_amount
    await session.flush()
    return KeyPair.of(application)


async def _key_pair_owner(session: AsyncSession, public_key: str) -> Application:
    application = await session.scalar(_key_pair_application(public_key))
    if application is None:
        raise ApiError(IDENTITY_ERRORS.INVALID_KEYS, f"No active Middleware application has publicKey {public_key!r}.")
    return application
