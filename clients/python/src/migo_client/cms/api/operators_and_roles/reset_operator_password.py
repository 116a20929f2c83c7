from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.operator_password_reset_response import OperatorPasswordResetResponse
from ...models.password_reset_request import PasswordResetRequest
from ...types import Response


def _get_kwargs(
    *,
    body: PasswordResetRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/password/reset",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | OperatorPasswordResetResponse:
    if response.status_code == 200:
        response_200 = OperatorPasswordResetResponse.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | OperatorPasswordResetResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PasswordResetRequest,
) -> Response[ErrorEnvelope | OperatorPasswordResetResponse]:
    """Reset Operator Password

     Set an operator's password with the code its invitation or a reset (`POST /operators/{operatorId}/
    reset-password`) sent: an invited operator becomes active, and every session of the operator ends. A
    code
    works once, for 5 tries; the answer is the same for a username that does not exist.

    Args:
        body (PasswordResetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | OperatorPasswordResetResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PasswordResetRequest,
) -> ErrorEnvelope | OperatorPasswordResetResponse | None:
    """Reset Operator Password

     Set an operator's password with the code its invitation or a reset (`POST /operators/{operatorId}/
    reset-password`) sent: an invited operator becomes active, and every session of the operator ends. A
    code
    works once, for 5 tries; the answer is the same for a username that does not exist.

    Args:
        body (PasswordResetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | OperatorPasswordResetResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PasswordResetRequest,
) -> Response[ErrorEnvelope | OperatorPasswordResetResponse]:
    """Reset Operator Password

     Set an operator's password with the code its invitation or a reset (`POST /operators/{operatorId}/
    reset-password`) sent: an invited operator becomes active, and every session of the operator ends. A
    code
    works once, for 5 tries; the answer is the same for a username that does not exist.

    Args:
        body (PasswordResetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | OperatorPasswordResetResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PasswordResetRequest,
) -> ErrorEnvelope | OperatorPasswordResetResponse | None:
    """Reset Operator Password

     Set an operator's password with the code its invitation or a reset (`POST /operators/{operatorId}/
    reset-password`) sent: an invited operator becomes active, and every session of the operator ends. A
    code
    works once, for 5 tries; the answer is the same for a username that does not exist.

    Args:
        body (PasswordResetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | OperatorPasswordResetResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
