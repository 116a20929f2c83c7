from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    partner_id: UUID,
    batch_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/app/partners/{partner_id}/card-stock/{batch_id}/embossing-file".format(
            partner_id=quote(str(partner_id), safe=""),
            batch_id=quote(str(batch_id), safe=""),
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
    partner_id: UUID,
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | str]:
    """Download Embossing File

     The batch's embossing file, as `migo cards print` writes it: a CSV with the header
    `cardId,number,expiry,name` and one line per card the batch printed (the full number, expiry
    `MM/YY`, the
    embossed name or empty). The one place a full card number is shown; every download is in the audit
    trail.

    Args:
        partner_id (UUID):
        batch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        batch_id=batch_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partner_id: UUID,
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | str | None:
    """Download Embossing File

     The batch's embossing file, as `migo cards print` writes it: a CSV with the header
    `cardId,number,expiry,name` and one line per card the batch printed (the full number, expiry
    `MM/YY`, the
    embossed name or empty). The one place a full card number is shown; every download is in the audit
    trail.

    Args:
        partner_id (UUID):
        batch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
    """

    return sync_detailed(
        partner_id=partner_id,
        batch_id=batch_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | str]:
    """Download Embossing File

     The batch's embossing file, as `migo cards print` writes it: a CSV with the header
    `cardId,number,expiry,name` and one line per card the batch printed (the full number, expiry
    `MM/YY`, the
    embossed name or empty). The one place a full card number is shown; every download is in the audit
    trail.

    Args:
        partner_id (UUID):
        batch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        batch_id=batch_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | str | None:
    """Download Embossing File

     The batch's embossing file, as `migo cards print` writes it: a CSV with the header
    `cardId,number,expiry,name` and one line per card the batch printed (the full number, expiry
    `MM/YY`, the
    embossed name or empty). The one place a full card number is shown; every download is in the audit
    trail.

    Args:
        partner_id (UUID):
        batch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            batch_id=batch_id,
            client=client,
        )
    ).parsed
