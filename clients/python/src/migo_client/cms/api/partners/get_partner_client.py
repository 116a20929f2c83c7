from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.partner_client_out_response import PartnerClientOutResponse
from ...types import Response


def _get_kwargs(
    partner_id: UUID,
    slug: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/app/partners/{partner_id}/clients/{slug}".format(
            partner_id=quote(str(partner_id), safe=""),
            slug=quote(str(slug), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PartnerClientOutResponse:
    if response.status_code == 200:
        response_200 = PartnerClientOutResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | PartnerClientOutResponse]:
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
) -> Response[ErrorEnvelope | PartnerClientOutResponse]:
    """Get Partner Client

     One of the partner's clients; another partner's slug, or none, is 404/7841.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PartnerClientOutResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        slug=slug,
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
) -> ErrorEnvelope | PartnerClientOutResponse | None:
    """Get Partner Client

     One of the partner's clients; another partner's slug, or none, is 404/7841.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PartnerClientOutResponse
    """

    return sync_detailed(
        partner_id=partner_id,
        slug=slug,
        client=client,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    slug: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | PartnerClientOutResponse]:
    """Get Partner Client

     One of the partner's clients; another partner's slug, or none, is 404/7841.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PartnerClientOutResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        slug=slug,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    slug: str,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | PartnerClientOutResponse | None:
    """Get Partner Client

     One of the partner's clients; another partner's slug, or none, is 404/7841.

    Args:
        partner_id (UUID):
        slug (str): The Payment Link client's slug.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PartnerClientOutResponse
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            slug=slug,
            client=client,
        )
    ).parsed
