"""The CMS back office's operators and roles (`/cms/rest/operators`, `/cms/rest/roles`): parse, call the
service, answer.

Reading operators takes `operators.read`, changing them `operators.manage`; reading roles and the permission
catalog `rbac.read`, changing roles `roles.manage`. Everything is the operator's own partner's: another
partner's operator or role id answers 404. A platform (global) operator names another partner with `partnerId`
(a query parameter; in the body of a creation), such as to give a new partner its first admin
(acting_partner). Nobody grants a permission it does not hold (403, 7803).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from migo.platform.auditing import file_under, name_resource, record_changes
from migo.platform.envelope import CustomResponse, created, ok
from migo.platform.pagination import Listing, Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.wire import patch_changes, to_camel

from . import operator_accounts, operators, otp, roles
from .access import acting_partner
from .auth import CmsApp, CmsOperatorIdempotent, NamedPartner, require_permission
from .models import Role
from .operator_accounts import OPERATORS
from .principals import OperatorPrincipal, scope_of
from .router import OUTBOX
from .schemas import (
    OperatorCreate,
    OperatorOut,
    OperatorStatus,
    OperatorUpdate,
    OtpSent,
    OutboxMessage,
    PermissionOut,
    RoleCreate,
    RoleOut,
    RoleUpdate,
)

router = APIRouter(route_class=MigoRoute, tags=["Operators and roles"])

ROLES = Listing(
    name="Roles",
    sortable={"name": lambda: Role.name, "createdAt": lambda: Role.created_at},
    default_sort="name",
    tiebreaker=lambda: Role.id,
    searchable=(lambda: Role.name, lambda: Role.description),
)


def _operator_out(found: operator_accounts.OperatorView, caller: OperatorPrincipal) -> OperatorOut:
    operator = found.operator  # global when it is of the platform's partner, which only a global caller reaches
    platform = caller.platform and operator.partner_id == caller.partner_id
    return OperatorOut(
        id=operator.id,
        username=operator.username,
        name=operator.display_name,
        email=operator.email,
        status=operator.status,
        scope=scope_of(platform, operator.client_slug),
        partner_id=operator.partner_id,
        client_slug=operator.client_slug,
        roles=found.roles,
        created_at=operator.created_at,
        updated_at=operator.updated_at,
    )


def _role_out(found: roles.RoleView) -> RoleOut:
    role = found.role
    return RoleOut(
        id=role.id,
        name=role.name,
        description=role.description,
        system=role.partner_id is None,
        permissions=found.permissions,
        created_at=role.created_at,
    )


# ---- operators -----------------------------------------------------------------------------------------


@router.get("/operators", response_model=CustomResponse[Page[OperatorOut]])
async def list_operators(
    session: DbSession,
    operator: OperatorPrincipal = require_permission("operators.read"),
    status: Annotated[OperatorStatus | None, Query(description="Only the operators in this status.")] = None,
    partner_id: NamedPartner = None,
    page: PageRequest = OPERATORS.params(),
) -> Any:
    """The partner's operators with their roles; `searchText` matches username, name and email."""
    partner = await acting_partner(session, operator, partner_id)
    found, meta = await OPERATORS.fetch(session, operator_accounts.listing(partner, status), page)
    items = [_operator_out(view, operator) for view in await operator_accounts.views(session, list(found))]
    return ok(Page[OperatorOut](items=items, meta=meta))


@router.post(
    "/operators", status_code=201, response_model=CustomResponse[OperatorOut], dependencies=[CmsOperatorIdempotent]
)
async def create_operator(
    body: OperatorCreate,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("operators.manage"),
) -> Any:
    """Add an operator to the partner. With a `password` it may sign in at once; without one it is `invited`
    and a one-time code (valid 24 hours) goes to its email, to set its password at `POST /auth/password/reset`.
    Each role's permissions must be the caller's own (403, 7803); unknown role names are a 400 naming them.
    With `clientSlug` the operator acts for that Payment Link client of the partner only (404/7813 for a client
    of another partner): its roles may grant only what a client's scope allows (400/7814). A platform operator
    gives another partner an operator with `partnerId` (its first admin, say, with the system role `admin`)."""
    name_resource(request, body.username)  # a refused creation too: the trail says which username was tried
    partner = await acting_partner(session, operator, body.partner_id)
    file_under(request, partner)
    made = await operator_accounts.create(
        session,
        operator,
        partner,
        username=body.username,
        email=body.email,
        name=body.name,
        role_names=body.roles,
        password=body.password,
        client_slug=body.client_slug,
    )
    return created(_operator_out(await operator_accounts.view(session, made), operator))


@router.get("/operators/{operatorId}", response_model=CustomResponse[OperatorOut])
async def get_operator(
    operatorId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("operators.read"),
    partner_id: NamedPartner = None,
) -> Any:
    partner = await acting_partner(session, operator, partner_id)
    found = await operator_accounts.get(session, partner, operatorId)
    return ok(_operator_out(await operator_accounts.view(session, found), operator))


