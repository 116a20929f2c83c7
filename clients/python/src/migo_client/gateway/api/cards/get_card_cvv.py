from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cvv_out_response import CvvOutResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    card_id: UUID,
    *,
    x_view_token: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_view_token, Unset):
        headers["x-view-token"] = x_view_token

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cards/{card_id}/cvv".format(
            card_id=quote(str(card_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CvvOutResponse | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = CvvOutResponse.from_dict(response.json())

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
) -> Response[CvvOutResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
    x_view_token: None | str | Unset = UNSET,
) -> Response[CvvOutResponse | ErrorEnvelope]:
    """Get Card Cvv

     Step two, from the cardholder's device, never a backend: the CVV, derived on demand and never
    stored.
    Needs the `transact` permission on the card.

    Args:
        card_id (UUID):
        x_view_token (None | str | Unset): The token from `POST /cards/{cardId}/cvv/view-token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CvvOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        card_id=card_id,
        x_view_token=x_view_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
    x_view_token: None | str | Unset = UNSET,
) -> CvvOutResponse | ErrorEnvelope | None:
    """Get Card Cvv

     Step two, from the cardholder's device, never a backend: the CVV, derived on demand and never
    stored.
    Needs the `transact` permission on the card.

    Args:
        card_id (UUID):
        x_view_token (None | str | Unset): The token from `POST /cards/{cardId}/cvv/view-token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CvvOutResponse | ErrorEnvelope
    """

    return sync_detailed(
        card_id=card_id,
        client=client,
        x_view_token=x_view_token,
    ).parsed


async def asyncio_detailed(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
    x_view_token: None | str | Unset = UNSET,
) -> Response[CvvOutResponse | ErrorEnvelope]:
    """Get Card Cvv

     Step two, from the cardholder's device, never a backend: the CVV, derived on demand and never
    stored.
    Needs the `transact` permission on the card.

    Args:
        card_id (UUID):
        x_view_token (None | str | Unset): The token from `POST /cards/{cardId}/cvv/view-token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CvvOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        card_id=card_id,
        x_view_token=x_view_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    card_id: UUID,
    *,
    client: AuthenticatedClient,
    x_view_token: None | str | Unset = UNSET,
) -> CvvOutResponse | ErrorEnvelope | None:
    """Get Card Cvv

     Step two, from the cardholder's device, never a backend: the CVV, derived on demand and never
    stored.
    Needs the `transact` permission on the card.

    Args:
        card_id (UUID):
        x_view_token (None | str | Unset): The token from `POST /cards/{cardId}/cvv/view-token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CvvOutResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            card_id=card_id,
            client=client,
            x_view_token=x_view_token,
        )
    ).parsed
