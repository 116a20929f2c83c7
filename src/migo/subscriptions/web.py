"""The subscribe variant of the hosted checkout: a payment link created with `subscriptionData: {planId}`.

The customer sees the plan ("GTQ 100.00 a month", "first charge today" or "free for 14 days"), types a card,
answers a 3-D Secure challenge if the card asks, and is subscribed: the same code as verify-card with
`shouldCreateSubscription` (the card verified with a zero-amount authorization and saved, the first period
charged unless the plan has a trial). A verified card whose first charge is declined brings the form back for
another card. The link ends `subscribed`; the merchant hears `subscription.created`. Every POST answers with a
redirect (Post/Redirect/Get), and the link's row lock makes a double submit start one subscription.

The pages speak the checkout's languages, chosen the checkout's way (the link's `locale`, else its partner's,
else the browser's Accept-Language), with amounts, intervals and dates written as CLDR writes them (Babel).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from babel.dates import format_date
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from migo.payments import service as payments
from migo.platform import i18n
from migo.platform.db import database
from migo.platform.errors import MW_ERRORS, ApiError
from migo.platform.i18n import N_
from migo.platform.money import display_money
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


@dataclass(frozen=True)
class Offer:
    link: payments.CheckoutLink
    plan: Plan
    language: str  # what its pages speak


def offers_subscription(link: payments.CheckoutLink) -> bool:
    """Whether a link sells a subscription (its subscriptionData names a plan): its page is this one."""
    return "planId" in link.subscription_info


async def _offer(request: Request, link: payments.CheckoutLink) -> tuple[Offer | None, str]:
    """The plan the link sells (None when it names none of its client's), and the language of its pages."""
    accept_language = request.headers.get("accept-language")
    async with database.transaction() as session:
        language = await payments.link_language(session, link.locale, link.partner_id, accept_language)
        try:
            plan_id = uuid.UUID(str(link.subscription_info.get("planId")))
            plan = await plans.find_plan(session, link.client_slug, plan_id)
        except (ValueError, ApiError):
            return None, language
    return Offer(link, plan, language), language


def price_text(plan: Plan, language: str = i18n.SOURCE_LANGUAGE) -> str:
    """The plan's price and interval in `language`: `GTQ 100.00 a month`, `100,00 GTQ cada 3 meses`."""
    ngettext = i18n.translations(language).ngettext
    count = plan.interval_count
    if plan.interval == "day":
        text = ngettext("%(amount)s a day", "%(amount)s every %(count)s days", count)
    elif plan.interval == "week":
        text = ngettext("%(amount)s a week", "%(amount)s every %(count)s weeks", count)
    elif plan.interval == "year":
        text = ngettext("%(amount)s a year", "%(amount)s every %(count)s years", count)
    else:
        text = ngettext("%(amount)s a month", "%(amount)s every %(count)s months", count)
    return text % {"amount": display_money(plan.amount, plan.currency, language), "count": count}


def _first_charge_text(plan: Plan, language: str) -> str:
    ngettext = i18n.translations(language).ngettext
    if plan.trial_days:
        text = ngettext(
            "Free for %(count)s day, then %(price)s. Nothing is charged today.",
            "Free for %(count)s days, then %(price)s. Nothing is charged today.",
            plan.trial_days,
        )
        return text % {"count": plan.trial_days, "price": price_text(plan, language)}
    amount = display_money(plan.amount, plan.currency, language)
    return i18n.translate(language, N_("First charge today: %(amount)s.")) % {"amount": amount}


def _context(offer: Offer, **extra: Any) -> dict[str, Any]:
    link = offer.link
    return {
        "uid": link.uid,
        "merchant": link.merchant_name,
        "logo": link.logo_url,
        "color": link.brand_color,
        "plan_name": offer.plan.name,
        "price_text": price_text(offer.plan, offer.language),
        **extra,
    }


def _page(request: Request, offer: Offer, template: str, context: dict[str, Any], status_code: int = 200) -> Response:
    return page(request, template, context, status_code=status_code, headers=_HEADERS, language=offer.language)


def _notice(request: Request, heading: str, message: str, status_code: int, language: str) -> Response:
    """A page that only explains why the subscription cannot go on; `heading` and `message` are msgids."""
    context = {"heading": i18n.translate(language, heading), "message": i18n.translate(language, message)}
    return page(request, "not_found.html", context, status_code=status_code, headers=_HEADERS, language=language)


def _browser_language(request: Request) -> str:
    return i18n.choose(accept_language=request.headers.get("accept-language"))


def _form(request: Request, offer: Offer, *, error: str | None = None, status_code: int = 200) -> Response:
    context = _context(offer, first_charge_text=_first_charge_text(offer.plan, offer.language), error=error)
    return _page(request, offer, "subscribe.html", context, status_code=status_code)


_ASK_FOR_A_NEW_LINK = N_("Ask the merchant for a new link.")


async def subscribe_page(request: Request, link: payments.CheckoutLink) -> Response:
    """The page of a link that sells a subscription: the form while it is open, else what it came to."""
    offer, language = await _offer(request, link)
    if offer is None:
        return _notice(request, N_("This subscription is not offered"), _ASK_FOR_A_NEW_LINK, 404, language)
    if link.status == "subscribed":
        return await _result(request, offer)
    if link.status != "pending":
        expired = N_("This link has expired. Ask the merchant for a new one.")
        message = expired if link.status == "expired" else _ASK_FOR_A_NEW_LINK
        return _notice(request, N_("This link can no longer be used"), message, 410, language)
    if not offer.plan.active:
        return _notice(request, N_("This subscription is no longer offered"), _ASK_FOR_A_NEW_LINK, 410, language)
    return _form(request, offer)


def _date(moment: datetime, language: str) -> str:
    """A day as CLDR writes it in `language` ("Nov 3, 2026", "3 nov 2026"), UTC's, as the API answers it."""
    return format_date(moment.astimezone(UTC), "medium", locale=language)


async def _result(request: Request, offer: Offer) -> Response:
    subscription_id = offer.link.subscription_info.get("subscriptionId")
    shown = None
    if subscription_id:
        async with database.transaction() as session:
            row = await session.scalar(
                readable(offer.link.client_slug, Subscription).where(Subscription.id == uuid.UUID(str(subscription_id)))
            )
            shown = subscription_out(row) if row is not None else None
    language = offer.language
    dates = {}
    if shown is not None:
        dates = {
            "trial_end_text": _date(shown.trial_end, language) if shown.trial_end else "",
            "next_charge_text": _date(shown.current_period_end, language),
        }
    message = i18n.translate(language, N_("%(merchant)s will let you know about each charge."))
    context = _context(
        offer,
        status="approved",
        heading=i18n.translate(language, N_("You are subscribed")),
        message=message % {"merchant": offer.link.merchant_name},
        subscription=shown,
        **dates,
    )
    return _page(request, offer, "subscribe_result.html", context)


async def _open_offer(request: Request) -> Offer | Response:
    link = await payments.checkout_link(request.path_params["uid"])
    offer, language = None, _browser_language(request)
    if link is not None and offers_subscription(link):
        offer, language = await _offer(request, link)
    if offer is None:
        message = N_("Check the link you received, or ask the merchant.")
        return _notice(request, N_("Subscription not found"), message, 404, language)
    if offer.link.status != "pending":
        return RedirectResponse(f"/?orderId={offer.link.uid}", status_code=303)
    if not offer.plan.active:  # archived while the form was open: no card is verified for it
        heading = N_("This subscription is no longer offered")
        return _notice(request, heading, _ASK_FOR_A_NEW_LINK, 410, offer.language)
    return offer


async def subscribe_from_form(request: Request) -> Response:
    """POST /subscribe/{uid}: verify and save the card, then subscribe (or show the form again)."""
    form = await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
    try:
        await SUBSCRIBE_TRIES_PER_ADDRESS.consume(request.client.host if request.client else "unknown")
    except ApiError:
        message = N_("Please wait a few minutes before trying again.")
        return _notice(request, N_("Too many attempts"), message, 429, _browser_language(request))
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
        return _form(request, offer, error=payments.customer_message(refusal, offer.language), status_code=400)
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
        return _page(request, offer, "subscribe_3ds.html", _context(offer, card_id=str(card_id)))
    try:
        verification = await payments.complete_verification(
            card_id,
            Secret(str(values.get("code") or "")[:12]),
            client_slug=offer.link.client_slug,
            user_id=offer.link.user_id,
        )
    except ApiError as refusal:
        return _form(request, offer, error=payments.customer_message(refusal, offer.language), status_code=400)
    return await _finish(request, offer, verification)


async def _finish(request: Request, offer: Offer, verification: payments.Verification) -> Response:
    if not verification.verified:
        return _form(request, offer, error=_declined(verification.decline_code, offer.language), status_code=400)
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
        return _form(request, offer, error=payments.customer_message(refusal, offer.language), status_code=400)
    if subscription is None:
        return _form(request, offer, error=_declined(decline_code, offer.language), status_code=400)
    await payments.close_subscribed_link(offer.link.uid, subscription.id)
    return RedirectResponse(f"/?orderId={offer.link.uid}", status_code=303)


def _declined(code: str | None, language: str) -> str:
    reason = payments.DECLINE_REASONS.get(code or "", N_("The card was declined."))
    return f"{i18n.translate(language, reason)} {i18n.translate(language, N_('Try another card.'))}"
