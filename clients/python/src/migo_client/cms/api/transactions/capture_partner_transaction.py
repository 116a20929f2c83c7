from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.partner_transaction_detail_response import (
    PartnerTransactionDetailResponse,
)
from ...models.transaction_capture_create import TransactionCaptureCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uid: str,
    *,
    body: TransactionCaptureCreate | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_partner_id: None | str | Unset
    if isinstance(partner_id, Unset):
        json_partner_id = UNSET
    elif isinstance(partner_id, UUID):
        json_partner_id = str(partner_id)
    else:
        json_partner_id = partner_id
    params["partnerId"] = json_partner_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/transactions/{uid}/capture".format(
            uid=quote(str(uid), safe=""),
        ),
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PartnerTransactionDetailResponse:
    if response.status_code == 200:
        response_200 = PartnerTransactionDetailResponse.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | PartnerTransactionDetailResponse]:
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
    body: TransactionCaptureCreate | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | PartnerTransactionDetailResponse]:
    """Capture Partner Transaction

     Capture a two-step link payment's authorization, all of it or `amount`, through the merchant's own
    capture:
    its rules and errors apply (once, within 7 days: 5012/5013), and the merchant hears it. A card
    transaction or
    a terminal payment has nothing to capture (409). Honours Idempotency-Key.

    Args:
        uid (str):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TransactionCaptureCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PartnerTransactionDetailResponse]
    """

    kwargs = _get_kwargs(
        uid=uid,
        body=body,
        partner_id=partner_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: TransactionCaptureCreate | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | PartnerTransactionDetailResponse | None:
    """Capture Partner Transaction

     Capture a two-step link payment's authorization, all of it or `amount`, through the merchant's own
    capture:
    its rules and errors apply (once, within 7 days: 5012/5013), and the merchant hears it. A card
    transaction or
    a terminal payment has nothing to capture (409). Honours Idempotency-Key.

    Args:
        uid (str):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TransactionCaptureCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PartnerTransactionDetailResponse
    """

    return sync_detailed(
        uid=uid,
        client=client,
        body=body,
        partner_id=partner_id,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: TransactionCaptureCreate | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | PartnerTransactionDetailResponse]:
    """Capture Partner Transaction

     Capture a two-step link payment's authorization, all of it or `amount`, through the merchant's own
    capture:
    its rules and errors apply (once, within 7 days: 5012/5013), and the merchant hears it. A card
    transaction or
    a terminal payment has nothing to capture (409). Honours Idempotency-Key.

    Args:
        uid (str):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TransactionCaptureCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PartnerTransactionDetailResponse]
    """

    kwargs = _get_kwargs(
        uid=uid,
        body=body,
        partner_id=partner_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: TransactionCaptureCreate | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | PartnerTransactionDetailResponse | None:
    """Capture Partner Transaction

     Capture a two-step link payment's authorization, all of it or `amount`, through the merchant's own
    capture:
    its rules and errors apply (once, within 7 days: 5012/5013), and the merchant hears it. A card
    transaction or
    a terminal payment has nothing to capture (409). Honours Idempotency-Key.

    Args:
        uid (str):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TransactionCaptureCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PartnerTransactionDetailResponse
    """

    return (
        await asyncio_detailed(
            uid=uid,
            client=client,
            body=body,
            partner_id=partner_id,
            idempotency_key=idempotency_key,
        )
    ).parsed
