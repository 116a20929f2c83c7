import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.list_settlements_status_type_0 import ListSettlementsStatusType0
from ...models.settlement_out_page_response import SettlementOutPageResponse
from ...models.settlements_sort_by import SettlementsSortBy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    business_id: None | Unset | UUID = UNSET,
    status: ListSettlementsStatusType0 | None | Unset = UNSET,
    cutoff_from: datetime.date | None | Unset = UNSET,
    cutoff_to: datetime.date | None | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | SettlementsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_business_id: None | str | Unset
    if isinstance(business_id, Unset):
        json_business_id = UNSET
    elif isinstance(business_id, UUID):
        json_business_id = str(business_id)
    else:
        json_business_id = business_id
    params["businessId"] = json_business_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListSettlementsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_cutoff_from: None | str | Unset
    if isinstance(cutoff_from, Unset):
        json_cutoff_from = UNSET
    elif isinstance(cutoff_from, datetime.date):
        json_cutoff_from = cutoff_from.isoformat()
    else:
        json_cutoff_from = cutoff_from
    params["cutoffFrom"] = json_cutoff_from

    json_cutoff_to: None | str | Unset
    if isinstance(cutoff_to, Unset):
        json_cutoff_to = UNSET
    elif isinstance(cutoff_to, datetime.date):
        json_cutoff_to = cutoff_to.isoformat()
    else:
        json_cutoff_to = cutoff_to
    params["cutoffTo"] = json_cutoff_to

    params["page"] = page

    params["limit"] = limit

    json_sort_by: None | str | Unset
    if isinstance(sort_by, Unset):
        json_sort_by = UNSET
    elif isinstance(sort_by, SettlementsSortBy):
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
        "url": "/settlements",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SettlementOutPageResponse:
    if response.status_code == 200:
        response_200 = SettlementOutPageResponse.from_dict(response.json())

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

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | SettlementOutPageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    business_id: None | Unset | UUID = UNSET,
    status: ListSettlementsStatusType0 | None | Unset = UNSET,
    cutoff_from: datetime.date | None | Unset = UNSET,
    cutoff_to: datetime.date | None | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | SettlementsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | SettlementOutPageResponse]:
    """List Settlements

    Args:
        business_id (None | Unset | UUID):
        status (ListSettlementsStatusType0 | None | Unset):
        cutoff_from (datetime.date | None | Unset): Cutoff date on or after (YYYY-MM-DD).
        cutoff_to (datetime.date | None | Unset): Cutoff date on or before (YYYY-MM-DD).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | SettlementsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SettlementOutPageResponse]
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        status=status,
        cutoff_from=cutoff_from,
        cutoff_to=cutoff_to,
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
    *,
    client: AuthenticatedClient,
    business_id: None | Unset | UUID = UNSET,
    status: ListSettlementsStatusType0 | None | Unset = UNSET,
    cutoff_from: datetime.date | None | Unset = UNSET,
    cutoff_to: datetime.date | None | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | SettlementsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorEnvelope | SettlementOutPageResponse | None:
    """List Settlements

    Args:
        business_id (None | Unset | UUID):
        status (ListSettlementsStatusType0 | None | Unset):
        cutoff_from (datetime.date | None | Unset): Cutoff date on or after (YYYY-MM-DD).
        cutoff_to (datetime.date | None | Unset): Cutoff date on or before (YYYY-MM-DD).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | SettlementsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SettlementOutPageResponse
    """

    return sync_detailed(
        client=client,
        business_id=business_id,
        status=status,
        cutoff_from=cutoff_from,
        cutoff_to=cutoff_to,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    business_id: None | Unset | UUID = UNSET,
    status: ListSettlementsStatusType0 | None | Unset = UNSET,
    cutoff_from: datetime.date | None | Unset = UNSET,
    cutoff_to: datetime.date | None | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | SettlementsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | SettlementOutPageResponse]:
    """List Settlements

    Args:
        business_id (None | Unset | UUID):
        status (ListSettlementsStatusType0 | None | Unset):
        cutoff_from (datetime.date | None | Unset): Cutoff date on or after (YYYY-MM-DD).
        cutoff_to (datetime.date | None | Unset): Cutoff date on or before (YYYY-MM-DD).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | SettlementsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SettlementOutPageResponse]
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        status=status,
        cutoff_from=cutoff_from,
        cutoff_to=cutoff_to,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    business_id: None | Unset | UUID = UNSET,
    status: ListSettlementsStatusType0 | None | Unset = UNSET,
    cutoff_from: datetime.date | None | Unset = UNSET,
    cutoff_to: datetime.date | None | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | SettlementsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorEnvelope | SettlementOutPageResponse | None:
    """List Settlements

    Args:
        business_id (None | Unset | UUID):
        status (ListSettlementsStatusType0 | None | Unset):
        cutoff_from (datetime.date | None | Unset): Cutoff date on or after (YYYY-MM-DD).
        cutoff_to (datetime.date | None | Unset): Cutoff date on or before (YYYY-MM-DD).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | SettlementsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SettlementOutPageResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            business_id=business_id,
            status=status,
            cutoff_from=cutoff_from,
            cutoff_to=cutoff_to,
            page=page,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
            search_text=search_text,
        )
    ).parsed
