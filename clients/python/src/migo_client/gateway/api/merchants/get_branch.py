from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.branch_out_response import BranchOutResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    branch_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/branches/{branch_id}".format(
            branch_id=quote(str(branch_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BranchOutResponse | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = BranchOutResponse.from_dict(response.json())

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
) -> Response[BranchOutResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    branch_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[BranchOutResponse | ErrorEnvelope]:
    """Get Branch

    Args:
        branch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BranchOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        branch_id=branch_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    branch_id: UUID,
    *,
    client: AuthenticatedClient,
) -> BranchOutResponse | ErrorEnvelope | None:
    """Get Branch

    Args:
        branch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BranchOutResponse | ErrorEnvelope
    """

    return sync_detailed(
        branch_id=branch_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    branch_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[BranchOutResponse | ErrorEnvelope]:
    """Get Branch

    Args:
        branch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BranchOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        branch_id=branch_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    branch_id: UUID,
    *,
    client: AuthenticatedClient,
) -> BranchOutResponse | ErrorEnvelope | None:
    """Get Branch

    Args:
        branch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BranchOutResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            branch_id=branch_id,
            client=client,
        )
    ).parsed
