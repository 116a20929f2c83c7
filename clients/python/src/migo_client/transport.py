"""The httpx transports under every SDK client: an Idempotency-Key on every call that is not a read, the Gateway's
signature over the exact bytes sent, and retries with jittered exponential backoff on 429 (honouring
Retry-After), 503 and connection errors. A retry keeps its call's Idempotency-Key, so the server replays or
completes the first attempt and never moves money twice; each attempt is signed anew (a signature works once)."""

from __future__ import annotations

import random
import time
import uuid
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import anyio
import httpx

from .signing import IDEMPOTENCY_HEADER, SigningKey

READS = frozenset({"GET", "HEAD", "OPTIONS"})
RETRIED_STATUSES = frozenset({429, 503})
# Failures before an answer; an Idempotency-Key makes resending them safe for every method.
RETRIED_ERRORS = (httpx.NetworkError, httpx.TimeoutException, httpx.RemoteProtocolError)


@dataclass(frozen=True)
class Retries:
    """How a call is retried: `attempts` tries in all, the n-th retry after a random wait of up to
    `base * 2**n` seconds (full jitter), never more than `cap`. A Retry-After longer than `cap` is not waited
    out: the 429 or 503 is answered to the caller."""

    attempts: int = 4
    base: float = 0.25
    cap: float = 8.0

    def wait(self, attempt: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before retrying after try number `attempt` (from 0), or None: do not retry."""
        if attempt + 1 >= self.attempts:
            return None
        if response is not None:
            if response.status_code not in RETRIED_STATUSES:
                return None
            asked = retry_after(response)
            if asked is not None:
                return asked if asked <= self.cap else None
        return random.uniform(0, min(self.cap, self.base * 2**attempt))


def retry_after(response: httpx.Response) -> float | None:
    """The Retry-After header in seconds (delta-seconds or an HTTP date), if there is a readable one."""
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class _Calls:
    """What both transports do around each try."""

    def __init__(self, retries: Retries, signing_key: SigningKey | None) -> None:
        self.retries = retries
        self.signing_key = signing_key

    def prepare(self, request: httpx.Request) -> None:
        if request.method not in READS and IDEMPOTENCY_HEADER not in request.headers:
            request.headers[IDEMPOTENCY_HEADER] = str(uuid.uuid4())

    def sign(self, request: httpx.Request) -> None:
        if self.signing_key is not None and request.method not in READS:
            self.signing_key.sign(request, int(time.time()))


class MigoTransport(httpx.BaseTransport):
    """For `httpx.Client`."""

    def __init__(
        self,
        *,
        retries: Retries = Retries(),
        signing_key: SigningKey | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._calls = _Calls(retries, signing_key)
        self._inner = transport or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._calls.prepare(request)
        request.read()  # the exact bytes, signed and resent as they are
        attempt = 0
        while True:
            self._calls.sign(request)
            try:
                response = self._inner.handle_request(request)
            except RETRIED_ERRORS:
                wait = self._calls.retries.wait(attempt, None)
                if wait is None:
                    raise
            else:
                wait = self._calls.retries.wait(attempt, response)
                if wait is None:
                    return response
                response.close()
            time.sleep(wait)
            attempt += 1

    def close(self) -> None:
        self._inner.close()


class AsyncMigoTransport(httpx.AsyncBaseTransport):
    """For `httpx.AsyncClient`."""

    def __init__(
        self,
        *,
        retries: Retries = Retries(),
        signing_key: SigningKey | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._calls = _Calls(retries, signing_key)
        self._inner = transport or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._calls.prepare(request)
        await request.aread()
        attempt = 0
        while True:
            self._calls.sign(request)
            try:
                response = await self._inner.handle_async_request(request)
            except RETRIED_ERRORS:
                wait = self._calls.retries.wait(attempt, None)
                if wait is None:
                    raise
            else:
                wait = self._calls.retries.wait(attempt, response)
                if wait is None:
                    return response
                await response.aclose()
            await anyio.sleep(wait)
            attempt += 1

    async def aclose(self) -> None:
        await self._inner.aclose()
