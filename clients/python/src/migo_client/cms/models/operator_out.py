from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.operator_out_scope import OperatorOutScope
from ..models.operator_out_status import OperatorOutStatus

T = TypeVar("T", bound="OperatorOut")


@_attrs_define
class OperatorOut:
    """
    Attributes:
        id (UUID):
        username (str):
        name (str):
        email (None | str):
        status (OperatorOutStatus):
        scope (OperatorOutScope): `partner`: the partner's objects; `global`: every partner's (the platform's
            operators); `client`: one Payment Link client's payments.
        partner_id (UUID):
        client_slug (None | str):
        roles (list[str]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime | None):
    """

    id: UUID
    username: str
    name: str
    email: None | str
    status: OperatorOutStatus
    scope: OperatorOutScope
    partner_id: UUID
    client_slug: None | str
    roles: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        username = self.username

        name = self.name

        email: None | str
        email = self.email

        status = self.status.value

        scope = self.scope.value

        partner_id = str(self.partner_id)

        client_slug: None | str
        client_slug = self.client_slug

        roles = self.roles

        created_at = self.created_at.isoformat()

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "name": name,
                "email": email,
                "status": status,
                "scope": scope,
                "partnerId": partner_id,
                "clientSlug": client_slug,
                "roles": roles,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        username = d.pop("username")

        name = d.pop("name")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        status = OperatorOutStatus(d.pop("status"))

        scope = OperatorOutScope(d.pop("scope"))

        partner_id = UUID(d.pop("partnerId"))

        def _parse_client_slug(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_slug = _parse_client_slug(d.pop("clientSlug"))

        roles = cast(list[str], d.pop("roles"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updatedAt"))

        operator_out = cls(
            id=id,
            username=username,
            name=name,
            email=email,
            status=status,
            scope=scope,
            partner_id=partner_id,
            client_slug=client_slug,
            roles=roles,
            created_at=created_at,
            updated_at=updated_at,
        )

        operator_out.additional_properties = d
        return operator_out

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
