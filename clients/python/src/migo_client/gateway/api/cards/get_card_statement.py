from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.statement_out_response import StatementOutResponse
from ...types import Response


def _get_kwargs(
    card_id: UUID,
    statement_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cards/{card_id}/statements/{statement_id}".format(
            card_id=quote(str(card_id), safe=""),
            statement_id=quote(str(statement_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | StatementOutResponse:
    if response.status_code == 200:
        response_200 = StatementOutResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | StatementOutResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    card_id: UUID,
    statement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | StatementOutResponse]:
    """Get Card Statement

    Args:
        card_id (UUID):
        statement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | StatementOutResponse]
    """

    kwargs = _get_kwargs(
        card_id=card_id,
        statement_id=statement_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    card_id: UUID,
    statement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | StatementOutResponse | None:
    """Get Card Statement

    Args:
        card_id (UUID):
        statement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | StatementOutResponse
    """

    return sync_detailed(
        card_id=card_id,
        statement_id=statement_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    card_id: UUID,
    statement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | StatementOutResponse]:
    """Get Card Statement

    Args:
        card_id (UUID):
        statement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | StatementOutResponse]
    """

    kwargs = _get_kwargs(
        card_id=card_id,
        statement_id=statement_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    card_id: UUID,
    statement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | StatementOutResponse | None:
    """Get Card Statement

    Args:
        card_id (UUID):
        statement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | StatementOutResponse
    """

    return (
        await asyncio_detailed(
            card_id=card_id,
            statement_id=statement_id,
            client=client,
        )
    ).parsed
