from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.movement_out import MovementOut


T = TypeVar("T", bound="HeldCardOut")


@_attrs_define
class HeldCardOut:
    """
    Attributes:
        card_id (UUID):
        masked_pan (str): BIN, six asterisks, last four: the number itself is never shown here.
        last4 (str):
        status (str):
        currency (str):
        balance (str):
        available_balance (str):
        is_owner (bool):
        expiry_month (int):
        expiry_year (int):
        recent_movements (list[MovementOut]): Its latest movements, newest first (at most 5).
        blocked_with_holder (bool): Blocked by the cardholder's block: lifting it unblocks this card.
    """

    card_id: UUID
    masked_pan: str
    last4: str
    status: str
    currency: str
    balance: str
    available_balance: str
    is_owner: bool
    expiry_month: int
    expiry_year: int
    recent_movements: list[MovementOut]
    blocked_with_holder: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card_id = str(self.card_id)

        masked_pan = self.masked_pan

        last4 = self.last4

        status = self.status

        currency = self.currency

        balance = self.balance

        available_balance = self.available_balance

        is_owner = self.is_owner

        expiry_month = self.expiry_month

        expiry_year = self.expiry_year

        recent_movements = []
        for recent_movements_item_data in self.recent_movements:
            recent_movements_item = recent_movements_item_data.to_dict()
            recent_movements.append(recent_movements_item)

        blocked_with_holder = self.blocked_with_holder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cardId": card_id,
                "maskedPan": masked_pan,
                "last4": last4,
                "status": status,
                "currency": currency,
                "balance": balance,
                "availableBalance": available_balance,
                "isOwner": is_owner,
                "expiryMonth": expiry_month,
                "expiryYear": expiry_year,
                "recentMovements": recent_movements,
                "blockedWithHolder": blocked_with_holder,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.movement_out import MovementOut

        d = dict(src_dict)
        card_id = UUID(d.pop("cardId"))

        masked_pan = d.pop("maskedPan")

        last4 = d.pop("last4")

        status = d.pop("status")

        currency = d.pop("currency")

        balance = d.pop("balance")

        available_balance = d.pop("availableBalance")

        is_owner = d.pop("isOwner")

        expiry_month = d.pop("expiryMonth")

        expiry_year = d.pop("expiryYear")

        recent_movements = []
        _recent_movements = d.pop("recentMovements")
        for recent_movements_item_data in _recent_movements:
            recent_movements_item = MovementOut.from_dict(recent_movements_item_data)

            recent_movements.append(recent_movements_item)

        blocked_with_holder = d.pop("blockedWithHolder")

        held_card_out = cls(
            card_id=card_id,
            masked_pan=masked_pan,
            last4=last4,
            status=status,
            currency=currency,
            balance=balance,
            available_balance=available_balance,
            is_owner=is_owner,
            expiry_month=expiry_month,
            expiry_year=expiry_year,
            recent_movements=recent_movements,
            blocked_with_holder=blocked_with_holder,
        )

        held_card_out.additional_properties = d
        return held_card_out

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
