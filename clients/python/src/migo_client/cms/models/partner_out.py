from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PartnerOut")


@_attrs_define
class PartnerOut:
    """
    Attributes:
        id (UUID):
        name (str):
        created_at (datetime.datetime):
        user_access_ttl_seconds (int): A cardholder's access token (Wallet Gateway), in seconds.
        user_refresh_ttl_seconds (int): A cardholder's refresh token, in seconds.
        operator_access_ttl_seconds (int): An operator's access token (CMS), in seconds.
        operator_refresh_ttl_seconds (int): An operator's refresh token, in seconds.
        locale (None | str): The language of its hosted pages (checkout, card activation) and card statements when a
            Payment Link names none: `es` or `en`; null: the customer's browser's (English for a statement).
    """

    id: UUID
    name: str
    created_at: datetime.datetime
    user_access_ttl_seconds: int
    user_refresh_ttl_seconds: int
    operator_access_ttl_seconds: int
    operator_refresh_ttl_seconds: int
    locale: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        created_at = self.created_at.isoformat()

        user_access_ttl_seconds = self.user_access_ttl_seconds

        user_refresh_ttl_seconds = self.user_refresh_ttl_seconds

        operator_access_ttl_seconds = self.operator_access_ttl_seconds

        operator_refresh_ttl_seconds = self.operator_refresh_ttl_seconds

        locale: None | str
        locale = self.locale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "createdAt": created_at,
                "userAccessTtlSeconds": user_access_ttl_seconds,
                "userRefreshTtlSeconds": user_refresh_ttl_seconds,
                "operatorAccessTtlSeconds": operator_access_ttl_seconds,
                "operatorRefreshTtlSeconds": operator_refresh_ttl_seconds,
                "locale": locale,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        user_access_ttl_seconds = d.pop("userAccessTtlSeconds")

        user_refresh_ttl_seconds = d.pop("userRefreshTtlSeconds")

        operator_access_ttl_seconds = d.pop("operatorAccessTtlSeconds")

        operator_refresh_ttl_seconds = d.pop("operatorRefreshTtlSeconds")

        def _parse_locale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        locale = _parse_locale(d.pop("locale"))

        partner_out = cls(
            id=id,
            name=name,
            created_at=created_at,
            user_access_ttl_seconds=user_access_ttl_seconds,
            user_refresh_ttl_seconds=user_refresh_ttl_seconds,
            operator_access_ttl_seconds=operator_access_ttl_seconds,
            operator_refresh_ttl_seconds=operator_refresh_ttl_seconds,
            locale=locale,
        )

        partner_out.additional_properties = d
        return partner_out

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
