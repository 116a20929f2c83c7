"""Merchant client configurations, and the ledger accounts the payment-link business books into."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Select, bindparam, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger
from migo.platform import clock, processing
from migo.platform.errors import ApiError
from migo.platform.processing import ON_US_PROCESSOR

from .errors import PAYMENT_ERRORS
from .models import PaymentAccount, PaymentClient
from .processors import known_processors

CAPTURE_MODES = ("automatic", "manual")


@dataclass(frozen=True)
class ProcessorTerms:
    """A processor a client uses: for which card brands (empty: all) and which installment counts it offers
    on credit cards (1 is always allowed)."""

    name: str
    brands: tuple[str, ...] = ()
    installments: tuple[int, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "brands": list(self.brands), "installments": list(self.installments)}


@dataclass(frozen=True)
class ClientTerms:
    slug: str
    display_name: str
    channels: tuple[str, ...]
    currencies: tuple[str, ...]
    min_amount: Decimal
    max_amount: Decimal
    processors: tuple[ProcessorTerms, ...]
    reference_prefix: str
    capture_mode: str = "automatic"
    link_lifetime_seconds: int = 24 * 3600
    max_attempts: int = 3
    logo_url: str | None = None
    brand_color: str = "#0b5cff"
    allowed_return_origins: tuple[str, ...] = ()
    default_return_url: str | None = None
    velocity: tuple[int, int, int] = (5, 60, 24 * 60)  # declines, within minutes, suspended for minutes
    allowed_brands: tuple[str, ...] = field(default=())
    allowed_card_types: tuple[str, ...] = field(default=())
    allowed_countries: tuple[str, ...] = field(default=())

    def check(self) -> None:
        """Refuse a configuration no link could be paid under (a programming or operator error)."""
        problems = []
        if not self.channels:
            problems.append("at least one channel")
        if not self.currencies or any(len(c) != 3 or not c.isalpha() or not c.isupper() for c in self.currencies):
            problems.append("one or more ISO 4217 currencies, upper case")
        if not (Decimal(0) < self.min_amount <= self.max_amount):
            problems.append("0 < min amount <= max amount")
        if not self.processors or any(p.name not in configurable_processors() for p in self.processors):
            problems.append(f"processors among {', '.join(configurable_processors())}")
        if self.capture_mode not in CAPTURE_MODES:
            problems.append("capture mode automatic or manual")
        if not self.reference_prefix.isalnum() or len(self.reference_prefix) > 12:
            problems.append("an alphanumeric reference prefix of at most 12 characters")
        if any(
            normalize_origin(origin.removesuffix(":*")) != origin.removesuffix(":*")
            for origin in self.allowed_return_origins
        ):
            problems.append("return origins as scheme://host[:port], or scheme://host:* for any port")
        if self.default_return_url is not None and not origin_allowed(
            list(self.allowed_return_origins), self.default_return_url
        ):
            problems.append("a default return URL on one of the allowed return origins")
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", self.brand_color):
            problems.append("a brand colour as #rrggbb")
        if self.logo_url is not None and (
            normalize_origin(self.logo_url) is None or not self.logo_url.startswith("https://")
        ):
            problems.append("a logo URL over https")
        if problems:
            raise ValueError("a client configuration needs " + "; ".join(problems))


def configurable_processors() -> list[str]:
    """The processors a client may name: every known one but the on-us processor, which no client chooses (a
    card Migo issued goes to it whatever the client's processor for its brand)."""
    return [name for name in known_processors() if name != ON_US_PROCESSOR]


# What browsers and URL parsers read differently (a backslash is a slash to a browser, not to Python),
# so a URL holding any of these is refused rather than interpreted.
_AMBIGUOUS = re.compile(r"[\\\s\x00-\x1f\x7f]")


def normalize_origin(url: str) -> str | None:
    """`scheme://host[:port]` of a plain http(s) URL, lower case; None when it is not one, or when it is one
    that browsers could read otherwise (backslashes, whitespace, control characters, credentials)."""
    if _AMBIGUOUS.search(url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return None
    return f"{parts.scheme}://{parts.hostname}" + (f":{port}" if port else "")


def origin_allowed(allowed: list[str], url: str) -> bool:
    """Whether the URL's origin is listed; `scheme://host:*` allows that host on any port (local storefronts)."""
    origin = normalize_origin(url)
    if origin is None:
        return False
    any_port = origin.rsplit(":", 1)[0] + ":*" if origin.count(":") == 2 else origin + ":*"
    return origin in allowed or any_port in allowed


async def configure_client(
    session: AsyncSession, terms: ClientTerms, *, partner_id: uuid.UUID | None = None
) -> PaymentClient:
    """Create the client `terms.slug`, or bring an existing one to these terms (its reference sequence
    carries on)."""
    terms.check()
    client = await session.scalar(select(PaymentClient).where(PaymentClient.slug == terms.slug).with_for_update())
    if client is None:
        client = PaymentClient(slug=terms.slug, reference_sequence=0, partner_id=partner_id)
        session.add(client)
    else:
        client.updated_at = clock.now()
    declines, window, suspension = terms.velocity
    client.display_name = terms.display_name
    client.logo_url = terms.logo_url
    client.brand_color = terms.brand_color
    client.channels = list(terms.channels)
    client.currencies = list(terms.currencies)
    client.min_amount = terms.min_amount
    client.max_amount = terms.max_amount
    client.processors = [p.as_json() for p in terms.processors]
    client.capture_mode = terms.capture_mode
    client.reference_prefix = terms.reference_prefix
    client.link_lifetime_seconds = terms.link_lifetime_seconds
    client.max_attempts = terms.max_attempts
    client.velocity_declines, client.velocity_window_minutes, client.velocity_suspension_minutes = (
        declines,
        window,
        suspension,
    )
    client.allowed_brands = list(terms.allowed_brands)
    client.allowed_card_types = list(terms.allowed_card_types)
    client.allowed_countries = list(terms.allowed_countries)
    client.allowed_return_origins = list(terms.allowed_return_origins)
    client.default_return_url = terms.default_return_url
    client.status = "active"
    await session.flush()
    return client


_CLIENT_BY_SLUG = select(PaymentClient).where(PaymentClient.slug == bindparam("slug"))


async def client_for_merchant(session: AsyncSession, slug: str, merchant_slug: str) -> PaymentClient:
    """The client a merchant names in a request: its own and active, else 5004 (another merchant's
    client is as unknown as a missing one)."""
    client = None
    if slug == merchant_slug:
        client = await session.scalar(_CLIENT_BY_SLUG, {"slug": slug})
    return _usable(client, slug)


async def client_for_merchant_with(
    session: AsyncSession, slug: str, merchant_slug: str, statement: Select[Any], params: dict[str, Any]
) -> tuple[PaymentClient, Any]:
    """`client_for_merchant` through `statement`, which selects the client by :slug and one more column."""
    row = None
    if slug == merchant_slug:
        row = (await session.execute(statement, {"slug": slug, **params})).first()
    return _usable(row[0] if row else None, slug), row[1] if row else None


def _usable(client: PaymentClient | None, slug: str) -> PaymentClient:
    if client is None or client.status != "active":
        raise ApiError(PAYMENT_ERRORS.CLIENT_NOT_FOUND, f"client: no client {slug!r} is configured for this merchant.")
    return client


def require_amount_in_range(minimum: Decimal, maximum: Decimal, amount: Decimal) -> None:
    """A link's or a charge's amount inside the client's range, else 2003 (seed 002)."""
    if not minimum <= amount <= maximum:
        raise ApiError(
            PAYMENT_ERRORS.AMOUNT_OUT_OF_RANGE,
            f"amount: must be between {int(minimum)} and {int(maximum)} for this client.",
        )


def processor_terms(client: PaymentClient) -> list[ProcessorTerms]:
    return [
        ProcessorTerms(p["name"], tuple(p.get("brands") or ()), tuple(p.get("installments") or ()))
        for p in client.processors
    ]


def processor_for_brand(client: PaymentClient, brand: str) -> ProcessorTerms | None:
    """The client's first processor that takes this card brand."""
    return next((p for p in processor_terms(client) if not p.brands or brand in p.brands), None)


async def processor_for_card(
    session: AsyncSession, client: PaymentClient, brand: str, digits: str
) -> ProcessorTerms | None:
    """The processor that charges this card (its full number, or the leading digits typed so far) for the
    client: its processor for the card's brand, except that a card Migo issued is charged on-us (the on-us
    processor, through the ledger), in one payment. Either way the client must take the brand."""
    terms = processor_for_brand(client, brand)
    if terms is not None and await processing.issued_by_us(session, digits):
        return ProcessorTerms(ON_US_PROCESSOR, terms.brands)
    return terms


def installment_options(terms: ProcessorTerms, card_type: str) -> list[int]:
    """Installments are an issuer credit product: offered on credit cards (and cards of unknown type)."""
    if card_type not in ("credit", "unknown"):
        return [1]
    return sorted({1, *terms.installments})


# Ledger accounts, one per (purpose, owner, currency), opened the first time they are needed.


async def _account(session: AsyncSession, key: str, *, kind: str, currency: str, allow_negative: bool) -> uuid.UUID:
    found = await session.scalar(select(PaymentAccount.account_id).where(PaymentAccount.key == key))
    if found is not None:
        return found
    # Two first payments at once must not open two accounts.
    await session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 7400004))"), {"key": key})
    found = await session.scalar(select(PaymentAccount.account_id).where(PaymentAccount.key == key))
    if found is not None:
        return found
    account = await ledger.open_account(
        session, kind=kind, currency=currency, company_id=None, allow_negative=allow_negative
    )
    session.add(PaymentAccount(key=key, account_id=account.id))
    await session.flush()
    return account.id


async def merchant_account(session: AsyncSession, client: PaymentClient, currency: str) -> uuid.UUID:
    """What the merchant is owed from captured payments, less refunds."""
    return await _account(
        session, f"merchant:{client.id}:{currency}", kind="merchant_balance", currency=currency, allow_negative=False
    )


async def clearing_account(session: AsyncSession, processor: str, currency: str) -> uuid.UUID:
    """What the processor owes the platform for captures (negative: money in flight from the card networks).
    The on-us processor's is the ledger's on-us clearing account, the one it debits the cards into: after a
    capture is booked out of it, it is back to zero."""
    if processor == ON_US_PROCESSOR:
        return (await ledger.system_account(session, kind=ledger.ON_US_CLEARING, currency=currency)).id
    return await _account(
        session,
        f"clearing:{processor}:{currency}",
        kind="processor_clearing",
        currency=currency,
        allow_negative=True,
    )
