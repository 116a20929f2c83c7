from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.lead_out_response import LeadOutResponse
from ...models.lead_update import LeadUpdate
from ...types import Response


def _get_kwargs(
    lead_id: UUID,
    *,
    body: LeadUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/leads/{lead_id}".format(
            lead_id=quote(str(lead_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | LeadOutResponse:
    if response.status_code == 200:
        response_200 = LeadOutResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | LeadOutResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    lead_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LeadUpdate,
) -> Response[ErrorEnvelope | LeadOutResponse]:
    """Update Lead

     Change the fields sent (the bank account, the contact, the address, …) while the lead is `NEW` or
    `DOCUMENTS_PENDING`; in review or decided it is frozen (7403).

    Args:
        lead_id (UUID):
        body (LeadUpdate): The fields to change; those left out stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LeadOutResponse]
    """

    kwargs = _get_kwargs(
        lead_id=lead_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    lead_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LeadUpdate,
) -> ErrorEnvelope | LeadOutResponse | None:
    """Update Lead

     Change the fields sent (the bank account, the contact, the address, …) while the lead is `NEW` or
    `DOCUMENTS_PENDING`; in review or decided it is frozen (7403).

    Args:
        lead_id (UUID):
        body (LeadUpdate): The fields to change; those left out stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LeadOutResponse
    """

    return sync_detailed(
        lead_id=lead_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    lead_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LeadUpdate,
) -> Response[ErrorEnvelope | LeadOutResponse]:
    """Update Lead

     Change the fields sent (the bank account, the contact, the address, …) while the lead is `NEW` or
    `DOCUMENTS_PENDING`; in review or decided it is frozen (7403).

    Args:
        lead_id (UUID):
        body (LeadUpdate): The fields to change; those left out stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LeadOutResponse]
    """

    kwargs = _get_kwargs(
        lead_id=lead_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    lead_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LeadUpdate,
) -> ErrorEnvelope | LeadOutResponse | None:
    """Update Lead

     Change the fields sent (the bank account, the contact, the address, …) while the lead is `NEW` or
    `DOCUMENTS_PENDING`; in review or decided it is frozen (7403).

    Args:
        lead_id (UUID):
        body (LeadUpdate): The fields to change; those left out stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LeadOutResponse
    """

    return (
        await asyncio_detailed(
            lead_id=lead_id,
            client=client,
            body=body,
        )
    ).parsed
