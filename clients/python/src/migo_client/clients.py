"""Ready clients of the three surfaces: the generated `AuthenticatedClient` of each, on httpx clients (sync and
async) that authenticate, sign, add Idempotency-Keys and retry. Pass them as `client=` to the generated
operations (`get_card.sync(card_id, client=wallet)`, from `migo_client.gateway.api.cards`)."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

import httpx

from . import cms as cms_api
from . import gateway as gateway_api
from . import middleware as middleware_api
from .auth import ClientCredentials
from .signing import SigningKey
from .transport import AsyncMigoTransport, MigoTransport, Retries

DEFAULT_TIMEOUT = httpx.Timeout(30.0)


class _Generated(Protocol):
    def set_httpx_client(self, client: httpx.Client) -> Any: ...
    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Any: ...


Client = TypeVar("Client", bound=_Generated)


def _equip(
    client: Client,
    base_url: str,
    *,
    auth: httpx.Auth | None,
    headers: dict[str, str] | None = None,
    signing_key: SigningKey | None = None,
    retries: Retries,
    timeout: httpx.Timeout,
) -> Client:
    shared: dict[str, Any] = {"base_url": base_url, "auth": auth, "headers": headers, "timeout": timeout}
    client.set_httpx_client(httpx.Client(**shared, transport=MigoTransport(retries=retries, signing_key=signing_key)))
    client.set_async_httpx_client(
        httpx.AsyncClient(**shared, transport=AsyncMigoTransport(retries=retries, signing_key=signing_key))
    )
    return client


def gateway_client(
    base_url: str,
    *,
    client_id: str | None = None,
    client_secret: str | None = None,
    signing_key_id: str | None = None,
    signing_secret: str | None = None,
    retries: Retries = Retries(),
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    auth: ClientCredentials | None = None,
) -> gateway_api.AuthenticatedClient:
    """The Wallet Gateway at `base_url` (`https://api.ali.app/rest`, locally `http://127.0.0.1:8000/rest`), with
    the application's client credentials (or an `auth` of your own). With a signing key, every call that is not
    a read is signed (money-moving calls must be)."""
    if auth is None:
        if client_id is None or client_secret is None:
            raise ValueError("Pass client_id and client_secret, or auth")
        auth = ClientCredentials(base_url, client_id, client_secret, retries=retries)
    signing_key = SigningKey(signing_key_id, signing_secret) if signing_key_id and signing_secret else None
    return _equip(
        gateway_api.AuthenticatedClient(base_url=base_url, token=""),
        base_url,
        auth=auth,
        signing_key=signing_key,
        retries=retries,
        timeout=timeout,
    )


def middleware_client(
    base_url: str,
    *,
    merchant_token: str | None = None,
    client_id: str | None = None,
    client_secret: str | None = None,
    retries: Retries = Retries(),
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
) -> middleware_api.AuthenticatedClient:
    """The Middleware (Payment Links) at `base_url` (`https://mw.migopayments.com`), with a merchant token (sent
    raw in Authorization, as seed 002 recommends) or an application's client credentials (JWT)."""
    if merchant_token is not None:
        auth, headers = None, {"Authorization": merchant_token}
    elif client_id is not None and client_secret is not None:
        auth, headers = ClientCredentials(base_url, client_id, client_secret, retries=retries), None
    else:
        raise ValueError("Pass merchant_token, or client_id and client_secret")
    return _equip(
        middleware_api.AuthenticatedClient(base_url=base_url, token=""),
        base_url,
        auth=auth,
        headers=headers,
        retries=retries,
        timeout=timeout,
    )


def cms_client(
    base_url: str,
    *,
    client_id: str,
    client_secret: str,
    operator_token: str | None = None,
    retries: Retries = Retries(),
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
) -> cms_api.AuthenticatedClient:
    """The CMS back office at `base_url` (`https://api.ali.app/cms/rest`); operator calls also need the
    operator's token (`POST /cms/rest/auth/login`), sent as `x-user-token`."""
    return _equip(
        cms_api.AuthenticatedClient(base_url=base_url, token=""),
        base_url,
        auth=ClientCredentials(base_url, client_id, client_secret, retries=retries),
        headers={"x-user-token": operator_token} if operator_token else None,
        retries=retries,
        timeout=timeout,
    )
