"""Rendering the hosted pages (Jinja2, server-side, a little CSS, no front-end build).

Each domain keeps its templates in its own `templates/` folder; the shared layout lives here. Their text is
marked for translation (`{% trans %}`, `_()`, jinja2.ext.i18n): a page given a language speaks it, any other
(the dashboard's) speaks English.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from migo.platform import i18n
from migo.platform.settings import get_settings

_PACKAGE = Path(__file__).resolve().parent.parent
# The shared layout first, then every domain's own templates folder.
_FOLDERS = [_PACKAGE / "platform" / "templates", *sorted(_PACKAGE.glob("*/templates"))]

templates = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader([str(folder) for folder in dict.fromkeys(_FOLDERS) if folder.is_dir()]),
        autoescape=select_autoescape(default=True),
        extensions=["jinja2.ext.i18n"],
    )
)
templates.env.policies["ext.i18n.trimmed"] = True  # a message wrapped over lines is one line in the catalog
templates.env.install_null_translations()  # type: ignore[attr-defined]  # English unless a page says otherwise
# Every hosted page says so when it is the sandbox's ("Test mode"): nothing typed there is charged.
templates.env.globals["is_sandbox"] = lambda: get_settings().is_sandbox


# What every page that takes card data answers with: never cached, never framed, scripts from here only.
HOSTED_PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
}


def page(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    language: str = i18n.SOURCE_LANGUAGE,
) -> Response:
    """The page in `language`: its messages, and its `<html lang>`."""
    messages = i18n.translations(language)
    spoken = {"lang": language, "gettext": messages.gettext, "_": messages.gettext, "ngettext": messages.ngettext}
    return templates.TemplateResponse(
        request, template, {**context, **spoken}, status_code=status_code, headers=headers
    )
