"""Rendering the dashboard's pages: the one layout (environment badge, search, navigation, the viewer), the
filters every template shares (money in the currency's usual decimals, instants for the viewer's time zone),
and the problem page (a refusal, a business error, a page that does not exist)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from migo.platform.money import display_money
from migo.platform.pages import templates
from migo.platform.settings import get_settings

from .viewer import Viewer


def _instant(value: datetime | None) -> dict[str, str] | None:
    """An instant as the `<time>` element shows it: UTC as text (the page's script shows the viewer's time zone,
    UTC on hover), ISO 8601 for the script."""
    if value is None:
        return None
    utc = value.astimezone(UTC)
    return {"iso": utc.isoformat().replace("+00:00", "Z"), "text": utc.strftime("%Y-%m-%d %H:%M UTC")}


def days_between(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """A filter of whole UTC days, `last` included: from the start of `first` to the start of the day after
    `last` (None, no bound, for a last day the calendar ends on)."""
    start = datetime.combine(first, time(), UTC) if first is not None else None
    end = datetime.combine(last + timedelta(days=1), time(), UTC) if last is not None and last < date.max else None
    return start, end


def page_numbers(page: int, total_pages: int) -> list[int]:
    """The page links a list shows: the first, the last, and two on each side of the current."""
    shown = {1, total_pages, *range(page - 2, page + 3)}
    return sorted(n for n in shown if 1 <= n <= max(total_pages, 1))


templates.env.filters["money"] = lambda amount, currency: display_money(Decimal(amount), currency)
templates.env.filters["instant"] = _instant
templates.env.globals["page_numbers"] = page_numbers


def render(
    request: Request, template: str, viewer: Viewer | None, *, status_code: int = 200, **context: Any
) -> Response:
    settings = get_settings()
    return templates.TemplateResponse(
        request,
        f"dashboard/{template}",
        {"viewer": viewer, "environment": settings.environment, "sandbox": settings.is_sandbox, **context},
        status_code=status_code,
    )


def render_problem(request: Request, status: int, title: str, message: str) -> Response:
    """The page of a refusal or an error, in the layout; it shows no viewer (the session may be the problem)."""
    return render(request, "problem.html", None, status_code=status, title=title, message=message)
