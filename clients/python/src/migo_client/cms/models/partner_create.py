from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerCreate")


@_attrs_define
class PartnerCreate:
    """
    Attributes:
        name (str):
        user_access_ttl_seconds (int | None | Unset): The default when left out. Access tokens live 300 to 86400 seconds
            (5 minutes to 24 hours), refresh tokens 3600 to 7776000 (1 hour to 90 days) and longer than the access token
            they renew.
        user_refresh_ttl_seconds (int | None | Unset):
        operator_access_ttl_seconds (int | None | Unset):
        operator_refresh_ttl_seconds (int | None | Unset):
    """

    name: str
    user_access_ttl_seconds: int | None | Unset = UNSET
    user_refresh_ttl_seconds: int | None | Unset = UNSET
    operator_access_ttl_seconds: int | None | Unset = UNSET
    operator_refresh_ttl_seconds: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        user_access_ttl_seconds: int | None | Unset
        if isinstance(self.user_access_ttl_seconds, Unset):
            user_access_ttl_seconds = UNSET
        else:
            user_access_ttl_seconds = self.user_access_ttl_seconds

        user_refresh_ttl_seconds: int | None | Unset
        if isinstance(self.user_refresh_ttl_seconds, Unset):
            user_refresh_ttl_seconds = UNSET
        else:
            user_refresh_ttl_seconds = self.user_refresh_ttl_seconds

        operator_access_ttl_seconds: int | None | Unset
        if isinstance(self.operator_access_ttl_seconds, Unset):
            operator_access_ttl_seconds = UNSET
        else:
            operator_access_ttl_seconds = self.operator_access_ttl_seconds

        operator_refresh_ttl_seconds: int | None | Unset
        if isinstance(self.operator_refresh_ttl_seconds, Unset):
            operator_refresh_ttl_seconds = UNSET
        else:
            operator_refresh_ttl_seconds = self.operator_refresh_ttl_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if user_access_ttl_seconds is not UNSET:
            field_dict["userAccessTtlSeconds"] = user_access_ttl_seconds
        if user_refresh_ttl_seconds is not UNSET:
            field_dict["userRefreshTtlSeconds"] = user_refresh_ttl_seconds
        if operator_access_ttl_seconds is not UNSET:
            field_dict["operatorAccessTtlSeconds"] = operator_access_ttl_seconds
        if operator_refresh_ttl_seconds is not UNSET:
            field_dict["operatorRefreshTtlSeconds"] = operator_refresh_ttl_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_user_access_ttl_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        user_access_ttl_seconds = _parse_user_access_ttl_seconds(
            d.pop("userAccessTtlSeconds", UNSET)
        )

        def _parse_user_refresh_ttl_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        user_refresh_ttl_seconds = _parse_user_refresh_ttl_seconds(
            d.pop("userRefreshTtlSeconds", UNSET)
        )

        def _parse_operator_access_ttl_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        operator_access_ttl_seconds = _parse_operator_access_ttl_seconds(
            d.pop("operatorAccessTtlSeconds", UNSET)
        )

        def _parse_operator_refresh_ttl_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        operator_refresh_ttl_seconds = _parse_operator_refresh_ttl_seconds(
            d.pop("operatorRefreshTtlSeconds", UNSET)
        )

        partner_create = cls(
            name=name,
            user_access_ttl_seconds=user_access_ttl_seconds,
            user_refresh_ttl_seconds=user_refresh_ttl_seconds,
            operator_access_ttl_seconds=operator_access_ttl_seconds,
            operator_refresh_ttl_seconds=operator_refresh_ttl_seconds,
        )

        return partner_create
