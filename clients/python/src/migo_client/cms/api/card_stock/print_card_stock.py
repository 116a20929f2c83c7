from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.card_stock_batch_out_response import CardStockBatchOutResponse
from ...models.card_stock_request import CardStockRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    partner_id: UUID,
    *,
    body: CardStockRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/app/partners/{partner_id}/card-stock".format(
            partner_id=quote(str(partner_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CardStockBatchOutResponse | ErrorEnvelope:
    if response.status_code == 201:
        response_201 = CardStockBatchOutResponse.from_dict(response.json())

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
) -> Response[CardStockBatchOutResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CardStockRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CardStockBatchOutResponse | ErrorEnvelope]:
    """Print Card Stock

     Print `count` inactive, unassigned cards into a company's stock, as `migo cards print` does: one
    stock
    batch, answered at once (`queued`) and printed by the worker a committed chunk at a time (poll
    `.../{batchId}/progress`). The numbers are never in an answer: once `done`, download the batch's
    embossing
    file for the card manufacturer (409/7853 before). Honours `Idempotency-Key`.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CardStockRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardStockBatchOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CardStockRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> CardStockBatchOutResponse | ErrorEnvelope | None:
    """Print Card Stock

     Print `count` inactive, unassigned cards into a company's stock, as `migo cards print` does: one
    stock
    batch, answered at once (`queued`) and printed by the worker a committed chunk at a time (poll
    `.../{batchId}/progress`). The numbers are never in an answer: once `done`, download the batch's
    embossing
    file for the card manufacturer (409/7853 before). Honours `Idempotency-Key`.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CardStockRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardStockBatchOutResponse | ErrorEnvelope
    """

    return sync_detailed(
        partner_id=partner_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CardStockRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CardStockBatchOutResponse | ErrorEnvelope]:
    """Print Card Stock

     Print `count` inactive, unassigned cards into a company's stock, as `migo cards print` does: one
    stock
    batch, answered at once (`queued`) and printed by the worker a committed chunk at a time (poll
    `.../{batchId}/progress`). The numbers are never in an answer: once `done`, download the batch's
    embossing
    file for the card manufacturer (409/7853 before). Honours `Idempotency-Key`.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CardStockRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardStockBatchOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CardStockRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> CardStockBatchOutResponse | ErrorEnvelope | None:
    """Print Card Stock

     Print `count` inactive, unassigned cards into a company's stock, as `migo cards print` does: one
    stock
    batch, answered at once (`queued`) and printed by the worker a committed chunk at a time (poll
    `.../{batchId}/progress`). The numbers are never in an answer: once `done`, download the batch's
    embossing
    file for the card manufacturer (409/7853 before). Honours `Idempotency-Key`.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (CardStockRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardStockBatchOutResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
