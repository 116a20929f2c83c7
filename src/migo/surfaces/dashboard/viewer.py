"""Who is looking at a dashboard page: the operator of the session cookie, read fresh on every request
(identity.dashboard_sessions), and the CSRF check every POST passes.

The cookie is HttpOnly, SameSite=Lax, Secure when the page came over HTTPS, and scoped to /dashboard. A POST
carries the session's CSRF token in the form (`csrf`) or, from htmx, in the `X-CSRF-Token` header; a page
without a live session sends the browser to the sign-in page and back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from urllib.parse import quote

from fastapi import Request

from migo.identity import dashboard_sessions
from migo.identity.principals import OperatorPrincipal
from migo.platform.auditing import file_under
from migo.platform.errors import ApiError
from migo.platform.routing import DbSession

COOKIE = "migo_dashboard"
PATH = "/dashboard"


class SignInRequired(Exception):
    """No live session: the answer is the sign-in page, which comes back to `next`."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


class Refused(Exception):
    """A page the viewer may not see or do: 403 (a permission it lacks, a POST without its CSRF token)."""

    def __init__(self, message: str) -> None:
        self.message = message


@dataclass(frozen=True)
class Viewer:
    session_id: uuid.UUID
    operator: OperatorPrincipal
    username: str
    display_name: str
    csrf: str
    # The partner the pages act on: the operator's own; a platform operator's choice (POST /dashboard/partner).
    partner_id: uuid.UUID

    def may(self, permission: str) -> bool:
        return permission in self.operator.permissions

    def need(self, permission: str) -> None:
        if not self.may(permission):
            raise Refused(f"This page needs the `{permission}` permission.")


def sign_in_path(request: Request) -> str:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"{PATH}/login?next={quote(here, safe='')}"


async def viewer(request: Request, session: DbSession) -> Viewer:
    """The signed-in operator (SignInRequired otherwise); a POST's CSRF token checked (Refused otherwise)."""
    token = request.cookies.get(COOKIE)
    if not token:
        raise SignInRequired(sign_in_path(request))
    try:
        resumed = await dashboard_sessions.resume(session, token)
    except ApiError:
        raise SignInRequired(sign_in_path(request)) from None
    # Who did it, for the audit trail: a POST refused for its token too, kept in the operator's partner's trail.
    request.state.operator = resumed.operator
    # What a platform operator does to the partner it chose is in that partner's trail.
    file_under(request, resumed.partner_id)
    if request.method == "POST":
        sent = request.headers.get("X-CSRF-Token") or (await request.form()).get("csrf")
        if not dashboard_sessions.csrf_matches(token, sent if isinstance(sent, str) else None):
            raise Refused("The form has expired or did not come from this dashboard; reload the page and try again.")
    return Viewer(
        session_id=resumed.session_id,
        operator=resumed.operator,
        username=resumed.username,
        display_name=resumed.display_name,
        csrf=dashboard_sessions.csrf_token(token),
        partner_id=resumed.partner_id,
    )
