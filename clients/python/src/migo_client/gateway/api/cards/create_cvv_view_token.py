from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.view_token_response import ViewTokenResponse
from ...types import Response


def _get_kwargs(
    card_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cards/{card_id}/cvv/view-token".format(
            card_id=quote(str(card_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ViewTokenResponse:
    if response.status_code == 200:
        response_200 = ViewTokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | ViewTokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | ViewTokenResponse]:
    """Create Cvv View Token

     Step one of seeing the CVV (seed 003): a cardholder token with `transact` on the card is required;
    the
    view token lives 60 s and works once.

    Args:
        card_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ViewTokenResponse]
    """

    kwargs = _get_kwargs(
        card_id=card_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | ViewTokenResponse | None:
    """Create Cvv View Token

     Step one of seeing the CVV (seed 003): a cardholder token with `transact` on the card is required;
    the
    view token lives 60 s and works once.

    Args:
        card_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ViewTokenResponse
    """

    return sync_detailed(
        card_id=card_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | ViewTokenResponse]:
    """Create Cvv View Token

     Step one of seeing the CVV (seed 003): a cardholder token with `transact` on the card is required;
    the
    view token lives 60 s and works once.

    Args:
        card_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ViewTokenResponse]
    """

    kwargs = _get_kwargs(
        card_id=card_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | ViewTokenResponse | None:
    """Create Cvv View Token

     Step one of seeing the CVV (seed 003): a cardholder token with `transact` on the card is required;
    the
    view token lives 60 s and works once.

    Args:
        card_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ViewTokenResponse
    """

    return (
        await asyncio_detailed(
            card_id=card_id,
            client=client,
        )
    ).parsed
