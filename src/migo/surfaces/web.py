"""Hosted pages at the root: the payment-link checkout (`/?orderId=`) and card activation."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from migo.cards import web as card_pages
from migo.payments import web as checkout_pages
from migo.platform.pages import page
from migo.platform.settings import get_settings


async def home(request: Request) -> Response:
    """The checkout when an `orderId` comes by query or by a storefront's form POST; else the welcome page."""
    if request.method == "POST" or request.query_params.get("orderId") is not None:
        return await checkout_pages.checkout_page(request)
    return page(request, "home.html", {"environment": get_settings().environment})


routes: list[BaseRoute] = [
    Route("/", home, methods=["GET", "POST"], include_in_schema=False),
    Route("/checkout/{uid}/pay", checkout_pages.pay_from_form, methods=["POST"], include_in_schema=False),
    Route("/checkout/{uid}/verify", checkout_pages.verify_form, methods=["GET", "POST"], include_in_schema=False),
    Route("/checkout/{uid}/card-options", checkout_pages.card_options, methods=["GET"], include_in_schema=False),
    Route("/card-activation", card_pages.activation_form, methods=["GET"], include_in_schema=False),
    Route("/card-activation", card_pages.activate_from_form, methods=["POST"], include_in_schema=False),
]
