from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BankAccountIn")


@_attrs_define
class BankAccountIn:
    """
    Attributes:
        bank_name (str):
        account_number (str):
        holder (str):
    """

    bank_name: str
    account_number: str
    holder: str

    def to_dict(self) -> dict[str, Any]:
        bank_name = self.bank_name

        account_number = self.account_number

        holder = self.holder

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bankName": bank_name,
                "accountNumber": account_number,
                "holder": holder,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank_name = d.pop("bankName")

        account_number = d.pop("accountNumber")

        holder = d.pop("holder")

        bank_account_in = cls(
            bank_name=bank_name,
            account_number=account_number,
            holder=holder,
        )

        return bank_account_in
