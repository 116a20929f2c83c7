from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.held_card_out import HeldCardOut


T = TypeVar("T", bound="PartnerCardholderDetail")


@_attrs_define
class PartnerCardholderDetail:
    """
    Attributes:
        user_id (UUID):
        company_id (UUID):
        first_name (str):
        last_name (str):
        email (None | str):
        phone (None | str):
        document_type (None | str):
        document_number (None | str):
        external_id (None | str):
        status (str): `active`, or `disabled`: it cannot sign in (an operator's block, for one).
        blocked_at (datetime.datetime | None): When an operator blocked the cardholder; None: not blocked.
        block_reason (None | str): Why, as the operator said it.
        created_at (datetime.datetime):
        cards (list[HeldCardOut]):
    """

    user_id: UUID
    company_id: UUID
    first_name: str
    last_name: str
    email: None | str
    phone: None | str
    document_type: None | str
    document_number: None | str
    external_id: None | str
    status: str
    blocked_at: datetime.datetime | None
    block_reason: None | str
    created_at: datetime.datetime
    cards: list[HeldCardOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        company_id = str(self.company_id)

        first_name = self.first_name

        last_name = self.last_name

        email: None | str
        email = self.email

        phone: None | str
        phone = self.phone

        document_type: None | str
        document_type = self.document_type

        document_number: None | str
        document_number = self.document_number

        external_id: None | str
        external_id = self.external_id

        status = self.status

        blocked_at: None | str
        if isinstance(self.blocked_at, datetime.datetime):
            blocked_at = self.blocked_at.isoformat()
        else:
            blocked_at = self.blocked_at

        block_reason: None | str
        block_reason = self.block_reason

        created_at = self.created_at.isoformat()

        cards = []
        for cards_item_data in self.cards:
            cards_item = cards_item_data.to_dict()
            cards.append(cards_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "companyId": company_id,
                "firstName": first_name,
                "lastName": last_name,
                "email": email,
                "phone": phone,
                "documentType": document_type,
                "documentNumber": document_number,
                "externalId": external_id,
                "status": status,
                "blockedAt": blocked_at,
                "blockReason": block_reason,
                "createdAt": created_at,
                "cards": cards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.held_card_out import HeldCardOut

        d = dict(src_dict)
        user_id = UUID(d.pop("userId"))

        company_id = UUID(d.pop("companyId"))

        first_name = d.pop("firstName")

        last_name = d.pop("lastName")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_document_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_type = _parse_document_type(d.pop("documentType"))

        def _parse_document_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_number = _parse_document_number(d.pop("documentNumber"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("externalId"))

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

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        cards = []
        _cards = d.pop("cards")
        for cards_item_data in _cards:
            cards_item = HeldCardOut.from_dict(cards_item_data)

            cards.append(cards_item)

        partner_cardholder_detail = cls(
            user_id=user_id,
            company_id=company_id,
            first_name=first_name,
            last_name=last_name,
            email=email,
            phone=phone,
            document_type=document_type,
            document_number=document_number,
            external_id=external_id,
            status=status,
            blocked_at=blocked_at,
            block_reason=block_reason,
            created_at=created_at,
            cards=cards,
        )

        partner_cardholder_detail.additional_properties = d
        return partner_cardholder_detail

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
