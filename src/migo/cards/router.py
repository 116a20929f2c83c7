"""Card program endpoints of the Wallet Gateway: parse, call the service, answer."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Header, Query
from fastapi.responses import Response

from migo.identity.auth import Caller, GatewayIdempotent, SignedIdempotent
from migo.identity.errors import IDENTITY_ERRORS
from migo.ledger import service as ledger
from migo.platform.envelope import CustomResponse, created, file_response, ok
from migo.platform.errors import ApiError
from migo.platform.pagination import Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.secrets import Secret
from migo.webhooks.router import add_notice_receiver

from . import access, activation, credentials, external, funds, grants, lifecycle, network, statements, wallet
from .audit import Actor
from .errors import CARD_ERRORS
from .schemas import (
    ActivateCardRequest,
    CardOut,
    CardUserOut,
    CvvOut,
    Deleted,
    ExternalCardOut,
    ExternalCardRequest,
    FundsRequest,
    GrantRequest,
    MovementOut,
    PinResult,
    ReasonRequest,
    ResetPinRequest,
    RotatePinRequest,
    SetPinRequest,
    StatementOut,
    StatementRequest,
    TransactionOut,
    TransferRequest,
    UpdateCardRequest,
    ViewToken,
    VolcanNotice,
    WalletOut,
)

router = APIRouter(route_class=MigoRoute, tags=["Cards"])
notices = APIRouter(route_class=MigoRoute)
money = APIRouter(route_class=MigoRoute, tags=["Funds and transfers"])
holders = APIRouter(route_class=MigoRoute, tags=["Cardholder cards"])
# A movement the program's rules deny answers 422 (its shape is the surface's error envelope).
_DENIED_MOVEMENT: dict[int | str, dict[str, Any]] = {
    422: {"description": "Denied: not enough funds, a limit or the maximum balance, or cards of two companies"}
}


async def _view(session: DbSession, caller: Any, card: Any) -> CardOut:
    found = await lifecycle.details(session, caller, card)
    return CardOut.of(found.card, found.balance, found.permissions)


@router.post("/cards/activate", response_model=CustomResponse[CardOut])
async def activate_card(body: ActivateCardRequest, caller: Caller, session: DbSession) -> Any:
    """Activate a printed card for a cardholder: the number and the name embossed on it must match. Wrong
    numbers or names are limited to five per cardholder per 15 minutes."""
    if caller.user_id is not None and caller.user_id != body.user_id:
        raise ApiError(IDENTITY_ERRORS.USER_NOT_FOUND)
    card = await activation.activate(
        session,
        company_id=caller.company_id,
        user_id=body.user_id,
        card_number=body.card_number,
        cardholder_name=body.cardholder_name,
        actor=Actor.of(caller),
    )
    return ok(await _view(session, caller, card))


@money.get("/cards/transactions/{transactionId}", response_model=CustomResponse[TransactionOut])
async def get_card_transaction(transactionId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    return ok(TransactionOut.of(await funds.get_transaction(session, caller, transactionId)))


@money.post(
    "/cards/transfer",
    response_model=CustomResponse[TransactionOut],
    dependencies=[SignedIdempotent],
    responses=_DENIED_MOVEMENT,
)
async def transfer_between_cards(body: TransferRequest, caller: Caller, session: DbSession) -> Any:
    """Move funds between two cards of the same company (seed 001). Signed; honours Idempotency-Key.
    Approved: the transaction with the source card's new balance. Denied: an error envelope with the reason
    (7303 insufficient funds, 72xx card state, 7302 other company, 7304/7305 limits, 7306 maximum balance) and
    the denied transaction it recorded, `error.transactionId` with `error.status: "denied"`."""
    outcome = await funds.transfer(
        session, caller, body.source_card_id, body.target_card_id, body.amount, body.description
    )
    return ok(TransactionOut.of(outcome.transaction, outcome.balance))


@router.get("/cards/{cardId}", response_model=CustomResponse[CardOut])
async def get_card(cardId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    """Card details: masked number, last four, status, alias, balance, currency, expiry."""
    return ok(await _view(session, caller, await access.card_for(session, caller, cardId, "view")))


@router.patch("/cards/{cardId}", response_model=CustomResponse[CardOut])
async def update_card(cardId: uuid.UUID, body: UpdateCardRequest, caller: Caller, session: DbSession) -> Any:
    card = await lifecycle.set_alias(session, caller, cardId, body.alias, Actor.of(caller))
    return ok(await _view(session, caller, card))


async def _transition(cardId: uuid.UUID, action: str, body: ReasonRequest | None, caller: Any, session: Any) -> Any:
    reason = body.reason if body else None
    card = await lifecycle.transition(session, caller, cardId, action, reason=reason, actor=Actor.of(caller))
    return ok(await _view(session, caller, card))


@router.post("/cards/{cardId}/block", response_model=CustomResponse[CardOut])
async def block_card(cardId: uuid.UUID, caller: Caller, session: DbSession, body: ReasonRequest | None = None) -> Any:
    return await _transition(cardId, "block", body, caller, session)


@router.post("/cards/{cardId}/unblock", response_model=CustomResponse[CardOut])
async def unblock_card(cardId: uuid.UUID, caller: Caller, session: DbSession, body: ReasonRequest | None = None) -> Any:
    return await _transition(cardId, "unblock", body, caller, session)


@router.post("/cards/{cardId}/cancel", response_model=CustomResponse[CardOut])
async def cancel_card(cardId: uuid.UUID, caller: Caller, session: DbSession, body: ReasonRequest | None = None) -> Any:
    """Cancel for good (lost, stolen, closed); the balance stays on the card's account until unloaded."""
    return await _transition(cardId, "cancel", body, caller, session)


