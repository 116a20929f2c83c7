from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CardProgramOut")


@_attrs_define
class CardProgramOut:
    """
    Attributes:
        name (str): The program's brand: the name its cards carry.
        bin_ (str):
        currency (str):
        max_balance (None | str): None: no maximum.
        per_transfer_limit (None | str):
        daily_transfer_limit (None | str):
        validity_months (int):
    """

    name: str
    bin_: str
    currency: str
    max_balance: None | str
    per_transfer_limit: None | str
    daily_transfer_limit: None | str
    validity_months: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        bin_ = self.bin_

        currency = self.currency

        max_balance: None | str
        max_balance = self.max_balance

        per_transfer_limit: None | str
        per_transfer_limit = self.per_transfer_limit

        daily_transfer_limit: None | str
        daily_transfer_limit = self.daily_transfer_limit

        validity_months = self.validity_months

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "bin": bin_,
                "currency": currency,
                "maxBalance": max_balance,
                "perTransferLimit": per_transfer_limit,
                "dailyTransferLimit": daily_transfer_limit,
                "validityMonths": validity_months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        bin_ = d.pop("bin")

        currency = d.pop("currency")

        def _parse_max_balance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        max_balance = _parse_max_balance(d.pop("maxBalance"))

        def _parse_per_transfer_limit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        per_transfer_limit = _parse_per_transfer_limit(d.pop("perTransferLimit"))

        def _parse_daily_transfer_limit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        daily_transfer_limit = _parse_daily_transfer_limit(d.pop("dailyTransferLimit"))

        validity_months = d.pop("validityMonths")

        card_program_out = cls(
            name=name,
            bin_=bin_,
            currency=currency,
            max_balance=max_balance,
            per_transfer_limit=per_transfer_limit,
            daily_transfer_limit=daily_transfer_limit,
            validity_months=validity_months,
        )

        card_program_out.additional_properties = d
        return card_program_out

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
