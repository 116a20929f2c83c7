from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payout_out_status import PayoutOutStatus

T = TypeVar("T", bound="PayoutOut")


@_attrs_define
class PayoutOut:
    """
    Attributes:
        id (UUID):
        status (PayoutOutStatus):
        amount (str):
        currency (str):
        expected_date (datetime.date): When the bank credits it (seed 003: T+1 to T+3 business days).
        bank_name (str):
        account_number_last_4 (str):
        paid_at (datetime.datetime | None):
    """

    id: UUID
    status: PayoutOutStatus
    amount: str
    currency: str
    expected_date: datetime.date
    bank_name: str
    account_number_last_4: str
    paid_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        amount = self.amount

        currency = self.currency

        expected_date = self.expected_date.isoformat()

        bank_name = self.bank_name

        account_number_last_4 = self.account_number_last_4

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "amount": amount,
                "currency": currency,
                "expectedDate": expected_date,
                "bankName": bank_name,
                "accountNumberLast4": account_number_last_4,
                "paidAt": paid_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = PayoutOutStatus(d.pop("status"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        expected_date = datetime.date.fromisoformat(d.pop("expectedDate"))

        bank_name = d.pop("bankName")

        account_number_last_4 = d.pop("accountNumberLast4")

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paidAt"))

        payout_out = cls(
            id=id,
            status=status,
            amount=amount,
            currency=currency,
            expected_date=expected_date,
            bank_name=bank_name,
            account_number_last_4=account_number_last_4,
            paid_at=paid_at,
        )

        payout_out.additional_properties = d
        return payout_out

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
