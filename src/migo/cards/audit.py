"""The audit trail of a card: every transition, who made it, when, why and through which channel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity.principals import GatewayCaller
from migo.platform import clock

from .models import Card, CardEvent

Channel = Literal["api", "webview", "cms", "cli", "system"]


@dataclass(frozen=True)
class Actor:
    kind: str
    id: str | None
    channel: Channel

    @classmethod
    def of(cls, caller: GatewayCaller, channel: Channel = "api") -> Actor:
        kind, actor_id = caller.actor
        return cls(kind, actor_id, channel)


# The platform acting on its own (the sandbox's seed, a job), with no caller to name.
SYSTEM = Actor("system", None, "system")


async def audit(
    session: AsyncSession, card: Card, action: str, actor: Actor, *, before: str | None, reason: str | None = None
) -> None:
    session.add(
        CardEvent(
            card_id=card.id,
            action=action,
            from_status=before,
            to_status=card.status,
            actor_kind=actor.kind,
            actor_id=actor.id,
            channel=actor.channel,
            reason=reason,
            created_at=clock.now(),
        )
    )
