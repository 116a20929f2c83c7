from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.bin_out import BinOut
from ...models.error_response_dto import ErrorResponseDto
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import Response


def _get_kwargs(
    bin_: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/bins/{bin_}".format(
            bin_=quote(str(bin_), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BinOut | ErrorResponseDto | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = BinOut.from_dict(response.json())

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
) -> Response[BinOut | ErrorResponseDto | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bin_: str,
    *,
    client: AuthenticatedClient,
) -> Response[BinOut | ErrorResponseDto | UnauthorizedResponse]:
    """Get Bin

     Brand (from the IIN ranges), type, issuer and country (from the BIN table) of a card's first 6-8
    digits.

    Args:
        bin_ (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BinOut | ErrorResponseDto | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        bin_=bin_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bin_: str,
    *,
    client: AuthenticatedClient,
) -> BinOut | ErrorResponseDto | UnauthorizedResponse | None:
    """Get Bin

     Brand (from the IIN ranges), type, issuer and country (from the BIN table) of a card's first 6-8
    digits.

    Args:
        bin_ (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BinOut | ErrorResponseDto | UnauthorizedResponse
    """

    return sync_detailed(
        bin_=bin_,
        client=client,
    ).parsed


async def asyncio_detailed(
    bin_: str,
    *,
    client: AuthenticatedClient,
) -> Response[BinOut | ErrorResponseDto | UnauthorizedResponse]:
    """Get Bin

     Brand (from the IIN ranges), type, issuer and country (from the BIN table) of a card's first 6-8
    digits.

    Args:
        bin_ (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BinOut | ErrorResponseDto | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        bin_=bin_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bin_: str,
    *,
    client: AuthenticatedClient,
) -> BinOut | ErrorResponseDto | UnauthorizedResponse | None:
    """Get Bin

     Brand (from the IIN ranges), type, issuer and country (from the BIN table) of a card's first 6-8
    digits.

    Args:
        bin_ (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BinOut | ErrorResponseDto | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            bin_=bin_,
            client=client,
        )
    ).parsed
