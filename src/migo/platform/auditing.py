"""What an endpoint tells the audit trail (the back office keeps it: migo.backoffice.audit): that a read is
sensitive and must be kept as a mutation is (`@audited_read`), what an action changed (`record_changes`), and
the human name of the resource it acted on (`name_resource`), and whose trail keeps it when the body names the
partner (`file_under`). Here so that every domain's router may say it without depending on the back office."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from starlette.requests import Request

_SENSITIVE_READ = "_migo_audited_read"
RESOURCE_NAME_LENGTH = 200  # the audit record's column: a longer name is kept cut
Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


def audited_read(endpoint: Endpoint) -> Endpoint:
    """Keep a record of every call of this GET endpoint (under the route decorator), as of a mutation."""
    setattr(endpoint, _SENSITIVE_READ, True)
    return endpoint


def is_audited_read(endpoint: Callable[..., Any]) -> bool:
    return bool(getattr(endpoint, _SENSITIVE_READ, False))


def record_changes(request: Request, **fields: tuple[Any, Any]) -> None:
    """What the action changed, for its audit record: `status=("IN_REVIEW", "APPROVED")`. Values must be
    plain and never secret (a PAN, a password, a code)."""
    request.state.audit_changes = {name: {"before": before, "after": after} for name, (before, after) in fields.items()}


def file_under(request: Request, partner_id: uuid.UUID) -> None:
    """The partner whose audit trail keeps the action, when the body names it (a path's or query's `partnerId`
    is seen by the trail itself): what a platform operator does to a partner is in that partner's trail."""
    request.state.audit_partner = partner_id


def name_resource(request: Request, name: str | None) -> None:
    """The human name of the resource the call acts on, for its audit record, where `searchText` finds it: an
    operator's username, a role's or a partner's name, a lead's business name, an uploaded file's name. The
    record keeps the name as it is now (records are append-only: a later rename does not rewrite them). Never a
    PAN, a secret, or a cardholder's personal data: the trail can never forget it."""
    request.state.audit_resource_name = name[:RESOURCE_NAME_LENGTH] if name else None
