from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WalletMovementOut")


@_attrs_define
class WalletMovementOut:
    """A movement of one of the wallet's cards, naming the card (never its number: the masked PAN).

    Attributes:
        movement_id (str):
        entry_id (UUID):
        type_ (str):
        description (None | str):
        amount (str): Signed: negative leaves the card.
        currency (str):
        balance_after (str):
        created_at (datetime.datetime):
        card_id (UUID):
        masked_pan (str):
        last4 (str):
    """

    movement_id: str
    entry_id: UUID
    type_: str
    description: None | str
    amount: str
    currency: str
    balance_after: str
    created_at: datetime.datetime
    card_id: UUID
    masked_pan: str
    last4: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        movement_id = self.movement_id

        entry_id = str(self.entry_id)

        type_ = self.type_

        description: None | str
        description = self.description

        amount = self.amount

        currency = self.currency

        balance_after = self.balance_after

        created_at = self.created_at.isoformat()

        card_id = str(self.card_id)

        masked_pan = self.masked_pan

        last4 = self.last4

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "movementId": movement_id,
                "entryId": entry_id,
                "type": type_,
                "description": description,
                "amount": amount,
                "currency": currency,
                "balanceAfter": balance_after,
                "createdAt": created_at,
                "cardId": card_id,
                "maskedPan": masked_pan,
                "last4": last4,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        movement_id = d.pop("movementId")

        entry_id = UUID(d.pop("entryId"))

        type_ = d.pop("type")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        balance_after = d.pop("balanceAfter")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        card_id = UUID(d.pop("cardId"))

        masked_pan = d.pop("maskedPan")

        last4 = d.pop("last4")

        wallet_movement_out = cls(
            movement_id=movement_id,
            entry_id=entry_id,
            type_=type_,
            description=description,
            amount=amount,
            currency=currency,
            balance_after=balance_after,
            created_at=created_at,
            card_id=card_id,
            masked_pan=masked_pan,
            last4=last4,
        )

        wallet_movement_out.additional_properties = d
        return wallet_movement_out

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
