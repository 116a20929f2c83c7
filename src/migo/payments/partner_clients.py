"""A partner's back office and the Payment Link clients configured for the partner: list them, read one, and
change one through `configure_client`, under the same rules as the `migo clients configure` command.

A client is the partner's when it was configured for the partner (`PaymentClient.partner_id`); one configured
with no partner belongs to nobody's back office. Another partner's slug, or one that exists nowhere, is None
here: the back office answers it as not found."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.pagination import Listing, PageMeta, PageRequest, SortOrder
from migo.platform.wire import invalid_body

from .access import partner_client, partner_clients
from .clients import ClientTerms, configure_client, terms_of
from .models import PaymentClient

PARTNER_CLIENTS = Listing(
    name="PartnerClients",
    sortable={
        "slug": lambda: PaymentClient.slug,
        "displayName": lambda: PaymentClient.display_name,
        "createdAt": lambda: PaymentClient.created_at,
    },
    default_sort="slug",
    default_order=SortOrder.ASC,
    searchable=(lambda: PaymentClient.slug, lambda: PaymentClient.display_name),
    tiebreaker=lambda: PaymentClient.id,
)


async def partner_client_page(
    session: AsyncSession, partner_id: uuid.UUID, page: PageRequest
) -> tuple[list[ClientTerms], PageMeta]:
    """A page of the partner's clients' configurations (`searchText` over slug and display name)."""
    found, meta = await PARTNER_CLIENTS.fetch(session, partner_clients(partner_id), page)
    return [terms_of(client) for client in found], meta


async def partner_client_slugs(session: AsyncSession, partner_id: uuid.UUID) -> list[str]:
    """The slugs of the partner's clients (their Middleware applications are the partner's merchants')."""
    return list(await session.scalars(partner_clients(partner_id).with_only_columns(PaymentClient.slug)))


async def partner_client_terms(session: AsyncSession, partner_id: uuid.UUID, slug: str) -> ClientTerms | None:
    """The configuration of one of the partner's clients; None for another partner's slug, or none."""
    client = await session.scalar(partner_client(partner_id, slug))
    return terms_of(client) if client is not None else None


@dataclass(frozen=True)
class ClientChange:
    """A client's configuration before and after an operator's change."""

    before: ClientTerms
    after: ClientTerms


async def reconfigure_partner_client(
    session: AsyncSession, partner_id: uuid.UUID, slug: str, changes: Mapping[str, Any]
) -> ClientChange | None:
    """Bring one of the partner's clients to its configuration with `changes` (ClientTerms fields: every field
    but the slug) through `configure_client`. A configuration `ClientTerms.check` refuses is a 400 naming the
    body's fields at fault (camelCase), and nothing changes. None for another partner's slug, or none."""
    # Locked first, so that two changes of different fields at once both land (neither reads a stale rest).
    client = await session.scalar(partner_client(partner_id, slug).with_for_update())
    if client is None:
        return None
    before = terms_of(client)
    after = dataclasses.replace(before, **changes)
    problems = after.problems()
    if problems:
        raise invalid_body(problems, changes)
    await configure_client(session, after, partner_id=partner_id)
    return ClientChange(before, after)
