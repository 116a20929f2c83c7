from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.deleted_response import DeletedResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    card_id: UUID,
    user_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/cards/{card_id}/users/{user_id}".format(
            card_id=quote(str(card_id), safe=""),
            user_id=quote(str(user_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeletedResponse | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = DeletedResponse.from_dict(response.json())

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
) -> Response[DeletedResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    card_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[DeletedResponse | ErrorEnvelope]:
    """Revoke Card User

    Args:
        card_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeletedResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        card_id=card_id,
        user_id=user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    card_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> DeletedResponse | ErrorEnvelope | None:
    """Revoke Card User

    Args:
        card_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeletedResponse | ErrorEnvelope
    """

    return sync_detailed(
        card_id=card_id,
        user_id=user_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    card_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[DeletedResponse | ErrorEnvelope]:
    """Revoke Card User

    Args:
        card_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeletedResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        card_id=card_id,
        user_id=user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    card_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> DeletedResponse | ErrorEnvelope | None:
    """Revoke Card User

    Args:
        card_id (UUID):
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeletedResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            card_id=card_id,
            user_id=user_id,
            client=client,
        )
    ).parsed
