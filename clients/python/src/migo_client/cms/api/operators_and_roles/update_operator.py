from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.operator_out_response import OperatorOutResponse
from ...models.operator_update import OperatorUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    operator_id: UUID,
    *,
    body: OperatorUpdate,
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
        "url": "/operators/{operator_id}".format(
            operator_id=quote(str(operator_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | OperatorOutResponse:
    if response.status_code == 200:
        response_200 = OperatorOutResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | OperatorOutResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    operator_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OperatorUpdate,
    partner_id: None | Unset | UUID = UNSET,
) -> Response[ErrorEnvelope | OperatorOutResponse]:
    """Update Operator

     Change an operator's name, email, roles (the whole new set) or status. `disabled` stops its tokens
    at
    once. Only an operator holding every permission of the one changed may change it (403, 7804); nobody
    disables itself or gives up its own `operators.manage` (409, 7810). `clientSlug` changes its scope:
    to one
    client of the partner (404/7813 otherwise; its roles within a client's scope, 400/7814), or, null,
    to the
    whole partner.

    Args:
        operator_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        body (OperatorUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | OperatorOutResponse]
    """

    kwargs = _get_kwargs(
        operator_id=operator_id,
        body=body,
        partner_id=partner_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    operator_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OperatorUpdate,
    partner_id: None | Unset | UUID = UNSET,
) -> ErrorEnvelope | OperatorOutResponse | None:
    """Update Operator

     Change an operator's name, email, roles (the whole new set) or status. `disabled` stops its tokens
    at
    once. Only an operator holding every permission of the one changed may change it (403, 7804); nobody
    disables itself or gives up its own `operators.manage` (409, 7810). `clientSlug` changes its scope:
    to one
    client of the partner (404/7813 otherwise; its roles within a client's scope, 400/7814), or, null,
    to the
    whole partner.

    Args:
        operator_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        body (OperatorUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | OperatorOutResponse
    """

    return sync_detailed(
        operator_id=operator_id,
        client=client,
        body=body,
        partner_id=partner_id,
    ).parsed


async def asyncio_detailed(
    operator_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OperatorUpdate,
    partner_id: None | Unset | UUID = UNSET,
) -> Response[ErrorEnvelope | OperatorOutResponse]:
    """Update Operator

     Change an operator's name, email, roles (the whole new set) or status. `disabled` stops its tokens
    at
    once. Only an operator holding every permission of the one changed may change it (403, 7804); nobody
    disables itself or gives up its own `operators.manage` (409, 7810). `clientSlug` changes its scope:
    to one
    client of the partner (404/7813 otherwise; its roles within a client's scope, 400/7814), or, null,
    to the
    whole partner.

    Args:
        operator_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        body (OperatorUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | OperatorOutResponse]
    """

    kwargs = _get_kwargs(
        operator_id=operator_id,
        body=body,
        partner_id=partner_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    operator_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OperatorUpdate,
    partner_id: None | Unset | UUID = UNSET,
) -> ErrorEnvelope | OperatorOutResponse | None:
    """Update Operator

     Change an operator's name, email, roles (the whole new set) or status. `disabled` stops its tokens
    at
    once. Only an operator holding every permission of the one changed may change it (403, 7804); nobody
    disables itself or gives up its own `operators.manage` (409, 7810). `clientSlug` changes its scope:
    to one
    client of the partner (404/7813 otherwise; its roles within a client's scope, 400/7814), or, null,
    to the
    whole partner.

    Args:
        operator_id (UUID):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        body (OperatorUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | OperatorOutResponse
    """

    return (
        await asyncio_detailed(
            operator_id=operator_id,
            client=client,
            body=body,
            partner_id=partner_id,
        )
    ).parsed
