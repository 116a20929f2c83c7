from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.amount_mismatch_channel import AmountMismatchChannel
from ..models.amount_mismatch_status import AmountMismatchStatus

T = TypeVar("T", bound="AmountMismatch")


@_attrs_define
class AmountMismatch:
    """
    Attributes:
        line (int):
        processor_reference (str):
        status (AmountMismatchStatus):
        channel (AmountMismatchChannel): Ours: a Payment Link, or a terminal sale.
        payment_id (str): The link's uid, or the terminal payment's id.
        ours (str): What we captured (a `settled` line) or refunded (a `refunded` line).
        our_currency (str):
        theirs (str): The line's amount.
        currency (str): The line's currency.
    """

    line: int
    processor_reference: str
    status: AmountMismatchStatus
    channel: AmountMismatchChannel
    payment_id: str
    ours: str
    our_currency: str
    theirs: str
    currency: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        processor_reference = self.processor_reference

        status = self.status.value

        channel = self.channel.value

        payment_id = self.payment_id

        ours = self.ours

        our_currency = self.our_currency

        theirs = self.theirs

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "processorReference": processor_reference,
                "status": status,
                "channel": channel,
                "paymentId": payment_id,
                "ours": ours,
                "ourCurrency": our_currency,
                "theirs": theirs,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        line = d.pop("line")

        processor_reference = d.pop("processorReference")

        status = AmountMismatchStatus(d.pop("status"))

        channel = AmountMismatchChannel(d.pop("channel"))

        payment_id = d.pop("paymentId")

        ours = d.pop("ours")

        our_currency = d.pop("ourCurrency")

        theirs = d.pop("theirs")

        currency = d.pop("currency")

        amount_mismatch = cls(
            line=line,
            processor_reference=processor_reference,
            status=status,
            channel=channel,
            payment_id=payment_id,
            ours=ours,
            our_currency=our_currency,
            theirs=theirs,
            currency=currency,
        )

        amount_mismatch.additional_properties = d
        return amount_mismatch

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
