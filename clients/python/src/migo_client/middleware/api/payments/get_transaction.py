from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response_dto import ErrorResponseDto
from ...models.transaction_detail import TransactionDetail
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import Response


def _get_kwargs(
    uid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/transactions/{uid}".format(
            uid=quote(str(uid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseDto | TransactionDetail | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = TransactionDetail.from_dict(response.json())

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
) -> Response[ErrorResponseDto | TransactionDetail | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uid: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponseDto | TransactionDetail | UnauthorizedResponse]:
    """Get Transaction

     A link: status, amounts authorized, captured and refunded, processor, installments, card brand and
    last
    four, and `notification`: how the message Migo sent it in (sms, wa, email) went (`queued`, `sent`,
    `failed`).

    Args:
        uid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | TransactionDetail | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        uid=uid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uid: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponseDto | TransactionDetail | UnauthorizedResponse | None:
    """Get Transaction

     A link: status, amounts authorized, captured and refunded, processor, installments, card brand and
    last
    four, and `notification`: how the message Migo sent it in (sms, wa, email) went (`queued`, `sent`,
    `failed`).

    Args:
        uid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | TransactionDetail | UnauthorizedResponse
    """

    return sync_detailed(
        uid=uid,
        client=client,
    ).parsed


async def asyncio_detailed(
    uid: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponseDto | TransactionDetail | UnauthorizedResponse]:
    """Get Transaction

     A link: status, amounts authorized, captured and refunded, processor, installments, card brand and
    last
    four, and `notification`: how the message Migo sent it in (sms, wa, email) went (`queued`, `sent`,
    `failed`).

    Args:
        uid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | TransactionDetail | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        uid=uid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uid: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponseDto | TransactionDetail | UnauthorizedResponse | None:
    """Get Transaction

     A link: status, amounts authorized, captured and refunded, processor, installments, card brand and
    last
    four, and `notification`: how the message Migo sent it in (sms, wa, email) went (`queued`, `sent`,
    `failed`).

    Args:
        uid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | TransactionDetail | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            uid=uid,
            client=client,
        )
    ).parsed
