from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_out_status import DocumentOutStatus
from ..models.document_out_type import DocumentOutType

T = TypeVar("T", bound="DocumentOut")


@_attrs_define
class DocumentOut:
    """
    Attributes:
        id (UUID):
        type_ (DocumentOutType):
        status (DocumentOutStatus):
        sha256 (str): The SHA-256 of the file, 64 hex characters.
        size (int):
        content_type (str):
        rejection_reason (None | str):
        created_at (datetime.datetime):
    """

    id: UUID
    type_: DocumentOutType
    status: DocumentOutStatus
    sha256: str
    size: int
    content_type: str
    rejection_reason: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_.value

        status = self.status.value

        sha256 = self.sha256

        size = self.size

        content_type = self.content_type

        rejection_reason: None | str
        rejection_reason = self.rejection_reason

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "status": status,
                "sha256": sha256,
                "size": size,
                "contentType": content_type,
                "rejectionReason": rejection_reason,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = DocumentOutType(d.pop("type"))

        status = DocumentOutStatus(d.pop("status"))

        sha256 = d.pop("sha256")

        size = d.pop("size")

        content_type = d.pop("contentType")

        def _parse_rejection_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejectionReason"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        document_out = cls(
            id=id,
            type_=type_,
            status=status,
            sha256=sha256,
            size=size,
            content_type=content_type,
            rejection_reason=rejection_reason,
            created_at=created_at,
        )

        document_out.additional_properties = d
        return document_out

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
