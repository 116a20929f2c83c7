from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bin_out_type import BinOutType

T = TypeVar("T", bound="BinOut")


@_attrs_define
class BinOut:
    """
    Attributes:
        bin_ (str):
        brand (str):
        type_ (BinOutType):
        issuer (None | str):
        country (None | str):
    """

    bin_: str
    brand: str
    type_: BinOutType
    issuer: None | str
    country: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bin_ = self.bin_

        brand = self.brand

        type_ = self.type_.value

        issuer: None | str
        issuer = self.issuer

        country: None | str
        country = self.country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bin": bin_,
                "brand": brand,
                "type": type_,
                "issuer": issuer,
                "country": country,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bin_ = d.pop("bin")

        brand = d.pop("brand")

        type_ = BinOutType(d.pop("type"))

        def _parse_issuer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        issuer = _parse_issuer(d.pop("issuer"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        bin_out = cls(
            bin_=bin_,
            brand=brand,
            type_=type_,
            issuer=issuer,
            country=country,
        )

        bin_out.additional_properties = d
        return bin_out

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
