from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OperatorCreate")


@_attrs_define
class OperatorCreate:
    """
    Attributes:
        username (str):
        email (str): Where invitations and reset codes go.
        name (str):
        roles (list[str]): Role names (system or the partner's); the caller must hold all they grant.
        password (None | str | Unset): The operator may sign in at once; omit it to invite the operator by email
            instead.
        client_slug (None | str | Unset): Scope the operator to this Payment Link client of the partner (a merchant's
            dashboard user): it acts on that client's payments only, and its roles may grant only `transactions.read`,
            `payments.refund` and `payment_links.create`.
        partner_id (None | Unset | UUID): A platform (global) operator: the partner the operator is for, such as a new
            partner's first admin; left out, the caller's own. Any other partner answers 404 (7812).
    """

    username: str
    email: str
    name: str
    roles: list[str]
    password: None | str | Unset = UNSET
    client_slug: None | str | Unset = UNSET
    partner_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        email = self.email

        name = self.name

        roles = self.roles

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        client_slug: None | str | Unset
        if isinstance(self.client_slug, Unset):
            client_slug = UNSET
        else:
            client_slug = self.client_slug

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
                "username": username,
                "email": email,
                "name": name,
                "roles": roles,
            }
        )
        if password is not UNSET:
            field_dict["password"] = password
        if client_slug is not UNSET:
            field_dict["clientSlug"] = client_slug
        if partner_id is not UNSET:
            field_dict["partnerId"] = partner_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username")

        email = d.pop("email")

        name = d.pop("name")

        roles = cast(list[str], d.pop("roles"))

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

        def _parse_client_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_slug = _parse_client_slug(d.pop("clientSlug", UNSET))

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

        operator_create = cls(
            username=username,
            email=email,
            name=name,
            roles=roles,
            password=password,
            client_slug=client_slug,
            partner_id=partner_id,
        )

        return operator_create
