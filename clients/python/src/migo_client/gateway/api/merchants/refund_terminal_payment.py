from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.terminal_operation_out_response import TerminalOperationOutResponse
from ...models.terminal_refund_create import TerminalRefundCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    terminal_id: UUID,
    payment_id: UUID,
    *,
    body: TerminalRefundCreate | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/terminals/{terminal_id}/payments/{payment_id}/refund".format(
            terminal_id=quote(str(terminal_id), safe=""),
            payment_id=quote(str(payment_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TerminalOperationOutResponse:
    if response.status_code == 201:
        response_201 = TerminalOperationOutResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | TerminalOperationOutResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    terminal_id: UUID,
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TerminalRefundCreate | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | TerminalOperationOutResponse]:
    """Refund Terminal Payment

     Give back all or part of what is left of an approved payment; its settlement nets it (7423 beyond).

    Args:
        terminal_id (UUID):
        payment_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TerminalRefundCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TerminalOperationOutResponse]
    """

    kwargs = _get_kwargs(
        terminal_id=terminal_id,
        payment_id=payment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    terminal_id: UUID,
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TerminalRefundCreate | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | TerminalOperationOutResponse | None:
    """Refund Terminal Payment

     Give back all or part of what is left of an approved payment; its settlement nets it (7423 beyond).

    Args:
        terminal_id (UUID):
        payment_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TerminalRefundCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TerminalOperationOutResponse
    """

    return sync_detailed(
        terminal_id=terminal_id,
        payment_id=payment_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    terminal_id: UUID,
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TerminalRefundCreate | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | TerminalOperationOutResponse]:
    """Refund Terminal Payment

     Give back all or part of what is left of an approved payment; its settlement nets it (7423 beyond).

    Args:
        terminal_id (UUID):
        payment_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TerminalRefundCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TerminalOperationOutResponse]
    """

    kwargs = _get_kwargs(
        terminal_id=terminal_id,
        payment_id=payment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    terminal_id: UUID,
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TerminalRefundCreate | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | TerminalOperationOutResponse | None:
    """Refund Terminal Payment

     Give back all or part of what is left of an approved payment; its settlement nets it (7423 beyond).

    Args:
        terminal_id (UUID):
        payment_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TerminalRefundCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TerminalOperationOutResponse
    """

    return (
        await asyncio_detailed(
            terminal_id=terminal_id,
            payment_id=payment_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
