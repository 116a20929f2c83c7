"""Merchant client configurations, and the ledger accounts the payment-link business books into."""

from __future__ import annotations

import dataclasses
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import urlsplit

from sqlalchemy import bindparam, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger
from migo.platform import clock, processing
from migo.platform.db import driver_sql, fetch_one
from migo.platform.errors import ApiError
from migo.platform.processing import ON_US_PROCESSOR
from migo.platform.wire import FieldProblem

from . import suspensions
from .bins import CARD_TYPES
from .errors import PAYMENT_ERRORS
from .models import PaymentAccount, PaymentClient
from .processors import known_processors

_Client = TypeVar("_Client", "PaymentClient", "LinkClient")

CAPTURE_MODES = ("automatic", "manual")
MAX_INSTALLMENTS = 48
MIN_LINK_LIFETIME_SECONDS, MAX_LINK_LIFETIME_SECONDS = 60, 30 * 24 * 3600
MAX_ATTEMPTS = 20
MAX_VELOCITY_DECLINES = 1000
YEAR_MINUTES = 365 * 24 * 60


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
class CheckoutField:
    """A customKey the checkout shows (seed 002: customKeys are "available to webview templates"): its label,
    and the key of the link's customKeys whose value is shown beside it."""

    label: str
    key: str

    def as_json(self) -> dict[str, str]:
        return {"label": self.label, "key": self.key}


MAX_CHECKOUT_FIELDS = 10


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
    checkout_fields: tuple[CheckoutField, ...] = field(default=())

    def check(self) -> None:
        """Refuse a configuration no link could be paid under (a programming or operator error)."""
        problems = self.problems()
        if problems:
            raise ValueError("a client configuration needs " + "; ".join(need for _, need in problems))

    def problems(self) -> list[FieldProblem]:
        """What the configuration lacks: (the fields at fault, what they need), in the order `check` says them."""
        problems: list[FieldProblem] = []

        def need(fields: str, what: str) -> None:
            problems.append((tuple(fields.split()), what))

        if not self.channels:
            need("channels", "at least one channel")
        if not self.currencies or any(len(c) != 3 or not c.isalpha() or not c.isupper() for c in self.currencies):
            need("currencies", "one or more ISO 4217 currencies, upper case")
        if not (Decimal(0) < self.min_amount <= self.max_amount):
            need("min_amount max_amount", "0 < min amount <= max amount")
        # A link's amount is in whole units (CONTRACT §5), so is its range.
        if self.min_amount % 1 or self.max_amount % 1:
            need("min_amount max_amount", "amounts in whole units")
        if not self.processors or any(p.name not in configurable_processors() for p in self.processors):
            need("processors", f"processors among {', '.join(configurable_processors())}")
        if any(not 1 <= count <= MAX_INSTALLMENTS for p in self.processors for count in p.installments):
            need("processors", f"installment counts from 1 to {MAX_INSTALLMENTS}")
        if self.capture_mode not in CAPTURE_MODES:
            need("capture_mode", "capture mode automatic or manual")
        if not self.reference_prefix.isalnum() or len(self.reference_prefix) > 12:
            need("reference_prefix", "an alphanumeric reference prefix of at most 12 characters")
        if not MIN_LINK_LIFETIME_SECONDS <= self.link_lifetime_seconds <= MAX_LINK_LIFETIME_SECONDS:
            need("link_lifetime_seconds", "a link lifetime of 1 minute to 30 days")
        if not 1 <= self.max_attempts <= MAX_ATTEMPTS:
            need("max_attempts", f"1 to {MAX_ATTEMPTS} payment attempts per link")
        declines, window, suspension = self.velocity
        if not (
            1 <= declines <= MAX_VELOCITY_DECLINES and 1 <= window <= YEAR_MINUTES and 1 <= suspension <= YEAR_MINUTES
        ):
            need("velocity", f"1 to {MAX_VELOCITY_DECLINES} declines, within and suspended for 1 minute to a year")
        if any(
            normalize_origin(origin.removesuffix(":*")) != origin.removesuffix(":*")
            for origin in self.allowed_return_origins
        ):
            need("allowed_return_origins", "return origins as scheme://host[:port], or scheme://host:* for any port")
        if self.default_return_url is not None and not origin_allowed(
            list(self.allowed_return_origins), self.default_return_url
        ):
            need("default_return_url", "a default return URL on one of the allowed return origins")
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", self.brand_color):
            need("brand_color", "a brand colour as #rrggbb")
        if self.logo_url is not None and (
            normalize_origin(self.logo_url) is None or not self.logo_url.startswith("https://")
        ):
            need("logo_url", "a logo URL over https")
        if any(kind not in CARD_TYPES for kind in self.allowed_card_types):
            need("allowed_card_types", f"card types among {', '.join(CARD_TYPES)}")
        if any(not re.fullmatch(r"[A-Z]{2}", country) for country in self.allowed_countries):
            need("allowed_countries", "ISO 3166 alpha-2 countries, upper case")
        keys = [f.key for f in self.checkout_fields]
        if (
            len(keys) > MAX_CHECKOUT_FIELDS
            or len(set(keys)) != len(keys)
            or any(not (0 < len(f.label.strip()) <= 60 and 0 < len(f.key) <= 100) for f in self.checkout_fields)
        ):
            need("checkout_fields", f"at most {MAX_CHECKOUT_FIELDS} checkout fields of distinct keys, each labelled")
        return problems


