"""Hosted pages at the root: the payment-link checkout (`/?orderId=`), card activation, the error catalog and the
guides."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from migo.cards import web as card_pages
from migo.payments import service as payments
from migo.payments import web as checkout_pages
from migo.platform.errors import catalog, middleware_catalog
from migo.platform.pages import page
from migo.platform.settings import get_settings
from migo.subscriptions import web as subscribe_pages
from migo.surfaces import guides


async def home(request: Request) -> Response:
    """The checkout when an `orderId` comes by query or by a storefront's form POST; else the welcome page."""
    if request.method == "POST" or request.query_params.get("orderId") is not None:
        # A link that sells a subscription (subscriptionData.planId) has the subscribe variant of the checkout.
        uid = request.query_params.get("orderId")
        link = await payments.checkout_link(uid[:40]) if uid and request.method == "GET" else None
        if link is not None and subscribe_pages.offers_subscription(link):
            return await subscribe_pages.subscribe_page(request, link)
        return await checkout_pages.checkout_page(request)
    return page(request, "home.html", {"environment": get_settings().environment})


async def error_codes(request: Request) -> Response:
    """`/errors`: every error code with its name, HTTP status and meaning, one anchor each (`#code-7303`): where
    an error answer's `docUrl` points."""
    sections = [
        ("Wallet Gateway and CMS: error.code", "code", catalog()),
        ("Middleware: ownCode", "ownCode", middleware_catalog()),
    ]
    return page(request, "errors.html", {"sections": sections})


routes: list[BaseRoute] = [
    Route("/", home, methods=["GET", "POST"], include_in_schema=False),
    Route("/errors", error_codes, methods=["GET"], include_in_schema=False),
    *guides.routes,
    Route("/checkout/{uid}/pay", checkout_pages.pay_from_form, methods=["POST"], include_in_schema=False),
    Route("/checkout/{uid}/verify", checkout_pages.verify_form, methods=["GET", "POST"], include_in_schema=False),
    Route("/checkout/{uid}/card-options", checkout_pages.card_options, methods=["GET"], include_in_schema=False),
    Route("/subscribe/{uid}", subscribe_pages.subscribe_from_form, methods=["POST"], include_in_schema=False),
    Route("/subscribe/{uid}/verify", subscribe_pages.verify_form, methods=["GET", "POST"], include_in_schema=False),
    Route("/card-activation", card_pages.activation_form, methods=["GET"], include_in_schema=False),
    Route("/card-activation", card_pages.activate_from_form, methods=["POST"], include_in_schema=False),
]
