"""The CMS permission matrix (issue 16): every CMS endpoint declares the one permission it needs, and every
built-in role passes exactly the endpoints its permissions allow: the others answer 403/7801 before anything
else is looked at. A new endpoint without a permission, or a role that drifts, fails here."""

from __future__ import annotations

import re
import secrets
import uuid
from typing import Any

import httpx
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy import select
from starlette.routing import Mount

from migo.app import create_app
from migo.backoffice.models import AuditRecord
from migo.identity import operators
from migo.identity.models import Partner
from migo.platform.db import database
from migo.platform.secrets import Password
from migo.platform.surface import operation_id
from tests.dashboard.signing_in import csrf_of, sign_in
from tests.factories import OPERATOR_PASSWORD, configure_payment_client, create_tenant

# CMS endpoints that no operator permission guards, and why.
UNGUARDED = {
    "POST /auth/token": "the CMS application's own client credentials",
    "POST /auth/refresh": "the CMS application's refresh token",
    "POST /auth/login": "an operator signing in",
    "POST /auth/login/refresh": "an operator's refresh token",
    "POST /auth/password/reset": "an operator setting its password with a one-time code",
    "GET /me": "any signed-in operator reads itself",
    "GET /errors": "the public error catalog",
    "GET /sandbox/outbox": "the sandbox's outbox of one-time codes (sandbox only)",
}


def _permission(dependant: Dependant) -> str | None:
    for sub in dependant.dependencies:
        found = getattr(sub.call, "permission", None) or _permission(sub)
        if found:
            return found
    return None


def cms_routes(*, with_actions: bool = False) -> list[Any]:
    """(method, path, the permission it needs) of every CMS endpoint; with its operationId last, `with_actions`."""
    app = create_app()
    cms = next(route for route in app.routes if isinstance(route, Mount) and route.path == "/cms/rest")
    found: list[Any] = []
    for context in iter_route_contexts(list(cms.app.routes)):  # type: ignore[attr-defined]
        route = context.original_route
        if isinstance(route, APIRoute) and route.include_in_schema:
            for method in sorted(route.methods - {"HEAD"}):
                found.append(
                    (method, context.path or route.path, _permission(route.dependant))
                    + ((operation_id(route),) if with_actions else ())
                )
    return found


def test_every_cms_endpoint_declares_its_permission():
    routes = cms_routes()
    unguarded = {f"{method} {path}" for method, path, permission in routes if permission is None}
    assert unguarded == set(UNGUARDED), "a CMS endpoint needs require_permission(...), or a reason in UNGUARDED"
    assert len(routes) >= len(UNGUARDED) + 16


async def _operator_named(tenant: Any, role: str) -> str:
    """A new operator of the tenant's partner holding `role`; its username."""
    username = f"{role}.{secrets.token_hex(3)}"
    async with database.transaction() as session:
        partner = await session.get(Partner, tenant.partner_id)
        await operators.create_operator(
            session, partner, username=username, password=Password(OPERATOR_PASSWORD), display_name=role, roles=[role]
        )
    return username


async def _operator_with(http: Any, tenant: Any, role: str) -> dict[str, str]:
    return await tenant.operator_headers(http, await _operator_named(tenant, role))


async def test_each_built_in_role_passes_exactly_what_its_permissions_allow(client):
    tenant = await create_tenant()
    guarded = [(method, path, permission) for method, path, permission in cms_routes() if permission]
    mismatches = []
    for role, (_, granted) in operators.SYSTEM_ROLES.items():
        headers = await _operator_with(client, tenant, role)
        for method, path, permission in guarded:
            url = "/cms/rest" + re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), path)  # ids that exist nowhere
            # An empty body: a role allowed in is answered 400/404 (nothing named exists), never 403/7801.
            answer = await client.request(
                method, url, json={} if method in ("POST", "PATCH", "PUT") else None, headers=headers
            )
            denied = answer.status_code == 403 and answer.json()["error"]["code"] == 7801
            if denied == (permission in granted):
                mismatches.append(f"{role} {method} {path} ({permission}): {answer.status_code}")
    assert mismatches == []

    # Every one of those calls that would change something is in the partner's audit trail, refused or not
    # (PCI DSS 10.2): the trail misses no CMS mutation.
    mutations = {
        action for method, _, permission, action in cms_routes(with_actions=True) if permission and method != "GET"
    }
    async with database.transaction() as session:
        kept = set(await session.scalars(select(AuditRecord.action).where(AuditRecord.partner_id == tenant.partner_id)))
    assert sorted(mutations - kept) == []


# Dashboard pages guarded by permissions no CMS endpoint needs: (its list, what reading it needs, an action on
# something that exists nowhere under the tenant's client, what acting needs).
DASHBOARD_ONLY = [
    ("/dashboard/webhooks", "webhooks.read", "/dashboard/webhooks/{client}/{id}/test", "webhooks.manage"),
    (
        "/dashboard/subscriptions",
        "subscriptions.read",
        "/dashboard/subscriptions/{client}/{id}/cancel",
        "subscriptions.manage",
    ),
]


async def test_each_built_in_role_reaches_the_dashboard_only_pages_as_its_permissions_allow(client):
    """`webhooks.*` and `subscriptions.*` guard dashboard pages, not CMS endpoints: the same matrix there."""
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    mismatches = []
    for role, (_, granted) in operators.SYSTEM_ROLES.items():
        username = await _operator_named(tenant, role)
        async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as browser:
            await sign_in(browser, tenant, username)
            csrf = csrf_of(await browser.get("/dashboard/"))
            for listing, read, action_path, manage in DASHBOARD_ONLY:
                listed = await browser.get(listing)
                if (listed.status_code == 200) != (read in granted):
                    mismatches.append(f"{role} GET {listing}: {listed.status_code}")
                # 404 for a role that may act, 403 before anything for another.
                action = action_path.format(client=tenant.client_slug, id=uuid.uuid4())
                acted = await browser.post(action, data={"csrf": csrf})
                if (acted.status_code == 404) != (manage in granted) or acted.status_code not in (403, 404):
                    mismatches.append(f"{role} POST {action}: {acted.status_code}")
    assert mismatches == []
