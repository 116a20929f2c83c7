"""Signing in to the dashboard and out of it, and setting a password with a one-time code.

The sign-in form names the account (the partner's id: an operator's username is its partner's own, as Adyen's
Customer Area asks for the account), the username and the password, and is held to the API's sign-in limits.
An invited operator (a merchant's user, say) sets its password at /dashboard/password with the code its
invitation email carries, as `POST /cms/rest/auth/password/reset` does. Before any session exists these forms are
protected from cross-site posting by a double-submit token: a random cookie of its own, repeated in the form.
The account is remembered in a cookie for the next sign-in.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from migo.identity import dashboard_sessions, operator_accounts
from migo.identity.auth import client_ip
from migo.platform.errors import ApiError
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.secrets import Otp, Password

from .pages import render
from .viewer import COOKIE, PATH, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

FORM_COOKIE = "migo_dashboard_form"
ACCOUNT_COOKIE = "migo_dashboard_account"
_UNKNOWN = "The account, username or password is not right."
_NOTICES = {"password_set": "Your password is set: sign in with it."}


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _safe_next(target: str | None) -> str:
    """Back to where the viewer was going: a dashboard path only (never another site)."""
    if target and target.startswith(f"{PATH}/") and "\\" not in target:
        return target
    return f"{PATH}/"


def _form_token(request: Request) -> str:
    return request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(24)


def _pre_session_page(request: Request, template: str, token: str, *, status_code: int, **context: object) -> Response:
    """A form shown before any session (sign-in, password), with its double-submit token in a cookie."""
    response = render(request, template, None, status_code=status_code, login_token=token, **context)
    response.set_cookie(FORM_COOKIE, token, path=PATH, httponly=True, samesite="lax", secure=_secure(request))
    return response


def _came_from_here(request: Request, sent: str) -> bool:
    expected = request.cookies.get(FORM_COOKIE)
    return bool(expected) and secrets.compare_digest(expected or "", sent)


def _login_page(
    request: Request, *, account: str, next_path: str, message: str | None = None, status_code: int = 200
) -> Response:
    return _pre_session_page(
        request,
        "login.html",
        _form_token(request),
        status_code=status_code,
        account=account,
        next_path=next_path,
        message=message,
        notice=_NOTICES.get(request.query_params.get("notice", "")),
    )


@router.get("/login", name="sign_in_page")
async def sign_in_page(request: Request, account: str | None = None, next: str | None = None) -> Response:
    remembered = account or request.cookies.get(ACCOUNT_COOKIE, "")
    return _login_page(request, account=remembered[:36], next_path=_safe_next(next))


@router.post("/login", name="sign_in")
async def sign_in(
    request: Request,
    session: DbSession,
    ip: Annotated[str, Depends(client_ip)],
    account: Annotated[str, Form(max_length=100)] = "",
    username: Annotated[str, Form(max_length=150)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    login_token: Annotated[str, Form(max_length=100)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    next_path = _safe_next(next)
    if not _came_from_here(request, login_token):
        message = "The sign-in form expired; it has been renewed: sign in again."
        return _login_page(request, account=account, next_path=next_path, message=message, status_code=403)
    try:
        partner_id = uuid.UUID(account.strip())
    except ValueError:
        return _login_page(request, account=account, next_path=next_path, message=_UNKNOWN, status_code=401)
    try:
        signed_in = await dashboard_sessions.sign_in(
            session,
            partner_id=partner_id,
            username=username,
            password=Password(password),
            client_ip=ip,
            user_agent=request.headers.get("user-agent", ""),
        )
    except ApiError as refused:  # nothing written: the sign-in limits count in their own transactions
        status = refused.error.status
        message = _UNKNOWN if status == 401 else refused.detail
        return _login_page(request, account=account, next_path=next_path, message=message, status_code=status)
    response = RedirectResponse(next_path, status_code=303)
    response.set_cookie(
        COOKIE, signed_in.token.reveal(), path=PATH, httponly=True, samesite="lax", secure=_secure(request)
    )
    response.set_cookie(
        ACCOUNT_COOKIE,
        str(partner_id),
        path=f"{PATH}/login",
        max_age=365 * 86400,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
    )
    response.delete_cookie(FORM_COOKIE, path=PATH)
    return response


def _signed_out(request: Request) -> Response:
    response = RedirectResponse(f"{PATH}/login", status_code=303)
    response.delete_cookie(COOKIE, path=PATH, httponly=True, samesite="lax", secure=_secure(request))
    return response


@router.post("/logout", name="sign_out")
async def sign_out(request: Request, session: DbSession, seen: Annotated[Viewer, Depends(viewer)]) -> Response:
    await dashboard_sessions.sign_out(session, seen.session_id)
    return _signed_out(request)


@router.post("/logout-everywhere", name="sign_out_everywhere")
async def sign_out_everywhere(
    request: Request, session: DbSession, seen: Annotated[Viewer, Depends(viewer)]
) -> Response:
    """Every session of the operator ends: this browser's, its other browsers', and its API tokens."""
    await dashboard_sessions.sign_out_everywhere(session, seen.operator.operator_id)
    return _signed_out(request)


@router.get("/password", name="set_password_page")
async def set_password_page(request: Request, account: str = "", username: str = "") -> Response:
    return _pre_session_page(
        request, "password.html", _form_token(request), status_code=200, account=account[:36], username=username[:150]
    )


@router.post("/password", name="set_password")
async def set_password(
    request: Request,
    session: DbSession,
    ip: Annotated[str, Depends(client_ip)],
    account: Annotated[str, Form(max_length=100)] = "",
    username: Annotated[str, Form(max_length=150)] = "",
    code: Annotated[str, Form(max_length=20)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    login_token: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """The CMS's password reset with a one-time code: whatever is wrong, one answer that tells nothing of the
    username (a wrong code, an unknown account); the API's limits per address and username apply."""

    def again(message: str, status_code: int) -> Response:
        return _pre_session_page(
            request,
            "password.html",
            _form_token(request),
            status_code=status_code,
            account=account,
            username=username,
            message=message,
        )

    if not _came_from_here(request, login_token):
        return again("The form expired; it has been renewed: enter the code again.", 403)
    try:
        partner_id = uuid.UUID(account.strip())
    except ValueError:
        return again(operator_accounts.NO_VALID_CODE, 400)
    try:  # nothing is written before a refusal: tries count in their own transactions
        await operator_accounts.reset_password(
            session,
            partner_id=partner_id,
            username=username,
            code=Otp(code.strip()),
            new_password=Password(password),
            client_ip=ip,
        )
    except ApiError as refused:
        return again(refused.detail, refused.error.status)
    return RedirectResponse(f"{PATH}/login?account={partner_id}&notice=password_set", status_code=303)
