from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.lead_out_page_response import LeadOutPageResponse
from ...models.leads_sort_by import LeadsSortBy
from ...models.list_leads_status_type_0 import ListLeadsStatusType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListLeadsStatusType0 | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: LeadsSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListLeadsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_partner_id: None | str | Unset
    if isinstance(partner_id, Unset):
        json_partner_id = UNSET
    elif isinstance(partner_id, UUID):
        json_partner_id = str(partner_id)
    else:
        json_partner_id = partner_id
    params["partnerId"] = json_partner_id

    params["page"] = page

    params["limit"] = limit

    json_sort_by: None | str | Unset
    if isinstance(sort_by, Unset):
        json_sort_by = UNSET
    elif isinstance(sort_by, LeadsSortBy):
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
        "url": "/leads",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | LeadOutPageResponse:
    if response.status_code == 200:
        response_200 = LeadOutPageResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | LeadOutPageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListLeadsStatusType0 | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: LeadsSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | LeadOutPageResponse]:
    """List Leads

     The leads of the partner's companies, with their documents; `searchText` matches the business and
    legal
    names and the tax id. Reviewers work `status=IN_REVIEW&sortBy=createdAt&sortOrder=ASC`: oldest
    first.

    Args:
        status (ListLeadsStatusType0 | None | Unset): `IN_REVIEW` for the leads awaiting a
            decision.
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (LeadsSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LeadOutPageResponse]
    """

    kwargs = _get_kwargs(
        status=status,
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
    *,
    client: AuthenticatedClient,
    status: ListLeadsStatusType0 | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: LeadsSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorEnvelope | LeadOutPageResponse | None:
    """List Leads

     The leads of the partner's companies, with their documents; `searchText` matches the business and
    legal
    names and the tax id. Reviewers work `status=IN_REVIEW&sortBy=createdAt&sortOrder=ASC`: oldest
    first.

    Args:
        status (ListLeadsStatusType0 | None | Unset): `IN_REVIEW` for the leads awaiting a
            decision.
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (LeadsSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LeadOutPageResponse
    """

    return sync_detailed(
        client=client,
        status=status,
        partner_id=partner_id,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListLeadsStatusType0 | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: LeadsSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | LeadOutPageResponse]:
    """List Leads

     The leads of the partner's companies, with their documents; `searchText` matches the business and
    legal
    names and the tax id. Reviewers work `status=IN_REVIEW&sortBy=createdAt&sortOrder=ASC`: oldest
    first.

    Args:
        status (ListLeadsStatusType0 | None | Unset): `IN_REVIEW` for the leads awaiting a
            decision.
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (LeadsSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LeadOutPageResponse]
    """

    kwargs = _get_kwargs(
        status=status,
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
    *,
    client: AuthenticatedClient,
    status: ListLeadsStatusType0 | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: LeadsSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorEnvelope | LeadOutPageResponse | None:
    """List Leads

     The leads of the partner's companies, with their documents; `searchText` matches the business and
    legal
    names and the tax id. Reviewers work `status=IN_REVIEW&sortBy=createdAt&sortOrder=ASC`: oldest
    first.

    Args:
        status (ListLeadsStatusType0 | None | Unset): `IN_REVIEW` for the leads awaiting a
            decision.
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (LeadsSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LeadOutPageResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            partner_id=partner_id,
            page=page,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
            search_text=search_text,
        )
    ).parsed
