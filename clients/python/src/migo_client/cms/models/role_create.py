from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.permission_code import PermissionCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="RoleCreate")


@_attrs_define
class RoleCreate:
    """
    Attributes:
        name (str): Lower case: letters, digits, `.`, `_`, `-`.
        description (str):
        permissions (list[PermissionCode]): Codes of `GET /permissions`; the caller must hold each of them.
        partner_id (None | Unset | UUID): A platform (global) operator: the partner the role is for, such as a new
            partner's first custom role; left out, the caller's own. Any other partner answers 404 (7812).
    """

    name: str
    description: str
    permissions: list[PermissionCode]
    partner_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.value
            permissions.append(permissions_item)

        partner_id: None | str | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        elif isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "description": description,
                "permissions": permissions,
            }
        )
        if partner_id is not UNSET:
            field_dict["partnerId"] = partner_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        permissions = []
        _permissions = d.pop("permissions")
        for permissions_item_data in _permissions:
            permissions_item = PermissionCode(permissions_item_data)

            permissions.append(permissions_item)

        def _parse_partner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partner_id_type_0 = UUID(data)

                return partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        partner_id = _parse_partner_id(d.pop("partnerId", UNSET))

        role_create = cls(
            name=name,
            description=description,
            permissions=permissions,
            partner_id=partner_id,
        )

        return role_create
