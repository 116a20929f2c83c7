from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RoleOut")


@_attrs_define
class RoleOut:
    """
    Attributes:
        id (UUID):
        name (str):
        description (str):
        system (bool):
        permissions (list[str]):
        created_at (datetime.datetime):
    """

    id: UUID
    name: str
    description: str
    system: bool
    permissions: list[str]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        description = self.description

        system = self.system

        permissions = self.permissions

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "system": system,
                "permissions": permissions,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        description = d.pop("description")

        system = d.pop("system")

        permissions = cast(list[str], d.pop("permissions"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        role_out = cls(
            id=id,
            name=name,
            description=description,
            system=system,
            permissions=permissions,
            created_at=created_at,
        )

        role_out.additional_properties = d
        return role_out

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
