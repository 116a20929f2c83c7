from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    settlement_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/settlements/{settlement_id}/report.csv".format(
            settlement_id=quote(str(settlement_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | str:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[ErrorEnvelope | str]:
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
) -> Response[ErrorEnvelope | str]:
    """Settlement Report Csv

     One row per line (payment or refund) and a totals row:
    `line,source,type,reference,payment,occurredAt,gross,
    fee,net,currency,settleTo` (`payment`: the terminal payment's id or the Payment Link's uid).

    Args:
        settlement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
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
) -> ErrorEnvelope | str | None:
    """Settlement Report Csv

     One row per line (payment or refund) and a totals row:
    `line,source,type,reference,payment,occurredAt,gross,
    fee,net,currency,settleTo` (`payment`: the terminal payment's id or the Payment Link's uid).

    Args:
        settlement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
    """

    return sync_detailed(
        settlement_id=settlement_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    settlement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | str]:
    """Settlement Report Csv

     One row per line (payment or refund) and a totals row:
    `line,source,type,reference,payment,occurredAt,gross,
    fee,net,currency,settleTo` (`payment`: the terminal payment's id or the Payment Link's uid).

    Args:
        settlement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
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
) -> ErrorEnvelope | str | None:
    """Settlement Report Csv

     One row per line (payment or refund) and a totals row:
    `line,source,type,reference,payment,occurredAt,gross,
    fee,net,currency,settleTo` (`payment`: the terminal payment's id or the Payment Link's uid).

    Args:
        settlement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
    """

    return (
        await asyncio_detailed(
            settlement_id=settlement_id,
            client=client,
        )
    ).parsed
