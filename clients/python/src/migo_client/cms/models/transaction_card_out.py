from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TransactionCardOut")


@_attrs_define
class TransactionCardOut:
    """
    Attributes:
        card_id (UUID):
        masked_pan (str): BIN, six asterisks, last four: the number itself is never shown here.
        last4 (str):
    """

    card_id: UUID
    masked_pan: str
    last4: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card_id = str(self.card_id)

        masked_pan = self.masked_pan

        last4 = self.last4

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cardId": card_id,
                "maskedPan": masked_pan,
                "last4": last4,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        card_id = UUID(d.pop("cardId"))

        masked_pan = d.pop("maskedPan")

        last4 = d.pop("last4")

        transaction_card_out = cls(
            card_id=card_id,
            masked_pan=masked_pan,
            last4=last4,
        )

        transaction_card_out.additional_properties = d
        return transaction_card_out

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
