from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.notice_receipt_response import NoticeReceiptResponse
from ...models.settlement_notice import SettlementNotice
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SettlementNotice,
    webhook_id: None | str | Unset = UNSET,
    webhook_timestamp: None | str | Unset = UNSET,
    webhook_signature: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(webhook_id, Unset):
        headers["webhook-id"] = webhook_id

    if not isinstance(webhook_timestamp, Unset):
        headers["webhook-timestamp"] = webhook_timestamp

    if not isinstance(webhook_signature, Unset):
        headers["webhook-signature"] = webhook_signature

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhooks/settlements",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | NoticeReceiptResponse:
    if response.status_code == 200:
        response_200 = NoticeReceiptResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | NoticeReceiptResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SettlementNotice,
    webhook_id: None | str | Unset = UNSET,
    webhook_timestamp: None | str | Unset = UNSET,
    webhook_signature: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | NoticeReceiptResponse]:
    """Receive Settlement Notice

     The acquirer's settlement notices, signed with the settlements secret: the amount moves from the
    processor's clearing account to the bank clearing account, once per notice id.

    Args:
        webhook_id (None | str | Unset):
        webhook_timestamp (None | str | Unset):
        webhook_signature (None | str | Unset):
        body (SettlementNotice): The acquirer paid out what it owed for captured payments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NoticeReceiptResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        webhook_id=webhook_id,
        webhook_timestamp=webhook_timestamp,
        webhook_signature=webhook_signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SettlementNotice,
    webhook_id: None | str | Unset = UNSET,
    webhook_timestamp: None | str | Unset = UNSET,
    webhook_signature: None | str | Unset = UNSET,
) -> ErrorEnvelope | NoticeReceiptResponse | None:
    """Receive Settlement Notice

     The acquirer's settlement notices, signed with the settlements secret: the amount moves from the
    processor's clearing account to the bank clearing account, once per notice id.

    Args:
        webhook_id (None | str | Unset):
        webhook_timestamp (None | str | Unset):
        webhook_signature (None | str | Unset):
        body (SettlementNotice): The acquirer paid out what it owed for captured payments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NoticeReceiptResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        webhook_id=webhook_id,
        webhook_timestamp=webhook_timestamp,
        webhook_signature=webhook_signature,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SettlementNotice,
    webhook_id: None | str | Unset = UNSET,
    webhook_timestamp: None | str | Unset = UNSET,
    webhook_signature: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | NoticeReceiptResponse]:
    """Receive Settlement Notice

     The acquirer's settlement notices, signed with the settlements secret: the amount moves from the
    processor's clearing account to the bank clearing account, once per notice id.

    Args:
        webhook_id (None | str | Unset):
        webhook_timestamp (None | str | Unset):
        webhook_signature (None | str | Unset):
        body (SettlementNotice): The acquirer paid out what it owed for captured payments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NoticeReceiptResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        webhook_id=webhook_id,
        webhook_timestamp=webhook_timestamp,
        webhook_signature=webhook_signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SettlementNotice,
    webhook_id: None | str | Unset = UNSET,
    webhook_timestamp: None | str | Unset = UNSET,
    webhook_signature: None | str | Unset = UNSET,
) -> ErrorEnvelope | NoticeReceiptResponse | None:
    """Receive Settlement Notice

     The acquirer's settlement notices, signed with the settlements secret: the amount moves from the
    processor's clearing account to the bank clearing account, once per notice id.

    Args:
        webhook_id (None | str | Unset):
        webhook_timestamp (None | str | Unset):
        webhook_signature (None | str | Unset):
        body (SettlementNotice): The acquirer paid out what it owed for captured payments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NoticeReceiptResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            webhook_id=webhook_id,
            webhook_timestamp=webhook_timestamp,
            webhook_signature=webhook_signature,
        )
    ).parsed
