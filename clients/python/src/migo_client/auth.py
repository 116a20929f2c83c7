"""Application tokens that look after themselves: client credentials (`POST …/auth/token`) for an access token
(30 minutes) and a single-use refresh token, renewed by `POST …/auth/refresh` before the access token has less
than a minute left, and by the client credentials again when the refresh is refused. The same flow on the three
surfaces: the Gateway and the CMS answer in their envelope (`data`), the Middleware bare.

Renewals are one at a time (a lock per client, held only while the token calls run, never across the caller's
request): Migo revokes a whole token family when a spent refresh token is presented, so two concurrent calls
must never both refresh with the same one."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass
from typing import Any

import anyio
import httpx

from .transport import AsyncMigoTransport, MigoTransport, Retries

SIGNATURE_ERRORS = frozenset({7604, 7616})  # a 401 about the request's signature, not its token
# What renewing tokens asks of whoever sends its requests: send each, answer with the response.
Renewal = Generator[httpx.Request, httpx.Response, None]


class AuthenticationError(Exception):
    """The client credentials were refused."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"{response.request.url} answered {response.status_code}: {response.text}")
        self.response = response


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str | None
    expires_at: float  # on the auth's clock


class ClientCredentials(httpx.Auth):
    """`Authorization: Bearer <access token>` on every request, the token fetched and renewed as needed.

    `base_url` is the surface's (`…/rest`, `…/cms/rest`, or the Middleware's root); `clock` (monotonic seconds)
    and `margin` decide when a token counts as about to expire. The token calls go through clients of its own,
    retried as `retries` says."""

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        margin: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        retries: Retries = Retries(),
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self._credentials = {"clientId": client_id, "clientSecret": client_secret}
        self._margin = margin
        self._clock = clock
        self._retries = retries
        self._lock = threading.Lock()
        self._async_lock: anyio.Lock | None = None
        self._http: httpx.Client | None = None
        self._async_http: httpx.AsyncClient | None = None
        self.tokens: TokenPair | None = None

    def __repr__(self) -> str:
        return f"ClientCredentials({self._base_url!r}, {self._credentials['clientId']!r})"

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        refused: str | None = None  # the access token the server refused, once it has
        while True:
            with self._lock:
                renewal = self._renewal(refused)
                token_request = next(renewal, None)
                while token_request is not None:
                    self._http = self._http or httpx.Client(transport=MigoTransport(retries=self._retries))
                    token_request = _step(renewal, self._http.send(token_request))
            response = yield self._authorized(request)
            response.read()
            if refused is not None or not _token_refused(response):
                return
            refused = request.headers["Authorization"].removeprefix("Bearer ")

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        refused: str | None = None
        while True:
            self._async_lock = self._async_lock or anyio.Lock()
            async with self._async_lock:
                renewal = self._renewal(refused)
                token_request = next(renewal, None)
                while token_request is not None:
                    transport = AsyncMigoTransport(retries=self._retries)
                    self._async_http = self._async_http or httpx.AsyncClient(transport=transport)
                    token_request = _step(renewal, await self._async_http.send(token_request))
            response = yield self._authorized(request)
            await response.aread()
            if refused is not None or not _token_refused(response):
                return
            refused = request.headers["Authorization"].removeprefix("Bearer ")

    def _authorized(self, request: httpx.Request) -> httpx.Request:
        assert self.tokens is not None
        request.headers["Authorization"] = f"Bearer {self.tokens.access_token}"
        return request

    def _renewal(self, refused: str | None) -> Renewal:
        """The token calls needed now: none while the tokens are fresh (or were renewed since `refused` was
        refused), a refresh when they are about to expire, the client credentials when there is no refresh token,
        the refresh was refused, or the server refused the access token itself (revoked)."""
        current = self.tokens
        if current is not None and refused is None and current.expires_at - self._clock() >= self._margin:
            return
        if current is not None and refused is not None and refused != current.access_token:
            return
        if current is not None and current.refresh_token is not None and refused is None:
            refreshed = yield self._post("/auth/refresh", {"refreshToken": current.refresh_token})
            if refreshed.status_code == 200:
                self._keep(refreshed)
                return
        issued = yield self._post("/auth/token", self._credentials)
        if issued.status_code != 200:
            raise AuthenticationError(issued)
        self._keep(issued)

    def _post(self, path: str, body: dict[str, str]) -> httpx.Request:
        return httpx.Request("POST", self._base_url + path, json=body)

    def _keep(self, response: httpx.Response) -> None:
        pair = _data(response)
        self.tokens = TokenPair(pair["accessToken"], pair.get("refreshToken"), self._clock() + pair["expiresIn"])


def _step(renewal: Renewal, response: httpx.Response) -> httpx.Request | None:
    """The renewal's next token request, once it has read `response`; None when it is done."""
    try:
        return renewal.send(response)
    except StopIteration:
        return None


def _token_refused(response: httpx.Response) -> bool:
    """A 401 that is about the access token (revoked, expired early), not about the request's signature."""
    if response.status_code != 401:
        return False
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        return True
    return not (isinstance(error, dict) and error.get("code") in SIGNATURE_ERRORS)


def _data(response: httpx.Response) -> Any:
    """The answer without the Gateway's and the CMS's envelope."""
    body = response.json()
    return body["data"] if isinstance(body, dict) and isinstance(body.get("data"), dict) else body
