from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ActivateCardRequest")


@_attrs_define
class ActivateCardRequest:
    """
    Attributes:
        user_id (UUID):
        card_number (str): As printed; spaces and dashes are ignored.
        cardholder_name (str): The name embossed on the card.
    """

    user_id: UUID
    card_number: str
    cardholder_name: str

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        card_number = self.card_number

        cardholder_name = self.cardholder_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "userId": user_id,
                "cardNumber": card_number,
                "cardholderName": cardholder_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = UUID(d.pop("userId"))

        card_number = d.pop("cardNumber")

        cardholder_name = d.pop("cardholderName")

        activate_card_request = cls(
            user_id=user_id,
            card_number=card_number,
            cardholder_name=cardholder_name,
        )

        return activate_card_request
