"""The dashboard's recurring billing: the subscriptions and plans of the Payment Link clients the viewer sees
(a merchant's user, its own client's; a partner's operator, the client it chooses among the partner's), a
subscription's page with its renewal history, and cancelling one by the Middleware's own rules (now, or at the
end of the period it paid for). `subscriptions.read` to look, `subscriptions.manage` to cancel; another client's
subscription, or another partner's client, is not found (404). Cards show as brand and last four only."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal, get_args
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from migo.platform.auditing import record_changes
from migo.platform.pagination import PageRequest, SortOrder
from migo.platform.routing import DbSession, MigoRoute
from migo.subscriptions import service as billing

from .clients import seen_client, visible_clients
from .pages import render
from .viewer import PATH, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

PAGE_SIZE = 25
SignedIn = Annotated[Viewer, Depends(viewer)]
Slug = Annotated[str, Path(max_length=100, pattern=r"^[A-Za-z0-9_.-]+$")]
Page = Annotated[int, Query(ge=1, le=100_000)]
Client = Annotated[str, Query(max_length=100)]
Status = Literal["trialing", "active", "past_due", "paused", "inactive", "expired"]
STATUSES: tuple[str, ...] = get_args(Status)


def _newest_first(page: int) -> PageRequest:
    return PageRequest(page=page, limit=PAGE_SIZE, sort_by="createdAt", sort_order=SortOrder.DESC, search_text=None)


def _subscription_path(slug: str, subscription_id: uuid.UUID) -> str:
    return f"{PATH}/subscriptions/{quote(slug)}/{subscription_id}"


@router.get("/subscriptions", name="list_subscriptions")
async def list_subscriptions(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    client: Client = "",
    status: Annotated[Status | Literal[""], Query()] = "",
    page: Page = 1,
) -> Response:
    """The chosen client's subscriptions (the first client when none is chosen), newest first: the customer,
    the plan, the status, the next renewal and the amount."""
    seen.need("subscriptions.read")
    clients = await visible_clients(session, seen)
    chosen = client or (clients[0].slug if clients else "")
    context: dict[str, Any] = {"clients": clients, "chosen": chosen, "status": status, "statuses": STATUSES}
    if not chosen:
        return render(request, "subscriptions.html", seen, subscriptions=[], plan_names={}, meta=None, **context)
    slug = await seen_client(session, seen, chosen)
    found, meta = await billing.subscription_page(session, slug, status or None, _newest_first(page))
    names = await billing.plan_names(session, slug, [subscription.plan_id for subscription in found])
    return render(request, "subscriptions.html", seen, subscriptions=found, plan_names=names, meta=meta, **context)


@router.get("/subscriptions/{slug}/{subscriptionId}", name="show_subscription")
async def show_subscription(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    slug: Slug,
    subscription_id: Annotated[uuid.UUID, Path(alias="subscriptionId")],
    page: Page = 1,
    done: Annotated[Literal["cancelled", "ending"] | None, Query()] = None,
) -> Response:
    """The subscription (its plan, card, period, trial, renewal tracking) and its charges, newest first: the
    first, each renewal and retry with its outcome and decline, and those charged on demand."""
    seen.need("subscriptions.read")
    slug = await seen_client(session, seen, slug)
    subscription = await billing.get_subscription(session, slug, subscription_id)
    charges, meta = await billing.charge_page(session, slug, subscription_id, _newest_first(page))
    return render(
        request,
        "subscription.html",
        seen,
        slug=slug,
        subscription=subscription,
        plan_name=(await billing.plan_names(session, slug, [subscription.plan_id])).get(subscription.plan_id),
        charges=charges,
        meta=meta,
        done=done,
        may_manage=seen.may("subscriptions.manage"),
    )


@router.post("/subscriptions/{slug}/{subscriptionId}/cancel", name="cancel_subscription")
async def cancel_subscription(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    slug: Slug,
    subscription_id: Annotated[uuid.UUID, Path(alias="subscriptionId")],
    at_period_end: Annotated[bool, Form(alias="atPeriodEnd")] = False,
) -> Response:
    """End it now (`inactive`), or when the paid period ends: the Middleware's
    `POST /v1/subscriptions/{id}/cancel`, its rules and its `subscription.cancelled` event."""
    seen.need("subscriptions.manage")
    slug = await seen_client(session, seen, slug)
    before = await billing.get_subscription(session, slug, subscription_id)
    after = await billing.cancel(slug, subscription_id, at_period_end=at_period_end)
    record_changes(
        request,
        status=(before.status, after.status),
        cancelAtPeriodEnd=(before.cancel_at_period_end, after.cancel_at_period_end),
    )
    done = "ending" if after.cancel_at_period_end else "cancelled"
    return RedirectResponse(f"{_subscription_path(slug, subscription_id)}?done={done}", status_code=303)


@router.get("/plans", name="list_plans")
async def list_plans(
    request: Request, session: DbSession, seen: SignedIn, client: Client = "", page: Page = 1
) -> Response:
    """The chosen client's plans, newest first: price, period, trial, and whether they take new subscribers."""
    seen.need("subscriptions.read")
    clients = await visible_clients(session, seen)
    chosen = client or (clients[0].slug if clients else "")
    if not chosen:
        return render(request, "plans.html", seen, clients=[], chosen="", plans=[], meta=None)
    found, meta = await billing.plan_page(session, await seen_client(session, seen, chosen), _newest_first(page))
    return render(request, "plans.html", seen, clients=clients, chosen=chosen, plans=found, meta=meta)
