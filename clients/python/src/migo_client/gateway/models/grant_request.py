from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.grant_request_permissions_item import GrantRequestPermissionsItem

T = TypeVar("T", bound="GrantRequest")


@_attrs_define
class GrantRequest:
    """
    Attributes:
        user_id (UUID):
        permissions (list[GrantRequestPermissionsItem]):
    """

    user_id: UUID
    permissions: list[GrantRequestPermissionsItem]

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.value
            permissions.append(permissions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "userId": user_id,
                "permissions": permissions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = UUID(d.pop("userId"))

        permissions = []
        _permissions = d.pop("permissions")
        for permissions_item_data in _permissions:
            permissions_item = GrantRequestPermissionsItem(permissions_item_data)

            permissions.append(permissions_item)

        grant_request = cls(
            user_id=user_id,
            permissions=permissions,
        )

        return grant_request
