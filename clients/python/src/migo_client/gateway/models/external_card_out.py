from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExternalCardOut")


@_attrs_define
class ExternalCardOut:
    """
    Attributes:
        external_card_id (UUID):
        brand (str):
        last4 (str):
        expiry_month (int):
        expiry_year (int):
        holder_name (str):
        created_at (datetime.datetime):
    """

    external_card_id: UUID
    brand: str
    last4: str
    expiry_month: int
    expiry_year: int
    holder_name: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_card_id = str(self.external_card_id)

        brand = self.brand

        last4 = self.last4

        expiry_month = self.expiry_month

        expiry_year = self.expiry_year

        holder_name = self.holder_name

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "externalCardId": external_card_id,
                "brand": brand,
                "last4": last4,
                "expiryMonth": expiry_month,
                "expiryYear": expiry_year,
                "holderName": holder_name,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        external_card_id = UUID(d.pop("externalCardId"))

        brand = d.pop("brand")

        last4 = d.pop("last4")

        expiry_month = d.pop("expiryMonth")

        expiry_year = d.pop("expiryYear")

        holder_name = d.pop("holderName")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        external_card_out = cls(
            external_card_id=external_card_id,
            brand=brand,
            last4=last4,
            expiry_month=expiry_month,
            expiry_year=expiry_year,
            holder_name=holder_name,
            created_at=created_at,
        )

        external_card_out.additional_properties = d
        return external_card_out

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
