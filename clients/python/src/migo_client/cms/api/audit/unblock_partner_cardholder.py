from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.card_status_change import CardStatusChange
from ...models.cardholder_block_out_response import CardholderBlockOutResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    partner_id: UUID,
    user_id: UUID,
    *,
    body: CardStatusChange,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/app/partners/{partner_id}/cardholders/{user_id}/unblock".format(
            partner_id=quote(str(partner_id), safe=""),
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CardholderBlockOutResponse | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = CardholderBlockOutResponse.from_dict(response.json())

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
) -> Response[CardholderBlockOutResponse | ErrorEnvelope]:
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
    body: CardStatusChange,
) -> Response[CardholderBlockOutResponse | ErrorEnvelope]:
    """Unblock Partner Cardholder

     Lift a cardholder's block: it may sign in again, and exactly the cards its block blocked are
    unblocked
    (not a card blocked for another reason). Unblocking a cardholder that is not blocked changes
    nothing.

    Args:
        partner_id (UUID):
        user_id (UUID):
        body (CardStatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardholderBlockOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        user_id=user_id,
        body=body,
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
    body: CardStatusChange,
) -> CardholderBlockOutResponse | ErrorEnvelope | None:
    """Unblock Partner Cardholder

     Lift a cardholder's block: it may sign in again, and exactly the cards its block blocked are
    unblocked
    (not a card blocked for another reason). Unblocking a cardholder that is not blocked changes
    nothing.

    Args:
        partner_id (UUID):
        user_id (UUID):
        body (CardStatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardholderBlockOutResponse | ErrorEnvelope
    """

    return sync_detailed(
        partner_id=partner_id,
        user_id=user_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CardStatusChange,
) -> Response[CardholderBlockOutResponse | ErrorEnvelope]:
    """Unblock Partner Cardholder

     Lift a cardholder's block: it may sign in again, and exactly the cards its block blocked are
    unblocked
    (not a card blocked for another reason). Unblocking a cardholder that is not blocked changes
    nothing.

    Args:
        partner_id (UUID):
        user_id (UUID):
        body (CardStatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardholderBlockOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        user_id=user_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CardStatusChange,
) -> CardholderBlockOutResponse | ErrorEnvelope | None:
    """Unblock Partner Cardholder

     Lift a cardholder's block: it may sign in again, and exactly the cards its block blocked are
    unblocked
    (not a card blocked for another reason). Unblocking a cardholder that is not blocked changes
    nothing.

    Args:
        partner_id (UUID):
        user_id (UUID):
        body (CardStatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardholderBlockOutResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            user_id=user_id,
            client=client,
            body=body,
        )
    ).parsed
