from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response_dto import ErrorResponseDto
from ...models.refund_out import RefundOut
from ...models.refund_request import RefundRequest
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uid: str,
    *,
    body: RefundRequest | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/transactions/{uid}/refund".format(
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
) -> ErrorResponseDto | RefundOut | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = RefundOut.from_dict(response.json())

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
) -> Response[ErrorResponseDto | RefundOut | UnauthorizedResponse]:
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
    body: RefundRequest | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorResponseDto | RefundOut | UnauthorizedResponse]:
    """Refund Transaction

     Refund all that is left of the capture, or part of it; refunds never exceed the capture. `status` is
    `pending` when the processor has not answered yet: Migo confirms it and sends
    `transaction.refunded`.

    Args:
        uid (str):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (RefundRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | RefundOut | UnauthorizedResponse]
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
    body: RefundRequest | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorResponseDto | RefundOut | UnauthorizedResponse | None:
    """Refund Transaction

     Refund all that is left of the capture, or part of it; refunds never exceed the capture. `status` is
    `pending` when the processor has not answered yet: Migo confirms it and sends
    `transaction.refunded`.

    Args:
        uid (str):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (RefundRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | RefundOut | UnauthorizedResponse
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
    body: RefundRequest | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorResponseDto | RefundOut | UnauthorizedResponse]:
    """Refund Transaction

     Refund all that is left of the capture, or part of it; refunds never exceed the capture. `status` is
    `pending` when the processor has not answered yet: Migo confirms it and sends
    `transaction.refunded`.

    Args:
        uid (str):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (RefundRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | RefundOut | UnauthorizedResponse]
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
    body: RefundRequest | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorResponseDto | RefundOut | UnauthorizedResponse | None:
    """Refund Transaction

     Refund all that is left of the capture, or part of it; refunds never exceed the capture. `status` is
    `pending` when the processor has not answered yet: Migo confirms it and sends
    `transaction.refunded`.

    Args:
        uid (str):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (RefundRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | RefundOut | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            uid=uid,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
