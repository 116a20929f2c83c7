"""The hosted checkout of a Payment Link (`/?orderId=UID`): the page a customer pays on.

Server-rendered and usable without JavaScript (checkout.js adds inline validation, the installments of the
card being typed and a Pay button that disables itself). Each POST answers with a redirect (Post/Redirect/
Get), so a reload never pays twice, and the link's row lock makes a double submit charge once.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from migo.identity import service as identity
from migo.platform import clock, i18n
from migo.platform.db import database
from migo.platform.errors import MW_ERRORS, ApiError
from migo.platform.i18n import N_
from migo.platform.money import display_money
from migo.platform.pages import HOSTED_PAGE_HEADERS, page
from migo.platform.ratelimit import Limit
from migo.platform.secrets import CardNumber, Cvv
from migo.platform.settings import get_settings
from migo.webhooks import service as webhooks

from . import checkout, clients, links
from .errors import PAYMENT_ERRORS
from .models import PaymentAttempt, PaymentClient, PaymentTransaction
from .processors import DECLINE_REASONS
from .schemas import ChallengeAnswer
from .testcards import THREE_DS_PASS_CODE

_HEADERS = HOSTED_PAGE_HEADERS
# The hosted pages' forms are a handful of text fields: no uploads, no field floods.
MAX_FORM_FIELDS = 20
_STATUS_TEXT = {
    "approved": (N_("Payment approved"), N_("Thank you: your payment went through.")),
    "authorized": (N_("Payment approved"), N_("Thank you: your payment was authorized.")),
    "denied": (
        N_("Payment declined"),
        N_("The payment could not be completed and this link can no longer be used."),
    ),
    "refunded": (N_("Payment refunded"), N_("This payment was refunded.")),
    "reversed": (N_("Payment cancelled"), N_("This payment was cancelled; nothing was charged.")),
    "expired": (N_("Payment link expired"), N_("This link has expired. Ask the merchant for a new one.")),
    "subscribed": (N_("Subscribed"), N_("You are subscribed. The merchant will let you know about each charge.")),
}


# Paying from one address: generous for a shop's customers behind one NAT, short for a card-testing bot.
PAY_TRIES_PER_ADDRESS = Limit("checkout-pay-ip", attempts=60, window_seconds=600)


def _notice(request: Request, heading: str, message: str, status_code: int, language: str) -> Response:
    """A page that only explains why the checkout cannot go on (in the link's language, else the browser's)."""
    context = {"heading": i18n.translate(language, heading), "message": message}
    return page(request, "not_found.html", context, status_code=status_code, headers=_HEADERS, language=language)


def _not_found(request: Request) -> Response:
    language = _browser_language(request)
    message = i18n.translate(language, N_("Check the link you received, or ask the merchant."))
    return _notice(request, N_("Payment link not found"), message, 404, language)


def _browser_language(request: Request) -> str:
    return i18n.choose(accept_language=request.headers.get("accept-language"))


def _amount_text(transaction: PaymentTransaction, language: str) -> str:
    return display_money(transaction.amount, transaction.currency, language)


def _return_url(client: PaymentClient, transaction: PaymentTransaction, requested: str | None) -> str | None:
    """Where the customer goes back to: the URL the storefront sent, the link's own, or the client's default."""
    return requested or transaction.return_url or client.default_return_url


async def _return_target(
    client: PaymentClient, base: str | None, transaction: PaymentTransaction, status: str
) -> str | None:
    """The merchant's return URL with uid, reference, externalId, status, amount, currency and timestamp merged
    into its own query (before any #fragment), and `signature` when the client has a webhook signing secret.
    The signature covers Migo's parameters only: the return URL's own query can come from the customer."""
    if base is None:
        return None
    params = [("uid", transaction.uid), ("reference", transaction.reference)]
    if transaction.external_id is not None:
        params.append(("externalId", transaction.external_id))
    params += [
        ("status", status),
        ("amount", str(int(transaction.amount))),
        ("currency", transaction.currency),
        ("timestamp", str(int(clock.now().timestamp()))),
    ]
    signed = urlencode(params)
    async with database.transaction() as session:
        signature = await webhooks.sign_checkout_return(session, client.slug, signed)
    if signature is not None:
        signed += "&" + urlencode({"signature": signature})
    parts = urlsplit(base)
    query = "&".join(part for part in (parts.query, signed) if part)
    return urlunsplit(parts._replace(query=query))


def _context(
    transaction: PaymentTransaction, client: PaymentClient, language: str, return_url: str | None, **extra: Any
) -> dict[str, Any]:
    return {
        "uid": transaction.uid,
        "reference": transaction.reference,
        "merchant": client.display_name,
        "logo": client.logo_url,
        "color": client.brand_color,
        "amount_text": _amount_text(transaction, language),
        "details": clients.checkout_details(client, transaction.custom_keys),
        "return_url": return_url or "",
        **extra,
    }


def _checkout_url(uid: str, return_url: str | None, **params: str) -> str:
    query = {"orderId": uid, **params}
    if return_url:
        query["return_url"] = return_url
    return f"/?{urlencode(query)}"


async def link_language(
    session: AsyncSession, link_locale: str | None, partner_id: uuid.UUID | None, accept_language: str | None
) -> str:
    """The language a link's pages speak (the checkout's and the subscribe pages'): the link's, else its
    partner's, else the browser's (Accept-Language), else English."""
    spoken_by_link = link_locale in i18n.LANGUAGES  # then the partner's is not asked for
    partner_locale = await identity.partner_locale(session, partner_id) if partner_id and not spoken_by_link else None
    return i18n.choose(link_locale, partner_locale, accept_language=accept_language)


async def _load(request: Request, uid: str) -> tuple[PaymentTransaction, PaymentClient, str] | None:
    """The link, its client, and the language its pages speak (`link_language`)."""
    async with database.transaction() as session:
        found = await links.transaction_by_uid(session, uid)
        if found is None:
            return None
        transaction, client = found
        accept_language = request.headers.get("accept-language")
        language = await link_language(session, transaction.locale, client.partner_id, accept_language)
    return transaction, client, language


def _requested_return_url(values: Any) -> str | None:
    value = str(values.get("return_url") or values.get("returnUrl") or "").strip()
    return value[:2000] or None


async def _fields(request: Request) -> Any:
    """The fields of a form POST, or the query of a GET."""
    if request.method == "POST":
        return await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
    return request.query_params


async def checkout_page(request: Request) -> Response:
    """`/?orderId=UID[&return_url=…]` by GET, or the same fields form-POSTed to `/` by a storefront."""
    values = await _fields(request)
    found = await _load(request, str(values.get("orderId", ""))[:40])
    if found is None:
        return _not_found(request)
    transaction, client, language = found
    requested = _requested_return_url(values)
    if requested is not None and not links.is_allowed_return_url(client, requested):
        message = i18n.translate(
            language,
            N_(
                "%(merchant)s has not registered the address it asked to send you back to. "
                "Nothing was charged; go back to the store and try again."
            ),
        ) % {"merchant": client.display_name}
        return _notice(request, N_("This return address is not allowed"), message, 400, language)
    return_url = _return_url(client, transaction, requested)
    status = checkout.shown_status(transaction)
    if status != "pending":
        return await _result_page(request, transaction, client, language, status, return_url)
    async with database.transaction() as session:
        in_flight = await checkout.attempt_in_flight(session, transaction)
    if in_flight is not None:  # the processor's answer is on its way: the page reloads until it is recorded
        heading = i18n.translate(language, N_("Confirming your payment"))
        context = _context(transaction, client, language, return_url, heading=heading)
        return page(request, "checkout_processing.html", context, headers=_HEADERS, language=language)
    declined = await _declined_attempt(transaction, str(values.get("attempt", "")), language)
    return await _form_page(request, transaction, client, language, return_url, error=declined)


async def _form_page(
    request: Request,
    transaction: PaymentTransaction,
    client: PaymentClient,
    language: str,
    return_url: str | None,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    terms = clients.processor_terms(client)
    context = _context(
        transaction,
        client,
        language,
        return_url,
        error=error,
        installments=clients.installment_options(terms[0], "credit") if terms else [1],
        attempts_left=client.max_attempts - transaction.attempts,
        # The way back after a refusal carries the link's real status (pending: it can still be paid), so a
        # storefront never cancels an order that is paid a minute later.
        return_target=await _return_target(client, return_url, transaction, checkout.shown_status(transaction))
        if error
        else None,
    )
    return page(request, "checkout.html", context, status_code=status_code, headers=_HEADERS, language=language)


async def _result_page(
    request: Request,
    transaction: PaymentTransaction,
    client: PaymentClient,
    language: str,
    status: str,
    return_url: str | None,
) -> Response:
    heading, message = _STATUS_TEXT.get(status, (N_("Payment"), ""))
    reason = DECLINE_REASONS.get(transaction.decline_code or "") if status == "denied" else None
    context = _context(
        transaction,
        client,
        language,
        return_url,
        status=status,
        heading=i18n.translate(language, heading),
        message=i18n.translate(language, message) if message else "",
        reason=i18n.translate(language, reason) if reason else None,
        last4=transaction.last4,
        brand=transaction.brand,
        return_target=await _return_target(client, return_url, transaction, status),
    )
    return page(request, "checkout_result.html", context, headers=_HEADERS, language=language)


async def _declined_attempt(transaction: PaymentTransaction, attempt_id: str, language: str) -> str | None:
    """The reason the attempt the customer just made was declined, to show above the form."""
    try:
        parsed = uuid.UUID(attempt_id)
    except ValueError:
        return None
    async with database.transaction() as session:
        attempt = await session.get(PaymentAttempt, parsed)
    if attempt is None or attempt.transaction_id != transaction.id or attempt.status != "declined":
        return None
    reason = DECLINE_REASONS.get(attempt.decline_code or "", N_("The payment was declined."))
    retry = i18n.translate(language, N_("Try another card."))
    return f"{i18n.translate(language, reason)} {retry}"


def _sandbox_code() -> str | None:
    """The code the sandbox's test cards' challenges pass with, shown on the challenge page in the sandbox."""
    return THREE_DS_PASS_CODE if get_settings().is_sandbox else None


def _form_text(form: FormData, name: str, limit: int) -> str:
    return str(form.get(name) or "")[:limit]


async def pay_from_form(request: Request) -> Response:
    uid = request.path_params["uid"]
    form = await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
    try:
        await PAY_TRIES_PER_ADDRESS.consume(request.client.host if request.client else "unknown")
    except ApiError:
        language = _browser_language(request)
        message = i18n.translate(language, N_("Please wait a few minutes before trying again."))
        return _notice(request, N_("Too many attempts"), message, 429, language)
    found = await _load(request, uid)
    if found is None:
        return _not_found(request)
    return_url = _allowed_return_url(found[1], _requested_return_url(form))
    try:
        installments = int(_form_text(form, "installments", 3) or "1")
    except ValueError:
        installments = 0
    try:
        card = checkout.read_card(
            CardNumber(_form_text(form, "cardNumber", 40)),
            _form_text(form, "expiry", 10),
            Cvv(_form_text(form, "cvv", 6)),
            _form_text(form, "cardholderName", 60),
        )
        result = await checkout.pay(uid, card, installments)
    except ApiError as refusal:
        return await _refused(request, uid, return_url, refusal)
    if result.outcome == "requires_action":
        query = urlencode({"attempt": str(result.attempt.id), "return_url": return_url or ""})
        return RedirectResponse(f"/checkout/{uid}/verify?{query}", status_code=303)
    return RedirectResponse(_checkout_url(uid, return_url, attempt=str(result.attempt.id)), status_code=303)


def _allowed_return_url(client: PaymentClient, requested: str | None) -> str | None:
    return requested if requested is not None and links.is_allowed_return_url(client, requested) else None


async def _refused(request: Request, uid: str, return_url: str | None, refusal: ApiError) -> Response:
    """A payment step refused before the processor was asked: nothing was recorded. A link paid or being
    paid meanwhile (a double submit) sends the customer to it; anything else shows the form again."""
    if refusal.error in (PAYMENT_ERRORS.TRANSACTION_NOT_PAYABLE, PAYMENT_ERRORS.PAYMENT_IN_PROGRESS):
        return RedirectResponse(_checkout_url(uid, return_url), status_code=303)
    found = await _load(request, uid)
    if found is None:
        return _not_found(request)
    transaction, client, language = found
    message = customer_message(refusal, language)
    return await _form_page(request, transaction, client, language, return_url, error=message, status_code=400)


_FIELD_LABELS = {
    "cardNumber": N_("Card number"),
    "expiry": N_("Expiry"),
    "cvv": N_("CVV"),
    "installments": N_("Installments"),
}


def customer_message(refusal: ApiError, language: str = i18n.SOURCE_LANGUAGE) -> str:
    """What a customer reads, in `language`: the field problem without the API's field path, or the measure
    taken."""
    if refusal.error is MW_ERRORS.INVALID_BODY:
        field, _, problem = refusal.detail.partition(": ")
        if not problem:
            return refusal.detail
        label = i18n.translate(language, _FIELD_LABELS[field]) if field in _FIELD_LABELS else field
        return f"{label}: {i18n.translate(language, problem)}"
    if refusal.error in (
        PAYMENT_ERRORS.CUSTOMER_BLOCKED,
        PAYMENT_ERRORS.CUSTOMER_SUSPENDED,
        PAYMENT_ERRORS.CUSTOMER_EXCLUDED,
    ):
        return i18n.translate(language, N_("This payment cannot be made. Please contact the merchant."))
    return i18n.translate(language, refusal.error.message)


async def verify_form(request: Request) -> Response:
    uid = request.path_params["uid"]
    values = await _fields(request)
    found = await _load(request, uid)
    if found is None:
        return _not_found(request)
    transaction, client, language = found
    return_url = _allowed_return_url(client, _requested_return_url(values))
    try:
        attempt_id = uuid.UUID(str(values.get("attempt", "")))
    except ValueError:
        return RedirectResponse(_checkout_url(uid, return_url), status_code=303)
    if request.method == "GET":
        async with database.transaction() as session:
            attempt = await checkout.open_challenge(session, transaction, attempt_id)
        if attempt is None:
            return RedirectResponse(_checkout_url(uid, return_url), status_code=303)
        context = _context(
            transaction,
            client,
            language,
            return_url,
            attempt_id=str(attempt_id),
            error=None,
            sandbox_code=_sandbox_code(),
        )
        return page(request, "checkout_3ds.html", context, headers=_HEADERS, language=language)
    try:
        if values.get("cancel"):
            result = await checkout.cancel_challenge(uid, attempt_id)
        else:
            code = ChallengeAnswer(_form_text(values, "code", 12))
            result = await checkout.complete_challenge(uid, attempt_id, code)
    except ApiError as refusal:
        return await _refused(request, uid, return_url, refusal)
    return RedirectResponse(_checkout_url(uid, return_url, attempt=str(result.attempt.id)), status_code=303)


async def card_options(request: Request) -> Response:
    """`/checkout/{uid}/card-options?bin=424242`: brand, type and installments for the card being typed."""
    bin_digits = request.query_params.get("bin", "")
    if not (bin_digits.isdigit() and 6 <= len(bin_digits) <= 8):
        return JSONResponse({"detail": "bin: 6 to 8 digits"}, status_code=400, headers=_HEADERS)
    async with database.transaction() as session:
        found = await links.transaction_by_uid(session, request.path_params["uid"])
        if found is None:
            return JSONResponse({"detail": "no such payment link"}, status_code=404, headers=_HEADERS)
        info, installments, refusals = await checkout.card_options(session, found[1], bin_digits)
    return JSONResponse(
        {"brand": info.brand, "type": info.type, "installments": installments, "accepted": not refusals},
        headers=_HEADERS,
    )
