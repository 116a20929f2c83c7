from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_hook_link_request import CreateHookLinkRequest
from ...models.created_hook_link import CreatedHookLink
from ...models.error_response_dto import ErrorResponseDto
from ...types import Response


def _get_kwargs(
    *,
    body: CreateHookLinkRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/transactions-hook",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreatedHookLink | ErrorResponseDto:
    if response.status_code == 200:
        response_200 = CreatedHookLink.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponseDto.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponseDto.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = ErrorResponseDto.from_dict(response.json())

        return response_409

    response_default = ErrorResponseDto.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreatedHookLink | ErrorResponseDto]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateHookLinkRequest,
) -> Response[CreatedHookLink | ErrorResponseDto]:
    """Create Transaction From Browser

     The same link, authenticated by the application's `publicKey` + `privateKey` in the body (no
    Authorization header); CORS-enabled for browsers. Answers `{uid, URL}`, without a reference. A key
    pair
    scoped to an amount range (inside the client's) creates links only in it: 409 / ownCode 2003
    otherwise.

    Args:
        body (CreateHookLinkRequest): `POST /transactions-hook`: the application's key pair
            travels in the body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedHookLink | ErrorResponseDto]
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
    client: AuthenticatedClient | Client,
    body: CreateHookLinkRequest,
) -> CreatedHookLink | ErrorResponseDto | None:
    """Create Transaction From Browser

     The same link, authenticated by the application's `publicKey` + `privateKey` in the body (no
    Authorization header); CORS-enabled for browsers. Answers `{uid, URL}`, without a reference. A key
    pair
    scoped to an amount range (inside the client's) creates links only in it: 409 / ownCode 2003
    otherwise.

    Args:
        body (CreateHookLinkRequest): `POST /transactions-hook`: the application's key pair
            travels in the body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedHookLink | ErrorResponseDto
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateHookLinkRequest,
) -> Response[CreatedHookLink | ErrorResponseDto]:
    """Create Transaction From Browser

     The same link, authenticated by the application's `publicKey` + `privateKey` in the body (no
    Authorization header); CORS-enabled for browsers. Answers `{uid, URL}`, without a reference. A key
    pair
    scoped to an amount range (inside the client's) creates links only in it: 409 / ownCode 2003
    otherwise.

    Args:
        body (CreateHookLinkRequest): `POST /transactions-hook`: the application's key pair
            travels in the body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedHookLink | ErrorResponseDto]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateHookLinkRequest,
) -> CreatedHookLink | ErrorResponseDto | None:
    """Create Transaction From Browser

     The same link, authenticated by the application's `publicKey` + `privateKey` in the body (no
    Authorization header); CORS-enabled for browsers. Answers `{uid, URL}`, without a reference. A key
    pair
    scoped to an amount range (inside the client's) creates links only in it: 409 / ownCode 2003
    otherwise.

    Args:
        body (CreateHookLinkRequest): `POST /transactions-hook`: the application's key pair
            travels in the body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedHookLink | ErrorResponseDto
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
