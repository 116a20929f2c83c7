from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="SettleToPrepaidCard")


@_attrs_define
class SettleToPrepaidCard:
    """
    Attributes:
        type_ (Literal['PREPAID_CARD']):
        card_id (UUID): A prepaid card of the company, in the business's currency.
    """

    type_: Literal["PREPAID_CARD"]
    card_id: UUID

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        card_id = str(self.card_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "cardId": card_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["PREPAID_CARD"], d.pop("type"))
        if type_ != "PREPAID_CARD":
            raise ValueError(f"type must match const 'PREPAID_CARD', got '{type_}'")

        card_id = UUID(d.pop("cardId"))

        settle_to_prepaid_card = cls(
            type_=type_,
            card_id=card_id,
        )

        return settle_to_prepaid_card
