from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.external_card_out import ExternalCardOut
    from ..models.wallet_card_out import WalletCardOut
    from ..models.wallet_movement_out import WalletMovementOut


T = TypeVar("T", bound="WalletOut")


@_attrs_define
class WalletOut:
    """
    Attributes:
        user_id (UUID):
        cards (list[WalletCardOut]): Owned and shared, oldest first.
        recent_movements (list[WalletMovementOut]): The latest 20 movements over the cards the holder may `view`, newest
            first.
        external_cards (list[ExternalCardOut]): Cards of other issuers the holder linked.
    """

    user_id: UUID
    cards: list[WalletCardOut]
    recent_movements: list[WalletMovementOut]
    external_cards: list[ExternalCardOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        cards = []
        for cards_item_data in self.cards:
            cards_item = cards_item_data.to_dict()
            cards.append(cards_item)

        recent_movements = []
        for recent_movements_item_data in self.recent_movements:
            recent_movements_item = recent_movements_item_data.to_dict()
            recent_movements.append(recent_movements_item)

        external_cards = []
        for external_cards_item_data in self.external_cards:
            external_cards_item = external_cards_item_data.to_dict()
            external_cards.append(external_cards_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "cards": cards,
                "recentMovements": recent_movements,
                "externalCards": external_cards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.external_card_out import ExternalCardOut
        from ..models.wallet_card_out import WalletCardOut
        from ..models.wallet_movement_out import WalletMovementOut

        d = dict(src_dict)
        user_id = UUID(d.pop("userId"))

        cards = []
        _cards = d.pop("cards")
        for cards_item_data in _cards:
            cards_item = WalletCardOut.from_dict(cards_item_data)

            cards.append(cards_item)

        recent_movements = []
        _recent_movements = d.pop("recentMovements")
        for recent_movements_item_data in _recent_movements:
            recent_movements_item = WalletMovementOut.from_dict(
                recent_movements_item_data
            )

            recent_movements.append(recent_movements_item)

        external_cards = []
        _external_cards = d.pop("externalCards")
        for external_cards_item_data in _external_cards:
            external_cards_item = ExternalCardOut.from_dict(external_cards_item_data)

            external_cards.append(external_cards_item)

        wallet_out = cls(
            user_id=user_id,
            cards=cards,
            recent_movements=recent_movements,
            external_cards=external_cards,
        )

        wallet_out.additional_properties = d
        return wallet_out

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
