"""What an endpoint tells the audit trail (the back office keeps it: migo.backoffice.audit): that a read is
sensitive and must be kept as a mutation is (`@audited_read`), what an action changed (`record_changes`), and
whose trail keeps it when the body names the partner (`file_under`).
Here so that every domain's router may say it without depending on the back office."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from starlette.requests import Request

_SENSITIVE_READ = "_migo_audited_read"
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
