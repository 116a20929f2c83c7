from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerUpdate")


@_attrs_define
class PartnerUpdate:
    """The fields to change; those left out stay as they are. The new lifetimes apply to tokens issued from now
    on (a sign-in or a refresh).

        Attributes:
            name (str | Unset):
            user_access_ttl_seconds (int | Unset): Access tokens live 300 to 86400 seconds (5 minutes to 24 hours), refresh
                tokens 3600 to 7776000 (1 hour to 90 days) and longer than the access token they renew.
            user_refresh_ttl_seconds (int | Unset):
            operator_access_ttl_seconds (int | Unset):
            operator_refresh_ttl_seconds (int | Unset):
            locale (None | str | Unset): `es` or `en`: the language of its hosted pages and card statements; null: the
                reader's.
    """

    name: str | Unset = UNSET
    user_access_ttl_seconds: int | Unset = UNSET
    user_refresh_ttl_seconds: int | Unset = UNSET
    operator_access_ttl_seconds: int | Unset = UNSET
    operator_refresh_ttl_seconds: int | Unset = UNSET
    locale: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        user_access_ttl_seconds = self.user_access_ttl_seconds

        user_refresh_ttl_seconds = self.user_refresh_ttl_seconds

        operator_access_ttl_seconds = self.operator_access_ttl_seconds

        operator_refresh_ttl_seconds = self.operator_refresh_ttl_seconds

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if user_access_ttl_seconds is not UNSET:
            field_dict["userAccessTtlSeconds"] = user_access_ttl_seconds
        if user_refresh_ttl_seconds is not UNSET:
            field_dict["userRefreshTtlSeconds"] = user_refresh_ttl_seconds
        if operator_access_ttl_seconds is not UNSET:
            field_dict["operatorAccessTtlSeconds"] = operator_access_ttl_seconds
        if operator_refresh_ttl_seconds is not UNSET:
            field_dict["operatorRefreshTtlSeconds"] = operator_refresh_ttl_seconds
        if locale is not UNSET:
            field_dict["locale"] = locale

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        user_access_ttl_seconds = d.pop("userAccessTtlSeconds", UNSET)

        user_refresh_ttl_seconds = d.pop("userRefreshTtlSeconds", UNSET)

        operator_access_ttl_seconds = d.pop("operatorAccessTtlSeconds", UNSET)

        operator_refresh_ttl_seconds = d.pop("operatorRefreshTtlSeconds", UNSET)

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        partner_update = cls(
            name=name,
            user_access_ttl_seconds=user_access_ttl_seconds,
            user_refresh_ttl_seconds=user_refresh_ttl_seconds,
            operator_access_ttl_seconds=operator_access_ttl_seconds,
            operator_refresh_ttl_seconds=operator_refresh_ttl_seconds,
            locale=locale,
        )

        return partner_update
