"""Hosted pages at the root: the payment-link checkout (`/?orderId=`) and card activation."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from migo.cards import web as card_pages
from migo.platform.pages import page
from migo.platform.settings import get_settings


async def home(request: Request) -> Response:
    if request.query_params.get("orderId") is not None:
        # Payment links arrive with the payments domain; until a link exists, none can be found.
        return page(
            request,
            "not_found.html",
            {"heading": "Payment link not found", "message": "Check the link you received, or ask the merchant."},
            status_code=404,
        )
    return page(request, "home.html", {"environment": get_settings().environment})


routes: list[BaseRoute] = [
    Route("/", home, methods=["GET"], include_in_schema=False),
    Route("/card-activation", card_pages.activation_form, methods=["GET"], include_in_schema=False),
    Route("/card-activation", card_pages.activate_from_form, methods=["POST"], include_in_schema=False),
]
