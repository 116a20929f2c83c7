from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.settlement_detail_response import SettlementDetailResponse
from ...types import Response


def _get_kwargs(
    settlement_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sandbox/settlements/{settlement_id}/advance".format(
            settlement_id=quote(str(settlement_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SettlementDetailResponse:
    if response.status_code == 200:
        response_200 = SettlementDetailResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | SettlementDetailResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    settlement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | SettlementDetailResponse]:
    """Advance Settlement In Sandbox

     Sandbox: take the settlement to its next status without waiting for its dates: `pending` → `settled`
    (credited, the payout sent), `settled` → `paid_out` (the payout arrived); 7501 after that.

    Args:
        settlement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SettlementDetailResponse]
    """

    kwargs = _get_kwargs(
        settlement_id=settlement_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    settlement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | SettlementDetailResponse | None:
    """Advance Settlement In Sandbox

     Sandbox: take the settlement to its next status without waiting for its dates: `pending` → `settled`
    (credited, the payout sent), `settled` → `paid_out` (the payout arrived); 7501 after that.

    Args:
        settlement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SettlementDetailResponse
    """

    return sync_detailed(
        settlement_id=settlement_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    settlement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | SettlementDetailResponse]:
    """Advance Settlement In Sandbox

     Sandbox: take the settlement to its next status without waiting for its dates: `pending` → `settled`
    (credited, the payout sent), `settled` → `paid_out` (the payout arrived); 7501 after that.

    Args:
        settlement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SettlementDetailResponse]
    """

    kwargs = _get_kwargs(
        settlement_id=settlement_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    settlement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | SettlementDetailResponse | None:
    """Advance Settlement In Sandbox

     Sandbox: take the settlement to its next status without waiting for its dates: `pending` → `settled`
    (credited, the payout sent), `settled` → `paid_out` (the payout arrived); 7501 after that.

    Args:
        settlement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SettlementDetailResponse
    """

    return (
        await asyncio_detailed(
            settlement_id=settlement_id,
            client=client,
        )
    ).parsed
