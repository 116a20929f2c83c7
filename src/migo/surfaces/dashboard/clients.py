"""The Payment Link clients a viewer's pages are about: a merchant's user sees its own client; a partner's
operator chooses among its partner's clients. Another client, or another partner's, is not found (404)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from migo.backoffice import transactions
from migo.payments import service as payments
from migo.platform.errors import ERRORS, ApiError
from migo.platform.pagination import PageRequest, SortOrder

from .viewer import Viewer

CLIENT_CHOICES = 100  # a partner's clients offered in the chooser, by slug


async def visible_clients(session: AsyncSession, seen: Viewer) -> list[payments.ClientTerms]:
    """The clients the viewer may choose: its own for a merchant's user, else its partner's."""
    scope = await transactions.operator_scope(session, seen.operator, seen.partner_id)
    if scope.client_slug is not None:
        terms = await payments.partner_client_terms(session, scope.partner_id, scope.client_slug)
        return [terms] if terms is not None else []
    wanted = PageRequest(page=1, limit=CLIENT_CHOICES, sort_by="slug", sort_order=SortOrder.ASC, search_text=None)
    found, _ = await payments.partner_client_page(session, scope.partner_id, wanted)
    return found


async def seen_client(session: AsyncSession, seen: Viewer, slug: str) -> str:
    """`slug`, when the viewer sees that client (404 otherwise)."""
    scope = await transactions.operator_scope(session, seen.operator, seen.partner_id)
    outside = scope.client_slug not in (None, slug)
    if outside or await payments.partner_client_terms(session, scope.partner_id, slug) is None:
        raise ApiError(ERRORS.NOT_FOUND, "No such client.")
    return slug
