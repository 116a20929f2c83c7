from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cardholder_create import CardholderCreate
from ...models.cardholder_response import CardholderResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CardholderCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CardholderResponse | ErrorEnvelope:
    if response.status_code == 201:
        response_201 = CardholderResponse.from_dict(response.json())

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
) -> Response[CardholderResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CardholderCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CardholderResponse | ErrorEnvelope]:
    """Create Cardholder

     Create a cardholder in the company's environment (seed 004, step 2). With a password the cardholder
    registered themselves; without one the company registered them, and they set it with a one-time
    code.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CardholderCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardholderResponse | ErrorEnvelope]
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
    body: CardholderCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> CardholderResponse | ErrorEnvelope | None:
    """Create Cardholder

     Create a cardholder in the company's environment (seed 004, step 2). With a password the cardholder
    registered themselves; without one the company registered them, and they set it with a one-time
    code.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CardholderCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardholderResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CardholderCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CardholderResponse | ErrorEnvelope]:
    """Create Cardholder

     Create a cardholder in the company's environment (seed 004, step 2). With a password the cardholder
    registered themselves; without one the company registered them, and they set it with a one-time
    code.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CardholderCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardholderResponse | ErrorEnvelope]
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
    body: CardholderCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> CardholderResponse | ErrorEnvelope | None:
    """Create Cardholder

     Create a cardholder in the company's environment (seed 004, step 2). With a password the cardholder
    registered themselves; without one the company registered them, and they set it with a one-time
    code.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CardholderCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardholderResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
