from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CardInput")


@_attrs_define
class CardInput:
    """A card as typed (sandbox only: in production, cards are typed on the hosted page).

    Attributes:
        card_number (str):
        expiry (str): MM/YY
        cvv (str):
        cardholder_name (None | str | Unset):
    """

    card_number: str
    expiry: str
    cvv: str
    cardholder_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        card_number = self.card_number

        expiry = self.expiry

        cvv = self.cvv

        cardholder_name: None | str | Unset
        if isinstance(self.cardholder_name, Unset):
            cardholder_name = UNSET
        else:
            cardholder_name = self.cardholder_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cardNumber": card_number,
                "expiry": expiry,
                "cvv": cvv,
            }
        )
        if cardholder_name is not UNSET:
            field_dict["cardholderName"] = cardholder_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        card_number = d.pop("cardNumber")

        expiry = d.pop("expiry")

        cvv = d.pop("cvv")

        def _parse_cardholder_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cardholder_name = _parse_cardholder_name(d.pop("cardholderName", UNSET))

        card_input = cls(
            card_number=card_number,
            expiry=expiry,
            cvv=cvv,
            cardholder_name=cardholder_name,
        )

        return card_input
