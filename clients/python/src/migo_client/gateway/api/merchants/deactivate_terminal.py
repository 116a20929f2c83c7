from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.terminal_out_response import TerminalOutResponse
from ...types import Response


def _get_kwargs(
    terminal_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/terminals/{terminal_id}/deactivate".format(
            terminal_id=quote(str(terminal_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TerminalOutResponse:
    if response.status_code == 200:
        response_200 = TerminalOutResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | TerminalOutResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    terminal_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | TerminalOutResponse]:
    """Deactivate Terminal

     Stop the terminal taking payments (7416 if it already is).

    Args:
        terminal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TerminalOutResponse]
    """

    kwargs = _get_kwargs(
        terminal_id=terminal_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    terminal_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | TerminalOutResponse | None:
    """Deactivate Terminal

     Stop the terminal taking payments (7416 if it already is).

    Args:
        terminal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TerminalOutResponse
    """

    return sync_detailed(
        terminal_id=terminal_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    terminal_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | TerminalOutResponse]:
    """Deactivate Terminal

     Stop the terminal taking payments (7416 if it already is).

    Args:
        terminal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TerminalOutResponse]
    """

    kwargs = _get_kwargs(
        terminal_id=terminal_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    terminal_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | TerminalOutResponse | None:
    """Deactivate Terminal

     Stop the terminal taking payments (7416 if it already is).

    Args:
        terminal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TerminalOutResponse
    """

    return (
        await asyncio_detailed(
            terminal_id=terminal_id,
            client=client,
        )
    ).parsed
