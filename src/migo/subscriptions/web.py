"""The subscribe variant of the hosted checkout: a payment link created with `subscriptionData: {planId}`.

The customer sees the plan ("GTQ 100 / month", "first charge today" or "free trial until …"), types a card,
answers a 3-D Secure challenge if the card asks, and is subscribed: the same code as verify-card with
`shouldCreateSubscription` (the card verified with a zero-amount authorization and saved, the first period
charged unless the plan has a trial). A verified card whose first charge is declined brings the form back for
another card. The link ends `subscribed`; the merchant hears `subscription.created`. Every POST answers with a
redirect (Post/Redirect/Get), and the link's row lock makes a double submit start one subscription.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from migo.payments import service as payments
from migo.platform.db import database
from migo.platform.errors import MW_ERRORS, ApiError
from migo.platform.pages import HOSTED_PAGE_HEADERS, page
from migo.platform.ratelimit import Limit
from migo.platform.secrets import CardNumber, Cvv, Secret

from . import lifecycle, plans
from .access import readable
from .models import Plan, Subscription
from .schedule import subscription_out

_HEADERS = HOSTED_PAGE_HEADERS
MAX_FORM_FIELDS = 20
SUBSCRIBE_TRIES_PER_ADDRESS = Limit("subscribe-ip", attempts=60, window_seconds=600)
_UNITS = {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months"), "year": ("year", "years")}


@dataclass(frozen=True)
class Offer:
    link: payments.CheckoutLink
    plan: Plan


def offers_subscription(link: payments.CheckoutLink) -> bool:
    """Whether a link sells a subscription (its subscriptionData names a plan): its page is this one."""
    return "planId" in link.subscription_info


async def _offer(link: payments.CheckoutLink) -> Offer | None:
    try:
        plan_id = uuid.UUID(str(link.subscription_info.get("planId")))
    except ValueError:
        return None
    async with database.transaction() as session:
        try:
            plan = await plans.find_plan(session, link.client_slug, plan_id)
        except ApiError:
            return None
    return Offer(link, plan)


def price_text(plan: Plan) -> str:
    one, many = _UNITS[plan.interval]
    every = f"/ {one}" if plan.interval_count == 1 else f"every {plan.interval_count} {many}"
    return f"{plan.currency} {int(plan.amount):,} {every}"


def _first_charge_text(plan: Plan) -> str:
    if plan.trial_days:
        return f"Free for {plan.trial_days} days, then {price_text(plan)}. Nothing is charged today."
    return f"First charge today: {plan.currency} {int(plan.amount):,}."


def _context(offer: Offer, **extra: Any) -> dict[str, Any]:
    link = offer.link
    return {
        "uid": link.uid,
        "merchant": link.merchant_name,
        "logo": link.logo_url,
        "color": link.brand_color,
        "plan_name": offer.plan.name,
        "price_text": price_text(offer.plan),
        **extra,
    }


def _notice(request: Request, heading: str, message: str, status_code: int) -> Response:
    context = {"heading": heading, "message": message}
    return page(request, "not_found.html", context, status_code=status_code, headers=_HEADERS)


def _form(request: Request, offer: Offer, *, error: str | None = None, status_code: int = 200) -> Response:
    context = _context(offer, first_charge_text=_first_charge_text(offer.plan), error=error)
    return page(request, "subscribe.html", context, status_code=status_code, headers=_HEADERS)


async def subscribe_page(request: Request, link: payments.CheckoutLink) -> Response:
    """The page of a link that sells a subscription: the form while it is open, else what it came to."""
    offer = await _offer(link)
    if offer is None:
        return _notice(request, "This subscription is not offered", "Ask the merchant for a new link.", 404)
    if link.status == "subscribed":
        return await _result(request, offer)
    if link.status != "pending":
        return _notice(request, "This link can no longer be used", f"The link is {link.status}.", 410)
    if not offer.plan.active:
        return _notice(request, "This subscription is no longer offered", "Ask the merchant for a new link.", 410)
    return _form(request, offer)


async def _result(request: Request, offer: Offer) -> Response:
    subscription_id = offer.link.subscription_info.get("subscriptionId")
    shown = None
    if subscription_id:
        async with database.transaction() as session:
            row = await session.scalar(
                readable(offer.link.client_slug, Subscription).where(Subscription.id == uuid.UUID(str(subscription_id)))
            )
            shown = subscription_out(row) if row is not None else None
    context = _context(
        offer,
        status="approved",
        heading="You are subscribed",
        message=f"{offer.link.merchant_name} will let you know about each charge.",
        subscription=shown,
    )
    return page(request, "subscribe_result.html", context, headers=_HEADERS)


async def _open_offer(request: Request) -> Offer | Response:
    link = await payments.checkout_link(request.path_params["uid"])
    offer = await _offer(link) if link is not None and offers_subscription(link) else None
    if offer is None:
        return _notice(request, "Subscription not found", "Check the link you received, or ask the merchant.", 404)
    if link is not None and link.status != "pending":
        return RedirectResponse(f"/?orderId={offer.link.uid}", status_code=303)
    return offer


async def subscribe_from_form(request: Request) -> Response:
    """POST /subscribe/{uid}: verify and save the card, then subscribe (or show the form again)."""
    form = await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
    try:
        await SUBSCRIBE_TRIES_PER_ADDRESS.consume(request.client.host if request.client else "unknown")
    except ApiError:
        return _notice(request, "Too many attempts", "Please wait a few minutes before trying again.", 429)
    opened = await _open_offer(request)
    if isinstance(opened, Response):
        return opened
    offer = opened

    def text(name: str, limit: int) -> str:
        return str(form.get(name) or "")[:limit]

    try:
        card = payments.read_card(
            CardNumber(text("cardNumber", 40)), text("expiry", 10), Cvv(text("cvv", 6)), text("cardholderName", 60)
        )
        verification = await payments.verify_card(
            offer.link.client_slug,
            offer.link.client_slug,
            offer.link.user_id,
            card,
            currency=offer.plan.currency,
            three_ds_code=None,
            interactive=True,
        )
    except ApiError as refusal:
        return _form(request, offer, error=payments.customer_message(refusal), status_code=400)
    if verification.challenged:
        return RedirectResponse(f"/subscribe/{offer.link.uid}/verify?card={verification.card.id}", status_code=303)
    return await _finish(request, offer, verification)


async def verify_form(request: Request) -> Response:
    """/subscribe/{uid}/verify: the 3-D Secure challenge of the card being verified."""
    opened = await _open_offer(request)
    if isinstance(opened, Response):
        return opened
    offer = opened
    values: Any = (
        await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
        if request.method == "POST"
        else request.query_params
    )
    try:
        card_id = uuid.UUID(str(values.get("card", "")))
    except ValueError:
        return RedirectResponse(f"/?orderId={offer.link.uid}", status_code=303)
    if request.method == "GET":
        context = _context(offer, card_id=str(card_id))
        return page(request, "subscribe_3ds.html", context, headers=_HEADERS)
    try:
        verification = await payments.complete_verification(
            card_id,
            Secret(str(values.get("code") or "")[:12]),
            client_slug=offer.link.client_slug,
            user_id=offer.link.user_id,
        )
    except ApiError as refusal:
        return _form(request, offer, error=payments.customer_message(refusal), status_code=400)
    return await _finish(request, offer, verification)


async def _finish(request: Request, offer: Offer, verification: payments.Verification) -> Response:
    if not verification.verified:
        return _form(request, offer, error=_declined(verification.decline_code), status_code=400)
    caller = lifecycle.Caller(client_slug=offer.link.client_slug, application_id=offer.link.application_id)
    try:
        subscription, decline_code = await lifecycle.subscribe(
            caller,
            offer.plan.id,
            verification.card,
            offer.link.external_id,
            {"linkUid": offer.link.uid, "linkReference": offer.link.reference},
            link_uid=offer.link.uid,
        )
    except ApiError as refusal:
        if refusal.error is MW_ERRORS.CONFLICT:  # a double submit: the first one is subscribing
            return RedirectResponse(f"/?orderId={offer.link.uid}", status_code=303)
        return _form(request, offer, error=payments.customer_message(refusal), status_code=400)
    if subscription is None:
        return _form(request, offer, error=_declined(decline_code), status_code=400)
    await payments.close_subscribed_link(offer.link.uid, subscription.id)
    return RedirectResponse(f"/?orderId={offer.link.uid}", status_code=303)


def _declined(code: str | None) -> str:
    reason = payments.DECLINE_REASONS.get(code or "", "The card was declined.")
    return f"{reason} Try another card."
