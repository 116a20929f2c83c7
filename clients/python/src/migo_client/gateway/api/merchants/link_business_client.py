from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.business_client_link import BusinessClientLink
from ...models.business_out_response import BusinessOutResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    business_id: UUID,
    *,
    body: BusinessClientLink,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/businesses/{business_id}/clients".format(
            business_id=quote(str(business_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BusinessOutResponse | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = BusinessOutResponse.from_dict(response.json())

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
) -> Response[BusinessOutResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    business_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BusinessClientLink,
) -> Response[BusinessOutResponse | ErrorEnvelope]:
    """Link Business Client

     Let the business's settlements take the captures and refunds (in its currency) of a Payment Link
    client of
    the company's partner, from its next cutoff: 404/7426 for a client the partner does not have,
    409/7427
    for one another business settles already. Linking again changes nothing.

    Args:
        business_id (UUID):
        body (BusinessClientLink):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BusinessOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    business_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BusinessClientLink,
) -> BusinessOutResponse | ErrorEnvelope | None:
    """Link Business Client

     Let the business's settlements take the captures and refunds (in its currency) of a Payment Link
    client of
    the company's partner, from its next cutoff: 404/7426 for a client the partner does not have,
    409/7427
    for one another business settles already. Linking again changes nothing.

    Args:
        business_id (UUID):
        body (BusinessClientLink):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BusinessOutResponse | ErrorEnvelope
    """

    return sync_detailed(
        business_id=business_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    business_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BusinessClientLink,
) -> Response[BusinessOutResponse | ErrorEnvelope]:
    """Link Business Client

     Let the business's settlements take the captures and refunds (in its currency) of a Payment Link
    client of
    the company's partner, from its next cutoff: 404/7426 for a client the partner does not have,
    409/7427
    for one another business settles already. Linking again changes nothing.

    Args:
        business_id (UUID):
        body (BusinessClientLink):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BusinessOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        business_id=business_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    business_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BusinessClientLink,
) -> BusinessOutResponse | ErrorEnvelope | None:
    """Link Business Client

     Let the business's settlements take the captures and refunds (in its currency) of a Payment Link
    client of
    the company's partner, from its next cutoff: 404/7426 for a client the partner does not have,
    409/7427
    for one another business settles already. Linking again changes nothing.

    Args:
        business_id (UUID):
        body (BusinessClientLink):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BusinessOutResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            business_id=business_id,
            client=client,
            body=body,
        )
    ).parsed
