from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.operator_update_status import OperatorUpdateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="OperatorUpdate")


@_attrs_define
class OperatorUpdate:
    """
    Attributes:
        name (str | Unset):
        email (str | Unset):
        roles (list[str] | Unset): The whole new set of role names.
        status (OperatorUpdateStatus | Unset): `disabled` stops the operator's tokens at once; an operator cannot
            disable itself.
        client_slug (None | str | Unset): Its scope: a Payment Link client of the partner (its roles must then stay
            within a client's scope), or null for the whole partner. Takes effect on its next call.
    """

    name: str | Unset = UNSET
    email: str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    status: OperatorUpdateStatus | Unset = UNSET
    client_slug: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        client_slug: None | str | Unset
        if isinstance(self.client_slug, Unset):
            client_slug = UNSET
        else:
            client_slug = self.client_slug

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if roles is not UNSET:
            field_dict["roles"] = roles
        if status is not UNSET:
            field_dict["status"] = status
        if client_slug is not UNSET:
            field_dict["clientSlug"] = client_slug

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        email = d.pop("email", UNSET)

        roles = cast(list[str], d.pop("roles", UNSET))

        _status = d.pop("status", UNSET)
        status: OperatorUpdateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = OperatorUpdateStatus(_status)

        def _parse_client_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_slug = _parse_client_slug(d.pop("clientSlug", UNSET))

        operator_update = cls(
            name=name,
            email=email,
            roles=roles,
            status=status,
            client_slug=client_slug,
        )

        return operator_update
