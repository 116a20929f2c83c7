from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response_dto import ErrorResponseDto
from ...models.list_subscriptions_status_type_0 import ListSubscriptionsStatusType0
from ...models.subscription_out_page import SubscriptionOutPage
from ...models.subscriptions_sort_by import SubscriptionsSortBy
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    user_id: None | str | Unset = UNSET,
    status: ListSubscriptionsStatusType0 | None | Unset = UNSET,
    plan_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | SubscriptionsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_user_id: None | str | Unset
    if isinstance(user_id, Unset):
        json_user_id = UNSET
    else:
        json_user_id = user_id
    params["userId"] = json_user_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListSubscriptionsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_plan_id: None | str | Unset
    if isinstance(plan_id, Unset):
        json_plan_id = UNSET
    elif isinstance(plan_id, UUID):
        json_plan_id = str(plan_id)
    else:
        json_plan_id = plan_id
    params["planId"] = json_plan_id

    params["page"] = page

    params["limit"] = limit

    json_sort_by: None | str | Unset
    if isinstance(sort_by, Unset):
        json_sort_by = UNSET
    elif isinstance(sort_by, SubscriptionsSortBy):
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
        "url": "/v1/subscriptions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseDto | SubscriptionOutPage | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = SubscriptionOutPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedResponse.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = ErrorResponseDto.from_dict(response.json())

        return response_409

    response_default = ErrorResponseDto.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponseDto | SubscriptionOutPage | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    user_id: None | str | Unset = UNSET,
    status: ListSubscriptionsStatusType0 | None | Unset = UNSET,
    plan_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | SubscriptionsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorResponseDto | SubscriptionOutPage | UnauthorizedResponse]:
    """List Subscriptions

    Args:
        user_id (None | str | Unset):
        status (ListSubscriptionsStatusType0 | None | Unset):
        plan_id (None | Unset | UUID):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | SubscriptionsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | SubscriptionOutPage | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        status=status,
        plan_id=plan_id,
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
    user_id: None | str | Unset = UNSET,
    status: ListSubscriptionsStatusType0 | None | Unset = UNSET,
    plan_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | SubscriptionsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorResponseDto | SubscriptionOutPage | UnauthorizedResponse | None:
    """List Subscriptions

    Args:
        user_id (None | str | Unset):
        status (ListSubscriptionsStatusType0 | None | Unset):
        plan_id (None | Unset | UUID):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | SubscriptionsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | SubscriptionOutPage | UnauthorizedResponse
    """

    return sync_detailed(
        client=client,
        user_id=user_id,
        status=status,
        plan_id=plan_id,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    user_id: None | str | Unset = UNSET,
    status: ListSubscriptionsStatusType0 | None | Unset = UNSET,
    plan_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | SubscriptionsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorResponseDto | SubscriptionOutPage | UnauthorizedResponse]:
    """List Subscriptions

    Args:
        user_id (None | str | Unset):
        status (ListSubscriptionsStatusType0 | None | Unset):
        plan_id (None | Unset | UUID):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | SubscriptionsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | SubscriptionOutPage | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        status=status,
        plan_id=plan_id,
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
    user_id: None | str | Unset = UNSET,
    status: ListSubscriptionsStatusType0 | None | Unset = UNSET,
    plan_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: None | SubscriptionsSortBy | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorResponseDto | SubscriptionOutPage | UnauthorizedResponse | None:
    """List Subscriptions

    Args:
        user_id (None | str | Unset):
        status (ListSubscriptionsStatusType0 | None | Unset):
        plan_id (None | Unset | UUID):
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (None | SubscriptionsSortBy | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | SubscriptionOutPage | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            user_id=user_id,
            status=status,
            plan_id=plan_id,
            page=page,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
            search_text=search_text,
        )
    ).parsed
