from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SettlementNotice")


@_attrs_define
class SettlementNotice:
    """The acquirer paid out what it owed for captured payments.

    Attributes:
        id (str): The notice's id: it applies once.
        processor (str):
        currency (str):
        amount (int | str):
        settlement_date (datetime.date):
        transactions (list[str] | Unset):
    """

    id: str
    processor: str
    currency: str
    amount: int | str
    settlement_date: datetime.date
    transactions: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        processor = self.processor

        currency = self.currency

        amount: int | str
        amount = self.amount

        settlement_date = self.settlement_date.isoformat()

        transactions: list[str] | Unset = UNSET
        if not isinstance(self.transactions, Unset):
            transactions = self.transactions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "processor": processor,
                "currency": currency,
                "amount": amount,
                "settlementDate": settlement_date,
            }
        )
        if transactions is not UNSET:
            field_dict["transactions"] = transactions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        processor = d.pop("processor")

        currency = d.pop("currency")

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        settlement_date = datetime.date.fromisoformat(d.pop("settlementDate"))

        transactions = cast(list[str], d.pop("transactions", UNSET))

        settlement_notice = cls(
            id=id,
            processor=processor,
            currency=currency,
            amount=amount,
            settlement_date=settlement_date,
            transactions=transactions,
        )

        settlement_notice.additional_properties = d
        return settlement_notice

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
