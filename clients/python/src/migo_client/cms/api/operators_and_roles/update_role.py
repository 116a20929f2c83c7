from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.role_out_response import RoleOutResponse
from ...models.role_update import RoleUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    role_id: UUID,
    *,
    body: RoleUpdate,
    partner_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

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
        "method": "patch",
        "url": "/roles/{role_id}".format(
            role_id=quote(str(role_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | RoleOutResponse:
    if response.status_code == 200:
        response_200 = RoleOutResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | RoleOutResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    role_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoleUpdate,
    partner_id: None | Unset | UUID = UNSET,
) -> Response[ErrorEnvelope | RoleOutResponse]:
    """Update Role

     Rename a role of the partner's own, or change its description or permissions (the whole new set: the
    caller must hold every permission added or taken away). The system roles cannot be changed (409,
    7807).

    Args:
        role_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        body (RoleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | RoleOutResponse]
    """

    kwargs = _get_kwargs(
        role_id=role_id,
        body=body,
        partner_id=partner_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    role_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoleUpdate,
    partner_id: None | Unset | UUID = UNSET,
) -> ErrorEnvelope | RoleOutResponse | None:
    """Update Role

     Rename a role of the partner's own, or change its description or permissions (the whole new set: the
    caller must hold every permission added or taken away). The system roles cannot be changed (409,
    7807).

    Args:
        role_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        body (RoleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | RoleOutResponse
    """

    return sync_detailed(
        role_id=role_id,
        client=client,
        body=body,
        partner_id=partner_id,
    ).parsed


async def asyncio_detailed(
    role_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoleUpdate,
    partner_id: None | Unset | UUID = UNSET,
) -> Response[ErrorEnvelope | RoleOutResponse]:
    """Update Role

     Rename a role of the partner's own, or change its description or permissions (the whole new set: the
    caller must hold every permission added or taken away). The system roles cannot be changed (409,
    7807).

    Args:
        role_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        body (RoleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | RoleOutResponse]
    """

    kwargs = _get_kwargs(
        role_id=role_id,
        body=body,
        partner_id=partner_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    role_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoleUpdate,
    partner_id: None | Unset | UUID = UNSET,
) -> ErrorEnvelope | RoleOutResponse | None:
    """Update Role

     Rename a role of the partner's own, or change its description or permissions (the whole new set: the
    caller must hold every permission added or taken away). The system roles cannot be changed (409,
    7807).

    Args:
        role_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        body (RoleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | RoleOutResponse
    """

    return (
        await asyncio_detailed(
            role_id=role_id,
            client=client,
            body=body,
            partner_id=partner_id,
        )
    ).parsed