@router.get("/cards/{cardId}/users", response_model=CustomResponse[list[CardUserOut]])
async def list_card_users(cardId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    return ok([CardUserOut.of(row) for row in await grants.card_users(session, caller, cardId)])


@router.post("/cards/{cardId}/users", response_model=CustomResponse[CardUserOut])
async def grant_card_user(cardId: uuid.UUID, body: GrantRequest, caller: Caller, session: DbSession) -> Any:
    """The owner (or the application) lets another cardholder of the company view, transact with or manage the card."""
    row = await grants.grant(session, caller, cardId, body.user_id, list(body.permissions), Actor.of(caller))
    return ok(CardUserOut.of(row))


@router.delete("/cards/{cardId}/users/{userId}", response_model=CustomResponse[Deleted])
async def revoke_card_user(cardId: uuid.UUID, userId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    await grants.revoke(session, caller, cardId, userId, Actor.of(caller))
    return ok(Deleted(id=userId))


@router.put("/cards/{cardId}/pin", response_model=CustomResponse[PinResult])
async def set_card_pin(cardId: uuid.UUID, body: SetPinRequest, caller: Caller, session: DbSession) -> Any:
    """The cardholder chooses the first PIN (cardholder token required)."""
    card = await credentials.set_pin(session, caller, cardId, body.pin, Actor.of(caller))
    return ok(PinResult(card_id=card.id))


@router.post("/cards/{cardId}/pin/rotate", response_model=CustomResponse[PinResult])
async def rotate_card_pin(cardId: uuid.UUID, body: RotatePinRequest, caller: Caller, session: DbSession) -> Any:
    card = await credentials.rotate_pin(session, caller, cardId, body.current_pin, body.new_pin, Actor.of(caller))
    return ok(PinResult(card_id=card.id))


@router.post("/cards/{cardId}/pin/verify", response_model=CustomResponse[PinResult])
async def verify_card_pin(cardId: uuid.UUID, body: SetPinRequest, caller: Caller, session: DbSession) -> Any:
    """Three wrong PINs lock it (7213) until a reset with a one-time code."""
    card = await credentials.verify_pin(session, caller, cardId, body.pin)
    return ok(PinResult(card_id=card.id))


@router.post("/cards/{cardId}/pin/reset", response_model=CustomResponse[PinResult])
async def reset_card_pin(cardId: uuid.UUID, body: ResetPinRequest, caller: Caller, session: DbSession) -> Any:
    card = await credentials.reset_pin(session, caller, cardId, body.code, body.new_pin, Actor.of(caller))
    return ok(PinResult(card_id=card.id))


@router.post("/cards/{cardId}/cvv/view-token", response_model=CustomResponse[ViewToken])
async def create_cvv_view_token(cardId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    """Step one of seeing the CVV (seed 003): a cardholder token with `transact` on the card is required; the
    view token lives 60 s and works once."""
    view_token = await credentials.issue_cvv_view_token(session, caller, cardId)
    return ok(ViewToken(view_token=view_token.reveal()))  # the answer that hands it to the cardholder's device


@router.get("/cards/{cardId}/cvv", response_model=CustomResponse[CvvOut])
async def get_card_cvv(
    cardId: uuid.UUID,
    caller: Caller,
    session: DbSession,
    response: Response,
    x_view_token: str | None = Header(None, description="The token from `POST /cards/{cardId}/cvv/view-token`."),
) -> Any:
    """Step two, from the cardholder's device, never a backend: the CVV, derived on demand and never stored.
    Needs the `transact` permission on the card."""
    cvv = await credentials.reveal_cvv(session, caller, cardId, Secret(x_view_token) if x_view_token else None)
    response.headers["Cache-Control"] = "no-store"
    return ok(CvvOut(card_id=cardId, cvv=cvv.reveal()))  # the one answer a CVV belongs in


@money.put(
    "/cards/{cardId}/funds",
    response_model=CustomResponse[TransactionOut],
    dependencies=[SignedIdempotent],
    responses=_DENIED_MOVEMENT,
)
async def move_card_funds(cardId: uuid.UUID, body: FundsRequest, caller: Caller, session: DbSession) -> Any:
    """Load the card from the company's funding account, or unload it back (seed 001). Signed; honours
    Idempotency-Key; the application's token only. A load cannot pass the program's maximum balance (7306)
    nor the funding balance (7307);
    an unload cannot take more than the card holds (7303). A denial names the denied transaction it recorded:
    `error.transactionId`, `error.status: "denied"`."""
    outcome = await funds.move_funds(session, caller, cardId, body.type, body.amount, body.description)
    return ok(TransactionOut.of(outcome.transaction, outcome.balance))


@money.get("/cards/{cardId}/movements", response_model=CustomResponse[Page[MovementOut]])
async def list_card_movements(
    cardId: uuid.UUID,
    caller: Caller,
    session: DbSession,
    since: datetime | None = Query(None, alias="from", description="From this instant (ISO 8601, UTC), inclusive."),
    until: datetime | None = Query(None, alias="to", description="Before this instant (ISO 8601, UTC)."),
    page: PageRequest = ledger.MOVEMENTS.params(),
) -> Any:
    """Every movement of the card with its running balance, newest first."""
    card = await access.card_for(session, caller, cardId, "view")
    found, meta = await ledger.movements(session, card.account_id, page, since=_utc(since), until=_utc(until))
    return ok(Page[MovementOut](items=[MovementOut.of(movement) for movement in found], meta=meta))


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


@router.post(
    "/cards/{cardId}/statements",
    status_code=201,
    response_model=CustomResponse[StatementOut],
    dependencies=[GatewayIdempotent],
)
async def request_card_statement(cardId: uuid.UUID, body: StatementRequest, caller: Caller, session: DbSession) -> Any:
    """Not a charge (seed 001): asks for the month's PDF, produced in the background. Poll its status."""
    return created(StatementOut.of(await statements.request_statement(session, caller, cardId, body.month, body.year)))


@router.get("/cards/{cardId}/statements/{statementId}", response_model=CustomResponse[StatementOut])
async def get_card_statement(cardId: uuid.UUID, statementId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    return ok(StatementOut.of(await statements.get_statement(session, caller, cardId, statementId)))


@router.get(
    "/cards/{cardId}/statements/{statementId}/pdf",
    response_class=Response,
    responses=file_response("The statement", "application/pdf"),
)
async def download_card_statement(
    cardId: uuid.UUID, statementId: uuid.UUID, caller: Caller, session: DbSession
) -> Response:
    statement = await statements.get_statement(session, caller, cardId, statementId, with_pdf=True)
    if statement.status != "ready" or statement.pdf is None:
        raise ApiError(CARD_ERRORS.STATEMENT_NOT_READY)
    filename = f"statement-{statement.year:04d}-{statement.month:02d}.pdf"
    return Response(
        statement.pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@holders.get("/users/{userId}/cards", response_model=CustomResponse[list[CardOut]])
async def list_user_cards(userId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    """The cards a cardholder owns or was given access to; to the cardholder, a card given without `view` shows
    no balance (null), as `GET /cards/{cardId}` refuses it."""
    found = await lifecycle.cards_of_user(session, caller, userId)
    listed = []
    for card, permissions, _ in found:
        seen = await lifecycle.details(session, caller, card)
        shows_money = caller.user_id is None or "view" in permissions
        listed.append(CardOut.of(seen.card, seen.balance, seen.permissions, shows_money=shows_money))
    return ok(listed)


@holders.get("/wallet", response_model=CustomResponse[WalletOut])
async def read_wallet(caller: Caller, session: DbSession) -> Any:
    """The signed-in cardholder's wallet in one call, for an app's home screen: their cards (owned and shared)
    with masked number, status, balance, available balance and their permissions; the latest movements over
    those cards, each naming its card; and their linked cards of other issuers. A cardholder token (or the
    application's token plus `x-user-token`); the application's token alone is 403/7012. A card shared without
    `view` shows no balance (null) and none of its movements."""
    return ok(WalletOut.of(await wallet.own_wallet(session, caller)))


@holders.get("/users/{userId}/wallet", response_model=CustomResponse[WalletOut])
async def read_user_wallet(userId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    """A cardholder's wallet, as `GET /wallet` shows it to them: the application reads any cardholder of its
    company; a cardholder token only its own (another's is 404/7100, as on every `/users/{userId}` route)."""
    return ok(WalletOut.of(await wallet.wallet_of(session, caller, userId)))


@holders.post(
    "/users/{userId}/external-cards",
    status_code=201,
    response_model=CustomResponse[ExternalCardOut],
    dependencies=[GatewayIdempotent],
)
async def link_external_card(userId: uuid.UUID, body: ExternalCardRequest, caller: Caller, session: DbSession) -> Any:
    """Link a card from another issuer: the number is kept encrypted and never returned."""
    card = await external.link(
        session,
        caller,
        userId,
        card_number=body.card_number,
        expiry_month=body.expiry_month,
        expiry_year=body.expiry_year,
        holder_name=body.holder_name,
    )
    return created(ExternalCardOut.of(card))


@holders.get("/users/{userId}/external-cards", response_model=CustomResponse[list[ExternalCardOut]])
async def list_external_cards(userId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    return ok([ExternalCardOut.of(card) for card in await external.linked_cards(session, caller, userId)])


@holders.delete("/users/{userId}/external-cards/{externalCardId}", response_model=CustomResponse[Deleted])
async def unlink_external_card(userId: uuid.UUID, externalCardId: uuid.UUID, caller: Caller, session: DbSession) -> Any:
    await external.unlink(session, caller, userId, externalCardId)
    return ok(Deleted(id=externalCardId))


add_notice_receiver(
    notices,
    "volcan",
    VolcanNotice,
    network.apply_notice,
    name="receive_card_processor_notice",
    description="The card processor's notices on issued cards (authorizations, clearings, reversals), signed "
    "with the Volcan secret (Standard Webhooks headers, `webhook-id` = the notice id); a notice id applies once "
    "(a repeat answers 200, unchanged).",
)
