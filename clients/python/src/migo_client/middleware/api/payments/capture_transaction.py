from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.capture_request import CaptureRequest
from ...models.error_response_dto import ErrorResponseDto
from ...models.transaction_out import TransactionOut
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uid: str,
    *,
    body: CaptureRequest | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/transactions/{uid}/capture".format(
            uid=quote(str(uid), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseDto | TransactionOut | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = TransactionOut.from_dict(response.json())

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
) -> Response[ErrorResponseDto | TransactionOut | UnauthorizedResponse]:
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
    body: CaptureRequest | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorResponseDto | TransactionOut | UnauthorizedResponse]:
    """Capture Transaction

     Capture a two-step authorization (all of it, or less), once, within 7 days of authorizing.

    Args:
        uid (str):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CaptureRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | TransactionOut | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        uid=uid,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: CaptureRequest | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorResponseDto | TransactionOut | UnauthorizedResponse | None:
    """Capture Transaction

     Capture a two-step authorization (all of it, or less), once, within 7 days of authorizing.

    Args:
        uid (str):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CaptureRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | TransactionOut | UnauthorizedResponse
    """

    return sync_detailed(
        uid=uid,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: CaptureRequest | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorResponseDto | TransactionOut | UnauthorizedResponse]:
    """Capture Transaction

     Capture a two-step authorization (all of it, or less), once, within 7 days of authorizing.

    Args:
        uid (str):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CaptureRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | TransactionOut | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        uid=uid,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: CaptureRequest | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorResponseDto | TransactionOut | UnauthorizedResponse | None:
    """Capture Transaction

     Capture a two-step authorization (all of it, or less), once, within 7 days of authorizing.

    Args:
        uid (str):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CaptureRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | TransactionOut | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            uid=uid,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
