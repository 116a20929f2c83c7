from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.sandbox_settlement_run import SandboxSettlementRun
from ...models.settlement_out_list_response import SettlementOutListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SandboxSettlementRun | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sandbox/settlements/run",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SettlementOutListResponse:
    if response.status_code == 200:
        response_200 = SettlementOutListResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | SettlementOutListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SandboxSettlementRun | Unset = UNSET,
) -> Response[ErrorEnvelope | SettlementOutListResponse]:
    """Run Settlements In Sandbox

     Sandbox: close, as if the cutoff happened now, everything the company's businesses captured and did
    not
    settle yet (the job's own code), dated the next business day after `cutoffDate`. Answers the
    settlements it
    made (none when there was nothing to settle).

    Args:
        body (SandboxSettlementRun | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SettlementOutListResponse]
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
    body: SandboxSettlementRun | Unset = UNSET,
) -> ErrorEnvelope | SettlementOutListResponse | None:
    """Run Settlements In Sandbox

     Sandbox: close, as if the cutoff happened now, everything the company's businesses captured and did
    not
    settle yet (the job's own code), dated the next business day after `cutoffDate`. Answers the
    settlements it
    made (none when there was nothing to settle).

    Args:
        body (SandboxSettlementRun | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SettlementOutListResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SandboxSettlementRun | Unset = UNSET,
) -> Response[ErrorEnvelope | SettlementOutListResponse]:
    """Run Settlements In Sandbox

     Sandbox: close, as if the cutoff happened now, everything the company's businesses captured and did
    not
    settle yet (the job's own code), dated the next business day after `cutoffDate`. Answers the
    settlements it
    made (none when there was nothing to settle).

    Args:
        body (SandboxSettlementRun | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SettlementOutListResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SandboxSettlementRun | Unset = UNSET,
) -> ErrorEnvelope | SettlementOutListResponse | None:
    """Run Settlements In Sandbox

     Sandbox: close, as if the cutoff happened now, everything the company's businesses captured and did
    not
    settle yet (the job's own code), dated the next business day after `cutoffDate`. Answers the
    settlements it
    made (none when there was nothing to settle).

    Args:
        body (SandboxSettlementRun | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SettlementOutListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
