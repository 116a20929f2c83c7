from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.client_credentials import ClientCredentials
from ...models.error_response_dto import ErrorResponseDto
from ...models.token_pair import TokenPair
from ...types import Response


def _get_kwargs(
    *,
    body: ClientCredentials,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseDto | TokenPair:
    if response.status_code == 200:
        response_200 = TokenPair.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponseDto.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = ErrorResponseDto.from_dict(response.json())

        return response_409

    response_default = ErrorResponseDto.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponseDto | TokenPair]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentials,
) -> Response[ErrorResponseDto | TokenPair]:
    """Issue Access Token

     Exchange the application's clientId/clientSecret for an access token (30 min) and a refresh
    token (7 days, single use). Ten wrong secrets for a clientId in 15 minutes, or 60 tries from one
    address in 5, are refused for the rest of the window (429 with Retry-After); refreshing is not.

    Args:
        body (ClientCredentials):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | TokenPair]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentials,
) -> ErrorResponseDto | TokenPair | None:
    """Issue Access Token

     Exchange the application's clientId/clientSecret for an access token (30 min) and a refresh
    token (7 days, single use). Ten wrong secrets for a clientId in 15 minutes, or 60 tries from one
    address in 5, are refused for the rest of the window (429 with Retry-After); refreshing is not.

    Args:
        body (ClientCredentials):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | TokenPair
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentials,
) -> Response[ErrorResponseDto | TokenPair]:
    """Issue Access Token

     Exchange the application's clientId/clientSecret for an access token (30 min) and a refresh
    token (7 days, single use). Ten wrong secrets for a clientId in 15 minutes, or 60 tries from one
    address in 5, are refused for the rest of the window (429 with Retry-After); refreshing is not.

    Args:
        body (ClientCredentials):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | TokenPair]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentials,
) -> ErrorResponseDto | TokenPair | None:
    """Issue Access Token

     Exchange the application's clientId/clientSecret for an access token (30 min) and a refresh
    token (7 days, single use). Ten wrong secrets for a clientId in 15 minutes, or 60 tries from one
    address in 5, are refused for the rest of the window (429 with Retry-After); refreshing is not.

    Args:
        body (ClientCredentials):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | TokenPair
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