def terms_of(client: PaymentClient) -> ClientTerms:
    """A stored client's configuration, as `configure_client` takes it."""
    return ClientTerms(
        slug=client.slug,
        display_name=client.display_name,
        channels=tuple(client.channels),
        currencies=tuple(client.currencies),
        min_amount=client.min_amount,
        max_amount=client.max_amount,
        processors=tuple(processor_terms(client)),
        reference_prefix=client.reference_prefix,
        capture_mode=client.capture_mode,
        link_lifetime_seconds=client.link_lifetime_seconds,
        max_attempts=client.max_attempts,
        logo_url=client.logo_url,
        brand_color=client.brand_color,
        allowed_return_origins=tuple(client.allowed_return_origins),
        default_return_url=client.default_return_url,
        velocity=(client.velocity_declines, client.velocity_window_minutes, client.velocity_suspension_minutes),
        allowed_brands=tuple(client.allowed_brands),
        allowed_card_types=tuple(client.allowed_card_types),
        allowed_countries=tuple(client.allowed_countries),
        checkout_fields=tuple(CheckoutField(f["label"], f["key"]) for f in client.checkout_fields),
    )


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
    client.checkout_fields = [f.as_json() for f in terms.checkout_fields]
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


@dataclass(frozen=True, slots=True)
class LinkClient:
    """What creating a link reads of its client: these columns of its row, read by a driver statement
    (platform.db) instead of the ORM entity, a link's one read of its client on its hot path."""

    id: uuid.UUID
    slug: str
    status: str
    display_name: str
    channels: list[str]
    currencies: list[str]
    min_amount: Decimal
    max_amount: Decimal
    processors: list[dict[str, Any]]
    allowed_return_origins: list[str]
    capture_mode: str
    reference_prefix: str
    link_lifetime_seconds: int


# The LinkClient's columns, then the end customer's active suspension kinds: one driver statement.
_LINK_CLIENT = driver_sql(
    select(
        *(getattr(PaymentClient, column.name) for column in dataclasses.fields(LinkClient)),
        suspensions.ACTIVE_TYPES_OF_CLIENT,
    ).where(PaymentClient.slug == bindparam("slug"))
)


async def link_client_for_merchant(
    session: AsyncSession, slug: str, merchant_slug: str, user_id: str
) -> tuple[LinkClient, list[str] | None]:
    """`client_for_merchant` as a `LinkClient`, with the kinds of `user_id`'s suspensions in force with it."""
    row = None
    if slug == merchant_slug:
        row = await fetch_one(session, _LINK_CLIENT, {"slug": slug, "user_id": user_id, "now": clock.now()})
    return _usable(LinkClient(*row[:-1]) if row else None, slug), row[-1] if row else None


def _usable(client: _Client | None, slug: str) -> _Client:
    if client is None or client.status != "active":
        raise ApiError(PAYMENT_ERRORS.CLIENT_NOT_FOUND, f"client: no client {slug!r} is configured for this merchant.")
    return client


def require_amount_in_range(minimum: Decimal, maximum: Decimal, amount: Decimal, whose: str = "this client") -> None:
    """A link's or a charge's amount inside the client's range (or `whose`: a hook key pair's), else 2003
    (seed 002)."""
    if not minimum <= amount <= maximum:
        raise ApiError(
            PAYMENT_ERRORS.AMOUNT_OUT_OF_RANGE,
            f"amount: must be between {int(minimum)} and {int(maximum)} for {whose}.",
        )


def processor_terms(client: PaymentClient | LinkClient) -> list[ProcessorTerms]:
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


def checkout_details(client: PaymentClient, custom_keys: dict[str, Any] | None) -> list[tuple[str, str]]:
    """What the checkout shows of a link's customKeys: (label, value) for each of the client's checkout fields the
    link has a plain value for (text, number, true/false), in the client's order; nested values are not shown."""
    found = custom_keys or {}
    shown = []
    for checkout_field in client.checkout_fields:
        value = found.get(checkout_field["key"])
        if isinstance(value, bool):
            shown.append((checkout_field["label"], "Yes" if value else "No"))
        elif isinstance(value, str | int | float) and str(value).strip():
            shown.append((checkout_field["label"], str(value)[:200]))
    return shown
