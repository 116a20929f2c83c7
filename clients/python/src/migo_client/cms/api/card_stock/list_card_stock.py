from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.card_stock_batch_out_page_response import CardStockBatchOutPageResponse
from ...models.card_stock_batches_sort_by import CardStockBatchesSortBy
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    partner_id: UUID,
    *,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: CardStockBatchesSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_sort_by: None | str | Unset
    if isinstance(sort_by, Unset):
        json_sort_by = UNSET
    elif isinstance(sort_by, CardStockBatchesSortBy):
        json_sort_by = sort_by.value
    else:
        json_sort_by = sort_by
    params["sortBy"] = json_sort_by

    json_sort_order: None | str | Unset
    if isinstance(sort_order, Unset):
        json_sort_order = UNSET
    else:
        json_sort_order = sort_order
    params["sortOrder"] = json_sort_order

    json_search_text: None | str | Unset
    if isinstance(search_text, Unset):
        json_search_text = UNSET
    else:
        json_search_text = search_text
    params["searchText"] = json_search_text

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/app/partners/{partner_id}/card-stock".format(
            partner_id=quote(str(partner_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CardStockBatchOutPageResponse | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = CardStockBatchOutPageResponse.from_dict(response.json())

        return response_200

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

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CardStockBatchOutPageResponse | ErrorEnvelope]:
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
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: CardStockBatchesSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[CardStockBatchOutPageResponse | ErrorEnvelope]:
    """List Card Stock

     The stock batches of the partner's companies, newest first.

    Args:
        partner_id (UUID):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (CardStockBatchesSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardStockBatchOutPageResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: CardStockBatchesSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> CardStockBatchOutPageResponse | ErrorEnvelope | None:
    """List Card Stock

     The stock batches of the partner's companies, newest first.

    Args:
        partner_id (UUID):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (CardStockBatchesSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardStockBatchOutPageResponse | ErrorEnvelope
    """

    return sync_detailed(
        partner_id=partner_id,
        client=client,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: CardStockBatchesSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[CardStockBatchOutPageResponse | ErrorEnvelope]:
    """List Card Stock

     The stock batches of the partner's companies, newest first.

    Args:
        partner_id (UUID):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (CardStockBatchesSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardStockBatchOutPageResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: CardStockBatchesSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> CardStockBatchOutPageResponse | ErrorEnvelope | None:
    """List Card Stock

     The stock batches of the partner's companies, newest first.

    Args:
        partner_id (UUID):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (CardStockBatchesSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardStockBatchOutPageResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            client=client,
            page=page,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
            search_text=search_text,
        )
    ).parsed
