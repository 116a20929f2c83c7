from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.batch_accepted_response import BatchAcceptedResponse
from ...models.body_upload_cardholder_batch import BodyUploadCardholderBatch
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    partner_id: UUID,
    *,
    body: BodyUploadCardholderBatch | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/app/partners/{partner_id}/cardholders/batch".format(
            partner_id=quote(str(partner_id), safe=""),
        ),
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
) -> Response[BatchAcceptedResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyUploadCardholderBatch | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BatchAcceptedResponse | ErrorEnvelope]:
    """Upload Cardholder Batch

     Register many cardholders of one of the partner's companies from a CSV (multipart, part `file`;
    header
    `firstName,lastName,email,phone,documentType,documentNumber,birthDate,externalId`, at most 10 MiB
    and
    100,000 lines). Answers 200 with the `batchId` at once (seed 001) and runs in the worker: poll
    `.../batch/{batchId}/progress`, then fetch `.../results`. A file that is not such a CSV is refused
    whole
    (79xx) before anything runs. Each line is a cardholder the company registers (no password: they set
    one
    with a one-time code); a bad line, or one whose email or document number an earlier line or an
    existing
    cardholder of the company has, is reported and skipped.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadCardholderBatch | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchAcceptedResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyUploadCardholderBatch | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> BatchAcceptedResponse | ErrorEnvelope | None:
    """Upload Cardholder Batch

     Register many cardholders of one of the partner's companies from a CSV (multipart, part `file`;
    header
    `firstName,lastName,email,phone,documentType,documentNumber,birthDate,externalId`, at most 10 MiB
    and
    100,000 lines). Answers 200 with the `batchId` at once (seed 001) and runs in the worker: poll
    `.../batch/{batchId}/progress`, then fetch `.../results`. A file that is not such a CSV is refused
    whole
    (79xx) before anything runs. Each line is a cardholder the company registers (no password: they set
    one
    with a one-time code); a bad line, or one whose email or document number an earlier line or an
    existing
    cardholder of the company has, is reported and skipped.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadCardholderBatch | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchAcceptedResponse | ErrorEnvelope
    """

    return sync_detailed(
        partner_id=partner_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyUploadCardholderBatch | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BatchAcceptedResponse | ErrorEnvelope]:
    """Upload Cardholder Batch

     Register many cardholders of one of the partner's companies from a CSV (multipart, part `file`;
    header
    `firstName,lastName,email,phone,documentType,documentNumber,birthDate,externalId`, at most 10 MiB
    and
    100,000 lines). Answers 200 with the `batchId` at once (seed 001) and runs in the worker: poll
    `.../batch/{batchId}/progress`, then fetch `.../results`. A file that is not such a CSV is refused
    whole
    (79xx) before anything runs. Each line is a cardholder the company registers (no password: they set
    one
    with a one-time code); a bad line, or one whose email or document number an earlier line or an
    existing
    cardholder of the company has, is reported and skipped.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadCardholderBatch | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchAcceptedResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyUploadCardholderBatch | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> BatchAcceptedResponse | ErrorEnvelope | None:
    """Upload Cardholder Batch

     Register many cardholders of one of the partner's companies from a CSV (multipart, part `file`;
    header
    `firstName,lastName,email,phone,documentType,documentNumber,birthDate,externalId`, at most 10 MiB
    and
    100,000 lines). Answers 200 with the `batchId` at once (seed 001) and runs in the worker: poll
    `.../batch/{batchId}/progress`, then fetch `.../results`. A file that is not such a CSV is refused
    whole
    (79xx) before anything runs. Each line is a cardholder the company registers (no password: they set
    one
    with a one-time code); a bad line, or one whose email or document number an earlier line or an
    existing
    cardholder of the company has, is reported and skipped.

    Args:
        partner_id (UUID):
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadCardholderBatch | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchAcceptedResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
