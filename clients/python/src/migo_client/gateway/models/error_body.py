from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorBody")


@_attrs_define
class ErrorBody:
    """What went wrong: the catalog's code and name, a readable detail, and, for a refusal that recorded
    something, that record as fields of its own (more may be added; a client ignores those it does not know).

        Attributes:
            code (int):
            name (str):
            detail (str):
            transaction_id (None | str | Unset): A denied money movement (a transfer, a load or an unload): the card
                transaction that records the denial, readable at `GET /rest/cards/transactions/{transactionId}`.
            status (Literal['denied'] | None | Unset): A denied money movement: `denied`.
            request_id (None | str | Unset): The request's id (also in `x-request-id`): quote it to support.
            doc_url (None | str | Unset): The error's entry in the error catalog page.
    """

    code: int
    name: str
    detail: str
    transaction_id: None | str | Unset = UNSET
    status: Literal["denied"] | None | Unset = UNSET
    request_id: None | str | Unset = UNSET
    doc_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        detail = self.detail

        transaction_id: None | str | Unset
        if isinstance(self.transaction_id, Unset):
            transaction_id = UNSET
        else:
            transaction_id = self.transaction_id

        status: Literal["denied"] | None | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        doc_url: None | str | Unset
        if isinstance(self.doc_url, Unset):
            doc_url = UNSET
        else:
            doc_url = self.doc_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "detail": detail,
            }
        )
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if status is not UNSET:
            field_dict["status"] = status
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if doc_url is not UNSET:
            field_dict["docUrl"] = doc_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        detail = d.pop("detail")

        def _parse_transaction_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        transaction_id = _parse_transaction_id(d.pop("transactionId", UNSET))

        def _parse_status(data: object) -> Literal["denied"] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            status_type_0 = cast(Literal["denied"], data)
            if status_type_0 != "denied":
                raise ValueError(
                    f"status_type_0 must match const 'denied', got '{status_type_0}'"
                )
            return status_type_0
            return cast(Literal["denied"] | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("requestId", UNSET))

        def _parse_doc_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        doc_url = _parse_doc_url(d.pop("docUrl", UNSET))

        error_body = cls(
            code=code,
            name=name,
            detail=detail,
            transaction_id=transaction_id,
            status=status,
            request_id=request_id,
            doc_url=doc_url,
        )

        error_body.additional_properties = d
        return error_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
