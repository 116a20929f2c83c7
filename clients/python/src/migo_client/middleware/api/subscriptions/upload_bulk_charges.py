from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.batch_accepted import BatchAccepted
from ...models.body_upload_bulk_charges import BodyUploadBulkCharges
from ...models.error_response_dto import ErrorResponseDto
from ...models.unauthorized_response import UnauthorizedResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyUploadBulkCharges | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/subscriptions/charges/bulk",
    }

    if not isinstance(body, Unset):
        _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchAccepted | ErrorResponseDto | UnauthorizedResponse:
    if response.status_code == 200:
        response_200 = BatchAccepted.from_dict(response.json())

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
) -> Response[BatchAccepted | ErrorResponseDto | UnauthorizedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyUploadBulkCharges | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BatchAccepted | ErrorResponseDto | UnauthorizedResponse]:
    """Upload Bulk Charges

     Charge many subscriptions from a CSV (multipart, part `file`; UTF-8, header
    `subscriptionId,amount,description,externalId`, at most 10 MiB and 100,000 lines). Answers 200 with
    the
    `batchId` at once (seed 001) and runs in the worker; poll `.../progress`, then fetch `.../results`.
    A file
    that is not such a CSV is refused whole (79xx) before anything runs; a bad line is reported and
    skipped.

    Args:
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadBulkCharges | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchAccepted | ErrorResponseDto | UnauthorizedResponse]
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
    body: BodyUploadBulkCharges | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> BatchAccepted | ErrorResponseDto | UnauthorizedResponse | None:
    """Upload Bulk Charges

     Charge many subscriptions from a CSV (multipart, part `file`; UTF-8, header
    `subscriptionId,amount,description,externalId`, at most 10 MiB and 100,000 lines). Answers 200 with
    the
    `batchId` at once (seed 001) and runs in the worker; poll `.../progress`, then fetch `.../results`.
    A file
    that is not such a CSV is refused whole (79xx) before anything runs; a bad line is reported and
    skipped.

    Args:
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadBulkCharges | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchAccepted | ErrorResponseDto | UnauthorizedResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyUploadBulkCharges | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BatchAccepted | ErrorResponseDto | UnauthorizedResponse]:
    """Upload Bulk Charges

     Charge many subscriptions from a CSV (multipart, part `file`; UTF-8, header
    `subscriptionId,amount,description,externalId`, at most 10 MiB and 100,000 lines). Answers 200 with
    the
    `batchId` at once (seed 001) and runs in the worker; poll `.../progress`, then fetch `.../results`.
    A file
    that is not such a CSV is refused whole (79xx) before anything runs; a bad line is reported and
    skipped.

    Args:
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadBulkCharges | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchAccepted | ErrorResponseDto | UnauthorizedResponse]
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
    body: BodyUploadBulkCharges | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> BatchAccepted | ErrorResponseDto | UnauthorizedResponse | None:
    """Upload Bulk Charges

     Charge many subscriptions from a CSV (multipart, part `file`; UTF-8, header
    `subscriptionId,amount,description,externalId`, at most 10 MiB and 100,000 lines). Answers 200 with
    the
    `batchId` at once (seed 001) and runs in the worker; poll `.../progress`, then fetch `.../results`.
    A file
    that is not such a CSV is refused whole (79xx) before anything runs; a bad line is reported and
    skipped.

    Args:
        idempotency_key (None | str | Unset): The same key with the same file: the same batch.
        body (BodyUploadBulkCharges | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchAccepted | ErrorResponseDto | UnauthorizedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
