from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.body_upload_lead_document_type import BodyUploadLeadDocumentType

T = TypeVar("T", bound="BodyUploadLeadDocument")


@_attrs_define
class BodyUploadLeadDocument:
    """
    Attributes:
        type_ (BodyUploadLeadDocumentType): What the document is.
        file (str): A PDF, JPEG or PNG file, at most 10 MB.
    """

    type_: BodyUploadLeadDocumentType
    file: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        file = self.file

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "file": file,
            }
        )

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("type", (None, str(self.type_.value).encode(), "text/plain")))

        files.append(("file", (None, str(self.file).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = BodyUploadLeadDocumentType(d.pop("type"))

        file = d.pop("file")

        body_upload_lead_document = cls(
            type_=type_,
            file=file,
        )

        body_upload_lead_document.additional_properties = d
        return body_upload_lead_document

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
