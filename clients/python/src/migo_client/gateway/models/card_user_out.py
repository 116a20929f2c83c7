from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.card_user_out_permissions_item import CardUserOutPermissionsItem

T = TypeVar("T", bound="CardUserOut")


@_attrs_define
class CardUserOut:
    """
    Attributes:
        user_id (UUID):
        permissions (list[CardUserOutPermissionsItem]):
        is_owner (bool):
        granted_at (datetime.datetime):
    """

    user_id: UUID
    permissions: list[CardUserOutPermissionsItem]
    is_owner: bool
    granted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.value
            permissions.append(permissions_item)

        is_owner = self.is_owner

        granted_at = self.granted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "permissions": permissions,
                "isOwner": is_owner,
                "grantedAt": granted_at,
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
            permissions_item = CardUserOutPermissionsItem(permissions_item_data)

            permissions.append(permissions_item)

        is_owner = d.pop("isOwner")

        granted_at = datetime.datetime.fromisoformat(d.pop("grantedAt"))

        card_user_out = cls(
            user_id=user_id,
            permissions=permissions,
            is_owner=is_owner,
            granted_at=granted_at,
        )

        card_user_out.additional_properties = d
        return card_user_out

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
