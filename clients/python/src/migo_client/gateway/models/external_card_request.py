from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExternalCardRequest")


@_attrs_define
class ExternalCardRequest:
    """
    Attributes:
        card_number (str):
        expiry_month (int):
        expiry_year (int):
        holder_name (str):
    """

    card_number: str
    expiry_month: int
    expiry_year: int
    holder_name: str

    def to_dict(self) -> dict[str, Any]:
        card_number = self.card_number

        expiry_month = self.expiry_month

        expiry_year = self.expiry_year

        holder_name = self.holder_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cardNumber": card_number,
                "expiryMonth": expiry_month,
                "expiryYear": expiry_year,
                "holderName": holder_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        card_number = d.pop("cardNumber")

        expiry_month = d.pop("expiryMonth")

        expiry_year = d.pop("expiryYear")

        holder_name = d.pop("holderName")

        external_card_request = cls(
            card_number=card_number,
            expiry_month=expiry_month,
            expiry_year=expiry_year,
            holder_name=holder_name,
        )

        return external_card_request
