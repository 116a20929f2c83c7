from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BranchOut")


@_attrs_define
class BranchOut:
    """
    Attributes:
        id (UUID):
        business_id (UUID):
        name (str):
        address (str):
        created_at (datetime.datetime):
    """

    id: UUID
    business_id: UUID
    name: str
    address: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        business_id = str(self.business_id)

        name = self.name

        address = self.address

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "businessId": business_id,
                "name": name,
                "address": address,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        business_id = UUID(d.pop("businessId"))

        name = d.pop("name")

        address = d.pop("address")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        branch_out = cls(
            id=id,
            business_id=business_id,
            name=name,
            address=address,
            created_at=created_at,
        )

        branch_out.additional_properties = d
        return branch_out

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
