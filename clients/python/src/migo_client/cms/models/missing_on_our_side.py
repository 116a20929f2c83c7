from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.missing_on_our_side_status import MissingOnOurSideStatus

T = TypeVar("T", bound="MissingOnOurSide")


@_attrs_define
class MissingOnOurSide:
    """
    Attributes:
        line (int):
        processor_reference (str):
        status (MissingOnOurSideStatus):
        amount (str):
        currency (str):
        settled_at (datetime.datetime):
    """

    line: int
    processor_reference: str
    status: MissingOnOurSideStatus
    amount: str
    currency: str
    settled_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        processor_reference = self.processor_reference

        status = self.status.value

        amount = self.amount

        currency = self.currency

        settled_at = self.settled_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "processorReference": processor_reference,
                "status": status,
                "amount": amount,
                "currency": currency,
                "settledAt": settled_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        line = d.pop("line")

        processor_reference = d.pop("processorReference")

        status = MissingOnOurSideStatus(d.pop("status"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        settled_at = datetime.datetime.fromisoformat(d.pop("settledAt"))

        missing_on_our_side = cls(
            line=line,
            processor_reference=processor_reference,
            status=status,
            amount=amount,
            currency=currency,
            settled_at=settled_at,
        )

        missing_on_our_side.additional_properties = d
        return missing_on_our_side

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