@router.patch("/operators/{operatorId}", response_model=CustomResponse[OperatorOut])
async def update_operator(
    operatorId: uuid.UUID,  # noqa: N803
    body: OperatorUpdate,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("operators.manage"),
    partner_id: NamedPartner = None,
) -> Any:
    """Change an operator's name, email, roles (the whole new set) or status. `disabled` stops its tokens at
    once. Only an operator holding every permission of the one changed may change it (403, 7804); nobody
    disables itself or gives up its own `operators.manage` (409, 7810). `clientSlug` changes its scope: to one
    client of the partner (404/7813 otherwise; its roles within a client's scope, 400/7814), or, null, to the
    whole partner."""
    changes = patch_changes(body)
    partner = await acting_partner(session, operator, partner_id)
    found = await operator_accounts.get(session, partner, operatorId)
    name_resource(request, found.username)
    before = _audited(await operator_accounts.view(session, found))  # a snapshot: the update changes this row
    changed = await operator_accounts.update(
        session,
        operator,
        partner,
        operatorId,
        name=changes.get("name"),
        email=changes.get("email"),
        role_names=changes.get("roles"),
        status=changes.get("status"),
        scope=operator_accounts.ClientScope(changes["client_slug"]) if "client_slug" in changes else None,
    )
    after = await operator_accounts.view(session, changed)
    now = _audited(after)
    differences = {to_camel(field): (before[field], now[field]) for field in changes if before[field] != now[field]}
    record_changes(request, **differences)
    return ok(_operator_out(after, operator))


def _audited(view: operator_accounts.OperatorView) -> dict[str, Any]:
    """The fields an update may change, as the audit trail keeps them (no secret among them)."""
    account = view.operator
    return {
        "name": account.display_name,
        "email": account.email,
        "roles": list(view.roles),
        "status": account.status,
        "client_slug": account.client_slug,
    }


@router.post("/operators/{operatorId}/reset-password", response_model=CustomResponse[OtpSent])
async def send_operator_password_reset(
    operatorId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("operators.manage"),
    partner_id: NamedPartner = None,
) -> Any:
    """Send the operator a one-time code to its email (an invited operator: a fresh invitation), to set a new
    password at `POST /auth/password/reset`. Its current password works until then. Three per operator in 10
    minutes."""
    partner = await acting_partner(session, operator, partner_id)
    name_resource(request, (await operator_accounts.get(session, partner, operatorId)).username)
    expires_in = await operator_accounts.send_password_reset(session, operator, partner, operatorId)
    return ok(OtpSent(expires_in=expires_in))


# ---- roles and permissions -----------------------------------------------------------------------------


@router.get("/roles", response_model=CustomResponse[Page[RoleOut]])
async def list_roles(
    session: DbSession,
    operator: OperatorPrincipal = require_permission("rbac.read"),
    partner_id: NamedPartner = None,
    page: PageRequest = ROLES.params(),
) -> Any:
    """The system roles and the partner's own; `searchText` matches name and description."""
    partner = await acting_partner(session, operator, partner_id)
    found, meta = await ROLES.fetch(session, roles.listing(partner), page)
    return ok(Page[RoleOut](items=[_role_out(view) for view in await roles.views(session, found)], meta=meta))


@router.post("/roles", status_code=201, response_model=CustomResponse[RoleOut], dependencies=[CmsOperatorIdempotent])
async def create_role(
    body: RoleCreate,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("roles.manage"),
) -> Any:
    """A role of the partner's own. Every permission must be in the catalog (400 naming the others) and held
    by the caller (403, 7803); a system role's name or one the partner uses is 409 (7808)."""
    name_resource(request, body.name)
    partner = await acting_partner(session, operator, body.partner_id)
    file_under(request, partner)
    made = await roles.create(
        session, operator, partner, name=body.name, description=body.description, permissions=body.permissions
    )
    return created(_role_out(made))


@router.get("/roles/{roleId}", response_model=CustomResponse[RoleOut])
async def get_role(
    roleId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("rbac.read"),
    partner_id: NamedPartner = None,
) -> Any:
    return ok(_role_out(await roles.get(session, await acting_partner(session, operator, partner_id), roleId)))


@router.patch("/roles/{roleId}", response_model=CustomResponse[RoleOut])
async def update_role(
    roleId: uuid.UUID,  # noqa: N803
    body: RoleUpdate,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("roles.manage"),
    partner_id: NamedPartner = None,
) -> Any:
    """Rename a role of the partner's own, or change its description or permissions (the whole new set: the
    caller must hold every permission added or taken away). The system roles cannot be changed (409, 7807)."""
    changes = patch_changes(body)
    partner = await acting_partner(session, operator, partner_id)
    was = await roles.get(session, partner, roleId)
    before = {"name": was.role.name, "description": was.role.description, "permissions": list(was.permissions)}
    changed = await roles.update(
        session,
        operator,
        partner,
        roleId,
        name=changes.get("name"),
        description=changes.get("description"),
        permissions=changes.get("permissions"),
    )
    after = {"name": changed.role.name, "description": changed.role.description, "permissions": changed.permissions}
    record_changes(
        request, **{field: (before[field], after[field]) for field in changes if before[field] != after[field]}
    )
    name_resource(request, changed.role.name)  # a renamed role: its new name (the old one is in older records)
    return ok(_role_out(changed))


@router.get("/permissions", response_model=CustomResponse[list[PermissionOut]])
async def list_permissions(operator: OperatorPrincipal = require_permission("rbac.read")) -> Any:
    return ok([PermissionOut(code=code, description=text) for code, text in sorted(operators.PERMISSIONS.items())])


# ---- sandbox -------------------------------------------------------------------------------------------

sandbox_outbox = APIRouter(route_class=MigoRoute, prefix="/sandbox", tags=["Sandbox"])


@sandbox_outbox.get("/outbox", response_model=CustomResponse[Page[OutboxMessage]])
async def read_operator_outbox(
    app: CmsApp,
    session: DbSession,
    username: str = Query(min_length=1, max_length=150),
    page: PageRequest = OUTBOX.params(),
) -> Any:
    """Sandbox only: the messages (invitation and reset codes included) sent to an operator of your partner."""
    rows, meta = await OUTBOX.fetch(session, operator_accounts.outbox_of(app.tenant_id, username), page)
    entries = await otp.outbox_entries(session, rows)
    return ok(Page[OutboxMessage](items=[OutboxMessage.of(*entry) for entry in entries], meta=meta))
