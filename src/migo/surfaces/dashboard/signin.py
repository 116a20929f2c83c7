"""Signing in to the dashboard and out of it.

The sign-in form names the account (the partner's id: an operator's username is its partner's own, as Adyen's
Customer Area asks for the account), the username and the password, and is held to the API's sign-in limits.
Before any session exists the form is protected from cross-site posting by a double-submit token: a random
cookie of its own, repeated in the form. The account is remembered in a cookie for the next sign-in.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from migo.identity import dashboard_sessions
from migo.identity.auth import client_ip
from migo.platform.errors import ApiError
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.secrets import Password

from .pages import render
from .viewer import COOKIE, PATH, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

LOGIN_COOKIE = "migo_dashboard_login"
ACCOUNT_COOKIE = "migo_dashboard_account"
_UNKNOWN = "The account, username or password is not right."


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _safe_next(target: str | None) -> str:
    """Back to where the viewer was going: a dashboard path only (never another site)."""
    if target and target.startswith(f"{PATH}/") and "\\" not in target:
        return target
    return f"{PATH}/"


def _login_page(
    request: Request, *, account: str, next_path: str, message: str | None = None, status_code: int = 200
) -> Response:
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)
    response = render(
        request,
        "login.html",
        None,
        status_code=status_code,
        account=account,
        next_path=next_path,
        login_token=token,
        message=message,
    )
    response.set_cookie(
        LOGIN_COOKIE, token, path=f"{PATH}/login", httponly=True, samesite="lax", secure=_secure(request)
    )
    return response


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
    expected = request.cookies.get(LOGIN_COOKIE)
    if not expected or not secrets.compare_digest(expected, login_token):
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
    response.delete_cookie(LOGIN_COOKIE, path=f"{PATH}/login")
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
