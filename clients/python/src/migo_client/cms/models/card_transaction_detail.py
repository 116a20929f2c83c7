from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.card_transaction_detail_type import CardTransactionDetailType

if TYPE_CHECKING:
    from ..models.transaction_card_out import TransactionCardOut


T = TypeVar("T", bound="CardTransactionDetail")


@_attrs_define
class CardTransactionDetail:
    """
    Attributes:
        type_ (CardTransactionDetailType):
        source_card (None | TransactionCardOut): The card the money left (none for a load).
        target_card (None | TransactionCardOut): The card the money reached (none for an unload).
        description (None | str):
        denial_code (int | None): A denied one's reason, as the Gateway answered it (7303, …).
    """

    type_: CardTransactionDetailType
    source_card: None | TransactionCardOut
    target_card: None | TransactionCardOut
    description: None | str
    denial_code: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.transaction_card_out import TransactionCardOut

        type_ = self.type_.value

        source_card: dict[str, Any] | None
        if isinstance(self.source_card, TransactionCardOut):
            source_card = self.source_card.to_dict()
        else:
            source_card = self.source_card

        target_card: dict[str, Any] | None
        if isinstance(self.target_card, TransactionCardOut):
            target_card = self.target_card.to_dict()
        else:
            target_card = self.target_card

        description: None | str
        description = self.description

        denial_code: int | None
        denial_code = self.denial_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sourceCard": source_card,
                "targetCard": target_card,
                "description": description,
                "denialCode": denial_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.transaction_card_out import TransactionCardOut

        d = dict(src_dict)
        type_ = CardTransactionDetailType(d.pop("type"))

        def _parse_source_card(data: object) -> None | TransactionCardOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_card_type_0 = TransactionCardOut.from_dict(data)

                return source_card_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TransactionCardOut, data)

        source_card = _parse_source_card(d.pop("sourceCard"))

        def _parse_target_card(data: object) -> None | TransactionCardOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_card_type_0 = TransactionCardOut.from_dict(data)

                return target_card_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TransactionCardOut, data)

        target_card = _parse_target_card(d.pop("targetCard"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_denial_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        denial_code = _parse_denial_code(d.pop("denialCode"))

        card_transaction_detail = cls(
            type_=type_,
            source_card=source_card,
            target_card=target_card,
            description=description,
            denial_code=denial_code,
        )

        card_transaction_detail.additional_properties = d
        return card_transaction_detail

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
