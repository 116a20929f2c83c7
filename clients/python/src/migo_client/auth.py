"""Application tokens that look after themselves: client credentials (`POST …/auth/token`) for an access token
(30 minutes) and a single-use refresh token, renewed by `POST …/auth/refresh` before the access token has less
than a minute left, and by the client credentials again when the refresh is refused. The same flow on the three
surfaces: the Gateway and the CMS answer in their envelope (`data`), the Middleware bare."""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

import httpx

SIGNATURE_ERRORS = frozenset({7604, 7616})  # a 401 about the request's signature, not its token


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
    and `margin` decide when a token counts as about to expire."""

    requires_response_body = True

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        margin: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self._credentials = {"clientId": client_id, "clientSecret": client_secret}
        self._margin = margin
        self._clock = clock
        self.tokens: TokenPair | None = None

    def __repr__(self) -> str:
        return f"ClientCredentials({self._base_url!r}, {self._credentials['clientId']!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.tokens is None or self.tokens.expires_at - self._clock() < self._margin:
            yield from self._renew()
        assert self.tokens is not None
        request.headers["Authorization"] = f"Bearer {self.tokens.access_token}"
        response = yield request
        if response.status_code == 401 and _error_code(response) not in SIGNATURE_ERRORS:
            # Revoked or expired early (another process spent the refresh token): once more, newly authenticated.
            yield from self._authenticate()
            request.headers["Authorization"] = f"Bearer {self.tokens.access_token}"
            yield request

    def _renew(self) -> Generator[httpx.Request, httpx.Response, None]:
        if self.tokens is not None and self.tokens.refresh_token is not None:
            refreshed = yield self._post("/auth/refresh", {"refreshToken": self.tokens.refresh_token})
            if refreshed.status_code == 200:
                self._keep(refreshed)
                return
        yield from self._authenticate()

    def _authenticate(self) -> Generator[httpx.Request, httpx.Response, None]:
        issued = yield self._post("/auth/token", self._credentials)
        if issued.status_code != 200:
            raise AuthenticationError(issued)
        self._keep(issued)

    def _post(self, path: str, body: dict[str, str]) -> httpx.Request:
        return httpx.Request("POST", self._base_url + path, json=body)

    def _keep(self, response: httpx.Response) -> None:
        pair = _data(response)
        self.tokens = TokenPair(pair["accessToken"], pair.get("refreshToken"), self._clock() + pair["expiresIn"])


def _data(response: httpx.Response) -> Any:
    """The answer without the Gateway's and the CMS's envelope."""
    body = response.json()
    return body["data"] if isinstance(body, dict) and isinstance(body.get("data"), dict) else body


def _error_code(response: httpx.Response) -> int | None:
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        return None
    return error.get("code") if isinstance(error, dict) else None
