"""Who is calling, as the services see it: plain values, no HTTP. The surfaces' dependencies (auth.py) build
them from tokens; every domain scopes its reads by them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal


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


OperatorScope = Literal["global", "partner", "client"]


@dataclass(frozen=True)
class OperatorPrincipal:
    """A back-office operator. Its scope: `partner` (its own partner's objects), `global` (an operator of the
    platform's partner: every partner's), or `client` (one Payment Link client of its partner: its payments)."""

    operator_id: uuid.UUID
    partner_id: uuid.UUID
    application_id: uuid.UUID | None  # None: signed in to the web dashboard, which is no partner's application
    roles: tuple[str, ...]
    permissions: frozenset[str]
    platform: bool = False
    client_slug: str | None = None

    @property
    def scope(self) -> OperatorScope:
        return scope_of(self.platform, self.client_slug)


def scope_of(platform: bool, client_slug: str | None) -> OperatorScope:
    """An operator's scope, from its partner's platform flag and the client it may be scoped to."""
    if platform:
        return "global"
    return "client" if client_slug is not None else "partner"


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
