"""The audit trail of the CMS (PCI DSS v4.0.1 requirement 10.2): every call that changes something, and every
read of sensitive data (a KYC document, an embossing file, a cardholder's personal data), is kept as an
append-only record: the operator, its partner and application, the operation and the ids in its path (and the
resource's name as it was then), when, from which address, under which request id, and how it ended, with
what the domain says it changed.

`AuditTrail` is an ASGI middleware of the CMS surface, so no endpoint can forget it: it writes the record once
the answer is sent, in a transaction of its own, so that a refused or failed call (rolled back) is kept too.
An endpoint marks a sensitive read with `@audited_read`; a router says what an action changed with
`record_changes` and names the resource with `name_resource` (all in platform.auditing). The request body is
never kept: it may carry passwords, PANs and codes.
"""

from __future__ import annotations

import logging
import uuid
from urllib.parse import parse_qs

from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from migo.identity.auth import client_ip
from migo.identity.principals import AppPrincipal, OperatorPrincipal
from migo.platform import clock
from migo.platform.auditing import is_audited_read
from migo.platform.db import database
from migo.platform.ids import new_id
from migo.platform.surface import operation_id

from .models import AuditRecord

log = logging.getLogger("migo.backoffice")


def _outcome(status: int) -> str:
    return "success" if status < 400 else "refused" if status < 500 else "failed"


class AuditTrail:
    """The CMS surface's middleware that keeps the audit trail (see the module)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500

        async def answer(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, answer)
        finally:
            route = scope.get("route")
            if isinstance(route, APIRoute) and (
                scope["method"] not in ("GET", "HEAD", "OPTIONS") or is_audited_read(route.endpoint)
            ):
                await _keep(scope, route, status)


def _filed_under(
    scope: Scope, route: APIRoute, operator: OperatorPrincipal | None, app: AppPrincipal | None, status: int
) -> uuid.UUID | None:
    """The partner whose trail keeps the record: the caller's own; but what a global operator did to a partner
    it named (in the path, the query or, `file_under`, the body), that partner's (its auditors see what the
    platform did with their data)."""
    if operator is None:
        return app.tenant_id if app else None
    if operator.scope != "global" or status >= 400:
        return operator.partner_id
    named = (
        scope.get("path_params", {}).get("partnerId")
        or _query_partner(scope, route)
        or scope.get("state", {}).get("audit_partner")
    )
    return uuid.UUID(str(named)) if named is not None else operator.partner_id  # the call found it: it exists


def _query_partner(scope: Scope, route: APIRoute) -> str | None:
    """The `partnerId` of the query, when the route takes one (it answered, so the value is a partner's id).
    The routes take it as a parameter of their own (identity.auth.NamedPartner), not of a dependency."""
    if not any(param.alias == "partnerId" for param in route.dependant.query_params):
        return None
    return parse_qs(scope.get("query_string", b"").decode("latin-1")).get("partnerId", [None])[0]


async def _keep(scope: Scope, route: APIRoute, status: int) -> None:
    state = scope.get("state", {})
    operator: OperatorPrincipal | None = state.get("operator")
    app: AppPrincipal | None = state.get("cms_app")
    record = AuditRecord(
        id=new_id(),
        at=clock.now(),
        partner_id=_filed_under(scope, route, operator, app, status),
        application_id=app.application_id if app else None,
        operator_id=operator.operator_id if operator else None,
        action=operation_id(route),
        method=scope["method"],
        route=f"{scope.get('root_path', '')}{route.path}",
        resource={name: str(value) for name, value in scope.get("path_params", {}).items()},
        resource_name=state.get("audit_resource_name"),
        status=status,
        outcome=_outcome(status),
        origin_ip=await client_ip(Request(scope)),
        request_id=str(state.get("request_id", "")),
        changes=state.get("audit_changes"),
    )
    try:
        async with database.side_transaction() as session:
            session.add(record)
    except Exception:
        # The answer is sent already; a record that could not be kept is at least in the log, loudly.
        log.exception("audit record not kept: %s %s %s", record.action, record.resource, record.status)
