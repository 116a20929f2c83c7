from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transaction_out_status import TransactionOutStatus
from ..models.transaction_out_type import TransactionOutType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TransactionOut")


@_attrs_define
class TransactionOut:
    """
    Attributes:
        transaction_id (UUID):
        type_ (TransactionOutType):
        status (TransactionOutStatus):
        source_card_id (None | UUID):
        target_card_id (None | UUID):
        amount (str):
        currency (str):
        description (None | str):
        denial_code (int | None):
        created_at (datetime.datetime):
        balance (None | str | Unset): After an approved call: the card's balance (the source card's, for a transfer).
    """

    transaction_id: UUID
    type_: TransactionOutType
    status: TransactionOutStatus
    source_card_id: None | UUID
    target_card_id: None | UUID
    amount: str
    currency: str
    description: None | str
    denial_code: int | None
    created_at: datetime.datetime
    balance: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transaction_id = str(self.transaction_id)

        type_ = self.type_.value

        status = self.status.value

        source_card_id: None | str
        if isinstance(self.source_card_id, UUID):
            source_card_id = str(self.source_card_id)
        else:
            source_card_id = self.source_card_id

        target_card_id: None | str
        if isinstance(self.target_card_id, UUID):
            target_card_id = str(self.target_card_id)
        else:
            target_card_id = self.target_card_id

        amount = self.amount

        currency = self.currency

        description: None | str
        description = self.description

        denial_code: int | None
        denial_code = self.denial_code

        created_at = self.created_at.isoformat()

        balance: None | str | Unset
        if isinstance(self.balance, Unset):
            balance = UNSET
        else:
            balance = self.balance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "transactionId": transaction_id,
                "type": type_,
                "status": status,
                "sourceCardId": source_card_id,
                "targetCardId": target_card_id,
                "amount": amount,
                "currency": currency,
                "description": description,
                "denialCode": denial_code,
                "createdAt": created_at,
            }
        )
        if balance is not UNSET:
            field_dict["balance"] = balance

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        transaction_id = UUID(d.pop("transactionId"))

        type_ = TransactionOutType(d.pop("type"))

        status = TransactionOutStatus(d.pop("status"))

        def _parse_source_card_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_card_id_type_0 = UUID(data)

                return source_card_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        source_card_id = _parse_source_card_id(d.pop("sourceCardId"))

        def _parse_target_card_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_card_id_type_0 = UUID(data)

                return target_card_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        target_card_id = _parse_target_card_id(d.pop("targetCardId"))

        amount = d.pop("amount")

        currency = d.pop("currency")

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

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        balance = _parse_balance(d.pop("balance", UNSET))

        transaction_out = cls(
            transaction_id=transaction_id,
            type_=type_,
            status=status,
            source_card_id=source_card_id,
            target_card_id=target_card_id,
            amount=amount,
            currency=currency,
            description=description,
            denial_code=denial_code,
            created_at=created_at,
            balance=balance,
        )

        transaction_out.additional_properties = d
        return transaction_out

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
