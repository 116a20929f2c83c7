from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TransferRequest")


@_attrs_define
class TransferRequest:
    """
    Attributes:
        source_card_id (UUID):
        target_card_id (UUID):
        amount (int | str):
        description (None | str | Unset):
    """

    source_card_id: UUID
    target_card_id: UUID
    amount: int | str
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source_card_id = str(self.source_card_id)

        target_card_id = str(self.target_card_id)

        amount: int | str
        amount = self.amount

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sourceCardId": source_card_id,
                "targetCardId": target_card_id,
                "amount": amount,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source_card_id = UUID(d.pop("sourceCardId"))

        target_card_id = UUID(d.pop("targetCardId"))

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        transfer_request = cls(
            source_card_id=source_card_id,
            target_card_id=target_card_id,
            amount=amount,
            description=description,
        )

        return transfer_request
