from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_link_request import CreateLinkRequest
from ...models.created_link import CreatedLink
from ...models.error_response_dto import ErrorResponseDto
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateLinkRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/transactions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreatedLink | ErrorResponseDto | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = CreatedLink.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponseDto.from_dict(response.json())

        return response_400

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
) -> Response[CreatedLink | ErrorResponseDto | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateLinkRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CreatedLink | ErrorResponseDto | UnauthorizedResponse]:
    """Create Transaction

     Create a Payment Link (seed 002) with the merchant token (`Authorization: <token>`, or `Bearer
    <token>`).
    Deliver `URL` (upper case) to the customer; the outcome arrives by the Merchant Generic Callback.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CreateLinkRequest): `POST /transactions`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedLink | ErrorResponseDto | UnauthorizedResponse]
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
    body: CreateLinkRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> CreatedLink | ErrorResponseDto | UnauthorizedResponse | None:
    """Create Transaction

     Create a Payment Link (seed 002) with the merchant token (`Authorization: <token>`, or `Bearer
    <token>`).
    Deliver `URL` (upper case) to the customer; the outcome arrives by the Merchant Generic Callback.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CreateLinkRequest): `POST /transactions`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedLink | ErrorResponseDto | UnauthorizedResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateLinkRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CreatedLink | ErrorResponseDto | UnauthorizedResponse]:
    """Create Transaction

     Create a Payment Link (seed 002) with the merchant token (`Authorization: <token>`, or `Bearer
    <token>`).
    Deliver `URL` (upper case) to the customer; the outcome arrives by the Merchant Generic Callback.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CreateLinkRequest): `POST /transactions`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedLink | ErrorResponseDto | UnauthorizedResponse]
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
    body: CreateLinkRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> CreatedLink | ErrorResponseDto | UnauthorizedResponse | None:
    """Create Transaction

     Create a Payment Link (seed 002) with the merchant token (`Authorization: <token>`, or `Bearer
    <token>`).
    Deliver `URL` (upper case) to the customer; the outcome arrives by the Merchant Generic Callback.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CreateLinkRequest): `POST /transactions`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedLink | ErrorResponseDto | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
