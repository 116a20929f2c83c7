"""Partners as their back office manages them: the partner's name and the lifetimes of the tokens its
cardholders and operators are given (seed 003: configured per partner), its companies and its applications."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import i18n
from migo.platform.errors import ApiError
from migo.platform.pagination import Listing, SortOrder
from migo.platform.settings import get_settings
from migo.platform.wire import FieldProblem, invalid_body

from .access import partner_applications, readable
from .errors import IDENTITY_ERRORS
from .models import Application, Company, Partner

# An access token shorter than 5 minutes has clients refreshing all the time; one longer than a day outlives a
# shift and a stolen one works too long. A refresh token is a sign-in: from an hour to a quarter of a year.
ACCESS_TTL_SECONDS = range(5 * 60, 24 * 3600 + 1)
REFRESH_TTL_SECONDS = range(3600, 90 * 24 * 3600 + 1)

PARTNERS = Listing(
    name="Partners",
    sortable={"name": lambda: Partner.name, "createdAt": lambda: Partner.created_at},
    default_sort="name",
    default_order=SortOrder.ASC,
    searchable=(lambda: Partner.name,),
    tiebreaker=lambda: Partner.id,
)


@dataclass(frozen=True)
class TokenLifetimes:
    """Seconds the tokens of a partner's cardholders (`user_*`, the Wallet Gateway's) and operators
    (`operator_*`, the CMS's) live."""

    user_access_ttl_seconds: int
    user_refresh_ttl_seconds: int
    operator_access_ttl_seconds: int
    operator_refresh_ttl_seconds: int

    @classmethod
    def defaults(cls) -> TokenLifetimes:
        """A new partner's, from the settings."""
        settings = get_settings()
        return cls(
            settings.user_access_ttl_seconds,
            settings.user_refresh_ttl_seconds,
            settings.operator_access_ttl_seconds,
            settings.operator_refresh_ttl_seconds,
        )

    @classmethod
    def of(cls, partner: Partner) -> TokenLifetimes:
        return cls(*(getattr(partner, name) for name in LIFETIME_FIELDS))

    def problems(self) -> list[FieldProblem]:
        """Each lifetime within its bounds, and a refresh token that outlives the access token it renews."""
        problems: list[FieldProblem] = []
        for holder in ("user", "operator"):
            access, refresh = f"{holder}_access_ttl_seconds", f"{holder}_refresh_ttl_seconds"
            access_ok = getattr(self, access) in ACCESS_TTL_SECONDS
            refresh_ok = getattr(self, refresh) in REFRESH_TTL_SECONDS
            if not access_ok:
                problems.append(((access,), "an access token lifetime of 300 to 86400 seconds (5 minutes to 24 hours)"))
            if not refresh_ok:
                problems.append(((refresh,), "a refresh token lifetime of 3600 to 7776000 seconds (1 hour to 90 days)"))
            if access_ok and refresh_ok and getattr(self, refresh) <= getattr(self, access):
                problems.append(((refresh, access), "a refresh token that outlives the access token it renews"))
        return problems

    def require_sane(self, sent: Collection[str]) -> None:
        """400 naming the lifetimes at fault (those among `sent`, the fields the caller set), else nothing."""
        problems = self.problems()
        if problems:
            raise invalid_body(problems, sent)


LIFETIME_FIELDS = tuple(field.name for field in dataclasses.fields(TokenLifetimes))


def partner_ids(only: uuid.UUID | None = None) -> Select[uuid.UUID]:
    """The ids of every partner, or of `only`: the partners a back-office operator sees, as a subquery."""
    statement = select(Partner.id)
    return statement.where(Partner.id == only) if only is not None else statement


def partners(visible: Select[uuid.UUID]) -> Select[Partner]:
    """The partners whose ids `visible` selects (`searchText` of PARTNERS: the name)."""
    return select(Partner).where(Partner.id.in_(visible.scalar_subquery()))


async def get_partner(session: AsyncSession, partner_id: uuid.UUID, *, lock: bool = False) -> Partner:
    """The partner; 404/7812 when it does not exist."""
    statement = select(Partner).where(Partner.id == partner_id)
    partner = await session.scalar(statement.with_for_update() if lock else statement)
    if partner is None:
        raise ApiError(IDENTITY_ERRORS.PARTNER_NOT_FOUND)
    return partner


@dataclass(frozen=True)
class PartnerChange:
    partner: Partner
    changed: dict[str, tuple[Any, Any]]  # what changed: field → (before, after)


_UNCHANGED: Any = object()


async def update_partner(
    session: AsyncSession,
    partner_id: uuid.UUID,
    *,
    name: str | None = None,
    lifetimes: Mapping[str, int],
    locale: str | None = _UNCHANGED,
) -> PartnerChange:
    """Rename the partner, change some of its token lifetimes (TokenLifetimes fields) and its language
    (`locale`, None: the reader's); lifetimes out of bounds or a language Migo does not speak are a 400
    naming them, and nothing changes. Tokens already issued keep their expiry: the next sign-in or refresh
    gets the new lifetimes."""
    if locale is not _UNCHANGED and locale is not None and locale not in i18n.LANGUAGES:
        raise invalid_body([(("locale",), f"one of {', '.join(i18n.LANGUAGES)}")], ["locale"])
    partner = await get_partner(session, partner_id, lock=True)
    before = {"name": partner.name, "locale": partner.locale, **dataclasses.asdict(TokenLifetimes.of(partner))}
    changed = dataclasses.replace(TokenLifetimes.of(partner), **lifetimes)
    changed.require_sane(lifetimes)
    after = {
        "name": partner.name if name is None else name,
        "locale": partner.locale if locale is _UNCHANGED else locale,
        **dataclasses.asdict(changed),
    }
    for field, value in after.items():
        setattr(partner, field, value)
    await session.flush()
    return PartnerChange(
        partner, {field: (before[field], after[field]) for field in before if before[field] != after[field]}
    )


@dataclass(frozen=True)
class PartnerOverview:
    """A partner with its companies and applications (the Middleware applications of its clients included)."""

    partner: Partner
    companies: list[Company]
    applications: list[Application]


async def partner_overview(
    session: AsyncSession, partner_id: uuid.UUID, client_slugs: Collection[str]
) -> PartnerOverview:
    """The partner, its companies, and its applications: its CMS application, its companies' Gateway
    applications, and the Middleware applications of the Payment Link clients `client_slugs` (its own: the
    payments domain tells which), oldest first."""
    partner = await get_partner(session, partner_id)
    companies = await session.scalars(readable(Company, partner_id).order_by(Company.created_at, Company.id))
    applications = await session.scalars(
        partner_applications(partner_id, client_slugs).order_by(Application.created_at, Application.id)
    )
    return PartnerOverview(partner, list(companies), list(applications))
