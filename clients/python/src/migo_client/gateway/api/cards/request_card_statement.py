from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.statement_out_response import StatementOutResponse
from ...models.statement_request import StatementRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    card_id: UUID,
    *,
    body: StatementRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cards/{card_id}/statements".format(
            card_id=quote(str(card_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | StatementOutResponse:
    if response.status_code == 201:
        response_201 = StatementOutResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | StatementOutResponse]:
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
    body: StatementRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | StatementOutResponse]:
    """Request Card Statement

     Not a charge (seed 001): asks for the month's PDF, produced in the background. Poll its status.

    Args:
        card_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (StatementRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | StatementOutResponse]
    """

    kwargs = _get_kwargs(
        card_id=card_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StatementRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | StatementOutResponse | None:
    """Request Card Statement

     Not a charge (seed 001): asks for the month's PDF, produced in the background. Poll its status.

    Args:
        card_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (StatementRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | StatementOutResponse
    """

    return sync_detailed(
        card_id=card_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StatementRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | StatementOutResponse]:
    """Request Card Statement

     Not a charge (seed 001): asks for the month's PDF, produced in the background. Poll its status.

    Args:
        card_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (StatementRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | StatementOutResponse]
    """

    kwargs = _get_kwargs(
        card_id=card_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StatementRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | StatementOutResponse | None:
    """Request Card Statement

     Not a charge (seed 001): asks for the month's PDF, produced in the background. Poll its status.

    Args:
        card_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (StatementRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | StatementOutResponse
    """

    return (
        await asyncio_detailed(
            card_id=card_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
