from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.batch_progress_response import BatchProgressResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    batch_id: UUID,
    *,
    partner_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_partner_id: None | str | Unset
    if isinstance(partner_id, Unset):
        json_partner_id = UNSET
    elif isinstance(partner_id, UUID):
        json_partner_id = str(partner_id)
    else:
        json_partner_id = partner_id
    params["partnerId"] = json_partner_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conciliation/{batch_id}/progress".format(
            batch_id=quote(str(batch_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchProgressResponse | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = BatchProgressResponse.from_dict(response.json())

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
) -> Response[BatchProgressResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    partner_id: None | Unset | UUID = UNSET,
) -> Response[BatchProgressResponse | ErrorEnvelope]:
    """Get Conciliation Progress

     Where the file stands: `queued`, `running`, `done`, the counters, and an error per malformed line.

    Args:
        batch_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchProgressResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        partner_id=partner_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    partner_id: None | Unset | UUID = UNSET,
) -> BatchProgressResponse | ErrorEnvelope | None:
    """Get Conciliation Progress

     Where the file stands: `queued`, `running`, `done`, the counters, and an error per malformed line.

    Args:
        batch_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchProgressResponse | ErrorEnvelope
    """

    return sync_detailed(
        batch_id=batch_id,
        client=client,
        partner_id=partner_id,
    ).parsed


async def asyncio_detailed(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    partner_id: None | Unset | UUID = UNSET,
) -> Response[BatchProgressResponse | ErrorEnvelope]:
    """Get Conciliation Progress

     Where the file stands: `queued`, `running`, `done`, the counters, and an error per malformed line.

    Args:
        batch_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchProgressResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        partner_id=partner_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    partner_id: None | Unset | UUID = UNSET,
) -> BatchProgressResponse | ErrorEnvelope | None:
    """Get Conciliation Progress

     Where the file stands: `queued`, `running`, `done`, the counters, and an error per malformed line.

    Args:
        batch_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchProgressResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            batch_id=batch_id,
            client=client,
            partner_id=partner_id,
        )
    ).parsed
