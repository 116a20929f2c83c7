from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.transaction_refund_create import TransactionRefundCreate
from ...models.transaction_refund_out_response import TransactionRefundOutResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uid: str,
    *,
    body: TransactionRefundCreate,
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
        "url": "/transactions/{uid}/refund".format(
            uid=quote(str(uid), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TransactionRefundOutResponse:
    if response.status_code == 201:
        response_201 = TransactionRefundOutResponse.from_dict(response.json())

        return response_201

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
) -> Response[ErrorEnvelope | TransactionRefundOutResponse]:
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
    body: TransactionRefundCreate,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | TransactionRefundOutResponse]:
    """Refund Partner Transaction

     Refund a link payment or a terminal payment, all that is left or `amount` of it, saying why: through
    the
    payment's own refund, so the same rules and errors as its merchant's refund apply (5014 beyond what
    is left
    of a link payment, 5015 one not captured; 7423 for a terminal payment), and the merchant hears it. A
    card
    transaction is not refunded here (409/7831). Honours Idempotency-Key.

    Args:
        uid (str):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TransactionRefundCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TransactionRefundOutResponse]
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
    body: TransactionRefundCreate,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | TransactionRefundOutResponse | None:
    """Refund Partner Transaction

     Refund a link payment or a terminal payment, all that is left or `amount` of it, saying why: through
    the
    payment's own refund, so the same rules and errors as its merchant's refund apply (5014 beyond what
    is left
    of a link payment, 5015 one not captured; 7423 for a terminal payment), and the merchant hears it. A
    card
    transaction is not refunded here (409/7831). Honours Idempotency-Key.

    Args:
        uid (str):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TransactionRefundCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TransactionRefundOutResponse
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
    body: TransactionRefundCreate,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ErrorEnvelope | TransactionRefundOutResponse]:
    """Refund Partner Transaction

     Refund a link payment or a terminal payment, all that is left or `amount` of it, saying why: through
    the
    payment's own refund, so the same rules and errors as its merchant's refund apply (5014 beyond what
    is left
    of a link payment, 5015 one not captured; 7423 for a terminal payment), and the merchant hears it. A
    card
    transaction is not refunded here (409/7831). Honours Idempotency-Key.

    Args:
        uid (str):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TransactionRefundCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TransactionRefundOutResponse]
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
    body: TransactionRefundCreate,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ErrorEnvelope | TransactionRefundOutResponse | None:
    """Refund Partner Transaction

     Refund a link payment or a terminal payment, all that is left or `amount` of it, saying why: through
    the
    payment's own refund, so the same rules and errors as its merchant's refund apply (5014 beyond what
    is left
    of a link payment, 5015 one not captured; 7423 for a terminal payment), and the merchant hears it. A
    card
    transaction is not refunded here (409/7831). Honours Idempotency-Key.

    Args:
        uid (str):
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): Retries with the same key and body replay the first
            answer for 24 h.
        body (TransactionRefundCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TransactionRefundOutResponse
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
