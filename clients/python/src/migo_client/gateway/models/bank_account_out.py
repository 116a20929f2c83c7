from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BankAccountOut")


@_attrs_define
class BankAccountOut:
    """
    Attributes:
        bank_name (str):
        account_number_last_4 (str):
        holder (str):
    """

    bank_name: str
    account_number_last_4: str
    holder: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_name = self.bank_name

        account_number_last_4 = self.account_number_last_4

        holder = self.holder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bankName": bank_name,
                "accountNumberLast4": account_number_last_4,
                "holder": holder,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank_name = d.pop("bankName")

        account_number_last_4 = d.pop("accountNumberLast4")

        holder = d.pop("holder")

        bank_account_out = cls(
            bank_name=bank_name,
            account_number_last_4=account_number_last_4,
            holder=holder,
        )

        bank_account_out.additional_properties = d
        return bank_account_out

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
