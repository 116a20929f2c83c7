from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.missing_on_theirs_channel import MissingOnTheirsChannel

T = TypeVar("T", bound="MissingOnTheirs")


@_attrs_define
class MissingOnTheirs:
    """
    Attributes:
        processor_reference (str):
        channel (MissingOnTheirsChannel):
        payment_id (str):
        amount (str): What we captured.
        currency (str):
        captured_at (datetime.datetime):
    """

    processor_reference: str
    channel: MissingOnTheirsChannel
    payment_id: str
    amount: str
    currency: str
    captured_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        processor_reference = self.processor_reference

        channel = self.channel.value

        payment_id = self.payment_id

        amount = self.amount

        currency = self.currency

        captured_at = self.captured_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "processorReference": processor_reference,
                "channel": channel,
                "paymentId": payment_id,
                "amount": amount,
                "currency": currency,
                "capturedAt": captured_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        processor_reference = d.pop("processorReference")

        channel = MissingOnTheirsChannel(d.pop("channel"))

        payment_id = d.pop("paymentId")

        amount = d.pop("amount")

        currency = d.pop("currency")

        captured_at = datetime.datetime.fromisoformat(d.pop("capturedAt"))

        missing_on_theirs = cls(
            processor_reference=processor_reference,
            channel=channel,
            payment_id=payment_id,
            amount=amount,
            currency=currency,
            captured_at=captured_at,
        )

        missing_on_theirs.additional_properties = d
        return missing_on_theirs

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
