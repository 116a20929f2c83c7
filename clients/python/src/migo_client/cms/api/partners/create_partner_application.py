from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.new_partner_application_out_response import (
    NewPartnerApplicationOutResponse,
)
from ...models.partner_application_create import PartnerApplicationCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    partner_id: UUID,
    *,
    body: PartnerApplicationCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/app/partners/{partner_id}/applications".format(
            partner_id=quote(str(partner_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | NewPartnerApplicationOutResponse:
    if response.status_code == 201:
        response_201 = NewPartnerApplicationOutResponse.from_dict(response.json())

        return response_201

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
) -> Response[ErrorEnvelope | NewPartnerApplicationOutResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PartnerApplicationCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | NewPartnerApplicationOutResponse]:
    """Create Partner Application

     A CMS application of the partner (its operators sign in through it: `POST /cms/rest/auth/token`), or
    a
    Gateway application of one of its companies (`companyId`: required for `gateway`, 400/7842; refused
    for `cms`,
    400/7843; another partner's, 404/7850). The `clientSecret` is in this answer only; Migo keeps its
    hash. A
    retry under the same Idempotency-Key by the same operator replays this answer, secret included, for
    24
    hours (stored encrypted, as every idempotent answer), so a lost answer does not leave an unusable
    application behind.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (PartnerApplicationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NewPartnerApplicationOutResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PartnerApplicationCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | NewPartnerApplicationOutResponse | None:
    """Create Partner Application

     A CMS application of the partner (its operators sign in through it: `POST /cms/rest/auth/token`), or
    a
    Gateway application of one of its companies (`companyId`: required for `gateway`, 400/7842; refused
    for `cms`,
    400/7843; another partner's, 404/7850). The `clientSecret` is in this answer only; Migo keeps its
    hash. A
    retry under the same Idempotency-Key by the same operator replays this answer, secret included, for
    24
    hours (stored encrypted, as every idempotent answer), so a lost answer does not leave an unusable
    application behind.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (PartnerApplicationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NewPartnerApplicationOutResponse
    """

    return sync_detailed(
        partner_id=partner_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PartnerApplicationCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | NewPartnerApplicationOutResponse]:
    """Create Partner Application

     A CMS application of the partner (its operators sign in through it: `POST /cms/rest/auth/token`), or
    a
    Gateway application of one of its companies (`companyId`: required for `gateway`, 400/7842; refused
    for `cms`,
    400/7843; another partner's, 404/7850). The `clientSecret` is in this answer only; Migo keeps its
    hash. A
    retry under the same Idempotency-Key by the same operator replays this answer, secret included, for
    24
    hours (stored encrypted, as every idempotent answer), so a lost answer does not leave an unusable
    application behind.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (PartnerApplicationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NewPartnerApplicationOutResponse]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PartnerApplicationCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | NewPartnerApplicationOutResponse | None:
    """Create Partner Application

     A CMS application of the partner (its operators sign in through it: `POST /cms/rest/auth/token`), or
    a
    Gateway application of one of its companies (`companyId`: required for `gateway`, 400/7842; refused
    for `cms`,
    400/7843; another partner's, 404/7850). The `clientSecret` is in this answer only; Migo keeps its
    hash. A
    retry under the same Idempotency-Key by the same operator replays this answer, secret included, for
    24
    hours (stored encrypted, as every idempotent answer), so a lost answer does not leave an unusable
    application behind.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (PartnerApplicationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NewPartnerApplicationOutResponse
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
