from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.settlement_credit_out_type import SettlementCreditOutType

T = TypeVar("T", bound="SettlementCreditOut")


@_attrs_define
class SettlementCreditOut:
    """
    Attributes:
        type_ (SettlementCreditOutType):
        card_id (None | UUID):
        amount (str):
    """

    type_: SettlementCreditOutType
    card_id: None | UUID
    amount: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        card_id: None | str
        if isinstance(self.card_id, UUID):
            card_id = str(self.card_id)
        else:
            card_id = self.card_id

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "cardId": card_id,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = SettlementCreditOutType(d.pop("type"))

        def _parse_card_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                card_id_type_0 = UUID(data)

                return card_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        card_id = _parse_card_id(d.pop("cardId"))

        amount = d.pop("amount")

        settlement_credit_out = cls(
            type_=type_,
            card_id=card_id,
            amount=amount,
        )

        settlement_credit_out.additional_properties = d
        return settlement_credit_out

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
