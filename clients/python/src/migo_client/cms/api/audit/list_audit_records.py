import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.audit_record_out_page_response import AuditRecordOutPageResponse
from ...models.audit_records_sort_by import AuditRecordsSortBy
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    operator_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    resource_id: None | str | Unset = UNSET,
    at_from: datetime.datetime | None | Unset = UNSET,
    at_to: datetime.datetime | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: AuditRecordsSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_operator_id: None | str | Unset
    if isinstance(operator_id, Unset):
        json_operator_id = UNSET
    elif isinstance(operator_id, UUID):
        json_operator_id = str(operator_id)
    else:
        json_operator_id = operator_id
    params["operatorId"] = json_operator_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_resource_id: None | str | Unset
    if isinstance(resource_id, Unset):
        json_resource_id = UNSET
    else:
        json_resource_id = resource_id
    params["resourceId"] = json_resource_id

    json_at_from: None | str | Unset
    if isinstance(at_from, Unset):
        json_at_from = UNSET
    elif isinstance(at_from, datetime.datetime):
        json_at_from = at_from.isoformat()
    else:
        json_at_from = at_from
    params["atFrom"] = json_at_from

    json_at_to: None | str | Unset
    if isinstance(at_to, Unset):
        json_at_to = UNSET
    elif isinstance(at_to, datetime.datetime):
        json_at_to = at_to.isoformat()
    else:
        json_at_to = at_to
    params["atTo"] = json_at_to

    json_partner_id: None | str | Unset
    if isinstance(partner_id, Unset):
        json_partner_id = UNSET
    elif isinstance(partner_id, UUID):
        json_partner_id = str(partner_id)
    else:
        json_partner_id = partner_id
    params["partnerId"] = json_partner_id

    params["page"] = page

    params["limit"] = limit

    json_sort_by: None | str | Unset
    if isinstance(sort_by, Unset):
        json_sort_by = UNSET
    elif isinstance(sort_by, AuditRecordsSortBy):
        json_sort_by = sort_by.value
    else:
        json_sort_by = sort_by
    params["sortBy"] = json_sort_by

    json_sort_order: None | str | Unset
    if isinstance(sort_order, Unset):
        json_sort_order = UNSET
    else:
        json_sort_order = sort_order
    params["sortOrder"] = json_sort_order

    json_search_text: None | str | Unset
    if isinstance(search_text, Unset):
        json_search_text = UNSET
    else:
        json_search_text = search_text
    params["searchText"] = json_search_text

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditRecordOutPageResponse | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = AuditRecordOutPageResponse.from_dict(response.json())

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

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AuditRecordOutPageResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    operator_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    resource_id: None | str | Unset = UNSET,
    at_from: datetime.datetime | None | Unset = UNSET,
    at_to: datetime.datetime | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: AuditRecordsSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[AuditRecordOutPageResponse | ErrorEnvelope]:
    """List Audit Records

     The partner's audit trail, newest first: every CMS call that changed something (or tried to) and
    every
    read of sensitive data; what a global operator did to the partner is in it too. `searchText`
    matches, in
    part and whatever the case, the operation, the route, the ids in the path and the resource's name as
    the
    call left it (an operator's username, a role's or partner's name, a Payment Link client's display
    name, a
    lead's business name, an uploaded file's name; a renamed resource's older records keep its older
    name). A
    cardholder or a card is never named: find them by id.

    Args:
        operator_id (None | Unset | UUID): Only this operator's.
        action (None | str | Unset): Only this operation: `approveLead`.
        resource_id (None | str | Unset): Only calls naming this id.
        at_from (datetime.datetime | None | Unset): At or after this instant.
        at_to (datetime.datetime | None | Unset): Before this instant.
        partner_id (None | Unset | UUID): A global operator reads this partner's trail (others:
            their own).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (AuditRecordsSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditRecordOutPageResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        operator_id=operator_id,
        action=action,
        resource_id=resource_id,
        at_from=at_from,
        at_to=at_to,
        partner_id=partner_id,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    operator_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    resource_id: None | str | Unset = UNSET,
    at_from: datetime.datetime | None | Unset = UNSET,
    at_to: datetime.datetime | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: AuditRecordsSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> AuditRecordOutPageResponse | ErrorEnvelope | None:
    """List Audit Records

     The partner's audit trail, newest first: every CMS call that changed something (or tried to) and
    every
    read of sensitive data; what a global operator did to the partner is in it too. `searchText`
    matches, in
    part and whatever the case, the operation, the route, the ids in the path and the resource's name as
    the
    call left it (an operator's username, a role's or partner's name, a Payment Link client's display
    name, a
    lead's business name, an uploaded file's name; a renamed resource's older records keep its older
    name). A
    cardholder or a card is never named: find them by id.

    Args:
        operator_id (None | Unset | UUID): Only this operator's.
        action (None | str | Unset): Only this operation: `approveLead`.
        resource_id (None | str | Unset): Only calls naming this id.
        at_from (datetime.datetime | None | Unset): At or after this instant.
        at_to (datetime.datetime | None | Unset): Before this instant.
        partner_id (None | Unset | UUID): A global operator reads this partner's trail (others:
            their own).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (AuditRecordsSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditRecordOutPageResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        operator_id=operator_id,
        action=action,
        resource_id=resource_id,
        at_from=at_from,
        at_to=at_to,
        partner_id=partner_id,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    operator_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    resource_id: None | str | Unset = UNSET,
    at_from: datetime.datetime | None | Unset = UNSET,
    at_to: datetime.datetime | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: AuditRecordsSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> Response[AuditRecordOutPageResponse | ErrorEnvelope]:
    """List Audit Records

     The partner's audit trail, newest first: every CMS call that changed something (or tried to) and
    every
    read of sensitive data; what a global operator did to the partner is in it too. `searchText`
    matches, in
    part and whatever the case, the operation, the route, the ids in the path and the resource's name as
    the
    call left it (an operator's username, a role's or partner's name, a Payment Link client's display
    name, a
    lead's business name, an uploaded file's name; a renamed resource's older records keep its older
    name). A
    cardholder or a card is never named: find them by id.

    Args:
        operator_id (None | Unset | UUID): Only this operator's.
        action (None | str | Unset): Only this operation: `approveLead`.
        resource_id (None | str | Unset): Only calls naming this id.
        at_from (datetime.datetime | None | Unset): At or after this instant.
        at_to (datetime.datetime | None | Unset): Before this instant.
        partner_id (None | Unset | UUID): A global operator reads this partner's trail (others:
            their own).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (AuditRecordsSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditRecordOutPageResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        operator_id=operator_id,
        action=action,
        resource_id=resource_id,
        at_from=at_from,
        at_to=at_to,
        partner_id=partner_id,
        page=page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
        search_text=search_text,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    operator_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    resource_id: None | str | Unset = UNSET,
    at_from: datetime.datetime | None | Unset = UNSET,
    at_to: datetime.datetime | None | Unset = UNSET,
    partner_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 20,
    sort_by: AuditRecordsSortBy | None | Unset = UNSET,
    sort_order: None | str | Unset = UNSET,
    search_text: None | str | Unset = UNSET,
) -> AuditRecordOutPageResponse | ErrorEnvelope | None:
    """List Audit Records

     The partner's audit trail, newest first: every CMS call that changed something (or tried to) and
    every
    read of sensitive data; what a global operator did to the partner is in it too. `searchText`
    matches, in
    part and whatever the case, the operation, the route, the ids in the path and the resource's name as
    the
    call left it (an operator's username, a role's or partner's name, a Payment Link client's display
    name, a
    lead's business name, an uploaded file's name; a renamed resource's older records keep its older
    name). A
    cardholder or a card is never named: find them by id.

    Args:
        operator_id (None | Unset | UUID): Only this operator's.
        action (None | str | Unset): Only this operation: `approveLead`.
        resource_id (None | str | Unset): Only calls naming this id.
        at_from (datetime.datetime | None | Unset): At or after this instant.
        at_to (datetime.datetime | None | Unset): Before this instant.
        partner_id (None | Unset | UUID): A global operator reads this partner's trail (others:
            their own).
        page (int | Unset): Page number, from 1. Default: 1.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        sort_by (AuditRecordsSortBy | None | Unset): Field to sort by.
        sort_order (None | str | Unset): ASC or DESC.
        search_text (None | str | Unset): Free-text search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditRecordOutPageResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            operator_id=operator_id,
            action=action,
            resource_id=resource_id,
            at_from=at_from,
            at_to=at_to,
            partner_id=partner_id,
            page=page,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
            search_text=search_text,
        )
    ).parsed
