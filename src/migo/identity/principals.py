"""Who is calling, as the services see it: plain values, no HTTP. The surfaces' dependencies (auth.py) build
them from tokens; every domain scopes its reads by them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class AppPrincipal:
    application_id: uuid.UUID
    tenant_id: uuid.UUID  # the company (Gateway) or the partner (CMS)

    @property
    def idempotency_scope(self) -> str:
        return f"app:{self.application_id}"


@dataclass(frozen=True)
class UserPrincipal:
    user_id: uuid.UUID
    company_id: uuid.UUID
    application_id: uuid.UUID


@dataclass(frozen=True)
class OperatorPrincipal:
    operator_id: uuid.UUID
    partner_id: uuid.UUID
    application_id: uuid.UUID
    roles: tuple[str, ...]
    permissions: frozenset[str]


@dataclass(frozen=True)
class MerchantPrincipal:
    application_id: uuid.UUID
    client_slug: str

    @property
    def idempotency_scope(self) -> str:
        return f"app:{self.application_id}"


@dataclass(frozen=True)
class GatewayCaller:
    """An application acting for its company, or a cardholder (through a cardholder token, or the
    application's token plus `x-user-token`)."""

    application_id: uuid.UUID
    company_id: uuid.UUID
    user_id: uuid.UUID | None

    @property
    def actor(self) -> tuple[str, str]:
        """(kind, id) for audit trails."""
        if self.user_id is not None:
            return "user", str(self.user_id)
        return "application", str(self.application_id)

    @property
    def idempotency_scope(self) -> str:
        """Keys are the application's, and a cardholder's own when the call carries one's token."""
        return f"app:{self.application_id}" + (f":user:{self.user_id}" if self.user_id else "")
