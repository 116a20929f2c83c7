from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.outbox_message_page_response import OutboxMessagePageResponse
from ...models.outbox_messages_sort_by import OutboxMessagesSortBy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    username: str,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | OutboxMessagesSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["username"] = username

    params["page"] = page

    params["limit"] = limit

    json_sort_by: None | str | Unset
    if isinstance(sort_by, Unset):
        json_sort_by = UNSET
    elif isinstance(sort_by, OutboxMessagesSortBy):
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
        "url": "/sandbox/outbox",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | OutboxMessagePageResponse:
    if response.status_code == 200:
        response_200 = OutboxMessagePageResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | OutboxMessagePageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    username: str,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | OutboxMessagesSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | OutboxMessagePageResponse]:
    """Read Operator Outbox

     Sandbox only: the messages (invitation and reset codes included) sent to an operator of your
    partner.

    Args:
        username (str):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | OutboxMessagesSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | OutboxMessagePageResponse]
    """

    kwargs = _get_kwargs(
        username=username,
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
    username: str,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | OutboxMessagesSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorEnvelope | OutboxMessagePageResponse | None:
    """Read Operator Outbox

     Sandbox only: the messages (invitation and reset codes included) sent to an operator of your
    partner.

    Args:
        username (str):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | OutboxMessagesSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | OutboxMessagePageResponse
    """

    return sync_detailed(
        client=client,
        username=username,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    username: str,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | OutboxMessagesSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | OutboxMessagePageResponse]:
    """Read Operator Outbox

     Sandbox only: the messages (invitation and reset codes included) sent to an operator of your
    partner.

    Args:
        username (str):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | OutboxMessagesSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | OutboxMessagePageResponse]
    """

    kwargs = _get_kwargs(
        username=username,
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
    username: str,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | OutboxMessagesSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorEnvelope | OutboxMessagePageResponse | None:
    """Read Operator Outbox

     Sandbox only: the messages (invitation and reset codes included) sent to an operator of your
    partner.

    Args:
        username (str):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | OutboxMessagesSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | OutboxMessagePageResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            username=username,
            page=page,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
            search_text=search_text,
        )
    ).parsed
