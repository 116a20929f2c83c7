from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponseDto")


@_attrs_define
class ErrorResponseDto:
    """Failure shape of the Middleware.

    Attributes:
        status_code (int):
        own_code (int):
        message (str):
        detail (str):
        request_id (None | str | Unset): The request's id (also in `x-request-id`): quote it to support.
        doc_url (None | str | Unset): The error's entry in the error catalog page.
    """

    status_code: int
    own_code: int
    message: str
    detail: str
    request_id: None | str | Unset = UNSET
    doc_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_code = self.status_code

        own_code = self.own_code

        message = self.message

        detail = self.detail

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
                "statusCode": status_code,
                "ownCode": own_code,
                "message": message,
                "detail": detail,
            }
        )
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if doc_url is not UNSET:
            field_dict["docUrl"] = doc_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status_code = d.pop("statusCode")

        own_code = d.pop("ownCode")

        message = d.pop("message")

        detail = d.pop("detail")

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

        error_response_dto = cls(
            status_code=status_code,
            own_code=own_code,
            message=message,
            detail=detail,
            request_id=request_id,
            doc_url=doc_url,
        )

        error_response_dto.additional_properties = d
        return error_response_dto

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
