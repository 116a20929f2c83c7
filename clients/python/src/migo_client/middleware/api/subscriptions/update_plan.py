from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response_dto import ErrorResponseDto
from ...models.plan_out import PlanOut
from ...models.plan_update import PlanUpdate
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import Response


def _get_kwargs(
    plan_id: UUID,
    *,
    body: PlanUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/plans/{plan_id}".format(
            plan_id=quote(str(plan_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseDto | PlanOut | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = PlanOut.from_dict(response.json())

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
) -> Response[ErrorResponseDto | PlanOut | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PlanUpdate,
) -> Response[ErrorResponseDto | PlanOut | UnauthorizedResponse]:
    """Update Plan

     Rename, archive (`active: false`) or reprice a plan; a new price applies to new subscriptions only.

    Args:
        plan_id (UUID):
        body (PlanUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | PlanOut | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PlanUpdate,
) -> ErrorResponseDto | PlanOut | UnauthorizedResponse | None:
    """Update Plan

     Rename, archive (`active: false`) or reprice a plan; a new price applies to new subscriptions only.

    Args:
        plan_id (UUID):
        body (PlanUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | PlanOut | UnauthorizedResponse
    """

    return sync_detailed(
        plan_id=plan_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PlanUpdate,
) -> Response[ErrorResponseDto | PlanOut | UnauthorizedResponse]:
    """Update Plan

     Rename, archive (`active: false`) or reprice a plan; a new price applies to new subscriptions only.

    Args:
        plan_id (UUID):
        body (PlanUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | PlanOut | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PlanUpdate,
) -> ErrorResponseDto | PlanOut | UnauthorizedResponse | None:
    """Update Plan

     Rename, archive (`active: false`) or reprice a plan; a new price applies to new subscriptions only.

    Args:
        plan_id (UUID):
        body (PlanUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | PlanOut | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            client=client,
            body=body,
        )
    ).parsed
