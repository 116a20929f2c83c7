from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.body_upload_lead_document import BodyUploadLeadDocument
from ...models.document_out_response import DocumentOutResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    lead_id: UUID,
    *,
    body: BodyUploadLeadDocument | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/leads/{lead_id}/documents".format(
            lead_id=quote(str(lead_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DocumentOutResponse | ErrorEnvelope:
    if response.status_code == 201:
        response_201 = DocumentOutResponse.from_dict(response.json())

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
) -> Response[DocumentOutResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    lead_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyUploadLeadDocument | Unset = UNSET,
) -> Response[DocumentOutResponse | ErrorEnvelope]:
    """Upload Lead Document

     A KYC document (multipart: `type`, `file`). Recognised by its content, never its name: anything but
    a
    PDF, JPEG or PNG is refused (7408, 415), and so is a file over 10 MB (7409, 413).

    Args:
        lead_id (UUID):
        body (BodyUploadLeadDocument | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        lead_id=lead_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    lead_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyUploadLeadDocument | Unset = UNSET,
) -> DocumentOutResponse | ErrorEnvelope | None:
    """Upload Lead Document

     A KYC document (multipart: `type`, `file`). Recognised by its content, never its name: anything but
    a
    PDF, JPEG or PNG is refused (7408, 415), and so is a file over 10 MB (7409, 413).

    Args:
        lead_id (UUID):
        body (BodyUploadLeadDocument | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentOutResponse | ErrorEnvelope
    """

    return sync_detailed(
        lead_id=lead_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    lead_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyUploadLeadDocument | Unset = UNSET,
) -> Response[DocumentOutResponse | ErrorEnvelope]:
    """Upload Lead Document

     A KYC document (multipart: `type`, `file`). Recognised by its content, never its name: anything but
    a
    PDF, JPEG or PNG is refused (7408, 415), and so is a file over 10 MB (7409, 413).

    Args:
        lead_id (UUID):
        body (BodyUploadLeadDocument | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentOutResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        lead_id=lead_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    lead_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyUploadLeadDocument | Unset = UNSET,
) -> DocumentOutResponse | ErrorEnvelope | None:
    """Upload Lead Document

     A KYC document (multipart: `type`, `file`). Recognised by its content, never its name: anything but
    a
    PDF, JPEG or PNG is refused (7408, 415), and so is a file over 10 MB (7409, 413).

    Args:
        lead_id (UUID):
        body (BodyUploadLeadDocument | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentOutResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            lead_id=lead_id,
            client=client,
            body=body,
        )
    ).parsed
