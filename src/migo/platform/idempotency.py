"""`Idempotency-Key`: the first answer to a (caller, key) is stored for 24 h and replayed to retries.

Same key and same request: the stored answer, with `Idempotent-Replayed: true`. Same key and another
request: 409. Same key while the first is still running: 409 (an advisory lock held by the first request's
transaction says so, across processes). Keys are scoped per application. Validation failures and 5xx are
not stored, so the client can fix and retry (as Stripe does).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fastapi import Depends, Header, Request, Response
from sqlalchemy import LargeBinary, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform import clock, security
from migo.platform.db import Base, Statement, fetch_batch, fetch_one
from migo.platform.errors import ERRORS, ApiError
from migo.platform.settings import get_settings

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
_KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"

    scope: Mapped[str] = mapped_column(String(100), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    request_hash: Mapped[bytes] = mapped_column(LargeBinary)
    status_code: Mapped[int]
    response_body: Mapped[bytes] = mapped_column(LargeBinary)  # AES-GCM: answers may carry secrets
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)


class IdempotentReplay(Exception):
    """Raised by the dependency to answer with the stored response instead of running the endpoint."""

    def __init__(self, response: Response) -> None:
        self.response = response


# Driver statements (platform.db): every keyed request runs them.
_LOCK_SQL = "SELECT pg_try_advisory_xact_lock(hashtextextended(%(lock_name)s, 0)) AS locked"
_FIND_SQL = (
    "SELECT request_hash, status_code, response_body FROM idempotency_keys "
    "WHERE scope = %(scope)s AND key = %(key)s AND expires_at > %(now)s"
)
_STORE_SQL = (
    "INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body, created_at, expires_at) "
    "VALUES (%(scope)s, %(key)s, %(request_hash)s, %(status_code)s, %(response_body)s, %(now)s, %(expires_at)s) "
    "ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, "
    "status_code = EXCLUDED.status_code, response_body = EXCLUDED.response_body, "
    "created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at "
    "WHERE idempotency_keys.expires_at <= EXCLUDED.created_at"
)


@dataclass
class PendingIdempotency:
    """A keyed request that is running: its answer is stored when it finishes."""

    scope: str
    key: str
    request_hash: bytes

    @property
    def _context(self) -> bytes:
        return f"{self.scope}\n{self.key}".encode()

    @property
    def _lock(self) -> Statement:
        return _LOCK_SQL, {"lock_name": f"{self.scope}:{self.key}"}

    def statements(self) -> list[Statement]:
        """The lock, then the lookup: run one after the other (one round trip when batched), the lookup's
        snapshot sees a first request that committed and let the lock go."""
        return [
            self._lock,
            (_FIND_SQL, {"scope": self.scope, "key": self.key, "now": clock.now()}),
        ]

    def store_statement(self, response: Response) -> Statement:
        """Stores the answer (sealed: answers may carry secrets) under the key for the TTL."""
        now = clock.now()
        return _STORE_SQL, {
            "scope": self.scope,
            "key": self.key,
            "request_hash": self.request_hash,
            "status_code": response.status_code,
            "response_body": security.encrypt(bytes(response.body), purpose="idempotency", context=self._context),
            "now": now,
            "expires_at": now + timedelta(seconds=get_settings().idempotency_ttl_seconds),
        }

    async def store_in(self, session: AsyncSession, response: Response) -> None:
        """Store a business-error answer in a transaction of its own, after the request's rolled back (unless
        a retry already holds the key)."""
        lock = await fetch_one(session, *self._lock)
        if lock is not None and lock.locked:
            await fetch_one(session, *self.store_statement(response))

    def replay(self, status_code: int, sealed_body: bytes) -> Response:
        body = security.decrypt(sealed_body, purpose="idempotency", context=self._context)
        return Response(
            content=body,
            status_code=status_code,
            media_type="application/json",
            headers={REPLAYED_HEADER: "true"},
        )


def start(request: Request, scope: str, key: str | None, body: bytes) -> PendingIdempotency | None:
    """The keyed request about to run (None without a key); 400 for a malformed key. Its `statements()`
    then take the lock and look the key up, and `settle()` reads what they found."""
    if key is None:
        return None
    if not _KEY_PATTERN.match(key):
        raise ApiError(ERRORS.VALIDATION_ERROR, f"{HEADER} must be 1 to 255 printable ASCII characters")
    # Keyed: a plain hash of a body holding a card number could be brute-forced back to it.
    target = f"{request.url.path}?{request.url.query}"  # the query too: another query is another request
    request_hash = security.keyed_hash(f"{request.method} {target}\n", purpose="idempotency-request")
    return PendingIdempotency(scope=scope, key=key, request_hash=hmac.new(request_hash, body, hashlib.sha256).digest())


def settle(request: Request, pending: PendingIdempotency, lock: Any, stored: Any) -> None:
    """409 while the first request runs, 409 for the key reused on another request, the stored answer for a
    retry; otherwise the request goes on and its answer is stored when it ends."""
    if stored is not None:  # a stored answer is final: retries replay it even while another retry does
        if not security.constant_time_equals(stored.request_hash, pending.request_hash):
            raise ApiError(ERRORS.IDEMPOTENCY_KEY_REUSED)
        raise IdempotentReplay(pending.replay(stored.status_code, stored.response_body))
    if lock is None or not lock.locked:
        raise ApiError(ERRORS.IDEMPOTENCY_IN_PROGRESS)
    request.state.idempotency = pending


def stores_answer(request: Request) -> bool:
    """Whether the request's answer is stored under its Idempotency-Key when it ends (in its transaction)."""
    return getattr(request.state, "idempotency", None) is not None


def key_header() -> Any:
    return Header(
        None,
        alias=HEADER,
        description="Retries with the same key and body replay the first answer for 24 h.",
        json_schema_extra={"pattern": _KEY_PATTERN.pattern},  # documented only: `start` refuses another with 7000
    )


def idempotency_for(scope_of: Callable[..., Awaitable[Any]], *, caller_scope: Callable[[Any], str]) -> Any:
    """A route dependency that makes the endpoint idempotent for the caller that `scope_of` resolves.

    Use it in one line: `dependencies=[Idempotent]`, with `Idempotent = idempotency_for(...)` per surface.
    """

    async def check_idempotency(
        request: Request, caller: Any = Depends(scope_of), key: str | None = key_header()
    ) -> None:
        pending = start(request, caller_scope(caller), key, await request.body())
        if pending is not None:
            lock, stored = await fetch_batch(request.state.db, pending.statements())
            settle(request, pending, lock, stored)

    return Depends(check_idempotency)
