from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.endpoint_create import EndpointCreate
from ...models.endpoint_with_secret_response import EndpointWithSecretResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhook-endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndpointWithSecretResponse | ErrorEnvelope:
    if response.status_code == 201:
        response_201 = EndpointWithSecretResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EndpointWithSecretResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EndpointWithSecretResponse | ErrorEnvelope]:
    """Create Webhook Endpoint

     Register where events go: the URL, the event types (`["*"]` for all), the static authentication
    header Migo sends (seed 002's Merchant Generic Callback), and optionally a Standard Webhooks signing
    secret (yours, or `generateSigningSecret: true`, shown once).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointWithSecretResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> EndpointWithSecretResponse | ErrorEnvelope | None:
    """Create Webhook Endpoint

     Register where events go: the URL, the event types (`["*"]` for all), the static authentication
    header Migo sends (seed 002's Merchant Generic Callback), and optionally a Standard Webhooks signing
    secret (yours, or `generateSigningSecret: true`, shown once).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointWithSecretResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EndpointWithSecretResponse | ErrorEnvelope]:
    """Create Webhook Endpoint

     Register where events go: the URL, the event types (`["*"]` for all), the static authentication
    header Migo sends (seed 002's Merchant Generic Callback), and optionally a Standard Webhooks signing
    secret (yours, or `generateSigningSecret: true`, shown once).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointWithSecretResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> EndpointWithSecretResponse | ErrorEnvelope | None:
    """Create Webhook Endpoint

     Register where events go: the URL, the event types (`["*"]` for all), the static authentication
    header Migo sends (seed 002's Merchant Generic Callback), and optionally a Standard Webhooks signing
    secret (yours, or `generateSigningSecret: true`, shown once).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointWithSecretResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
