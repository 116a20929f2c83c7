from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.merchant_token_out_response import MerchantTokenOutResponse
from ...types import Response


def _get_kwargs(
    partner_id: UUID,
    slug: str,
    token_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/app/partners/{partner_id}/clients/{slug}/merchant-tokens/{token_id}".format(
            partner_id=quote(str(partner_id), safe=""),
            slug=quote(str(slug), safe=""),
            token_id=quote(str(token_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | MerchantTokenOutResponse:
    if response.status_code == 200:
        response_200 = MerchantTokenOutResponse.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | MerchantTokenOutResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: UUID,
    slug: str,
    token_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | MerchantTokenOutResponse]:
    """Revoke Client Merchant Token

     Revoke a merchant token at once (the merchant's calls with it answer 401). Another client's is
    404/7005.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        token_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MerchantTokenOutResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        slug=slug,
        token_id=token_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partner_id: UUID,
    slug: str,
    token_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | MerchantTokenOutResponse | None:
    """Revoke Client Merchant Token

     Revoke a merchant token at once (the merchant's calls with it answer 401). Another client's is
    404/7005.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        token_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MerchantTokenOutResponse
    """

    return sync_detailed(
        partner_id=partner_id,
        slug=slug,
        token_id=token_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    slug: str,
    token_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | MerchantTokenOutResponse]:
    """Revoke Client Merchant Token

     Revoke a merchant token at once (the merchant's calls with it answer 401). Another client's is
    404/7005.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        token_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MerchantTokenOutResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        slug=slug,
        token_id=token_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    slug: str,
    token_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | MerchantTokenOutResponse | None:
    """Revoke Client Merchant Token

     Revoke a merchant token at once (the merchant's calls with it answer 401). Another client's is
    404/7005.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.
        token_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MerchantTokenOutResponse
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            slug=slug,
            token_id=token_id,
            client=client,
        )
    ).parsed
