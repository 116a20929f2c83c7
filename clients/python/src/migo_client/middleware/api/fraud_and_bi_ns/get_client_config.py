from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.client_config import ClientConfig
from ...models.error_response_dto import ErrorResponseDto
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import Response


def _get_kwargs(
    slug: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/clients/{slug}/config".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientConfig | ErrorResponseDto | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = ClientConfig.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponseDto.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponseDto.from_dict(response.json())

        return response_409

    response_default = ErrorResponseDto.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClientConfig | ErrorResponseDto | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
) -> Response[ClientConfig | ErrorResponseDto | UnauthorizedResponse]:
    """Get Client Config

     What your client accepts: channels, currencies (the first is the default), amount range, processors
    and their installments, and the customKeys the checkout shows. Seed 002 notes there was no such
    endpoint;
    there is now.

    Args:
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientConfig | ErrorResponseDto | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        slug=slug,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
) -> ClientConfig | ErrorResponseDto | UnauthorizedResponse | None:
    """Get Client Config

     What your client accepts: channels, currencies (the first is the default), amount range, processors
    and their installments, and the customKeys the checkout shows. Seed 002 notes there was no such
    endpoint;
    there is now.

    Args:
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientConfig | ErrorResponseDto | UnauthorizedResponse
    """

    return sync_detailed(
        slug=slug,
        client=client,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
) -> Response[ClientConfig | ErrorResponseDto | UnauthorizedResponse]:
    """Get Client Config

     What your client accepts: channels, currencies (the first is the default), amount range, processors
    and their installments, and the customKeys the checkout shows. Seed 002 notes there was no such
    endpoint;
    there is now.

    Args:
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientConfig | ErrorResponseDto | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        slug=slug,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
) -> ClientConfig | ErrorResponseDto | UnauthorizedResponse | None:
    """Get Client Config

     What your client accepts: channels, currencies (the first is the default), amount range, processors
    and their installments, and the customKeys the checkout shows. Seed 002 notes there was no such
    endpoint;
    there is now.

    Args:
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientConfig | ErrorResponseDto | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
        )
    ).parsed
