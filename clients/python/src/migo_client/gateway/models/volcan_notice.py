from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.volcan_notice_type import VolcanNoticeType
from ..types import UNSET, Unset

T = TypeVar("T", bound="VolcanNotice")


@_attrs_define
class VolcanNotice:
    """An issued card used at a merchant: `authorization` holds the amount on the card, `clearing` posts it,
    `reversal` releases it. `authorizationId` ties the three together.

        Attributes:
            id (str): The notice's id: it applies once.
            type_ (VolcanNoticeType):
            card_id (UUID):
            authorization_id (str):
            amount (int | None | str | Unset): Required for authorizations and clearings.
            currency (None | str | Unset):
            merchant_name (None | str | Unset):
            occurred_at (datetime.datetime | None | Unset):
    """

    id: str
    type_: VolcanNoticeType
    card_id: UUID
    authorization_id: str
    amount: int | None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    merchant_name: None | str | Unset = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        card_id = str(self.card_id)

        authorization_id = self.authorization_id

        amount: int | None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        merchant_name: None | str | Unset
        if isinstance(self.merchant_name, Unset):
            merchant_name = UNSET
        else:
            merchant_name = self.merchant_name

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "cardId": card_id,
                "authorizationId": authorization_id,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if merchant_name is not UNSET:
            field_dict["merchantName"] = merchant_name
        if occurred_at is not UNSET:
            field_dict["occurredAt"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        type_ = VolcanNoticeType(d.pop("type"))

        card_id = UUID(d.pop("cardId"))

        authorization_id = d.pop("authorizationId")

        def _parse_amount(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_merchant_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant_name = _parse_merchant_name(d.pop("merchantName", UNSET))

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurredAt", UNSET))

        volcan_notice = cls(
            id=id,
            type_=type_,
            card_id=card_id,
            authorization_id=authorization_id,
            amount=amount,
            currency=currency,
            merchant_name=merchant_name,
            occurred_at=occurred_at,
        )

        volcan_notice.additional_properties = d
        return volcan_notice

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
