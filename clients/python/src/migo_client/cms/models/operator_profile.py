from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.operator_profile_scope import OperatorProfileScope

T = TypeVar("T", bound="OperatorProfile")


@_attrs_define
class OperatorProfile:
    """
    Attributes:
        operator_id (UUID):
        partner_id (UUID):
        scope (OperatorProfileScope):
        client_slug (None | str):
        username (str):
        display_name (str):
        roles (list[str]):
        permissions (list[str]):
    """

    operator_id: UUID
    partner_id: UUID
    scope: OperatorProfileScope
    client_slug: None | str
    username: str
    display_name: str
    roles: list[str]
    permissions: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        operator_id = str(self.operator_id)

        partner_id = str(self.partner_id)

        scope = self.scope.value

        client_slug: None | str
        client_slug = self.client_slug

        username = self.username

        display_name = self.display_name

        roles = self.roles

        permissions = self.permissions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "operatorId": operator_id,
                "partnerId": partner_id,
                "scope": scope,
                "clientSlug": client_slug,
                "username": username,
                "displayName": display_name,
                "roles": roles,
                "permissions": permissions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        operator_id = UUID(d.pop("operatorId"))

        partner_id = UUID(d.pop("partnerId"))

        scope = OperatorProfileScope(d.pop("scope"))

        def _parse_client_slug(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_slug = _parse_client_slug(d.pop("clientSlug"))

        username = d.pop("username")

        display_name = d.pop("displayName")

        roles = cast(list[str], d.pop("roles"))

        permissions = cast(list[str], d.pop("permissions"))

        operator_profile = cls(
            operator_id=operator_id,
            partner_id=partner_id,
            scope=scope,
            client_slug=client_slug,
            username=username,
            display_name=display_name,
            roles=roles,
            permissions=permissions,
        )

        operator_profile.additional_properties = d
        return operator_profile

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
