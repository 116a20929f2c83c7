"""A partner's cardholders and their cards: the CMS cardholder search, a cardholder's profile with its cards
(masked number, status, balance, latest movements), and the block and unblock of the cardholder and of each card
with a reason. Each page checks the permission of the matching CMS endpoint (`cardholders.read`,
`cardholders.block`, `cards.block`) and calls the back office's cardholder functions the CMS routes call, for the
partner the viewer acts on: another partner's cardholder or card is not found (404). The routes are named as the
CMS's, so their audit records carry the same actions (`blockPartnerCard`) and ids (`userId`, `cardId`)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from migo.backoffice import cardholders
from migo.platform.auditing import audited_read
from migo.platform.pagination import PageRequest, SortOrder
from migo.platform.routing import DbSession, MigoRoute

from .pages import render
from .viewer import PATH, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

PAGE_SIZE = 25
STATUSES = ("active", "disabled")
SignedIn = Annotated[Viewer, Depends(viewer)]
UserId = Annotated[uuid.UUID, Path(alias="userId")]
CardId = Annotated[uuid.UUID, Path(alias="cardId")]
# The CMS's own bounds on a reason (CardStatusChange).
Reason = Annotated[str, Form(min_length=3, max_length=300)]
Action = Literal["block", "unblock"]


@router.get("/cardholders", name="list_partner_cardholders")
async def list_cardholders(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    q: Annotated[str, Query(max_length=100)] = "",
    status: Annotated[str, Query(max_length=20)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The CMS cardholder search: names, email, phone, document number, external id, a card's last four."""
    seen.need("cardholders.read")
    kept = status if status in STATUSES else ""
    wanted = PageRequest(
        page=page, limit=PAGE_SIZE, sort_by="createdAt", sort_order=SortOrder.DESC, search_text=q.strip() or None
    )
    items, meta = await cardholders.search(session, seen.operator, seen.partner_id, kept or None, wanted)
    # `search`, not `q`: the layout fills the header's payment search with a `q`.
    return render(request, "cardholders.html", seen, items=items, meta=meta, search=q, status=kept)


@router.get("/cardholders/{userId}", name="get_partner_cardholder")
@audited_read  # a cardholder's personal data, as the CMS's read of it
async def show_cardholder(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    user_id: UserId,
    done: Annotated[str, Query(max_length=40)] = "",
) -> Response:
    seen.need("cardholders.read")
    holder = await cardholders.profile(session, seen.operator, seen.partner_id, user_id)
    return render(request, "cardholder.html", seen, holder=holder, done=done)


async def _cardholder_block(
    request: Request, session: DbSession, seen: Viewer, user_id: uuid.UUID, action: Action, reason: str
) -> Response:
    seen.need("cardholders.block")
    await cardholders.cardholder_block(request, seen.partner_id, user_id, action, reason, seen.operator, session)
    return RedirectResponse(f"{PATH}/cardholders/{user_id}?done=cardholder-{action}ed", status_code=303)


@router.post("/cardholders/{userId}/block", name="block_partner_cardholder")
async def block_cardholder(
    request: Request, session: DbSession, seen: SignedIn, user_id: UserId, reason: Reason
) -> Response:
    return await _cardholder_block(request, session, seen, user_id, "block", reason.strip())


@router.post("/cardholders/{userId}/unblock", name="unblock_partner_cardholder")
async def unblock_cardholder(
    request: Request, session: DbSession, seen: SignedIn, user_id: UserId, reason: Reason
) -> Response:
    return await _cardholder_block(request, session, seen, user_id, "unblock", reason.strip())


async def _card_status(
    request: Request,
    session: DbSession,
    seen: Viewer,
    card_id: uuid.UUID,
    action: Action,
    reason: str,
    holder: uuid.UUID,
) -> Response:
    seen.need("cards.block")
    await cardholders.card_status(request, seen.partner_id, card_id, action, reason, seen.operator, session)
    # Back to the page it was pressed on: `holder` is only where to go (the card's own check is the partner's).
    return RedirectResponse(f"{PATH}/cardholders/{holder}?done=card-{action}ed", status_code=303)


@router.post("/cards/{cardId}/block", name="block_partner_card")
async def block_card(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    card_id: CardId,
    reason: Reason,
    holder: Annotated[uuid.UUID, Form()],
) -> Response:
    return await _card_status(request, session, seen, card_id, "block", reason.strip(), holder)


@router.post("/cards/{cardId}/unblock", name="unblock_partner_card")
async def unblock_card(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    card_id: CardId,
    reason: Reason,
    holder: Annotated[uuid.UUID, Form()],
) -> Response:
    return await _card_status(request, session, seen, card_id, "unblock", reason.strip(), holder)
