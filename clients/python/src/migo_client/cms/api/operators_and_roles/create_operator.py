from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.operator_create import OperatorCreate
from ...models.operator_out_response import OperatorOutResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OperatorCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/operators",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | OperatorOutResponse:
    if response.status_code == 201:
        response_201 = OperatorOutResponse.from_dict(response.json())

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
    *,
    client: AuthenticatedClient,
    body: OperatorCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | OperatorOutResponse]:
    """Create Operator

     Add an operator to the partner. With a `password` it may sign in at once; without one it is
    `invited`
    and a one-time code (valid 24 hours) goes to its email, to set its password at `POST
    /auth/password/reset`.
    Each role's permissions must be the caller's own (403, 7803); unknown role names are a 400 naming
    them.
    With `clientSlug` the operator acts for that Payment Link client of the partner only (404/7813 for a
    client
    of another partner): its roles may grant only what a client's scope allows (400/7814). A platform
    operator
    gives another partner an operator with `partnerId` (its first admin, say, with the system role
    `admin`).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (OperatorCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | OperatorOutResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: OperatorCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | OperatorOutResponse | None:
    """Create Operator

     Add an operator to the partner. With a `password` it may sign in at once; without one it is
    `invited`
    and a one-time code (valid 24 hours) goes to its email, to set its password at `POST
    /auth/password/reset`.
    Each role's permissions must be the caller's own (403, 7803); unknown role names are a 400 naming
    them.
    With `clientSlug` the operator acts for that Payment Link client of the partner only (404/7813 for a
    client
    of another partner): its roles may grant only what a client's scope allows (400/7814). A platform
    operator
    gives another partner an operator with `partnerId` (its first admin, say, with the system role
    `admin`).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (OperatorCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | OperatorOutResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OperatorCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | OperatorOutResponse]:
    """Create Operator

     Add an operator to the partner. With a `password` it may sign in at once; without one it is
    `invited`
    and a one-time code (valid 24 hours) goes to its email, to set its password at `POST
    /auth/password/reset`.
    Each role's permissions must be the caller's own (403, 7803); unknown role names are a 400 naming
    them.
    With `clientSlug` the operator acts for that Payment Link client of the partner only (404/7813 for a
    client
    of another partner): its roles may grant only what a client's scope allows (400/7814). A platform
    operator
    gives another partner an operator with `partnerId` (its first admin, say, with the system role
    `admin`).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (OperatorCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | OperatorOutResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OperatorCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | OperatorOutResponse | None:
    """Create Operator

     Add an operator to the partner. With a `password` it may sign in at once; without one it is
    `invited`
    and a one-time code (valid 24 hours) goes to its email, to set its password at `POST
    /auth/password/reset`.
    Each role's permissions must be the caller's own (403, 7803); unknown role names are a 400 naming
    them.
    With `clientSlug` the operator acts for that Payment Link client of the partner only (404/7813 for a
    client
    of another partner): its roles may grant only what a client's scope allows (400/7814). A platform
    operator
    gives another partner an operator with `partnerId` (its first admin, say, with the system role
    `admin`).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (OperatorCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | OperatorOutResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
