from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.card_status_out import CardStatusOut


T = TypeVar("T", bound="CardholderBlockOut")


@_attrs_define
class CardholderBlockOut:
    """
    Attributes:
        user_id (UUID):
        status (str): `disabled` while blocked: no sign-in, every session ended.
        blocked_at (datetime.datetime | None):
        block_reason (None | str):
        cards (list[CardStatusOut]): The cards this call blocked or unblocked; none when it changed nothing (already
            so).
    """

    user_id: UUID
    status: str
    blocked_at: datetime.datetime | None
    block_reason: None | str
    cards: list[CardStatusOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        status = self.status

        blocked_at: None | str
        if isinstance(self.blocked_at, datetime.datetime):
            blocked_at = self.blocked_at.isoformat()
        else:
            blocked_at = self.blocked_at

        block_reason: None | str
        block_reason = self.block_reason

        cards = []
        for cards_item_data in self.cards:
            cards_item = cards_item_data.to_dict()
            cards.append(cards_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "status": status,
                "blockedAt": blocked_at,
                "blockReason": block_reason,
                "cards": cards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.card_status_out import CardStatusOut

        d = dict(src_dict)
        user_id = UUID(d.pop("userId"))

        status = d.pop("status")

        def _parse_blocked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                blocked_at_type_0 = datetime.datetime.fromisoformat(data)

                return blocked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        blocked_at = _parse_blocked_at(d.pop("blockedAt"))

        def _parse_block_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        block_reason = _parse_block_reason(d.pop("blockReason"))

        cards = []
        _cards = d.pop("cards")
        for cards_item_data in _cards:
            cards_item = CardStatusOut.from_dict(cards_item_data)

            cards.append(cards_item)

        cardholder_block_out = cls(
            user_id=user_id,
            status=status,
            blocked_at=blocked_at,
            block_reason=block_reason,
            cards=cards,
        )

        cardholder_block_out.additional_properties = d
        return cardholder_block_out

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
