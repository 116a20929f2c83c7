from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OperatorPasswordReset")


@_attrs_define
class OperatorPasswordReset:
    """
    Attributes:
        operator_id (UUID):
        password_set (bool | Unset):  Default: True.
    """

    operator_id: UUID
    password_set: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        operator_id = str(self.operator_id)

        password_set = self.password_set

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "operatorId": operator_id,
            }
        )
        if password_set is not UNSET:
            field_dict["passwordSet"] = password_set

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        operator_id = UUID(d.pop("operatorId"))

        password_set = d.pop("passwordSet", UNSET)

        operator_password_reset = cls(
            operator_id=operator_id,
            password_set=password_set,
        )

        operator_password_reset.additional_properties = d
        return operator_password_reset

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
