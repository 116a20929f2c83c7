"""Hosted pages at the root: the payment-link checkout (`/?orderId=`) and, later, card activation."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.templating import Jinja2Templates

from migo.platform.settings import get_settings

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


async def home(request: Request) -> Response:
    if request.query_params.get("orderId") is not None:
        # Payment links arrive with the payments domain; until a link exists, none can be found.
        return templates.TemplateResponse(
            request,
            "not_found.html",
            {"heading": "Payment link not found", "message": "Check the link you received, or ask the merchant."},
            status_code=404,
        )
    return templates.TemplateResponse(request, "home.html", {"environment": get_settings().environment})


routes: list[BaseRoute] = [Route("/", home, methods=["GET"], include_in_schema=False)]
