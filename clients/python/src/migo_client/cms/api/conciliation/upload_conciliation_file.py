from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.batch_accepted_response import BatchAcceptedResponse
from ...models.body_upload_conciliation_file import BodyUploadConciliationFile
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyUploadConciliationFile | Unset = UNSET,
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
        "url": "/conciliation",
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchAcceptedResponse | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = BatchAcceptedResponse.from_dict(response.json())

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
) -> Response[BatchAcceptedResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyUploadConciliationFile | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BatchAcceptedResponse | ErrorEnvelope]:
    """Upload Conciliation File

     Conciliate a processor's settlement file against the partner's payments (multipart: `source`, the
    processor, and `file`; UTF-8, header `processorReference,amount,currency,status,settledAt`, at most
    10 MiB
    and 100,000 lines; `status` settled or refunded). Answers 200 with the `batchId` at once (seed 001)
    and runs
    in the worker; poll `.../progress`, then read `.../report`. A file that is not such a CSV is refused
    whole
    (79xx) before anything runs; a malformed line is reported in the progress and skipped.

    Args:
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadConciliationFile | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchAcceptedResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        partner_id=partner_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BodyUploadConciliationFile | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> BatchAcceptedResponse | ErrorEnvelope | None:
    """Upload Conciliation File

     Conciliate a processor's settlement file against the partner's payments (multipart: `source`, the
    processor, and `file`; UTF-8, header `processorReference,amount,currency,status,settledAt`, at most
    10 MiB
    and 100,000 lines; `status` settled or refunded). Answers 200 with the `batchId` at once (seed 001)
    and runs
    in the worker; poll `.../progress`, then read `.../report`. A file that is not such a CSV is refused
    whole
    (79xx) before anything runs; a malformed line is reported in the progress and skipped.

    Args:
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadConciliationFile | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchAcceptedResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
        partner_id=partner_id,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyUploadConciliationFile | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BatchAcceptedResponse | ErrorEnvelope]:
    """Upload Conciliation File

     Conciliate a processor's settlement file against the partner's payments (multipart: `source`, the
    processor, and `file`; UTF-8, header `processorReference,amount,currency,status,settledAt`, at most
    10 MiB
    and 100,000 lines; `status` settled or refunded). Answers 200 with the `batchId` at once (seed 001)
    and runs
    in the worker; poll `.../progress`, then read `.../report`. A file that is not such a CSV is refused
    whole
    (79xx) before anything runs; a malformed line is reported in the progress and skipped.

    Args:
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadConciliationFile | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchAcceptedResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        partner_id=partner_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BodyUploadConciliationFile | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> BatchAcceptedResponse | ErrorEnvelope | None:
    """Upload Conciliation File

     Conciliate a processor's settlement file against the partner's payments (multipart: `source`, the
    processor, and `file`; UTF-8, header `processorReference,amount,currency,status,settledAt`, at most
    10 MiB
    and 100,000 lines; `status` settled or refunded). Answers 200 with the `batchId` at once (seed 001)
    and runs
    in the worker; poll `.../progress`, then read `.../report`. A file that is not such a CSV is refused
    whole
    (79xx) before anything runs; a malformed line is reported in the progress and skipped.

    Args:
        partner_id (None | Unset | UUID): A platform (global) operator: the partner to act on;
            left out, the caller's own. Any other partner answers 404 (7812).
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadConciliationFile | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchAcceptedResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            partner_id=partner_id,
            idempotency_key=idempotency_key,
        )
    ).parsed
