"""Rate limits that hold across processes: fixed-window counters in PostgreSQL.

Counted in a transaction of their own, so an attempt still counts when the request that made it fails
and rolls back (a wrong password must cost the caller a try).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import String, text
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform import clock
from migo.platform.db import Base, database
from migo.platform.errors import ERRORS, ApiError, ErrorDef


class RateLimitHit(Base):
    __tablename__ = "rate_limit_hits"

    bucket: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(primary_key=True)
    hits: Mapped[int]
    expires_at: Mapped[datetime] = mapped_column(index=True)


_UPSERT = (
    "INSERT INTO rate_limit_hits (bucket, window_start, hits, expires_at) VALUES (:bucket, :begins, 1, :ends) "
    "ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1"
)
_COUNT = text(f"{_UPSERT} RETURNING hits")
_COUNT_BELOW_LIMIT = text(f"{_UPSERT} WHERE rate_limit_hits.hits < :attempts RETURNING hits")


@dataclass(frozen=True)
class Limit:
    """At most `attempts` per `window_seconds` for one bucket (such as a username or an IP address)."""

    name: str
    attempts: int
    window_seconds: int

    def _window(self) -> tuple[datetime, datetime]:
        epoch = int(clock.now().timestamp())
        start = epoch - epoch % self.window_seconds
        begins = datetime.fromtimestamp(start, UTC)
        return begins, begins + timedelta(seconds=self.window_seconds)

    def _bucket(self, subject: str) -> str:
        # Subjects (usernames, addresses) are hashed: bounded length, and no identifiers stored in the clear.
        return f"{self.name}:{hashlib.sha256(subject.encode()).hexdigest()[:40]}"

    def _retry_after(self, window_end: datetime) -> dict[str, str]:
        seconds = max(1, int((window_end - clock.now()).total_seconds()))
        return {"Retry-After": str(seconds)}

    async def _count(self, subject: str, *, only_below_limit: bool) -> int | None:
        """Add one hit to the current window; with `only_below_limit`, only if the window has room
        (None when it has none)."""
        begins, ends = self._window()
        async with database.side_transaction() as session:
            return await session.scalar(
                _COUNT_BELOW_LIMIT if only_below_limit else _COUNT,
                {"bucket": self._bucket(subject), "begins": begins, "ends": ends, "attempts": self.attempts},
            )

    async def consume(self, subject: str, error: ErrorDef = ERRORS.RATE_LIMITED) -> None:
        """Count one attempt; refuse it when the window is already full."""
        hits = await self._count(subject, only_below_limit=False)
        if hits is not None and hits > self.attempts:
            raise ApiError(error, headers=self._retry_after(self._window()[1]))

    async def reserve(self, subject: str, error: ErrorDef = ERRORS.RATE_LIMITED) -> None:
        """Take one of the window's places before trying, atomically (parallel tries cannot outrun the
        count); refuse when none is left. `release` gives the place back after a success."""
        if await self._count(subject, only_below_limit=True) is None:
            raise ApiError(error, headers=self._retry_after(self._window()[1]))

    async def release(self, subject: str) -> None:
        begins, _ = self._window()
        async with database.side_transaction() as session:
            await session.execute(
                text(
                    "UPDATE rate_limit_hits SET hits = hits - 1 "
                    "WHERE bucket = :bucket AND window_start = :begins AND hits > 0"
                ),
                {"bucket": self._bucket(subject), "begins": begins},
            )
