from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response_dto import ErrorResponseDto
from ...models.unauthorized_response import UnauthorizedResponse
from ...models.verify_card_out import VerifyCardOut
from ...models.verify_card_request import VerifyCardRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VerifyCardRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/subscriptions/verify-card",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseDto | UnauthorizedResponse | VerifyCardOut:
    if response.status_code == 200:
        response_200 = VerifyCardOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedResponse.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = ErrorResponseDto.from_dict(response.json())

        return response_409

    response_default = ErrorResponseDto.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponseDto | UnauthorizedResponse | VerifyCardOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: VerifyCardRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorResponseDto | UnauthorizedResponse | VerifyCardOut]:
    """Verify Card

     Verify a card with a zero-amount authorization and save it for the customer (`cardToken`); with
    `shouldCreateSubscription: true`, subscribe them to `planId`: the first period is charged now unless
    the
    plan has a trial. A declined first charge creates no subscription (`subscription: null`,
    `declineCode`).
    This is the only way to create a subscription (seed 003). Raw `card` data: sandbox only.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (VerifyCardRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | UnauthorizedResponse | VerifyCardOut]
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
    body: VerifyCardRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorResponseDto | UnauthorizedResponse | VerifyCardOut | None:
    """Verify Card

     Verify a card with a zero-amount authorization and save it for the customer (`cardToken`); with
    `shouldCreateSubscription: true`, subscribe them to `planId`: the first period is charged now unless
    the
    plan has a trial. A declined first charge creates no subscription (`subscription: null`,
    `declineCode`).
    This is the only way to create a subscription (seed 003). Raw `card` data: sandbox only.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (VerifyCardRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | UnauthorizedResponse | VerifyCardOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VerifyCardRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorResponseDto | UnauthorizedResponse | VerifyCardOut]:
    """Verify Card

     Verify a card with a zero-amount authorization and save it for the customer (`cardToken`); with
    `shouldCreateSubscription: true`, subscribe them to `planId`: the first period is charged now unless
    the
    plan has a trial. A declined first charge creates no subscription (`subscription: null`,
    `declineCode`).
    This is the only way to create a subscription (seed 003). Raw `card` data: sandbox only.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (VerifyCardRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | UnauthorizedResponse | VerifyCardOut]
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
    body: VerifyCardRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorResponseDto | UnauthorizedResponse | VerifyCardOut | None:
    """Verify Card

     Verify a card with a zero-amount authorization and save it for the customer (`cardToken`); with
    `shouldCreateSubscription: true`, subscribe them to `planId`: the first period is charged now unless
    the
    plan has a trial. A declined first charge creates no subscription (`subscription: null`,
    `declineCode`).
    This is the only way to create a subscription (seed 003). Raw `card` data: sandbox only.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (VerifyCardRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | UnauthorizedResponse | VerifyCardOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
