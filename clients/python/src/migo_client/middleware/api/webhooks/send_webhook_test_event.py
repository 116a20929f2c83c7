from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response_dto import ErrorResponseDto
from ...models.test_event_out import TestEventOut
from ...models.test_event_request import TestEventRequest
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: UUID,
    *,
    body: TestEventRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook-endpoints/{endpoint_id}/test".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseDto | TestEventOut | UnauthorizedResponse:
    if response.status_code == 202:
        response_202 = TestEventOut.from_dict(response.json())

        return response_202

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
) -> Response[ErrorResponseDto | TestEventOut | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TestEventRequest | Unset = UNSET,
) -> Response[ErrorResponseDto | TestEventOut | UnauthorizedResponse]:
    """Send Webhook Test Event

     Send a signed test event to this endpoint alone, through the normal delivery path (its header, its
    signature, retries, the delivery log): `webhook.test`, or any catalogued type with that type's
    fields and
    `test: true`. Answers 202 at once; the delivery follows (a paused endpoint's waits for its
    resumption; a
    disabled one is 409 until enabled).

    Args:
        endpoint_id (UUID):
        body (TestEventRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | TestEventOut | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TestEventRequest | Unset = UNSET,
) -> ErrorResponseDto | TestEventOut | UnauthorizedResponse | None:
    """Send Webhook Test Event

     Send a signed test event to this endpoint alone, through the normal delivery path (its header, its
    signature, retries, the delivery log): `webhook.test`, or any catalogued type with that type's
    fields and
    `test: true`. Answers 202 at once; the delivery follows (a paused endpoint's waits for its
    resumption; a
    disabled one is 409 until enabled).

    Args:
        endpoint_id (UUID):
        body (TestEventRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | TestEventOut | UnauthorizedResponse
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TestEventRequest | Unset = UNSET,
) -> Response[ErrorResponseDto | TestEventOut | UnauthorizedResponse]:
    """Send Webhook Test Event

     Send a signed test event to this endpoint alone, through the normal delivery path (its header, its
    signature, retries, the delivery log): `webhook.test`, or any catalogued type with that type's
    fields and
    `test: true`. Answers 202 at once; the delivery follows (a paused endpoint's waits for its
    resumption; a
    disabled one is 409 until enabled).

    Args:
        endpoint_id (UUID):
        body (TestEventRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | TestEventOut | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TestEventRequest | Unset = UNSET,
) -> ErrorResponseDto | TestEventOut | UnauthorizedResponse | None:
    """Send Webhook Test Event

     Send a signed test event to this endpoint alone, through the normal delivery path (its header, its
    signature, retries, the delivery log): `webhook.test`, or any catalogued type with that type's
    fields and
    `test: true`. Answers 202 at once; the delivery follows (a paused endpoint's waits for its
    resumption; a
    disabled one is 409 until enabled).

    Args:
        endpoint_id (UUID):
        body (TestEventRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | TestEventOut | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            body=body,
        )
    ).parsed
