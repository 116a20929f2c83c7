from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response_dto import ErrorResponseDto
from ...models.payment_outcome import PaymentOutcome
from ...models.sandbox_pay_request import SandboxPayRequest
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import Response


def _get_kwargs(
    uid: str,
    *,
    body: SandboxPayRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sandbox/transactions/{uid}/pay".format(
            uid=quote(str(uid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponseDto | PaymentOutcome | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = PaymentOutcome.from_dict(response.json())

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
) -> Response[ErrorResponseDto | PaymentOutcome | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: SandboxPayRequest,
) -> Response[ErrorResponseDto | PaymentOutcome | UnauthorizedResponse]:
    """Pay Transaction In Sandbox

     Sandbox only: pay a link as the hosted checkout would (same code path), to test a backend without a
    browser. With a 3-D Secure card, `threeDsCode` answers the challenge (123456 passes).

    Args:
        uid (str):
        body (SandboxPayRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | PaymentOutcome | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        uid=uid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: SandboxPayRequest,
) -> ErrorResponseDto | PaymentOutcome | UnauthorizedResponse | None:
    """Pay Transaction In Sandbox

     Sandbox only: pay a link as the hosted checkout would (same code path), to test a backend without a
    browser. With a 3-D Secure card, `threeDsCode` answers the challenge (123456 passes).

    Args:
        uid (str):
        body (SandboxPayRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | PaymentOutcome | UnauthorizedResponse
    """

    return sync_detailed(
        uid=uid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: SandboxPayRequest,
) -> Response[ErrorResponseDto | PaymentOutcome | UnauthorizedResponse]:
    """Pay Transaction In Sandbox

     Sandbox only: pay a link as the hosted checkout would (same code path), to test a backend without a
    browser. With a 3-D Secure card, `threeDsCode` answers the challenge (123456 passes).

    Args:
        uid (str):
        body (SandboxPayRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponseDto | PaymentOutcome | UnauthorizedResponse]
    """

    kwargs = _get_kwargs(
        uid=uid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: SandboxPayRequest,
) -> ErrorResponseDto | PaymentOutcome | UnauthorizedResponse | None:
    """Pay Transaction In Sandbox

     Sandbox only: pay a link as the hosted checkout would (same code path), to test a backend without a
    browser. With a 3-D Secure card, `threeDsCode` answers the challenge (123456 passes).

    Args:
        uid (str):
        body (SandboxPayRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponseDto | PaymentOutcome | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            uid=uid,
            client=client,
            body=body,
        )
    ).parsed
