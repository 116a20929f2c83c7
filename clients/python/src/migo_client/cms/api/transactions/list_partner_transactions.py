import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.list_partner_transactions_kind_type_0 import (
    ListPartnerTransactionsKindType0,
)
from ...models.list_partner_transactions_status_type_0 import (
    ListPartnerTransactionsStatusType0,
)
from ...models.partner_transaction_out_page_response import (
    PartnerTransactionOutPageResponse,
)
from ...models.partner_transactions_sort_by import PartnerTransactionsSortBy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: ListPartnerTransactionsKindType0 | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    client_query: None | str | Unset = UNSET,
    status: ListPartnerTransactionsStatusType0 | None | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_to: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | PartnerTransactionsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ListPartnerTransactionsKindType0):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_partner_id: None | str | Unset
    if isinstance(partner_id, Unset):
        json_partner_id = UNSET
    elif isinstance(partner_id, UUID):
        json_partner_id = str(partner_id)
    else:
        json_partner_id = partner_id
    params["partnerId"] = json_partner_id

    json_client_query: None | str | Unset
    if isinstance(client_query, Unset):
        json_client_query = UNSET
    else:
        json_client_query = client_query
    params["client"] = json_client_query

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListPartnerTransactionsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_created_from: None | str | Unset
    if isinstance(created_from, Unset):
        json_created_from = UNSET
    elif isinstance(created_from, datetime.datetime):
        json_created_from = created_from.isoformat()
    else:
        json_created_from = created_from
    params["createdFrom"] = json_created_from

    json_created_to: None | str | Unset
    if isinstance(created_to, Unset):
        json_created_to = UNSET
    elif isinstance(created_to, datetime.datetime):
        json_created_to = created_to.isoformat()
    else:
        json_created_to = created_to
    params["createdTo"] = json_created_to

    params["page"] = page

    params["limit"] = limit

    json_sort_by: None | str | Unset
    if isinstance(sort_by, Unset):
        json_sort_by = UNSET
    elif isinstance(sort_by, PartnerTransactionsSortBy):
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
        "url": "/transactions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PartnerTransactionOutPageResponse:
    if response.status_code == 200:
        response_200 = PartnerTransactionOutPageResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | PartnerTransactionOutPageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: ListPartnerTransactionsKindType0 | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    client_query: None | str | Unset = UNSET,
    status: ListPartnerTransactionsStatusType0 | None | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_to: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | PartnerTransactionsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | PartnerTransactionOutPageResponse]:
    """List Partner Transactions

     The partner's link payments, card transactions and terminal payments in one list, newest first:
    `searchText` matches the uid, reference, externalId, userId and a card's last four.

    Args:
        kind (ListPartnerTransactionsKindType0 | None | Unset): Only this kind.
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        client_query (None | str | Unset): Only this Payment Link client's (slug).
        status (ListPartnerTransactionsStatusType0 | None | Unset): Only transactions in this
            status.
        created_from (datetime.datetime | None | Unset): Made at or after this instant.
        created_to (datetime.datetime | None | Unset): Made before this instant.
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | PartnerTransactionsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PartnerTransactionOutPageResponse]
    """

    kwargs = _get_kwargs(
        kind=kind,
        partner_id=partner_id,
        client_query=client_query,
        status=status,
        created_from=created_from,
        created_to=created_to,
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
    kind: ListPartnerTransactionsKindType0 | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    client_query: None | str | Unset = UNSET,
    status: ListPartnerTransactionsStatusType0 | None | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_to: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | PartnerTransactionsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorEnvelope | PartnerTransactionOutPageResponse | None:
    """List Partner Transactions

     The partner's link payments, card transactions and terminal payments in one list, newest first:
    `searchText` matches the uid, reference, externalId, userId and a card's last four.

    Args:
        kind (ListPartnerTransactionsKindType0 | None | Unset): Only this kind.
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        client_query (None | str | Unset): Only this Payment Link client's (slug).
        status (ListPartnerTransactionsStatusType0 | None | Unset): Only transactions in this
            status.
        created_from (datetime.datetime | None | Unset): Made at or after this instant.
        created_to (datetime.datetime | None | Unset): Made before this instant.
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | PartnerTransactionsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PartnerTransactionOutPageResponse
    """

    return sync_detailed(
        client=client,
        kind=kind,
        partner_id=partner_id,
        client_query=client_query,
        status=status,
        created_from=created_from,
        created_to=created_to,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: ListPartnerTransactionsKindType0 | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    client_query: None | str | Unset = UNSET,
    status: ListPartnerTransactionsStatusType0 | None | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_to: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | PartnerTransactionsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | PartnerTransactionOutPageResponse]:
    """List Partner Transactions

     The partner's link payments, card transactions and terminal payments in one list, newest first:
    `searchText` matches the uid, reference, externalId, userId and a card's last four.

    Args:
        kind (ListPartnerTransactionsKindType0 | None | Unset): Only this kind.
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        client_query (None | str | Unset): Only this Payment Link client's (slug).
        status (ListPartnerTransactionsStatusType0 | None | Unset): Only transactions in this
            status.
        created_from (datetime.datetime | None | Unset): Made at or after this instant.
        created_to (datetime.datetime | None | Unset): Made before this instant.
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | PartnerTransactionsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PartnerTransactionOutPageResponse]
    """

    kwargs = _get_kwargs(
        kind=kind,
        partner_id=partner_id,
        client_query=client_query,
        status=status,
        created_from=created_from,
        created_to=created_to,
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
    kind: ListPartnerTransactionsKindType0 | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    client_query: None | str | Unset = UNSET,
    status: ListPartnerTransactionsStatusType0 | None | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_to: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | PartnerTransactionsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorEnvelope | PartnerTransactionOutPageResponse | None:
    """List Partner Transactions

     The partner's link payments, card transactions and terminal payments in one list, newest first:
    `searchText` matches the uid, reference, externalId, userId and a card's last four.

    Args:
        kind (ListPartnerTransactionsKindType0 | None | Unset): Only this kind.
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        client_query (None | str | Unset): Only this Payment Link client's (slug).
        status (ListPartnerTransactionsStatusType0 | None | Unset): Only transactions in this
            status.
        created_from (datetime.datetime | None | Unset): Made at or after this instant.
        created_to (datetime.datetime | None | Unset): Made before this instant.
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | PartnerTransactionsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PartnerTransactionOutPageResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            partner_id=partner_id,
            client_query=client_query,
            status=status,
            created_from=created_from,
            created_to=created_to,
            page=page,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
            search_text=search_text,
        )
    ).parsed
