"""The hosted card-activation webview (seed 004, step 4): no JavaScript needed, works on any phone. It speaks
the language of the company's partner, else the phone's (Accept-Language)."""

from __future__ import annotations

import uuid

from starlette.requests import Request
from starlette.responses import Response

from migo.identity import service as identity
from migo.platform import i18n
from migo.platform.db import database
from migo.platform.errors import ApiError
from migo.platform.i18n import N_
from migo.platform.pages import page
from migo.platform.secrets import CardNumber

from . import activation
from .audit import Actor

MAX_FORM_FIELDS = 10  # the activation form's few text fields: no uploads, no field floods
_NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


async def _cardholder(user_id: str | None) -> identity.ActivationHolder | None:
    try:
        parsed = uuid.UUID(user_id or "")
    except ValueError:
        return None
    async with database.transaction() as session:
        return await identity.cardholder_for_activation(session, parsed)


def _language(request: Request, holder: identity.ActivationHolder | None) -> str:
    return i18n.choose(holder.locale if holder else None, accept_language=request.headers.get("accept-language"))


def _invalid_link(request: Request) -> Response:
    language = _language(request, None)
    return page(
        request,
        "not_found.html",
        {
            "heading": i18n.translate(language, N_("This activation link is not valid")),
            "message": i18n.translate(language, N_("Ask the company that sent your card for a new link.")),
        },
        status_code=404,
        headers=_NO_STORE,
        language=language,
    )


async def activation_form(request: Request) -> Response:
    holder = await _cardholder(request.query_params.get("userId"))
    if holder is None:
        return _invalid_link(request)
    context = {
        "user_id": holder.user_id,
        "client": request.query_params.get("client", ""),
        "company": holder.company_name,
    }
    return page(
        request,
        "card_activation.html",
        {**context, "error": None, "cardholder_name": ""},
        headers=_NO_STORE,
        language=_language(request, holder),
    )


async def activate_from_form(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
    holder = await _cardholder(str(form.get("userId", "")))
    if holder is None:
        return _invalid_link(request)
    name = str(form.get("cardholderName", ""))[:60]
    context = {"user_id": holder.user_id, "client": str(form.get("client", ""))[:100], "company": holder.company_name}
    language = _language(request, holder)
    try:
        async with database.transaction() as session:
            card = await activation.activate(
                session,
                company_id=holder.company_id,
                user_id=holder.user_id,
                card_number=CardNumber(str(form.get("cardNumber", ""))[:40]),
                cardholder_name=name,
                actor=Actor("user", str(holder.user_id), "webview"),
                client_ip=request.client.host if request.client else "unknown",
            )
            last4 = card.last4
    except ApiError as error:
        # The number is never echoed back; the name is, so a typo is easy to fix.
        # The error catalog's message, translated where the language's catalog has it.
        context.update(error=i18n.translate(language, error.error.message), cardholder_name=name)
        return page(
            request,
            "card_activation.html",
            context,
            status_code=error.error.status,
            headers=_NO_STORE,
            language=language,
        )
    return page(request, "card_activated.html", {**context, "last4": last4}, headers=_NO_STORE, language=language)
