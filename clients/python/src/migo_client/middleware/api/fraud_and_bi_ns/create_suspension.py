from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response_dto import ErrorResponseDto
from ...models.suspension_out import SuspensionOut
from ...models.suspension_request import SuspensionRequest
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SuspensionRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/suspensions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseDto | SuspensionOut | UnauthorizedResponse:
    if response.status_code == 201:
        response_201 = SuspensionOut.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = UnauthorizedResponse.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = ErrorResponseDto.from_dict(response.json())

        return response_409

    response_default = ErrorResponseDto.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponseDto | SuspensionOut | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SuspensionRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorResponseDto | SuspensionOut | UnauthorizedResponse]:
    """Create Suspension

     Block, suspend (until a time, or until lifted) or exclude an end customer of your client: its links
    are refused (2004 / 2005 / 2006) at creation and at payment.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (SuspensionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | SuspensionOut | UnauthorizedResponse]
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
    body: SuspensionRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorResponseDto | SuspensionOut | UnauthorizedResponse | None:
    """Create Suspension

     Block, suspend (until a time, or until lifted) or exclude an end customer of your client: its links
    are refused (2004 / 2005 / 2006) at creation and at payment.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (SuspensionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | SuspensionOut | UnauthorizedResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SuspensionRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorResponseDto | SuspensionOut | UnauthorizedResponse]:
    """Create Suspension

     Block, suspend (until a time, or until lifted) or exclude an end customer of your client: its links
    are refused (2004 / 2005 / 2006) at creation and at payment.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (SuspensionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | SuspensionOut | UnauthorizedResponse]
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
    body: SuspensionRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorResponseDto | SuspensionOut | UnauthorizedResponse | None:
    """Create Suspension

     Block, suspend (until a time, or until lifted) or exclude an end customer of your client: its links
    are refused (2004 / 2005 / 2006) at creation and at payment.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (SuspensionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | SuspensionOut | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
