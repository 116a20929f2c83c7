from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.merchant_token_out_page_response import MerchantTokenOutPageResponse
from ...models.merchant_tokens_sort_by import MerchantTokensSortBy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    partner_id: UUID,
    slug: str,
    *,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: MerchantTokensSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_sort_by: None | str | Unset
    if isinstance(sort_by, Unset):
        json_sort_by = UNSET
    elif isinstance(sort_by, MerchantTokensSortBy):
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
        "url": "/app/partners/{partner_id}/clients/{slug}/merchant-tokens".format(
            partner_id=quote(str(partner_id), safe=""),
            slug=quote(str(slug), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | MerchantTokenOutPageResponse:
    if response.status_code == 200:
        response_200 = MerchantTokenOutPageResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | MerchantTokenOutPageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: UUID,
    slug: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: MerchantTokensSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | MerchantTokenOutPageResponse]:
    """List Client Merchant Tokens

     The client's merchant tokens, revoked ones included, each by its last four characters (the token
    itself is
    shown only when issued). Another partner's slug is 404/7841.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (MerchantTokensSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MerchantTokenOutPageResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        slug=slug,
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
    slug: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: MerchantTokensSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorEnvelope | MerchantTokenOutPageResponse | None:
    """List Client Merchant Tokens

     The client's merchant tokens, revoked ones included, each by its last four characters (the token
    itself is
    shown only when issued). Another partner's slug is 404/7841.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (MerchantTokensSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MerchantTokenOutPageResponse
    """

    return sync_detailed(
        partner_id=partner_id,
        slug=slug,
        client=client,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    slug: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: MerchantTokensSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | MerchantTokenOutPageResponse]:
    """List Client Merchant Tokens

     The client's merchant tokens, revoked ones included, each by its last four characters (the token
    itself is
    shown only when issued). Another partner's slug is 404/7841.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (MerchantTokensSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MerchantTokenOutPageResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        slug=slug,
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
    slug: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: MerchantTokensSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> ErrorEnvelope | MerchantTokenOutPageResponse | None:
    """List Client Merchant Tokens

     The client's merchant tokens, revoked ones included, each by its last four characters (the token
    itself is
    shown only when issued). Another partner's slug is 404/7841.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (MerchantTokensSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MerchantTokenOutPageResponse
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            slug=slug,
            client=client,
            page=page,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
            search_text=search_text,
        )
    ).parsed
