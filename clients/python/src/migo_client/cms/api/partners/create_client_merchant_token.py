from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.new_merchant_token_out_response import NewMerchantTokenOutResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    partner_id: UUID,
    slug: str,
    *,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/app/partners/{partner_id}/clients/{slug}/merchant-tokens".format(
            partner_id=quote(str(partner_id), safe=""),
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | NewMerchantTokenOutResponse:
    if response.status_code == 201:
        response_201 = NewMerchantTokenOutResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | NewMerchantTokenOutResponse]:
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
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | NewMerchantTokenOutResponse]:
    """Create Client Merchant Token

     Issue a merchant token for the client's Middleware application, to hand to the merchant: the `token`
    is in
    this answer only (a retry under the same Idempotency-Key by the same operator replays it). A client
    without a
    Middleware application is 409/7014.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NewMerchantTokenOutResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        slug=slug,
        idempotency_key=idempotency_key,
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
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | NewMerchantTokenOutResponse | None:
    """Create Client Merchant Token

     Issue a merchant token for the client's Middleware application, to hand to the merchant: the `token`
    is in
    this answer only (a retry under the same Idempotency-Key by the same operator replays it). A client
    without a
    Middleware application is 409/7014.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NewMerchantTokenOutResponse
    """

    return sync_detailed(
        partner_id=partner_id,
        slug=slug,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    slug: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | NewMerchantTokenOutResponse]:
    """Create Client Merchant Token

     Issue a merchant token for the client's Middleware application, to hand to the merchant: the `token`
    is in
    this answer only (a retry under the same Idempotency-Key by the same operator replays it). A client
    without a
    Middleware application is 409/7014.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NewMerchantTokenOutResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        slug=slug,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    slug: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | NewMerchantTokenOutResponse | None:
    """Create Client Merchant Token

     Issue a merchant token for the client's Middleware application, to hand to the merchant: the `token`
    is in
    this answer only (a retry under the same Idempotency-Key by the same operator replays it). A client
    without a
    Middleware application is 409/7014.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NewMerchantTokenOutResponse
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            slug=slug,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
