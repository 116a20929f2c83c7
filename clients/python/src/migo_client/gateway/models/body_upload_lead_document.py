from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.body_upload_lead_document_type_type_0 import (
    BodyUploadLeadDocumentTypeType0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyUploadLeadDocument")


@_attrs_define
class BodyUploadLeadDocument:
    """
    Attributes:
        type_ (BodyUploadLeadDocumentTypeType0 | None | Unset): What the document is.
        file (None | str | Unset): A PDF, JPEG or PNG file, at most 10 MB.
    """

    type_: BodyUploadLeadDocumentTypeType0 | None | Unset = UNSET
    file: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, BodyUploadLeadDocumentTypeType0):
            type_ = self.type_.value
        else:
            type_ = self.type_

        file: None | str | Unset
        if isinstance(self.file, Unset):
            file = UNSET
        else:
            file = self.file

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if file is not UNSET:
            field_dict["file"] = file

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.type_, Unset):
            if isinstance(self.type_, BodyUploadLeadDocumentTypeType0):
                files.append(
                    ("type", (None, str(self.type_.value).encode(), "text/plain"))
                )
            else:
                files.append(("type", (None, str(self.type_).encode(), "text/plain")))

        if not isinstance(self.file, Unset):
            if isinstance(self.file, str):
                files.append(("file", (None, str(self.file).encode(), "text/plain")))
            else:
                files.append(("file", (None, str(self.file).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_type_(
            data: object,
        ) -> BodyUploadLeadDocumentTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = BodyUploadLeadDocumentTypeType0(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BodyUploadLeadDocumentTypeType0 | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_file(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file = _parse_file(d.pop("file", UNSET))

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
