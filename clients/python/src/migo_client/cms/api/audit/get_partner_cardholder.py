from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.partner_cardholder_detail_response import PartnerCardholderDetailResponse
from ...types import Response


def _get_kwargs(
    partner_id: UUID,
    user_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/app/partners/{partner_id}/cardholders/{user_id}".format(
            partner_id=quote(str(partner_id), safe=""),
            user_id=quote(str(user_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PartnerCardholderDetailResponse:
    if response.status_code == 200:
        response_200 = PartnerCardholderDetailResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | PartnerCardholderDetailResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | PartnerCardholderDetailResponse]:
    """Get Partner Cardholder

     The cardholder's profile and cards (masked number, status, balance).

    Args:
        partner_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PartnerCardholderDetailResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        user_id=user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partner_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | PartnerCardholderDetailResponse | None:
    """Get Partner Cardholder

     The cardholder's profile and cards (masked number, status, balance).

    Args:
        partner_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PartnerCardholderDetailResponse
    """

    return sync_detailed(
        partner_id=partner_id,
        user_id=user_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | PartnerCardholderDetailResponse]:
    """Get Partner Cardholder

     The cardholder's profile and cards (masked number, status, balance).

    Args:
        partner_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PartnerCardholderDetailResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        user_id=user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | PartnerCardholderDetailResponse | None:
    """Get Partner Cardholder

     The cardholder's profile and cards (masked number, status, balance).

    Args:
        partner_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PartnerCardholderDetailResponse
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            user_id=user_id,
            client=client,
        )
    ).parsed
