from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.partner_out_response import PartnerOutResponse
from ...models.partner_update import PartnerUpdate
from ...types import Response


def _get_kwargs(
    partner_id: UUID,
    *,
    body: PartnerUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/app/partners/{partner_id}".format(
            partner_id=quote(str(partner_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PartnerOutResponse:
    if response.status_code == 200:
        response_200 = PartnerOutResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | PartnerOutResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PartnerUpdate,
) -> Response[ErrorEnvelope | PartnerOutResponse]:
    """Update Partner

     Rename the partner, change its token lifetimes or the language of its hosted pages and card
    statements
    (`locale`, null: the reader's). A lifetime out of bounds or a language Migo does not speak is a 400
    naming
    it, and nothing changes; tokens already issued keep their expiry.

    Args:
        partner_id (UUID):
        body (PartnerUpdate): The fields to change; those left out stay as they are. The new
            lifetimes apply to tokens issued from now
            on (a sign-in or a refresh).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PartnerOutResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PartnerUpdate,
) -> ErrorEnvelope | PartnerOutResponse | None:
    """Update Partner

     Rename the partner, change its token lifetimes or the language of its hosted pages and card
    statements
    (`locale`, null: the reader's). A lifetime out of bounds or a language Migo does not speak is a 400
    naming
    it, and nothing changes; tokens already issued keep their expiry.

    Args:
        partner_id (UUID):
        body (PartnerUpdate): The fields to change; those left out stay as they are. The new
            lifetimes apply to tokens issued from now
            on (a sign-in or a refresh).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PartnerOutResponse
    """

    return sync_detailed(
        partner_id=partner_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PartnerUpdate,
) -> Response[ErrorEnvelope | PartnerOutResponse]:
    """Update Partner

     Rename the partner, change its token lifetimes or the language of its hosted pages and card
    statements
    (`locale`, null: the reader's). A lifetime out of bounds or a language Migo does not speak is a 400
    naming
    it, and nothing changes; tokens already issued keep their expiry.

    Args:
        partner_id (UUID):
        body (PartnerUpdate): The fields to change; those left out stay as they are. The new
            lifetimes apply to tokens issued from now
            on (a sign-in or a refresh).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PartnerOutResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PartnerUpdate,
) -> ErrorEnvelope | PartnerOutResponse | None:
    """Update Partner

     Rename the partner, change its token lifetimes or the language of its hosted pages and card
    statements
    (`locale`, null: the reader's). A lifetime out of bounds or a language Migo does not speak is a 400
    naming
    it, and nothing changes; tokens already issued keep their expiry.

    Args:
        partner_id (UUID):
        body (PartnerUpdate): The fields to change; those left out stay as they are. The new
            lifetimes apply to tokens issued from now
            on (a sign-in or a refresh).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PartnerOutResponse
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            client=client,
            body=body,
        )
    ).parsed
