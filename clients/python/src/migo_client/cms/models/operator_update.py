from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.operator_update_status_type_0 import OperatorUpdateStatusType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="OperatorUpdate")


@_attrs_define
class OperatorUpdate:
    """
    Attributes:
        name (None | str | Unset):
        email (None | str | Unset):
        roles (list[str] | None | Unset): The whole new set of role names.
        status (None | OperatorUpdateStatusType0 | Unset): `disabled` stops the operator's tokens at once; an operator
            cannot disable itself.
        client_slug (None | str | Unset): Its scope: a Payment Link client of the partner (its roles must then stay
            within a client's scope), or null for the whole partner. Takes effect on its next call.
    """

    name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    roles: list[str] | None | Unset = UNSET
    status: None | OperatorUpdateStatusType0 | Unset = UNSET
    client_slug: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = self.roles

        else:
            roles = self.roles

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, OperatorUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_roles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = cast(list[str], data)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_status(data: object) -> None | OperatorUpdateStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = OperatorUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OperatorUpdateStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

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
