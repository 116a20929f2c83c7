from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partner_transaction_out_kind import PartnerTransactionOutKind
from ..models.partner_transaction_out_status import PartnerTransactionOutStatus

if TYPE_CHECKING:
    from ..models.transaction_owner import TransactionOwner


T = TypeVar("T", bound="PartnerTransactionOut")


@_attrs_define
class PartnerTransactionOut:
    """
    Attributes:
        kind (PartnerTransactionOutKind):
        uid (str): A link payment's uid, or a card transaction's or terminal payment's id.
        amount (str): A terminal payment's is what the card was charged: the amount and the tip.
        currency (str):
        status (PartnerTransactionOutStatus):
        created_at (datetime.datetime):
        reference (None | str):
        external_id (None | str):
        user_id (None | str): A link payment's end customer (`userId`), or the user id of a card transaction's card
            owner.
        masked_card (None | str): BIN, six asterisks, last four: when the BIN is known.
        card_last_4 (None | str):
        card_brand (None | str):
        owner (TransactionOwner):
    """

    kind: PartnerTransactionOutKind
    uid: str
    amount: str
    currency: str
    status: PartnerTransactionOutStatus
    created_at: datetime.datetime
    reference: None | str
    external_id: None | str
    user_id: None | str
    masked_card: None | str
    card_last_4: None | str
    card_brand: None | str
    owner: TransactionOwner
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        uid = self.uid

        amount = self.amount

        currency = self.currency

        status = self.status.value

        created_at = self.created_at.isoformat()

        reference: None | str
        reference = self.reference

        external_id: None | str
        external_id = self.external_id

        user_id: None | str
        user_id = self.user_id

        masked_card: None | str
        masked_card = self.masked_card

        card_last_4: None | str
        card_last_4 = self.card_last_4

        card_brand: None | str
        card_brand = self.card_brand

        owner = self.owner.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "uid": uid,
                "amount": amount,
                "currency": currency,
                "status": status,
                "createdAt": created_at,
                "reference": reference,
                "externalId": external_id,
                "userId": user_id,
                "maskedCard": masked_card,
                "cardLast4": card_last_4,
                "cardBrand": card_brand,
                "owner": owner,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.transaction_owner import TransactionOwner

        d = dict(src_dict)
        kind = PartnerTransactionOutKind(d.pop("kind"))

        uid = d.pop("uid")

        amount = d.pop("amount")

        currency = d.pop("currency")

        status = PartnerTransactionOutStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("externalId"))

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("userId"))

        def _parse_masked_card(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        masked_card = _parse_masked_card(d.pop("maskedCard"))

        def _parse_card_last_4(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        card_last_4 = _parse_card_last_4(d.pop("cardLast4"))

        def _parse_card_brand(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        card_brand = _parse_card_brand(d.pop("cardBrand"))

        owner = TransactionOwner.from_dict(d.pop("owner"))

        partner_transaction_out = cls(
            kind=kind,
            uid=uid,
            amount=amount,
            currency=currency,
            status=status,
            created_at=created_at,
            reference=reference,
            external_id=external_id,
            user_id=user_id,
            masked_card=masked_card,
            card_last_4=card_last_4,
            card_brand=card_brand,
            owner=owner,
        )

        partner_transaction_out.additional_properties = d
        return partner_transaction_out

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
