from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response_dto import ErrorResponseDto
from ...models.lift_request import LiftRequest
from ...models.suspension_out import SuspensionOut
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    suspension_id: UUID,
    *,
    body: LiftRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/suspensions/{suspension_id}/lift".format(
            suspension_id=quote(str(suspension_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseDto | SuspensionOut | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = SuspensionOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponseDto.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponseDto.from_dict(response.json())

        return response_409

    response_default = ErrorResponseDto.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponseDto | SuspensionOut | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    suspension_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LiftRequest | Unset = UNSET,
) -> Response[ErrorResponseDto | SuspensionOut | UnauthorizedResponse]:
    """Lift Suspension

     End a suspension now (lifting twice is harmless).

    Args:
        suspension_id (UUID):
        body (LiftRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | SuspensionOut | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        suspension_id=suspension_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    suspension_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LiftRequest | Unset = UNSET,
) -> ErrorResponseDto | SuspensionOut | UnauthorizedResponse | None:
    """Lift Suspension

     End a suspension now (lifting twice is harmless).

    Args:
        suspension_id (UUID):
        body (LiftRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | SuspensionOut | UnauthorizedResponse
    """

    return sync_detailed(
        suspension_id=suspension_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    suspension_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LiftRequest | Unset = UNSET,
) -> Response[ErrorResponseDto | SuspensionOut | UnauthorizedResponse]:
    """Lift Suspension

     End a suspension now (lifting twice is harmless).

    Args:
        suspension_id (UUID):
        body (LiftRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | SuspensionOut | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        suspension_id=suspension_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    suspension_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LiftRequest | Unset = UNSET,
) -> ErrorResponseDto | SuspensionOut | UnauthorizedResponse | None:
    """Lift Suspension

     End a suspension now (lifting twice is harmless).

    Args:
        suspension_id (UUID):
        body (LiftRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | SuspensionOut | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            suspension_id=suspension_id,
            client=client,
            body=body,
        )
    ).parsed
